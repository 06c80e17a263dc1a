"""Footnote numbering that restarts in an annex: every note stays with the
unit that cites it, none overwrites an earlier note with the same number."""

from __future__ import annotations

from pathlib import Path

from briefing_app.core.ingest import ingest_file
from briefing_app.core.ingest.footnotes import attach_footnotes
from briefing_app.core.models import Segment

REPORT = """Report of the Secretary-General on zebra crossings

I. Introduction

1. The Working Group met in Geneva from 1 to 3 May 2024.¹

2. It elected its officers and adopted its agenda.²

3. It adopted the present report at its last meeting.

¹ See A/79/100, para. 4.
² See A/79/200.

Annex

Terms of reference of the Working Group

1. The Working Group shall meet once a year in Vienna.¹

2. It shall report to the Conference at each session.²

¹ Decided in resolution 5/4.
² As amended in 2023.
"""


def test_annex_notes_numbered_from_one_again_keep_both_runs(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    notes = {(s.scope, s.number): s.footnotes for s in ingest_file(path).segments}
    assert notes[("", "1")] == ["1 See A/79/100, para. 4."]
    assert notes[("", "2")] == ["2 See A/79/200."]
    assert notes[("", "3")] == []
    assert notes[("annex", "1")] == ["1 Decided in resolution 5/4."]
    assert notes[("annex", "2")] == ["2 As amended in 2023."]


def _segment(number: int, text: str) -> Segment:
    return Segment("doc", "paragraph", str(number), "", text, display=text, order=number)


def test_a_note_cited_again_and_a_lost_marker_are_not_lost() -> None:
    segments = [
        _segment(1, "First.¹ Second.²"),
        _segment(2, "Again the second note.²"),  # the same note, not a new run
        _segment(3, "Annex text.¹"),
    ]
    notes = [("1", "Body one."), ("2", "Body two."), ("1", "Annex one."), ("3", "Lost mark.")]
    attach_footnotes(segments, notes)
    assert segments[0].footnotes == ["1 Body one.", "2 Body two."]
    assert segments[1].footnotes == []
    # the annex's note 1, then the note whose marker was lost (kept, never dropped)
    assert segments[2].footnotes == ["1 Annex one.", "3 Lost mark."]


def test_a_raised_digit_in_the_text_does_not_start_the_annex_notes() -> None:
    segments = [
        _segment(1, "First.¹ Second.² Third.³"),
        _segment(2, "An area of 40 m² is planned.⁴"),  # "²" is no note; note 4 follows
        _segment(3, "Annex text.¹ More.²"),
    ]
    body = [("1", "Body one."), ("2", "Body two."), ("3", "Body three."), ("4", "Body four.")]
    attach_footnotes(segments, [*body, ("1", "Annex one."), ("2", "Annex two.")])
    assert segments[0].footnotes == ["1 Body one.", "2 Body two.", "3 Body three."]
    assert segments[1].footnotes == ["4 Body four."]
    assert segments[2].footnotes == ["1 Annex one.", "2 Annex two."]
