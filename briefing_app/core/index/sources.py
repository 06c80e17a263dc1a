"""Which files a build looks at (only regular ones are opened: ``ingest/filekind.py``)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from briefing_app.core.index.catalog import Catalog
from briefing_app.core.ingest import SUPPORTED_SUFFIXES, Manifest, load_manifest
from briefing_app.core.ingest.corrections import load_corrections
from briefing_app.core.models import IndexReport, Skipped
from briefing_app.core.paths import DataHome
from briefing_app.core.resources import corpus_dir


@dataclass
class Source:
    path: Path
    manifest: Manifest | None
    explicit: bool = False  # named by the user: report unsupported types
    key: str = ""  # the resolved path: the catalog's key for this file


def collect_sources(
    home: DataHome,
    paths: Iterable[os.PathLike[str] | str],
    catalog: Catalog,
    report: IndexReport,
) -> list[Source]:
    """Bundled corpus, user library, given paths, then everything indexed before."""
    sources: dict[str, Source] = {}
    corrections = load_corrections(home.library_dir)  # the user's, over every manifest

    def add(path: Path, key: str, manifest: Manifest | None, explicit: bool) -> None:
        sources.setdefault(key, Source(path, manifest, explicit, key))

    def walk(folder: Path, explicit: bool) -> None:
        manifest = load_manifest(folder, corrections)
        resolved = folder.resolve()  # once per folder: resolving each file doubles a re-index
        try:
            children = sorted(folder.iterdir())
        except OSError as exc:
            report.skipped.append(Skipped(str(folder), f"cannot read folder: {exc.strerror}"))
            return
        for child in children:
            if child.name.startswith(".") or child.name == "corpus.toml":
                continue
            if child.is_dir():
                walk(child, explicit)
            elif child.suffix.lower() in SUPPORTED_SUFFIXES:
                # A link is keyed by its target: one file reached twice is indexed once.
                key = child.resolve() if child.is_symlink() else resolved / child.name
                add(child, str(key), manifest, explicit)
            elif explicit:
                report.skipped.append(Skipped(str(child), _unsupported(child)))

    for folder in (corpus_dir(), home.library_dir):
        if folder.is_dir():
            walk(folder, explicit=folder == home.library_dir)
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            walk(path, explicit=True)
        elif not path.exists():
            report.skipped.append(Skipped(str(path), "no such file or folder"))
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            report.skipped.append(Skipped(str(path), _unsupported(path)))
        else:
            add(path, str(path.resolve()), load_manifest(path.parent, corrections), True)
    for key in catalog.entries:
        if key not in sources:
            path = Path(key)
            sources[key] = Source(path, load_manifest(path.parent, corrections), key=key)
    return list(sources.values())


def indexable_files(folder: Path) -> Iterator[tuple[str, str, os.DirEntry[str]]]:
    """(path, catalog key, directory entry) of each file a build of ``folder`` reads,
    by ``collect_sources``' rules (hidden names and the manifest left out, a link keyed
    by its target), one ``scandir`` per folder: the window's start-up check resolved
    every path instead, 240 ms for 6,400 files, and the first search waited for it."""
    resolved = os.path.realpath(folder)
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name == "corpus.toml":
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            continue
        if is_dir:
            yield from indexable_files(Path(entry.path))
        elif Path(entry.name).suffix.lower() in SUPPORTED_SUFFIXES:
            key = (
                os.path.realpath(entry.path)
                if entry.is_symlink()
                else os.path.join(resolved, entry.name)
            )
            yield entry.path, key, entry


def _unsupported(path: Path) -> str:
    kinds = ", ".join(SUPPORTED_SUFFIXES)
    return f"unsupported file type {path.suffix or '(none)'!r} (Briefing reads {kinds})"
