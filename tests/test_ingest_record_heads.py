"""Transcripts keep the verbatim record's running head ("A/70/PV.15 28/09/2015")
alone on a line mid-speech: it is page furniture, never text of a unit, but it
still names the record and its date."""

from __future__ import annotations

from pathlib import Path

from briefing_app.core.ingest.pipeline import ingest_file

_SPEECH = """It gives me great pleasure to congratulate the President on her election.
The world today faces challenges that no country can meet alone.
A/70/PV.15 28/09/2015
We call for a renewed commitment to multilateralism and to the Charter.
Our demands are legitimate, and our people continue to suffer.
28/09/2015 A/70/PV.15
In conclusion, my delegation stands ready to work with all Member States.
"""


def test_record_heads_leave_the_units_but_name_the_record(tmp_path: Path) -> None:
    path = tmp_path / "speech.txt"
    path.write_text(_SPEECH, encoding="utf-8")
    doc = ingest_file(path)
    text = " ".join(s.text for s in doc.segments)
    assert "PV.15" not in text
    assert "28/09/2015" not in text
    assert "multilateralism and to the Charter" in text
    assert doc.meta.symbol == "A/70/PV.15"
    assert doc.meta.date == "2015-09-28"


def test_a_record_cited_inside_a_sentence_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "speech.txt"
    path.write_text(
        "As we said last year (see A/69/PV.12), the Organization must reform.\n"
        "We repeat that call today, with the same conviction and urgency.\n",
        encoding="utf-8",
    )
    doc = ingest_file(path)
    assert "A/69/PV.12" in " ".join(s.text for s in doc.segments)
