"""Index building blocks without an index: analyzer, thesaurus, snippets, spelling."""

from __future__ import annotations

from pathlib import Path

from briefing_app.core.index.analysis import terms
from briefing_app.core.index.snippets import JOINER, snippet
from briefing_app.core.index.spelling import suggest
from briefing_app.core.index.thesaurus import load_thesaurus
from briefing_app.core.index.vocabulary import Vocabulary, word_counts
from briefing_app.core.paths import DataHome
from briefing_app.core.resources import resource


def test_analyzer_stems_folds_and_keeps_modal_verbs() -> None:
    assert terms("States should NOT transfer firearms") == [
        "state",
        "should",
        "not",
        "transfer",
        "firearm",
    ]
    assert terms("Michèle's") == ["michel"]
    assert "the" not in terms("the darknet")


def test_bundled_thesaurus_expands_both_ways() -> None:
    thesaurus = load_thesaurus(resource("thesaurus.txt"))
    assert '"small arms and light weapons"' in thesaurus.expand("SALW")
    assert "SALW" in thesaurus.expand("small arms and light weapons")
    assert "darknet" in thesaurus.expand('"dark web"')
    assert thesaurus.expand("kind:recommendation") == "kind:recommendation"
    assert thesaurus.expand("sal*") == "sal*"


def test_user_thesaurus_extends_the_bundled_one(tmp_path: Path) -> None:
    home = DataHome.resolve(tmp_path)
    home.thesaurus_file.parent.mkdir(parents=True, exist_ok=True)
    home.thesaurus_file.write_text("SALW = light arms\nGBV = gender-based violence\n")
    thesaurus = load_thesaurus(resource("thesaurus.txt"), home.thesaurus_file)
    assert "light arms" in thesaurus.equivalents("SALW")
    assert "small arms and light weapons" in thesaurus.equivalents("SALW")
    assert '"gender-based violence"' in thesaurus.expand("GBV")


def test_snippet_marks_escapes_and_joins_fragments() -> None:
    text = "A <b>bold</b> claim about darknet markets. " + "filler words here " * 40
    text += "and the darknet again at the end."
    result = snippet(text, set(terms("darknet")))
    assert result.count("<b>darknet</b>") == 2
    assert "&lt;b&gt;bold" in result
    assert JOINER in result


def test_spelling_suggests_words_not_stems() -> None:
    vocabulary = Vocabulary(word_counts(["sovereignty of States", "sovereignty", "trafficking"]))
    assert suggest("soverignty", vocabulary) == "sovereignty"
    assert suggest("sovereignty", vocabulary) is None
    assert suggest("trafikcing", vocabulary, deep=True) == "trafficking"


def test_spelling_never_suggests_a_stop_word() -> None:
    """'foo' became "Did you mean: for" (a word the index drops: a suggestion with no hits)."""
    vocabulary = Vocabulary(word_counts(["for the States for the food", "food security for all"]))
    assert suggest("foo", vocabulary, deep=True) == "food"
    assert suggest("tthe", vocabulary, deep=True) is None
