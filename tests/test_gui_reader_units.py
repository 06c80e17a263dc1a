"""The reader labels a resolution's units as delegates cite them: PP 3 is not para. 3."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.library import Library
from tests import gui_support

built_index, home, window = gui_support.built_index, gui_support.home, gui_support.window

pytestmark = pytest.mark.gui

RESOLUTION = (
    Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "undocs" / "A_RES_80_2.pdf"
)


def test_preambular_and_operative_paragraphs_show_their_labels(qtbot, home: Path) -> None:
    """Preambular paragraphs were shown as "1.", "2." like operative ones: misleading."""
    if not RESOLUTION.is_file():
        pytest.skip(f"the undocs corpus is not at {RESOLUTION.parent}")
    library = Library(home)
    report = library.add([RESOLUTION])
    library.close()
    assert not report.skipped and len(report.indexed) == 1
    doc_id = report.indexed[0]
    window = gui_support.open_window(qtbot, home)
    window.open_document(doc_id)
    reader = window.reader.view
    qtbot.waitUntil(lambda: reader.meta is not None and reader.meta.doc_id == doc_id, timeout=15000)
    kinds = [s.kind for s in reader.segments]
    assert "preambular" in kinds and "operative" in kinds, kinds
    lines = reader.toPlainText().splitlines()
    assert any(line.startswith("PP 2 Reaffirming the obligation") for line in lines), lines
    assert any(line.startswith("OP 1 Reaffirms its role") for line in lines), lines
    assert not any(line.startswith("1. Having considered") for line in lines), lines


TREATY = RESOLUTION.parent / "A_RES_80_162.pdf"


def test_an_article_is_not_numbered_twice(qtbot, home: Path) -> None:
    """The reader printed "7. Article 7 Rights of the holder …"."""
    if not TREATY.is_file():
        pytest.skip(f"the undocs corpus is not at {TREATY.parent}")
    library = Library(home)
    report = library.add([TREATY])
    library.close()
    doc_id = report.indexed[0]
    window = gui_support.open_window(qtbot, home)
    window.open_document(doc_id)
    reader = window.reader.view
    qtbot.waitUntil(lambda: reader.meta is not None and reader.meta.doc_id == doc_id, timeout=15000)
    lines = reader.toPlainText().splitlines()
    assert any(line.startswith("Article 7 Rights of the holder") for line in lines), lines
    assert not any(line.startswith("7. Article 7") for line in lines)
