"""Speaking time, templates and the preview's HTML."""

from __future__ import annotations

from pathlib import Path

from briefing_app.core.drafts import frontmatter, speaking, templates
from briefing_app.core.export.preview import to_html

DRAFT = """---
title: Statement
slot_minutes: 1
---

# Heading

Mr. Chair, the 10–12 May report[^1] matters.

<!-- a note to self, not read out -->
[^1]: Report of the Working Group on Firearms, recommendation 18.
"""


def test_spoken_words_skip_markup_front_matter_and_footnotes() -> None:
    assert (
        speaking.word_count(speaking.spoken_text(DRAFT)) == 8
    )  # Heading Mr Chair the 10–12 May report matters
    assert speaking.word_count("U.N. member-States, 2021.") == 3


def test_minutes_at_the_rate_against_the_slot() -> None:
    body = "word " * 220
    est = speaking.estimate(f"---\nslot_minutes: 1.5\n---\n{body}", wpm=110)
    assert est.words == 220 and est.minutes == 2.0 and est.slot == 1.5
    assert est.over
    assert est.describe() == "220 words · 2:00 of 1:30 min · over by 0:30"
    fine = speaking.estimate(body, wpm=220)
    assert not fine.over and fine.describe() == "220 words · 1:00 min"
    assert speaking.estimate_fragment("one two three", wpm=60).minutes == 0.05


def test_bundled_templates_fill_placeholders(tmp_path: Path) -> None:
    names = {t.name for t in templates.list_templates()}
    assert {"Statement under an agenda item", "General statement", "Panel talking points"} <= names
    tpl = templates.find_template(templates.DEFAULT_TEMPLATE)
    assert tpl is not None
    meta, body = frontmatter.split(templates.instantiate(tpl, {"delegation": "Italy"}))
    assert meta["delegation"] == "Italy" and "template" not in meta
    assert "{{" not in body and "Italy thanks" in body
    assert frontmatter.slot_minutes(meta) == 3


def test_user_templates_are_listed_and_override(tmp_path: Path) -> None:
    (tmp_path / "mine.md").write_text("---\ntemplate: My own\n---\nHi {{speaker}}\n", "utf-8")
    found = templates.find_template("mine", tmp_path)
    assert found is not None and found.name == "My own" and not found.builtin
    assert templates.instantiate(found, {"speaker": "Ana"}).strip() == "Hi Ana"


def test_preview_never_executes_raw_html() -> None:
    out = to_html("Hi <script>alert(1)</script>\n\n<iframe src='x'></iframe>\n")
    assert "<script" not in out and "<iframe" not in out
    assert "&lt;script&gt;" in out


def test_preview_shows_front_matter_and_footnotes() -> None:
    out = to_html(DRAFT)
    assert '<h1 class="title"' in out and "Statement" in out
    assert 'class="footnote"' in out and "recommendation 18" in out
