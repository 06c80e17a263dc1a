"""References in the reader are links to the passages citing them; facets read well."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl

from briefing_app.core.models import DocumentMeta, Segment
from briefing_app.gui.library_panel import FacetRole
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.reader import ReaderView, reference_key, reference_url
from tests import gui_support

built_index = gui_support.built_index
home = gui_support.home
window = gui_support.window

pytestmark = pytest.mark.gui

CONINX = "cted-coninx-opening-statement-2021-06-24"
CITING_2370 = {
    f"{CONINX}#paragraph-3",  # the salutation before it is not a numbered paragraph
    f"{CONINX}#paragraph-10",
    "cted-seesmaa-remarks-2020-07-16#paragraph-2",
}


def facet_items(window: MainWindow, key: str) -> list[tuple[str, object, bool]]:
    """(shown text, filter value, checked) of the facet group ``key``."""
    model = window.library_panel.facets_model
    for row in range(model.rowCount()):
        group = model.item(row)
        if group.data(FacetRole) == key:
            return [
                (
                    group.child(r).text(),
                    group.child(r).data(FacetRole)[1],
                    group.child(r).checkState().value == 2,
                )
                for r in range(group.rowCount())
            ]
    return []


def test_reference_url_round_trip() -> None:
    for key in ("res:2370(2017)", "symbol:CTOC/COP/WG.6/2021/1", "sdg:16.4", "org:cted"):
        assert reference_key(QUrl(reference_url(key))) == key
        assert reference_key(reference_url(key)) == key
    assert reference_key(QUrl("https://example.org/res:1")) is None
    assert reference_key("ref:") is None


def test_reader_links_search_for_the_passages_citing_them(qtbot, window: MainWindow) -> None:
    gui_support.search(qtbot, window, "darknet")  # a query the link must replace
    window.open_document(CONINX)
    view = window.reader.view
    qtbot.waitUntil(lambda: view.meta is not None and view.meta.doc_id == CONINX, timeout=15000)
    links = view.links()
    href = reference_url("res:2370(2017)")
    assert ("resolution 2370 (2017)", href) in links
    assert ("resolution 1373 (2001)", reference_url("res:1373(2001)")) in links
    texts = [text for text, _ in links]
    assert "Security Council" in texts  # a link of its own, apart from the resolution
    assert not any("Council resolution" in text for text in texts)

    with qtbot.waitSignal(view.referenceClicked, timeout=2000) as clicked:
        view.anchorClicked.emit(QUrl(href))
    assert clicked.args == ["res:2370(2017)"]
    qtbot.waitUntil(
        lambda: {h.segment_id for h in window.search_panel.model.hits()} == CITING_2370,
        timeout=15000,
    )
    assert all("2370" in h.text for h in window.search_panel.model.hits())
    assert window.search_panel.edit.text() == ""
    assert window.library_panel.filters == {"ref": "res:2370(2017)"}
    shown = window.search_panel.filters_label.text()
    assert "Refers to: resolution 2370 (2017)" in shown and "res:" not in shown

    # The facet counts follow the filtered results, with readable labels.
    qtbot.waitUntil(lambda: bool(facet_items(window, "ref")), timeout=15000)
    qtbot.waitUntil(
        lambda: any(
            t.startswith("resolution 2370 (2017)  (3)") for t, _, _ in facet_items(window, "ref")
        ),
        timeout=15000,
    )
    refs = facet_items(window, "ref")
    assert not any(text.startswith(("res:", "org:", "instrument:")) for text, _, _ in refs)
    assert ("resolution 2370 (2017)  (3)", "res:2370(2017)", True) in refs
    assert any(text.startswith("CTED  (") for text, _, _ in refs)


def test_idle_library_facets_show_labels_and_filter_by_key(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: bool(facet_items(window, "ref")), timeout=30000)
    refs = facet_items(window, "ref")
    texts = [text for text, _, _ in refs]
    assert any(t.startswith("Firearms Protocol  (") for t in texts)
    assert any(t.startswith("SDG target 16.4  (") for t in texts)
    assert not any(":" in t.split("  (")[0] and t.startswith(("res:", "sdg:")) for t in texts)
    value = next(v for t, v, _ in refs if t.startswith("SDG target 16.4  ("))
    assert value == "sdg:16.4"  # the filter still uses the key
    operative = [text for text, _, _ in facet_items(window, "operative")]
    assert any(t.startswith("should  (") for t in operative)


def test_reader_text_is_never_html(qtbot) -> None:
    view = ReaderView()
    qtbot.addWidget(view)
    text = "<b>Recalls</b> resolution 2370 (2017) & <script>x</script> the Firearms Protocol"
    segment = Segment("doc", "paragraph", "1", "", text)
    view.show_document(
        DocumentMeta("doc", "A <i>title</i>"), [segment], segment.segment_id, ["Recalls"]
    )
    plain = view.toPlainText()
    assert text in plain and "A <i>title</i>" in plain
    assert [t for t, _ in view.links()] == ["resolution 2370 (2017)", "Firearms Protocol"]
    assert len(view.matches) == 1  # the matched word is still marked
    assert view.matches[0].selectedText() == "Recalls"
