"""Small helpers for reading WordprocessingML with lxml (no DTDs, no network)."""

from __future__ import annotations

import posixpath
import zipfile
from typing import Any

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def parse(data: bytes) -> Any:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    return etree.fromstring(data, parser)


def child(node: Any | None, name: str) -> Any | None:
    return None if node is None else node.find(f"{W}{name}")


def attr(node: Any | None, name: str, ns: str = W) -> str | None:
    return None if node is None else node.get(f"{ns}{name}")


def local(node: Any) -> str:
    tag = node.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


class Package:
    """The parts of a DOCX that reading needs: document, styles, numbering,
    footnotes, endnotes and headers, found through the document's relationships."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.names = set(archive.namelist())
        self.rels: dict[str, tuple[str, str]] = {}  # rId -> (type, part name)
        rels = "word/_rels/document.xml.rels"
        if rels in self.names:
            for rel in parse(archive.read(rels)).iter(f"{_RELS_NS}Relationship"):
                target = rel.get("Target") or ""
                if rel.get("TargetMode") == "External":
                    continue
                name = posixpath.normpath(posixpath.join("word", target)).lstrip("/")
                if target.startswith("/"):
                    name = target.lstrip("/")
                self.rels[rel.get("Id") or ""] = ((rel.get("Type") or "").rsplit("/", 1)[-1], name)

    def part(self, name: str | None) -> Any | None:
        if not name or name not in self.names:
            return None
        return parse(self.archive.read(name))

    def by_type(self, rel_type: str) -> Any | None:
        for kind, name in self.rels.values():
            if kind == rel_type:
                return self.part(name)
        return None

    def by_id(self, rel_id: str | None) -> Any | None:
        entry = self.rels.get(rel_id or "")
        return self.part(entry[1]) if entry else None
