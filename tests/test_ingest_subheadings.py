"""Lettered sub-headings inside one paragraph's list stay in that paragraph."""

from __future__ import annotations

from pathlib import Path

from briefing_app.core.ingest import ingest_file
from briefing_app.core.models import PARAGRAPH

RESOLUTION = """United Nations A/RES/79/901
General Assembly Distr.: General
9 December 2024
Resolution adopted by the General Assembly on 2 December 2024
79/901. Outcome of the Conference on Islands
The General Assembly,
1. Endorses the outcome document annexed to the present resolution.
52nd plenary meeting
2 December 2024
Annex
Outcome of the Conference on Islands
I. The story
1. Islands have a long history of cooperation with their partners.
II. How do islands get there?
2. Therefore, we, the international community, commit to the following actions:
A. Build economic resilience
(a) Reform the financial architecture by:
(i) Expanding lending to islands;
(b) Increase effectiveness of development finance;
B. Scale up biodiversity action
(a) Accelerated actions to halt biodiversity loss;
(b) Support ocean-based action;
III. Monitoring
3. We commit to monitoring the agenda.
"""


def test_lettered_subheadings_in_a_list_stay_in_its_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "res.txt"
    path.write_text(RESOLUTION, encoding="utf-8")
    doc = ingest_file(path)
    units = [s for s in doc.segments if s.kind == PARAGRAPH]
    assert [u.number for u in units] == ["1", "2", "3"]
    lines = units[1].text.splitlines()
    assert "A. Build economic resilience" in lines
    assert "B. Scale up biodiversity action" in lines
    assert lines.index("B. Scale up biodiversity action") < lines.index(
        "(a) Accelerated actions to halt biodiversity loss;"
    )
    assert units[2].section.endswith("III. Monitoring")
    assert "Scale up" not in units[2].section
