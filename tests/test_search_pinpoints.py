"""A pinpoint typed as a delegate reads it ("80/34 para 5", "resolution 79/40
paragraph 18", "A/80/604 para. 12") finds that unit; other queries as before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing_app.cli.main import main
from briefing_app.core.index.pinpoints import split_pinpoints
from briefing_app.core.models import DocumentMeta
from tests.un_samples import DRAFT

OPERATIVE = [
    "Decides to strengthen cooperation among Member States on zebra crossings",
    "Encourages Member States to share information on road markings",
    "Invites the regional commissions to support national efforts",
    "Calls upon donors to fund pilot projects in developing countries",
    "Requests the Secretary-General to report on zebra markings at its eighty-first session",
    "Decides to remain seized of the matter",
]
RESOLUTION = """United Nations                                   A/RES/80/34

General Assembly                                 Distr.: General
                                                 10 December 2025

Eightieth session
Agenda item 99

Resolution adopted by the General Assembly on 4 December 2025

80/34. Zebra cooperation

The General Assembly,

Recalling its resolution 79/1 on zebra cooperation,

Noting with appreciation the report of the Secretary-General on road markings,

""" + "\n\n".join(f"{i}. {text};" for i, text in enumerate(OPERATIVE, 1))
REPORT = """United Nations                                   A/80/604

General Assembly                                 Distr.: General
                                                 20 November 2025

Budget performance of peacekeeping operations

Report of the Advisory Committee on Administrative and Budgetary Questions

""" + "\n\n".join(
    f"{i}. The Advisory Committee notes item {i} of the zebra budget for the period."
    for i in range(1, 15)
)


OP5 = "General Assembly resolution 80/34, para. 5"


def search(capsys: pytest.CaptureFixture[str], query: str) -> list[str]:
    assert main(["search", query, "--json", "--limit", "50"]) == 0
    return [hit["citation"] for hit in json.loads(capsys.readouterr().out)["hits"]]


@pytest.fixture
def library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "res.txt").write_text(RESOLUTION, encoding="utf-8")
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "l62.txt").write_text(DRAFT, encoding="utf-8")
    files = [str(tmp_path / name) for name in ("res.txt", "report.txt", "l62.txt")]
    assert main(["add", *files]) == 0
    capsys.readouterr()


@pytest.mark.usefixtures("library")
@pytest.mark.parametrize(
    ("query", "citation"),
    [
        ("80/34 para 5", OP5),
        ("resolution 80/34 paragraph 5", OP5),
        ("General Assembly resolution 80/34, para. 5", OP5),
        ("A/RES/80/34 OP 5", OP5),
        ("80/34 pp 2", "General Assembly resolution 80/34, second preambular paragraph"),
        ("A/80/604 para. 12", "A/80/604, para. 12"),
        ("a/80/604 paras 12", "A/80/604, para. 12"),
    ],
)
def test_a_typed_pinpoint_finds_that_unit(
    capsys: pytest.CaptureFixture[str], query: str, citation: str
) -> None:
    assert search(capsys, query) == [citation]


@pytest.mark.usefixtures("library")
def test_words_beside_a_pinpoint_are_searched_in_that_unit(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert search(capsys, "80/34 para 5 zebra") == ["General Assembly resolution 80/34, para. 5"]
    assert search(capsys, "80/34 para 4 zebra") == []  # OP 4 does not say it


@pytest.mark.usefixtures("library")
def test_other_queries_are_searched_as_before(capsys: pytest.CaptureFixture[str]) -> None:
    assert len(search(capsys, "A/80/604")) == 14  # a symbol alone lists its document
    assert "General Assembly resolution 80/34, para. 5" in search(capsys, "zebra markings")


def test_a_document_not_in_the_library_leaves_the_query_alone() -> None:
    docs = [DocumentMeta(doc_id="res", title="Zebra", kind="resolution", symbol="A/RES/80/34")]
    assert split_pinpoints("79/40 para 5", docs) == ("79/40 para 5", None)
    assert split_pinpoints("para 5 of the report", docs) == ("para 5 of the report", None)
    rest, units = split_pinpoints("zebra 80/34, para. 5 (b) markings", docs)
    assert rest == "zebra markings" and units is not None


def test_a_security_council_resolution_by_number_and_year() -> None:
    docs = [
        DocumentMeta(doc_id="sc", title="Arms", kind="resolution", symbol="S/RES/2370 (2017)"),
        DocumentMeta(doc_id="ga", title="Zebra", kind="resolution", symbol="A/RES/80/34"),
    ]
    rest, units = split_pinpoints("resolution 2370 (2017), para. 3", docs)
    assert rest == "" and units is not None and "sc" in repr(units) and "ga" not in repr(units)
    assert split_pinpoints("2370 para 3", docs)[1] is None  # a bare number names nothing


@pytest.mark.usefixtures("library")
def test_every_citation_briefing_writes_finds_its_unit_when_typed_back(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A citation pasted from a draft ("…, third preambular paragraph") into the search box."""
    citations = [
        *search(capsys, "A/RES/80/34"),
        *search(capsys, "A/80/604"),
        *search(capsys, "A/C.1/80/L.62"),
    ]
    assert len(citations) == 2 + 6 + 14 + 1 + 2
    assert "draft resolution A/C.1/80/L.62, para. 2" in citations
    for citation in citations:
        assert search(capsys, citation) == [citation]


@pytest.mark.usefixtures("library")
def test_a_pinpoint_said_the_other_way_round(capsys: pytest.CaptureFixture[str]) -> None:
    assert search(capsys, "paragraph 5 of resolution 80/34") == [OP5]
    assert search(capsys, "the second preambular paragraph of resolution 80/34") == [
        "General Assembly resolution 80/34, second preambular paragraph"
    ]
    both = search(capsys, "80/34 para 5 and 80/34 para 6")
    assert sorted(both) == [OP5, "General Assembly resolution 80/34, para. 6"]
