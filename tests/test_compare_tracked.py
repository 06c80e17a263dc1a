"""The tracked-changes DOCX: real revisions; Accept All gives the new text word for word."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from docx import Document

from briefing_app.core.compare import compare_segments
from briefing_app.core.compare.align import body
from briefing_app.core.precedents.diff import normalize_token, tokenize
from tests.compare_support import resolve_revisions, revisions, synthetic_pair

WHEN = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


def _words(texts: list[str]) -> list[str]:
    return [normalize_token(t) for text in texts for t, _, _ in tokenize(text)]


def _printed(units) -> list[str]:  # type: ignore[no-untyped-def]
    """Each unit as the export prints it: operative paragraphs with their number."""
    return [f"{u.number}. {body(u)}" if u.kind == "operative" else body(u) for u in units]


def _write(tmp_path: Path) -> tuple[Path, list, list]:  # type: ignore[type-arg]
    from briefing_app.core.compare.tracked import write_tracked_changes

    old, new = synthetic_pair()
    comparison = compare_segments(old, new, "A/C.3/80/L.1", "A/RES/80/1")
    out = write_tracked_changes(comparison, tmp_path / "changes.docx", author="Austria", when=WHEN)
    return out, old, new


def test_changes_are_real_revisions_with_author_and_date(tmp_path: Path) -> None:
    out, _, _ = _write(tmp_path)
    found = revisions(out)
    assert {kind for kind, _, _, _ in found} == {"ins", "del"}
    assert {(author, date) for _, author, date, _ in found} == {("Austria", "2026-12-01T09:30:00Z")}
    inserted = " ".join(text for kind, _, _, text in found if kind == "ins")
    deleted = " ".join(text for kind, _, _, text in found if kind == "del")
    assert "Taking note of the report of the Secretary-General" in inserted
    assert "Urges States to end the detention of migrant children;" in deleted
    assert "promote and" in inserted
    ids = [el.get(f"{{{el.nsmap['w']}}}id") for el in Document(str(out)).element.body.iter()
           if el.tag.endswith("}ins") or el.tag.endswith("}del")]  # fmt: skip
    assert len(ids) == len(set(ids))


def test_accept_all_gives_the_new_text_word_for_word(tmp_path: Path) -> None:
    out, _, new = _write(tmp_path)
    accepted = resolve_revisions(out, accept=True)
    assert accepted[0] == "A/RES/80/1"  # the title
    assert _words(accepted[1:]) == _words(_printed(new))
    assert accepted[1:] == _printed(new)  # spacing too


def test_reject_all_gives_the_old_text(tmp_path: Path) -> None:
    out, old, _ = _write(tmp_path)
    rejected = resolve_revisions(out, accept=False)
    # The old units in the old order (numbers aside: renumbering is not a revision).
    assert [re.sub(r"^\d+\. ", "", text) for text in rejected[1:]] == [body(u) for u in old]


def test_track_changes_stays_on_for_the_delegates_edits(tmp_path: Path) -> None:
    out, _, _ = _write(tmp_path)
    settings = Document(str(out)).settings.element
    names = [child.tag.rpartition("}")[2] for child in settings]
    assert "trackRevisions" in names
    assert names.index("trackRevisions") > names.index("proofState")
