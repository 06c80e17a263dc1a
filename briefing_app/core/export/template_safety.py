"""Strip a user's Word template of everything that reaches outside the file.

A template can carry an external ``attachedTemplate`` (Word fetches it on
open), remote images (``r:link``), hyperlinks to ``http://`` or
``file:///etc/passwd``, OLE links, ``INCLUDEPICTURE``/``INCLUDETEXT`` fields,
mail-merge data sources, subdocuments and macros. The statement we export
must open without touching the network or the disk, so before python-docx
reads the template every relationship with ``TargetMode="External"`` is
dropped together with the XML that points at it, macro parts and their
relationships are removed, and field codes that fetch content are emptied.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile

from lxml import etree

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = f"{{{R_NS}}}"

#: Relationship types that bring code or remote content even when internal.
_DROPPED_TYPES = re.compile(
    r"(vbaProject|vbaData|keyMapCustomizations|wordVbaData|activeXControl|attachedTemplate"
    r"|oleObject|subDocument|frame|mailMergeSource|mailMergeHeaderSource)$",
    re.IGNORECASE,
)
#: Parts never copied: macros and their data, ActiveX controls.
_DROPPED_PARTS = re.compile(
    r"(^|/)(vbaProject\.bin|vbaData\.xml|customizations\.xml|activeX/.*)$", re.IGNORECASE
)
#: Field codes that load something from elsewhere.
_FETCHING_FIELD = re.compile(r"^\s*(INCLUDEPICTURE|INCLUDETEXT|LINK|DDE|DDEAUTO|IMPORT)\b", re.I)
_MACRO_CT = re.compile(rb"application/vnd\.ms-word\.(document|template)\.macroEnabled[^\"]*")
_DOCUMENT_CT = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
#: Elements removed outright when they point at a dropped relationship.
_REMOVE_TAGS = {
    f"{{{W_NS}}}{t}"
    for t in ("attachedTemplate", "subDoc", "dataSource", "headerSource", "mailMerge", "frameset")
}


def sanitize_package(data: bytes) -> bytes:
    """The same package without external references, macros or fetching fields."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = [i.filename for i in source.infolist()]
    dropped_rels: dict[str, set[str]] = {}  # part name -> relationship ids removed
    cleaned: dict[str, bytes] = {}
    for name in names:
        if name.endswith(".rels"):
            part = _part_of_rels(name)
            content, ids = _clean_rels(source.read(name))
            cleaned[name] = content
            dropped_rels[part] = ids
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            name = item.filename
            if _DROPPED_PARTS.search(name):
                continue
            found = cleaned.get(name)
            content = found if found is not None else source.read(name)
            if found is None:
                if name == "[Content_Types].xml":
                    content = _clean_content_types(content)
                elif name.endswith(".xml"):
                    content = _clean_part(content, dropped_rels.get(name, set()))
            target.writestr(item, content)
    return out.getvalue()


def _part_of_rels(rels_name: str) -> str:
    """``word/_rels/document.xml.rels`` -> ``word/document.xml``."""
    folder, base = posixpath.split(rels_name)
    parent = posixpath.dirname(folder)
    return posixpath.join(parent, base[: -len(".rels")]).lstrip("/")


def _clean_rels(content: bytes) -> tuple[bytes, set[str]]:
    root = etree.fromstring(content, parser=_parser())
    removed: set[str] = set()
    for rel in list(root):
        external = (rel.get("TargetMode") or "").lower() == "external"
        kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
        if external or _DROPPED_TYPES.search(kind) or _DROPPED_PARTS.search(rel.get("Target", "")):
            removed.add(rel.get("Id") or "")
            root.remove(rel)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), removed


def _clean_content_types(content: bytes) -> bytes:
    root = etree.fromstring(_MACRO_CT.sub(_DOCUMENT_CT, content), parser=_parser())
    for override in list(root):
        if (
            _DROPPED_PARTS.search(override.get("PartName", ""))
            or "vba" in (override.get("ContentType", "") + override.get("Extension", "")).lower()
        ):
            root.remove(override)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _clean_part(content: bytes, removed: set[str]) -> bytes:
    try:
        root = etree.fromstring(content, parser=_parser())
    except etree.XMLSyntaxError:
        return content  # not ours to judge; python-docx reports it if it matters
    changed = False
    if removed:
        for element in list(root.iter()):
            refs = [k for k, v in element.attrib.items() if k.startswith(_R) and v in removed]
            if refs:
                changed = True
                _drop_reference(element, refs)
    for instr in list(root.iter(f"{{{W_NS}}}instrText")):
        if instr.text and _FETCHING_FIELD.match(instr.text):
            instr.text, changed = "", True
    for simple in list(root.iter(f"{{{W_NS}}}fldSimple")):
        if _FETCHING_FIELD.match(simple.get(f"{{{W_NS}}}instr", "")):
            _unwrap(simple)
            changed = True
    if not changed:
        return content
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _drop_reference(element: etree._Element, attributes: list[str]) -> None:
    """Hyperlinks keep their text; other pointers to removed targets go entirely."""
    if element.tag == f"{{{W_NS}}}hyperlink":
        _unwrap(element)
    elif element.tag in _REMOVE_TAGS or element.getparent() is None:
        if element.getparent() is not None:
            element.getparent().remove(element)
    elif element.tag.endswith("}blip") or element.tag.endswith("}imagedata"):
        for name in attributes:  # a remote picture: the frame stays, empty
            del element.attrib[name]
    else:
        element.getparent().remove(element)


def _unwrap(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    index = parent.index(element)
    for child in list(element):
        parent.insert(index, child)
        index += 1
    parent.remove(element)


def _parser() -> etree.XMLParser:
    """No DTDs, no entities, no network: template XML is untrusted."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
