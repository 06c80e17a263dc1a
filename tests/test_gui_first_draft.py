"""Issue 13, item 8: the first draft asks who speaks and never reads half empty."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from briefing_app.core.citation import format_date
from briefing_app.core.drafts import frontmatter
from briefing_app.core.drafts.fill import fill
from briefing_app.core.drafts.templates import instantiate, list_templates
from briefing_app.gui.main_window import MainWindow
from tests import gui_support

built_index, home, window = gui_support.built_index, gui_support.home, gui_support.window

pytestmark = pytest.mark.gui


def _no_broken_sentence(text: str) -> None:
    meta, body = frontmatter.split(text)
    assert "{{" not in text
    for key, value in meta.items():
        assert not re.search(r"\b(of|for|by)$", value), (key, value)
    for line in body.splitlines():
        assert line == line.lstrip() or line.startswith(("  ", "\t")), repr(line)
        assert not re.search(r"\b(of|for|by|the)\s*[.,]", line), line


@pytest.mark.parametrize("template", list_templates(), ids=lambda t: t.key)
def test_every_bundled_template_reads_whole_without_names(template) -> None:
    text = instantiate(template, {})
    _no_broken_sentence(text)
    meta, _body = frontmatter.split(text)
    assert meta["date"] == format_date(dt.date.today().isoformat())  # "1 December 2026"


def test_missing_names_are_spoken_or_their_sentence_left_out() -> None:
    text = fill(
        "---\ntitle: Statement of {{delegation}}\n---\n\n"
        "{{delegation}} thanks the Secretariat. We support {{delegation}}'s view.\n"
        "Introduced by {{speaker}}. Thank you.\n",
        {},
    )
    meta, body = frontmatter.split(text)
    assert meta["title"] == "Statement"
    assert (
        body.splitlines()[0]
        == "My delegation thanks the Secretariat. We support my delegation's view."
    )
    assert body.splitlines()[1] == "Thank you."


def test_the_first_draft_asks_who_speaks_and_fills_the_template(qtbot, window: MainWindow) -> None:
    text = window.editor.toPlainText()
    assert "title: Statement of\n" not in text and "\n thanks" not in text
    assert "My delegation thanks the Secretariat" in text
    bar = window.speaker_bar
    assert bar.isVisible()
    bar.delegation.setText("Austria")
    bar.speaker.setText("Ms. Anna Berger")
    bar.apply_button.click()
    assert not bar.isVisible()
    meta, body = frontmatter.split(window.editor.toPlainText())
    assert meta["title"] == "Statement of Austria"
    assert meta["speaker"] == "Ms. Anna Berger"
    assert "Austria thanks the Secretariat" in body
    assert window.settings.delegation == "Austria"
    window.session.new_draft("general-statement")  # known now: nothing more to ask
    assert not bar.isVisible()
    assert "full support of Austria." in window.editor.toPlainText()


def test_an_edited_draft_is_not_remade_by_the_answer(qtbot, window: MainWindow) -> None:
    window.editor.appendPlainText("My own words.")
    bar = window.speaker_bar
    bar.delegation.setText("Chile")
    bar.apply_button.click()
    assert "My own words." in window.editor.toPlainText()
    assert window.settings.delegation == "Chile"
