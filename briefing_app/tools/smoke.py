"""``briefing --smoke-test``: prove an installed copy works end to end, then exit.

Run on a fresh machine (or by CI on the PyInstaller bundle) to catch what unit
tests cannot: a missing Qt plugin, a data file left out of the bundle, a
lazily imported module PyInstaller did not see. Everything happens in a
temporary data home and a temporary export folder; the user's data is never
touched. One line per step; exit 0, or 1 with the failing step and its reason.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: A query every copy of the bundled corpus answers (WG report, recommendation 18).
SMOKE_QUERY = "darknet"
SMOKE_DOC = "wg-firearms-2021-report"
INDEX_TIMEOUT_S = 180
SEARCH_TIMEOUT_S = 60


class SmokeFailure(Exception):
    """A step found something wrong; the message is the one-line reason."""


class _Steps:
    """Runs named steps, printing one line each, and stops at the first failure."""

    def __init__(self, out: Any) -> None:
        self.out = out

    def run(self, name: str, step: Callable[[], str]) -> None:
        started = time.perf_counter()
        try:
            detail = step()
        except SmokeFailure as exc:
            raise SmokeFailure(f"{name}: {exc}") from exc
        except Exception as exc:
            where = traceback.extract_tb(exc.__traceback__)[-1]
            raise SmokeFailure(
                f"{name}: {type(exc).__name__}: {exc} ({Path(where.filename).name}:{where.lineno})"
            ) from exc
        seconds = time.perf_counter() - started
        print(f"smoke: ok   {name:<10} {seconds:6.2f} s  {detail}", file=self.out, flush=True)


def run_smoke_test(args: argparse.Namespace | None = None) -> int:
    """Open the window offscreen, index, search, draft, export; 0 when all worked."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = sys.stdout
    with tempfile.TemporaryDirectory(prefix="briefing-smoke-") as tmp:
        try:
            _SmokeRun(Path(tmp), _Steps(out)).run_all()
        except SmokeFailure as exc:
            print(f"smoke: FAILED {exc}", file=out, flush=True)
            return 1
    print("smoke: all steps passed", file=out, flush=True)
    return 0


class _SmokeRun:
    """The steps, sharing the window and the draft between them."""

    def __init__(self, tmp: Path, steps: _Steps) -> None:
        self.home = tmp / "home"
        self.exports = tmp / "exports"
        self.steps = steps
        self.app: Any = None
        self.window: Any = None
        self.index_errors: list[str] = []
        self.index_reports: list[Any] = []
        self.hits: list[Any] = []
        self.draft_path = self.home / "drafts" / "smoke-statement.md"
        self.draft_text = ""

    def run_all(self) -> None:
        run = self.steps.run
        try:
            run("resources", self.check_resources)
            run("window", self.open_window)
            run("index", self.wait_for_index)
            run("search", self.search)
            run("draft", self.write_draft)
            run("export", self.export_docx)
        finally:
            self.close()

    def check_resources(self) -> str:
        from briefing_app.core.ingest import load_manifest
        from briefing_app.core.resources import app_root, corpus_dir, resource

        entries = load_manifest(corpus_dir()).entries
        if not entries:
            raise SmokeFailure(f"no bundled corpus manifest in {corpus_dir()}")
        missing = [name for name in entries if not (corpus_dir() / name).is_file()]
        if missing:
            raise SmokeFailure(f"bundled documents missing: {', '.join(missing)}")
        if not resource("thesaurus.txt").is_file():
            raise SmokeFailure(f"no thesaurus at {resource('thesaurus.txt')}")
        return f"{len(entries)} bundled documents and the thesaurus under {app_root()}"

    def open_window(self) -> str:
        from briefing_app.gui import create_main_window
        from briefing_app.gui.app import make_application

        self.app = make_application(sys.argv[:1])
        self.window = create_main_window(home=self.home)
        # The window indexes a new home by itself, in a child process.
        self.window.service.indexStarted.connect(
            lambda task: task.error.connect(self.index_errors.append)
        )
        self.window.service.indexFinished.connect(self.index_reports.append)
        self.window.show()
        self.app.processEvents()
        if not self.window.isVisible():
            raise SmokeFailure("the main window did not show")
        age = _process_age()
        since = f", {age:.2f} s after the process started" if age is not None else ""
        return f"shown on the {self.app.platformName()!r} platform{since}"

    def wait_for_index(self) -> str:
        service = self.window.service
        if not self.index_reports:
            _wait_for({"finished": service.indexFinished}, INDEX_TIMEOUT_S)
        if not self.index_reports:
            raise SmokeFailure(f"the library was not indexed within {INDEX_TIMEOUT_S} s")
        report = self.index_reports[0]
        if not report:
            raise SmokeFailure(f"indexing failed: {'; '.join(self.index_errors) or 'no reason'}")
        if not report.get("indexed"):
            skipped = "; ".join(f"{s['path']}: {s['reason']}" for s in report["skipped"][:3])
            raise SmokeFailure(f"nothing was indexed ({skipped or 'no documents found'})")
        return f"{len(report['indexed'])} documents, {report['segments']} segments"

    def search(self) -> str:
        service = self.window.service
        signals = {"results": service.resultsReady, "failed": service.searchFailed}
        self.window.search(SMOKE_QUERY)
        got = _wait_for(signals, SEARCH_TIMEOUT_S)
        if got is None:
            raise SmokeFailure(f"no answer within {SEARCH_TIMEOUT_S} s")
        if got[0] == "failed":
            raise SmokeFailure(f"the search failed: {got[1][0]}")
        result = got[1][0]
        self.hits = result.hits
        if not any(h.doc_id == SMOKE_DOC for h in result.hits):
            raise SmokeFailure(f"{SMOKE_QUERY!r} did not find {SMOKE_DOC}")
        top = result.hits[0]
        if not top.citation:
            raise SmokeFailure(f"the top hit {top.segment_id} has no citation")
        return f"{result.total} hits for {SMOKE_QUERY!r}; top: {top.citation}"

    def write_draft(self) -> str:
        from briefing_app.core.drafts.draft_file import read_draft, save_draft
        from briefing_app.core.drafts.frontmatter import join, split

        hit = next(h for h in self.hits if h.doc_id == SMOKE_DOC)
        quote = " ".join(hit.text.split()[:25])
        meta = {"title": "Smoke test statement", "delegation": "Briefing", "slot_minutes": "3"}
        body = (
            "Thank you, Chair.\n\n"
            f"We recall the agreed language: “{quote}”[^1]\n\n"
            f"[^1]: {hit.citation}\n"
        )
        self.draft_text = join(meta, body)
        save_draft(self.draft_path, self.draft_text)
        again = read_draft(self.draft_path)
        if again != self.draft_text:
            raise SmokeFailure("the draft read back differs from what was written")
        meta_again, _ = split(again)
        if meta_again.get("title") != meta["title"]:
            raise SmokeFailure(f"front matter lost on re-read: {meta_again}")
        if not self.window.open_draft(self.draft_path):
            raise SmokeFailure("the window did not open the draft")
        self.app.processEvents()
        if "Thank you, Chair." not in self.window.editor.toPlainText():
            raise SmokeFailure("the editor does not show the draft that was opened")
        return f"{len(again)} characters written, re-read and opened ({self.draft_path.name})"

    def export_docx(self) -> str:
        self.exports.mkdir(parents=True)
        target = self.exports / "smoke-statement.docx"
        written = self.window.export_docx(target)
        path = Path(written) if written else target
        if not path.is_file() or path.stat().st_size == 0:
            raise SmokeFailure(f"no DOCX at {path}")
        with zipfile.ZipFile(path) as docx:
            xml = docx.read("word/document.xml").decode("utf-8")
        if "Thank you, Chair." not in xml:
            raise SmokeFailure("the exported DOCX does not contain the draft's text")
        return f"{path.name}, {path.stat().st_size:,} bytes"

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.app.processEvents()


def _wait_for(signals: dict[str, Any], timeout_s: float) -> tuple[str, tuple[Any, ...]] | None:
    """Run the event loop until one of ``signals`` fires: (its name, its arguments)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    got: list[tuple[str, tuple[Any, ...]]] = []

    def catcher(name: str) -> Callable[..., None]:
        def catch(*args: Any) -> None:
            if not got:
                got.append((name, args))
            loop.quit()

        return catch

    slots = {name: catcher(name) for name in signals}
    for name, signal in signals.items():
        signal.connect(slots[name])
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(int(timeout_s * 1000))
    loop.exec()
    timer.stop()
    for name, signal in signals.items():
        signal.disconnect(slots[name])
    return got[0] if got else None


def _process_age() -> float | None:
    """Seconds since this process started (Linux /proc), for the start-time figure."""
    try:
        ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return uptime - ticks / os.sysconf("SC_CLK_TCK")
