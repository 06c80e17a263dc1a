"""Genres from small synthetic texts: a resolution, a draft, a convention, a report."""

from __future__ import annotations

from pathlib import Path

from briefing_app.core.citation import cite, find_unit, item_pinpoint, ordinal, unit_label
from briefing_app.core.ingest import ingest_file
from briefing_app.core.models import (
    ARTICLE,
    OPERATIVE,
    PARAGRAPH,
    PREAMBULAR,
    TABLE,
    DocumentMeta,
    IngestedDocument,
)

RESOLUTION = """United Nations A/RES/79/40
General Assembly Distr.: General
9 December 2024
Seventy-ninth session
Agenda item 99 (m)
Implementation of the Convention on Chemical Weapons
Resolution adopted by the General Assembly on
2 December 2024
[on the report of the First Committee (A/79/408)]
79/40. Implementation of the Convention on the Prohibition of
Chemical Weapons
The General Assembly,
Recalling its previous resolutions on the subject, in particular
resolution 78/43 of 4 December 2023,
Deeply concerned by the use of chemical weapons, and recalling
the reports of the Organization,
Emphasizing that the Convention is essential,
1. Reaffirms its commitment to the Convention;
2. Calls upon all States:
(a) To accede to the Convention without delay;
(b) To implement fully their obligations
under the Convention;
3. Requests the Secretary-General to report to it at its eightieth session.
Reporting and follow-up
4. Decides to include in the provisional agenda of its eightieth session
the item entitled "Implementation of the Convention".
52nd plenary meeting
2 December 2024
"""

DRAFT = """United Nations A/C.3/80/L.99
General Assembly Distr.: Limited
5 November 2025
Eightieth session
Third Committee
Agenda item 71 (c)
Promotion and protection of human rights
Austria, Bosnia and Herzegovina, Saint Vincent and the Grenadines,
Viet Nam and Zambia:* draft resolution
Situation of human rights in the
world
The General Assembly,
Guided by the Charter of the United Nations,
Recalling its resolutions,
1. Urges all States to cooperate;
2. Decides to remain seized of the matter.
"""

CONVENTION = """Annex
Convention on Negotiable Documents
The States Parties to this Convention,
Reaffirming their belief that trade is a key factor,
Conscious of the role of documents,
Have agreed as follows:
Chapter I
General provisions
Article 1
Scope of application
1. This Convention applies to documents.
2. It does not affect other law.
Article 2
Definitions
For the purposes of this Convention:
(a) "Holder" means a person;
(b) "Goods" means goods.
Chapter II
Final provisions
Article 3
Signature
This Convention is open for signature by all States.
"""

ANNEXED = (
    RESOLUTION.replace("52nd plenary meeting\n2 December 2024\n", "").rstrip()
    + "\n5. Adopts the Convention annexed to the present resolution.\n"
    "52nd plenary meeting\n2 December 2024\n" + CONVENTION
)

REPORT = """United Nations A/80/604/Add.9
General Assembly Distr.: General
9 April 2026
Eightieth session
Agenda item 151
Financing of the United Nations Force
in Cyprus
Budget performance for the period from 1 July 2024 to
30 June 2025 of the United Nations Force in Cyprus
Report of the Advisory Committee on Administrative and
Budgetary Questions
I. Introduction
1. The Advisory Committee has considered the report of the Secretary-General.
2. During its consideration of the report, the Committee met with representatives.
II. Observations
Management of sea containers
3. The Advisory Committee recommends that the General Assembly request the
Secretary-General to dispose of the containers.
4. The Committee trusts that updated information will be provided.
"""


def _ingest(tmp_path: Path, name: str, text: str) -> IngestedDocument:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return ingest_file(path)


def _units(doc: IngestedDocument, kind: str) -> list:
    return [s for s in doc.segments if s.kind == kind]


def test_resolution_preamble_operative_and_metadata(tmp_path: Path) -> None:
    doc = _ingest(tmp_path, "res.txt", RESOLUTION)
    meta = doc.meta
    assert meta.kind == "resolution"
    assert meta.title == "Implementation of the Convention on the Prohibition of Chemical Weapons"
    assert meta.symbol == "A/RES/79/40"
    assert meta.date == "2024-12-02"  # adoption, not distribution
    assert meta.distribution_date == "2024-12-09"
    assert meta.committee == "First Committee"
    assert meta.session == "Seventy-ninth session"
    assert meta.agenda_item == "99 (m)"
    assert meta.meeting == "52nd plenary meeting"
    assert meta.agenda_title == "Implementation of the Convention on Chemical Weapons"
    assert meta.origin == "on the report of the First Committee (A/79/408)"
    pps = _units(doc, PREAMBULAR)
    assert [s.number for s in pps] == ["1", "2", "3"]
    assert pps[1].text.startswith("Deeply concerned by the use")
    assert pps[1].text.endswith("the reports of the Organization,")
    ops = _units(doc, OPERATIVE)
    assert [s.number for s in ops] == ["1", "2", "3", "4"]
    assert ops[1].items == ["a", "b"]
    assert "(b) To implement fully their obligations under the Convention;" in ops[1].text
    # an unnumbered sub-heading heads what follows, it is not glued to OP 3
    assert ops[2].text.endswith("at its eightieth session.")
    assert ops[3].section == "Reporting and follow-up"
    assert not any("plenary meeting" in s.text for s in doc.segments)


def test_resolution_citations_and_labels(tmp_path: Path) -> None:
    doc = _ingest(tmp_path, "res.txt", RESOLUTION)
    op, pp = _units(doc, OPERATIVE)[1], _units(doc, PREAMBULAR)[2]
    assert cite(doc.meta, op) == "General Assembly resolution 79/40, para. 2"
    assert cite(doc.meta, pp) == "General Assembly resolution 79/40, third preambular paragraph"
    assert unit_label(op.kind, op.number) == "OP 2"
    assert unit_label(pp.kind, pp.number) == "PP 3"
    assert unit_label(ARTICLE, "7") == "Art. 7"


def test_draft_sponsors_title_and_kind(tmp_path: Path) -> None:
    doc = _ingest(tmp_path, "draft.txt", DRAFT)
    meta = doc.meta
    assert meta.kind == "draft-resolution"
    assert meta.title == "Situation of human rights in the world"
    assert meta.sponsors == [
        "Austria",
        "Bosnia and Herzegovina",
        "Saint Vincent and the Grenadines",
        "Viet Nam",
        "Zambia",
    ]
    assert meta.committee == "Third Committee"
    assert meta.agenda_title == "Promotion and protection of human rights"
    assert [s.kind for s in doc.segments] == [PREAMBULAR, PREAMBULAR, OPERATIVE, OPERATIVE]
    assert cite(meta, doc.segments[2]) == "draft resolution A/C.3/80/L.99, para. 1"


def test_annexed_convention_has_both_structures(tmp_path: Path) -> None:
    doc = _ingest(tmp_path, "res-conv.txt", ANNEXED)
    ops = _units(doc, OPERATIVE)
    assert [s.number for s in ops] == ["1", "2", "3", "4", "5"]
    pps = _units(doc, PREAMBULAR)
    annex_pps = [s for s in pps if s.scope == "annex"]
    assert [s.number for s in annex_pps] == ["1", "2"]
    assert annex_pps[-1].text.endswith("Have agreed as follows:")
    articles = _units(doc, ARTICLE)
    assert [s.number for s in articles] == ["1", "2", "3"]
    art1 = articles[0]
    assert art1.text.startswith("Article 1\nScope of application") or art1.text.startswith(
        "Article 1 Scope of application"
    )
    assert "2. It does not affect other law." in art1.text  # its paragraphs stay inside
    assert art1.section.endswith("Chapter I. General provisions")
    assert articles[2].section.endswith("Chapter II. Final provisions")
    assert not _units(doc, PARAGRAPH)
    ids = [s.segment_id for s in doc.segments]
    assert len(ids) == len(set(ids))
    assert cite(doc.meta, art1) == (
        "article 1 of Convention on Negotiable Documents (General Assembly resolution 79/40, annex)"
    )


def test_report_title_and_subheading(tmp_path: Path) -> None:
    doc = _ingest(tmp_path, "report.txt", REPORT)
    meta = doc.meta
    assert meta.kind == "report"
    assert meta.title == (
        "Budget performance for the period from 1 July 2024 to "
        "30 June 2025 of the United Nations Force in Cyprus"
    )
    assert meta.symbol == "A/80/604/Add.9"
    paras = _units(doc, PARAGRAPH)
    assert [s.number for s in paras] == ["1", "2", "3", "4"]
    assert paras[1].text.endswith("met with representatives.")
    assert paras[2].section.endswith("Management of sea containers")


def test_old_document_kind_reads_as_other() -> None:
    meta = DocumentMeta.from_json({"doc_id": "x", "title": "X", "kind": "document"})
    assert meta.kind == "other"
    assert meta.sponsors == []


TABLED_REPORT = """I. Resources

1. The resources proposed are set out below.

Vacancy rates

(Percentage)

| Category | Budgeted | Actual |
| --- | --- | --- |
| International staff | 10.0 | 12.5 |

2. The Committee notes the vacancy rates.

1. Civilian personnel

3. The Committee recommends approval.
"""


def test_report_table_is_a_unit_and_subheadings_head_units(tmp_path: Path) -> None:
    path = tmp_path / "tabled.md"
    path.write_text(TABLED_REPORT, encoding="utf-8")
    doc = ingest_file(path)
    tables = _units(doc, TABLE)
    assert len(tables) == 1
    assert tables[0].text.startswith("Vacancy rates (Percentage)")
    assert "| International staff | 10.0 | 12.5 |" in tables[0].text
    paras = _units(doc, PARAGRAPH)
    assert [s.number for s in paras] == ["1", "2", "3"]
    assert paras[0].text == "The resources proposed are set out below."
    assert "Vacancy" not in paras[0].text
    assert paras[2].section.endswith("1. Civilian personnel")
    assert paras[1].text == "The Committee notes the vacancy rates."


def test_find_unit_reads_pinpoints(tmp_path: Path) -> None:
    doc = _ingest(tmp_path, "res.txt", RESOLUTION)
    found = find_unit(doc.segments, "para. 2 (b)")
    assert [(s.kind, s.number, item) for s, item in found] == [(OPERATIVE, "2", "b")]
    assert item_pinpoint(OPERATIVE, "2", "b") == "para. 2 (b)"
    assert [s.number for s, _ in find_unit(doc.segments, "third preambular paragraph")] == ["3"]
    assert [s.kind for s, _ in find_unit(doc.segments, "PP 1")] == [PREAMBULAR]
    assert find_unit(doc.segments, "para. 2 (z)") == []


def test_find_unit_reads_the_other_ways_delegates_write_pinpoints(tmp_path: Path) -> None:
    """'op. 2', 'operative paragraph 2' and 'pp. 1' found nothing."""
    doc = _ingest(tmp_path, "res.txt", RESOLUTION)
    for text in ("op. 2", "OP. 2 (b)", "operative paragraph 2", "operative para. 2"):
        assert [(s.kind, s.number) for s, _ in find_unit(doc.segments, text)] == [
            (OPERATIVE, "2")
        ], text
    for text in ("pp. 1", "PP.1", "preambular paragraph 1"):
        assert [(s.kind, s.number) for s, _ in find_unit(doc.segments, text)] == [
            (PREAMBULAR, "1")
        ], text


def test_ordinals_follow_un_style() -> None:
    assert [ordinal(n) for n in (1, 3, 12, 20, 21, 34)] == [
        "first",
        "third",
        "twelfth",
        "twentieth",
        "twenty-first",
        "thirty-fourth",
    ]


FASCICLE = """Proposed programme budget for 2027

I. Department of Political Affairs

Overall orientation

3.I.1 The Department is responsible for all matters of prevention.

3.I.2 The mandate derives from the Charter.

Subprogramme 1

3.I.3 The objective is to prevent conflict.

| Deliverable | 2025 | 2027 |
| --- | --- | --- |
| Meetings | 10 | 12 |

3.I.4 The Department will report.

3.I.5 The resources are shown below.
"""


def test_budget_fascicle_numbers_paragraphs_by_section(tmp_path: Path) -> None:
    path = tmp_path / "fascicle.md"
    path.write_text(FASCICLE, encoding="utf-8")
    doc = ingest_file(path)
    paras = _units(doc, PARAGRAPH)
    assert [s.number for s in paras] == ["3.I.1", "3.I.2", "3.I.3", "3.I.4", "3.I.5"]
    assert paras[0].text == "The Department is responsible for all matters of prevention."
    assert paras[2].section.endswith("Subprogramme 1")
    assert paras[0].section.endswith("Overall orientation")
    assert len(_units(doc, TABLE)) == 1
    assert paras[2].text == "The objective is to prevent conflict."


ANNEXED_REPORT = """I. Introduction

1. The present report covers the period.

2. The budget is set out below. II.

Actions to be taken by the General Assembly

3. The actions to be taken are listed.

49 For the period, the requirements were lower.

5. The Committee recommends approval.

Annex II

Review of support functions

1. The review covered two centres.

2. Its recommendations are listed.
"""


def test_report_annex_restarts_numbering_and_lost_marks_are_read(tmp_path: Path) -> None:
    doc = _ingest(tmp_path, "annexed.md", ANNEXED_REPORT.replace("49 For", "4 For"))
    paras = _units(doc, PARAGRAPH)
    assert [(s.scope, s.number) for s in paras] == [
        ("", "1"),
        ("", "2"),
        ("", "3"),
        ("", "4"),
        ("", "5"),
        ("annex-ii", "1"),
        ("annex-ii", "2"),
    ]
    assert paras[1].text == "The budget is set out below."  # the glued "II." is a heading
    assert paras[2].section == "II. Actions to be taken by the General Assembly"
    assert paras[5].section.startswith("Annex II")
    assert len({s.segment_id for s in doc.segments}) == len(doc.segments)


def test_indexed_units_keep_scope_items_and_citation(tmp_path: Path) -> None:
    from briefing_app.core.library import Library

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "res-conv.txt").write_text(ANNEXED, encoding="utf-8")
    with Library(tmp_path / "home") as lib:
        lib.build([docs])
        hit = lib.search("conspicuous OR negotiable documents applies").hits[0]
        assert hit.segment_id == "res-conv#annex/article-1"
        assert hit.citation.startswith("article 1 of Convention on Negotiable Documents")
        op2 = lib.segment("res-conv#operative-2")
        assert op2 is not None and op2.items == ["a", "b"]
        assert lib.document("res-conv").kind == "resolution"
