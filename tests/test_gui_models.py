"""Item models, settings and background tasks, checked without the window."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from briefing_app.core.drafts.insert import Passage
from briefing_app.core.models import Hit
from briefing_app.core.session.settings import Settings
from briefing_app.gui.basket import BasketModel
from briefing_app.gui.results_model import (
    PASSAGES_MIME,
    CitationRole,
    HitRole,
    ResultsModel,
    SnippetRole,
    passages_from_mime,
)
from briefing_app.gui.tasks import run_in_thread

pytestmark = pytest.mark.gui


def make_hit(number: str, kind: str = "recommendation") -> Hit:
    return Hit(
        doc_id="wg",
        doc_title="Report of the Working Group",
        segment_id=f"wg#{kind}-{number}",
        kind=kind,
        number=number,
        section="II",
        citation=f"Report of the Working Group on Firearms, Vienna, 2021, {kind} {number}",
        text=f"Text of {number}.",
        snippet=f"Text of <b>{number}</b>.",
        score=1.0,
    )


def test_results_model_exposes_hits_through_roles(qapp) -> None:
    model = ResultsModel()
    model.set_hits([make_hit("18"), make_hit("3", "paragraph")])
    assert model.rowCount() == 2
    first = model.index(0)
    assert model.data(first) == "Rec. 18 · Report of the Working Group"
    assert model.data(model.index(1)).startswith("Para. 3")
    assert model.data(first, SnippetRole) == "Text of <b>18</b>."
    assert model.data(first, CitationRole).endswith("recommendation 18")
    assert model.data(first, HitRole).segment_id == "wg#recommendation-18"
    assert model.data(model.index(5)) is None
    assert model.flags(first) & Qt.ItemFlag.ItemIsDragEnabled


def test_dragged_hits_carry_passages_and_markdown(qapp) -> None:
    model = ResultsModel()
    model.set_hits([make_hit("18")])
    mime = model.mimeData([model.index(0)])
    assert mime.hasFormat(PASSAGES_MIME)
    (passage,) = passages_from_mime(mime)
    assert passage.number == "18" and passage.text == "Text of 18."
    assert mime.text().startswith("As stated in recommendation 18 of the report")


def test_basket_adds_once_moves_and_accepts_drops(qapp) -> None:
    basket = BasketModel()
    a, b = Passage.from_hit(make_hit("1")), Passage.from_hit(make_hit("2"))
    assert basket.add([a, b, a]) == 2
    assert basket.add([a]) == 0
    assert basket.move(1, -1) == 0
    assert [p.number for p in basket.passages()] == ["2", "1"]
    mime = ResultsModel()
    mime.set_hits([make_hit("9")])
    data = mime.mimeData([mime.index(0)])
    assert basket.dropMimeData(data, Qt.DropAction.CopyAction, 1, 0, QModelIndex())
    assert [p.number for p in basket.passages()] == ["2", "9", "1"]
    assert basket.removeRows(0, 2)
    assert [p.number for p in basket.passages()] == ["1"]


def test_settings_write_only_what_changed(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"future_option": 1, "words_per_minute": "fast"}), "utf-8")
    settings = Settings.load(path)
    assert settings.words_per_minute == 110  # a wrong type falls back to the default
    settings.delegation = "Italy"
    settings.add_search("darknet")
    settings.add_search("SALW")
    settings.add_search("darknet")
    settings.save()
    saved = json.loads(path.read_text("utf-8"))
    assert saved == {
        "delegation": "Italy",
        "future_option": 1,
        "search_history": ["darknet", "SALW"],
    }
    assert Settings.load(path).delegation == "Italy"
    assert Settings.load(tmp_path / "missing.json").changed() == {}


def test_background_task_reports_on_the_gui_thread(qtbot) -> None:
    from PySide6.QtCore import QThread

    seen: list[object] = []

    def work(progress) -> int:
        progress.start(2)
        progress.advance("one")
        progress.advance("two")
        return 42

    task = run_in_thread(work)
    task.progress.connect(lambda done, total, msg: seen.append((done, total, msg)))
    task.result.connect(lambda value: seen.append(QThread.currentThread() is qtbot_app_thread()))
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert (2, 2, "two") in seen and seen[-1] is True


def test_background_task_errors_become_signals(qtbot) -> None:
    def boom() -> None:
        raise ValueError("bad input")

    task = run_in_thread(boom)
    with qtbot.waitSignal(task.error, timeout=5000) as blocker:
        pass
    assert str(blocker.args[0]) == "bad input"


def qtbot_app_thread() -> object:
    from PySide6.QtWidgets import QApplication

    return QApplication.instance().thread()
