"""Title-block rules, without Word: what each front-matter field becomes."""

from __future__ import annotations

from pathlib import Path

from briefing_app.core.export.layout import (
    Line,
    agenda_label,
    is_salutation_or_closing,
    properties,
    title_block,
)
from briefing_app.core.export.profiles import get_profile
from briefing_app.core.resources import resource

STATEMENT = get_profile("statement")
TALKING = get_profile("talking-points")


def test_agenda_labels() -> None:
    assert agenda_label("5") == "Agenda item 5"
    assert agenda_label("5 (b)") == "Agenda item 5 (b)"
    assert agenda_label("Item 3: Review") == "Item 3: Review"
    assert agenda_label("") == ""


def test_empty_values_give_no_lines() -> None:
    meta = {"meeting": "", "agenda_item": " ", "place": "", "date": "1 May", "speaker": ""}
    assert title_block(meta, STATEMENT) == [Line("Title Block", "1 May")]
    assert title_block({}, STATEMENT) == []
    assert properties({}, STATEMENT, "")["subject"] == ""


def test_titles_are_not_said_twice() -> None:
    meta = {"title": "Statement of Aurelia", "speaker": "Ms. X", "delegation": "Aurelia"}
    assert [line.text for line in title_block(meta, STATEMENT)] == ["Statement of Aurelia", "Ms. X"]
    meta = {"title": "Talking points for Ms. X"}
    assert title_block(meta, TALKING) == [Line("Title", "Talking points for Ms. X")]
    assert title_block({"title": "Darknet"}, TALKING)[0].text == "Talking points: Darknet"


def test_salutations_and_closings() -> None:
    assert is_salutation_or_closing("Mr./Madam Chair,")
    assert is_salutation_or_closing("Excellencies, distinguished delegates, ladies and gentlemen,")
    assert is_salutation_or_closing("Thank you, Mr. Chair.")
    assert not is_salutation_or_closing("We welcome the report of the Working Group.")
    assert not is_salutation_or_closing(
        "In this regard, and in line with the outcome of the Seventh Biennial Meeting,"
    )


def test_the_bundled_draft_templates_export(tmp_path: Path) -> None:
    from briefing_app.core.export import export_draft

    for name in ("statement-agenda-item.md", "panel-talking-points.md"):
        source = resource("templates", name)
        if not source.exists():
            continue
        text = source.read_text(encoding="utf-8")
        for profile in ("statement", "speaker", "talking-points"):
            out = export_draft(text, tmp_path / f"{name}-{profile}.docx", profile=profile)
            assert out.stat().st_size > 0
