"""Incremental indexing: unchanged files cost nothing, changes replace, removals vanish."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing_app.core.index import lock as lock_module
from briefing_app.core.index.lock import IndexBusy, writer_lock
from briefing_app.core.index.state import latest_generation, state_name
from briefing_app.core.index.vocabulary import Vocabulary
from briefing_app.core.library import Library
from briefing_app.core.progress import Progress

SPEECH = (
    "Statement by the delegation of Testland\n\n{body}\n\n"
    "We thank the Chair for her able leadership.\n"
)


def speech(folder: Path, name: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(SPEECH.format(body=body), encoding="utf-8")
    return path


def test_incremental_build(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    path = speech(docs, "testland.txt", "We welcome the zebra initiative on firearms marking.")
    with Library(tmp_path / "home") as lib:
        first = lib.build([docs])
        assert "testland" in first.indexed and len(first.indexed) == 5
        assert lib.search("zebra").total == 1

        again = lib.build([docs])
        assert again.indexed == [] and again.unchanged == 5 and again.segments == 0

        # Same content, new mtime: still nothing to do.
        path.touch()
        assert lib.build([docs]).indexed == []

        speech(docs, "testland.txt", "We now prefer the yak proposal on ammunition tracing.")
        changed = lib.build()  # no path: files indexed before are re-checked anyway
        assert changed.indexed == ["testland"]
        assert lib.search("zebra").total == 0 and lib.search("yak").total == 1
        words = Vocabulary.load(lib.home.index_dir)
        assert "yak" in words and "zebra" not in words

        path.unlink()
        gone = lib.build()
        assert gone.removed == ["testland"]
        assert lib.search("yak").total == 0
        assert lib.document("testland") is None


def test_schema_mismatch_rebuilds(tmp_path: Path) -> None:
    with Library(tmp_path / "home") as lib:
        lib.build()
        state = lib.home.index_dir / state_name(latest_generation(lib.home.index_dir))
        data = json.loads(state.read_text())
        data["catalog"]["schema_version"] = -1
        state.write_text(json.dumps(data))
        rebuilt = lib.build()
        assert len(rebuilt.indexed) == 4 and rebuilt.unchanged == 0
        assert lib.search("darknet").total > 0


def test_bad_inputs_are_skipped_with_a_reason(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    speech(docs, "good.txt", "We welcome the zebra initiative.")
    (docs / "junk.txt").write_bytes(b"\x00\x01\x02garbage\xff\xfe" * 20)
    (docs / "empty.md").write_text("")
    (docs / "notes.xyz").write_text("not a document")
    with Library(tmp_path / "home") as lib:
        report = lib.build([docs, tmp_path / "missing.pdf"])
        reasons = {Path(s.path).name: s.reason for s in report.skipped}
        assert set(reasons) == {"junk.txt", "empty.md", "notes.xyz", "missing.pdf"}
        assert all(r and "\n" not in r and "Traceback" not in r for r in reasons.values())
        assert "unsupported" in reasons["notes.xyz"]
        assert "good" in report.indexed
        # A failed file is remembered: the next run reports it without reading it again.
        assert {Path(s.path).name for s in lib.build([docs]).skipped} >= {"junk.txt", "empty.md"}


def test_same_stem_in_two_folders_gets_two_ids(tmp_path: Path) -> None:
    a = speech(tmp_path / "a", "statement.txt", "We welcome the zebra initiative.")
    b = speech(tmp_path / "b", "statement.txt", "We welcome the yak initiative.")
    with Library(tmp_path / "home") as lib:
        report = lib.build([a, b])
        ids = sorted(d for d in report.indexed if d.startswith("statement"))
        assert ids[0] == "statement" and ids[1].startswith("statement-") and len(ids) == 2
        assert lib.build([a, b]).indexed == []  # ids are stable


def test_add_copies_into_the_library(tmp_path: Path) -> None:
    original = speech(tmp_path / "mine", "speech.txt", "We welcome the zebra initiative.")
    junk = tmp_path / "mine" / "broken.txt"
    junk.write_bytes(b"\x00\xff" * 50)
    with Library(tmp_path / "home") as lib:
        report = lib.add([original, junk, tmp_path / "nope.txt"])
        assert "speech" in report.indexed
        assert (lib.home.library_dir / "speech.txt").read_bytes() == original.read_bytes()
        assert {Path(s.path).name for s in report.skipped} == {"broken.txt", "nope.txt"}
        assert not (lib.home.library_dir / "broken.txt").exists()
        assert junk.exists() and original.exists()  # originals untouched
        # The copy lives on its own: a plain build finds it even after the original goes.
        original.unlink()
        assert lib.build().indexed == [] and lib.search("zebra").total == 1
        # A different file with the same name gets a new name, not an overwrite.
        other = speech(tmp_path / "other", "speech.txt", "We welcome the yak initiative.")
        lib.add([other])
        assert sorted(p.name for p in lib.home.library_dir.iterdir()) == [
            "speech-2.txt",
            "speech.txt",
        ]


def test_cancel_keeps_finished_documents(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    for n in range(3):
        speech(docs, f"s{n}.txt", f"We welcome initiative number {n} on marking.")

    def cancel_after_first_document(done: int, total: int, message: str) -> None:
        if message.endswith(".txt") and message.startswith(("s", "cted", "ponti", "wg")):
            progress.cancel()

    progress = Progress(cancel_after_first_document)
    with Library(tmp_path / "home") as lib:
        first = lib.build([docs], progress=progress)
        assert first.cancelled and len(first.indexed) == 1
        rest = lib.build([docs])
        assert not rest.cancelled and len(rest.indexed) == 6 and rest.unchanged == 1


def test_a_second_writer_waits_then_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lock_module, "DEFAULT_WAIT", 0.3)
    with Library(tmp_path / "home") as lib:
        with writer_lock(lib.home.index_dir), pytest.raises(IndexBusy) as busy:
            lib.build()
        assert "another Briefing" in str(busy.value) and "\n" not in str(busy.value)
        assert len(lib.build().indexed) == 4  # free again


def test_worker_processes_index_the_same_as_in_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_app.core.index import indexer

    docs = tmp_path / "docs"
    for n in range(3):
        speech(docs, f"w{n}.txt", f"We welcome the zebra initiative number {n}.")
    with Library(tmp_path / "serial") as serial:
        serial.build([docs])
        expected = {h.segment_id for h in serial.search("zebra", limit=50).hits}
    monkeypatch.setattr(indexer, "PARALLEL_MIN_BYTES", 0)
    with Library(tmp_path / "parallel") as parallel:
        report = parallel.build([docs])
        assert len(report.indexed) == 7 and not report.skipped
        assert {h.segment_id for h in parallel.search("zebra", limit=50).hits} == expected
        assert len(expected) == 3


def test_resumed_build_counts_only_the_files_it_reads(tmp_path: Path) -> None:
    """The time estimate of a resumed build is based on the work left, not on the
    unchanged files that are ticked off at once."""
    docs = tmp_path / "docs"
    for n in range(3):
        speech(docs, f"s{n}.txt", f"We welcome initiative number {n} on marking.")
    starts: list[tuple[int, str]] = []

    def record(done: int, total: int, message: str) -> None:
        if done == 0:
            starts.append((total, message))

    with Library(tmp_path / "home") as lib:
        lib.build([docs])
        speech(docs, "s1.txt", "We now prefer the yak proposal on ammunition tracing.")
        report = lib.build([docs], progress=Progress(record))
    assert report.indexed == ["s1"]
    assert starts[-1] == (1, "indexing")


def test_time_estimate_words() -> None:
    from briefing_app.core.progress import EtaClock, format_eta

    assert format_eta(None) == ""
    assert format_eta(20) == "less than a minute left"
    assert format_eta(185) == "about 3 min left"
    assert format_eta(7200) == "about 2.0 h left"
    clock = EtaClock()
    assert clock.update(0, 100) is None
    assert clock.update(2, 100) is None  # too early to tell
    remaining = clock.update(50, 100)
    assert remaining is not None and remaining >= 0
