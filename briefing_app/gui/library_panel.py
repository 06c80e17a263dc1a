"""The library: documents grouped by kind and meeting, facet counts that filter.

Dropping files here adds them to the library (copied, then indexed in the
background).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QSplitter, QTreeView, QVBoxLayout, QWidget

from briefing_app.core.annotation.references import describe
from briefing_app.core.models import DocumentMeta
from briefing_app.core.session.search_state import SearchState

DocRole = Qt.ItemDataRole.UserRole + 1
FacetRole = Qt.ItemDataRole.UserRole + 2  # (key, value)
FACET_LABELS = {
    "kind": "Kind",
    "doc": "Document",
    "section": "Section",
    "year": "Year",
    "body": "Meeting or body",
    "operative": "Operative verb",
    "ref": "Refers to",
}
_KIND_GROUP = {
    "resolution": "Resolutions",
    "draft-resolution": "Draft resolutions",
    "decision": "Decisions",
    "draft-decision": "Draft decisions",
    "treaty": "Treaties",
    "report": "Reports",
    "statement": "Statements",
    "presentation": "Presentations",
    "other": "Other documents",
}


def facet_value_label(key: str, value: str, titles: dict[str, str] | None = None) -> str:
    """How a facet value reads: document titles, reference labels; the raw value otherwise."""
    if key == "doc":
        return (titles or {}).get(value, value)
    if key == "ref":
        return describe(value)
    return value


def supported_files(paths: Sequence[Path]) -> list[Path]:
    from briefing_app.core.ingest import SUPPORTED_SUFFIXES

    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p for p in sorted(path.rglob("*")) if p.suffix.lower() in SUPPORTED_SUFFIXES
            )
        elif path.suffix.lower() in SUPPORTED_SUFFIXES:
            found.append(path)
    return found


class LibraryPanel(QWidget):
    """Shows the library and the facet counts; the filters themselves live in ``SearchState``."""

    documentActivated = Signal(str)  # doc_id
    facetToggled = Signal(str, str)  # key, value: the user clicked a facet value
    filesDropped = Signal(list)  # list[Path]

    def __init__(self, state: SearchState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPanel")
        self.setAcceptDrops(True)
        self.state = state
        self.titles: dict[str, str] = {}

        self.docs_model = QStandardItemModel(self)
        self.docs = QTreeView(objectName="libraryView")
        self.docs.setModel(self.docs_model)
        self.docs.setHeaderHidden(True)
        self.docs.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.docs.activated.connect(self._doc_activated)
        self.docs.clicked.connect(self._doc_activated)

        self.facets_model = QStandardItemModel(self)
        self.facets = QTreeView(objectName="facetsView")
        self.facets.setModel(self.facets_model)
        self.facets.setHeaderHidden(True)
        self.facets.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.facets.clicked.connect(self._facet_clicked)

        hint = QLabel("Drop files here to add them to your library.")
        hint.setObjectName("dropHint")
        hint.setWordWrap(True)
        hint.setEnabled(False)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.docs)
        splitter.addWidget(self.facets)
        splitter.setSizes([300, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter, 1)
        layout.addWidget(hint)

    # -- documents ---------------------------------------------------------------
    def set_documents(self, documents: Sequence[DocumentMeta]) -> None:
        self.titles = {d.doc_id: d.title for d in documents}
        self.docs_model.clear()
        groups: dict[str, dict[str, list[DocumentMeta]]] = {}
        for doc in documents:
            kind = _KIND_GROUP.get(doc.kind, doc.kind.capitalize())
            groups.setdefault(kind, {}).setdefault(doc.body or "Other", []).append(doc)
        for kind in sorted(groups):
            kind_item = QStandardItem(f"{kind} ({sum(len(v) for v in groups[kind].values())})")
            kind_item.setSelectable(False)
            for body in sorted(groups[kind]):
                body_item = QStandardItem(body)
                body_item.setSelectable(False)
                body_item.setToolTip(body)
                for doc in sorted(groups[kind][body], key=lambda d: d.date or "", reverse=True):
                    item = QStandardItem(doc.title)
                    item.setToolTip(f"{doc.title}\n{doc.date or ''}")
                    item.setData(doc.doc_id, DocRole)
                    body_item.appendRow(item)
                kind_item.appendRow(body_item)
            self.docs_model.appendRow(kind_item)
        self.docs.expandToDepth(1)

    def _doc_activated(self, index: QModelIndex) -> None:
        doc_id = index.data(DocRole)
        if doc_id:
            self.documentActivated.emit(doc_id)

    # -- facets ------------------------------------------------------------------
    def set_facets(self, facets: dict[str, dict[str, int]]) -> None:
        expanded = {
            self.facets_model.item(r).data(FacetRole)
            for r in range(self.facets_model.rowCount())
            if self.facets.isExpanded(self.facets_model.index(r, 0))
        }
        self.facets_model.clear()
        for key in FACET_LABELS:
            values = facets.get(key) or {}
            if not values:
                continue
            group = QStandardItem(FACET_LABELS[key])
            group.setData(key, FacetRole)
            group.setSelectable(False)
            ordered = sorted(values.items(), key=lambda kv: (-kv[1], kv[0]))
            if key == "year":
                ordered = sorted(values.items(), reverse=True)
            for value, count in ordered[:40]:
                label = facet_value_label(key, value, self.titles)
                item = QStandardItem(f"{label}  ({count})")
                item.setToolTip(label if label == value else f"{label}\n{value}")
                item.setData((key, value), FacetRole)
                item.setCheckable(True)
                active = self.state.filters.get(key) == value
                item.setCheckState(Qt.CheckState.Checked if active else Qt.CheckState.Unchecked)
                group.appendRow(item)
            self.facets_model.appendRow(group)
            if key in expanded or key in ("kind", "year") or key in self.state.filters:
                self.facets.expand(group.index())

    @property
    def filters(self) -> dict[str, str]:
        """The active filters (a copy: change them through the search state)."""
        return dict(self.state.filters)

    def _facet_clicked(self, index: QModelIndex) -> None:
        data = index.data(FacetRole)
        if isinstance(data, tuple):
            self.facetToggled.emit(*data)

    def show_active(self) -> None:
        """Tick the facet values the search state filters on."""
        for row in range(self.facets_model.rowCount()):
            group = self.facets_model.item(row)
            for child in range(group.rowCount()):
                item = group.child(child)
                key, value = item.data(FacetRole)
                active = self.state.filters.get(key) == value
                item.setCheckState(Qt.CheckState.Checked if active else Qt.CheckState.Unchecked)

    def filter_labels(self) -> dict[str, str]:
        """The active filters as the user reads them: facet name -> value label."""
        return {
            FACET_LABELS.get(key, key): facet_value_label(key, value, self.titles)
            for key, value in self.state.filters.items()
        }

    # -- dropping files ------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # type: ignore[override]
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        files = supported_files(paths)
        if files:
            event.acceptProposedAction()
            self.filesDropped.emit(files)
