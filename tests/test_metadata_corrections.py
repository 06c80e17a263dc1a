"""The user corrects a document's metadata: kept in the library manifest, survives re-indexing."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing_app.cli.main import main
from briefing_app.core.ingest.corrections import CorrectionError, is_iso_date, validate
from briefing_app.core.library import Library
from briefing_app.core.paths import DataHome

SPEECH = """Statement by Mr. Example Speaker
Permanent Representative of Examplia

Mr. President,

Examplia welcomes the adoption of the arms trade report and calls for universal adherence.

We thank the secretariat for its tireless support to the small island developing States.
"""


@pytest.fixture
def library(tmp_path: Path, briefing_home: Path) -> Iterator[Library]:
    source = tmp_path / "examplia-statement.txt"
    source.write_text(SPEECH, encoding="utf-8")
    lib = Library(briefing_home)
    report = lib.add([source])
    assert "examplia-statement" in report.indexed
    yield lib
    lib.close()


def test_correction_survives_reindex_and_reaches_search_and_citations(library: Library) -> None:
    before = library.document("examplia-statement")
    assert before is not None and before.title != "Examplia at the debate"
    meta = library.correct(
        "examplia-statement", {"title": "Examplia at the debate", "date": "2024-09-24"}
    )
    assert meta.title == "Examplia at the debate" and meta.date == "2024-09-24"
    hit = library.search("tireless secretariat").hits[0]
    assert hit.doc_title == "Examplia at the debate"
    assert hit.citation.startswith("Examplia at the debate, 24 September 2024, para.")
    # re-indexing (incremental, then from scratch) keeps the correction
    assert library.build().unchanged >= 1
    shutil.rmtree(library.home.index_dir)
    library.build()
    again = library.document("examplia-statement")
    assert again is not None and again.title == "Examplia at the debate"
    assert library.corrections("examplia-statement") == {
        "title": "Examplia at the debate",
        "date": "2024-09-24",
    }


def test_kind_and_un_fields_are_corrected(library: Library) -> None:
    library.correct(
        "examplia-statement",
        {
            "kind": "report",
            "speaker": "Ms. Right Name",
            "agenda_item": "71 (c)",
            "committee": "Third Committee",
            "distribution_date": "2024-10-01",
        },
    )
    meta = library.document("examplia-statement")
    assert meta is not None and meta.kind == "report" and meta.speaker == "Ms. Right Name"
    assert (meta.agenda_item, meta.committee) == ("71 (c)", "Third Committee")
    assert meta.distribution_date == "2024-10-01"
    reports = {d.doc_id for d in library.documents() if d.kind == "report"}
    assert "examplia-statement" in reports  # the library panel groups it with reports


def test_none_drops_the_correction_and_empty_blanks_a_field(library: Library) -> None:
    original = library.document("examplia-statement")
    assert original is not None and original.speaker
    library.correct("examplia-statement", {"title": "Wrong guess", "speaker": ""})
    meta = library.document("examplia-statement")
    assert meta is not None and meta.title == "Wrong guess" and meta.speaker is None
    meta = library.correct("examplia-statement", {"title": None, "speaker": None})
    assert meta.title == original.title and meta.speaker == original.speaker
    assert library.corrections("examplia-statement") == {}
    with pytest.raises(CorrectionError, match="title cannot be empty"):
        library.correct("examplia-statement", {"title": " "})


def test_hand_edit_of_the_manifest_is_picked_up_and_comments_survive(library: Library) -> None:
    manifest = library.home.library_dir / "corpus.toml"
    manifest.write_text(
        '# my own notes\n["examplia-statement.txt"]\nbody = "First Committee" # checked\n',
        encoding="utf-8",
    )
    report = library.build()
    assert report.indexed == ["examplia-statement"]  # the file did not change, its entry did
    assert library.document("examplia-statement").body == "First Committee"  # type: ignore[union-attr]
    library.correct("examplia-statement", {"place": "New York"})
    text = manifest.read_text(encoding="utf-8")
    assert "# my own notes" in text and "# checked" in text and 'place = "New York"' in text


def test_bundled_document_correction_lives_in_the_library_manifest(briefing_home: Path) -> None:
    with Library(briefing_home) as lib:
        lib.build()
        doc_id = "cted-coninx-opening-statement-2021-06-24"
        lib.correct(doc_id, {"cite_as": "Coninx, Counter-Terrorism Week 2021"})
        hit = lib.search("terrorists", filters={"doc": doc_id}).hits[0]
        assert hit.citation.startswith("Coninx, Counter-Terrorism Week 2021, para.")
    assert (DataHome(briefing_home).library_dir / "corpus.toml").exists()


def test_bad_corrections_are_refused_before_anything_is_written(library: Library) -> None:
    with pytest.raises(CorrectionError, match="unknown kind 'speech'"):
        library.correct("examplia-statement", {"kind": "speech"})
    with pytest.raises(CorrectionError, match="not an ISO date"):
        library.correct("examplia-statement", {"date": "24/09/2024"})
    with pytest.raises(CorrectionError, match="not an ISO date"):
        library.correct("examplia-statement", {"distribution_date": "1 October 2024"})
    with pytest.raises(KeyError):
        library.correct("no-such-doc", {"title": "x"})
    assert not (library.home.library_dir / "corpus.toml").exists()


def test_broken_manifest_is_reported_not_overwritten(library: Library) -> None:
    manifest = library.home.library_dir / "corpus.toml"
    manifest.write_text("[broken\n", encoding="utf-8")
    with pytest.raises(CorrectionError, match="not valid TOML"):
        library.correct("examplia-statement", {"title": "x"})
    assert manifest.read_text(encoding="utf-8") == "[broken\n"


def test_validation_rules() -> None:
    assert validate({"title": "  Two\n lines  ", "date": None}) == {
        "title": "Two lines",
        "date": None,
    }
    assert is_iso_date("2021-05-31") and is_iso_date("2021-05") and is_iso_date("2021")
    assert not is_iso_date("2021-02-30") and not is_iso_date("31 May 2021")
    with pytest.raises(CorrectionError, match="cannot be corrected"):
        validate({"content_hash": "x"})


def test_cli_meta_shows_and_corrects(capsys: pytest.CaptureFixture[str]) -> None:
    doc_id = "cted-seesmaa-remarks-2020-07-16"
    assert main(["meta", doc_id]) == 0
    out = capsys.readouterr().out
    assert "kind: statement" in out and "(corrected)" not in out
    status = main(
        ["meta", doc_id, "--title", "Seesmaa remarks", "--cite-as", "Seesmaa 2020", "--json"]
    )
    data = json.loads(capsys.readouterr().out)
    assert status == 0
    assert data["title"] == "Seesmaa remarks" and data["cite_as"] == "Seesmaa 2020"
    assert data["corrected"] == ["cite_as", "title"]
    assert main(["search", "CTED", "--json", "--limit", "50"]) == 0
    hits = json.loads(capsys.readouterr().out)["hits"]
    assert any(h["citation"].startswith("Seesmaa 2020, para.") for h in hits)
    assert main(["meta", doc_id]) == 0
    assert "title: Seesmaa remarks  (corrected)" in capsys.readouterr().out
    assert main(["meta", doc_id, "--reset", "all", "--organization", "", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"].startswith("Remarks of Ms. Anne-Maria Seesmaa")
    assert data["organization"] is None and data["corrected"] == ["organization"]


def test_cli_options_cover_every_editable_field() -> None:
    from briefing_app.cli import cmd_meta
    from briefing_app.core.ingest.corrections import EDITABLE_FIELDS

    assert cmd_meta._OPTIONS == EDITABLE_FIELDS


def test_cli_meta_errors_are_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["meta", "cted-seesmaa", "--json"]) == 1
    err = capsys.readouterr().err
    assert "no document with id 'cted-seesmaa'" in err
    assert "cted-seesmaa-remarks-2020-07-16" in err
    assert main(["meta", "cted-seesmaa-remarks-2020-07-16", "--date", "2020-13-01"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "not an ISO date" in err
