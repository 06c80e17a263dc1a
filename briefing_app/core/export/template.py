"""Open the reference or a user's template and make sure every style we use exists.

A mission's own template keeps its look: we only add the styles it lacks,
copied from the reference template that ships with the app (and, for the
footnote styles, from built-in definitions as a last resort).
"""

from __future__ import annotations

import copy
import io
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree

from briefing_app.core.export.docx_xml import ensure_footnote_styles, style_ids_by_name
from briefing_app.core.export.errors import ExportError
from briefing_app.core.export.template_safety import sanitize_package
from briefing_app.core.resources import resource

#: Every style the converter may apply, by Word name.
USED_STYLES = (
    "Normal",
    "Title",
    "Subtitle",
    "Title Block",
    "Delivery Mark",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "Quote",
    "List Bullet",
    "List Bullet 2",
    "List Bullet 3",
    "List Number",
    "List Number 2",
    "List Number 3",
    "List Continue",
    "List Continue 2",
    "List Continue 3",
    "Plain Text",
    "Footer",
    "Table Grid",
    "Hyperlink",
    "Footnote Text",
    "Footnote Reference",
)

_TEMPLATE_CT = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_CT = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def resolve_template(value: str | None, home: str | None) -> Path | None:
    """A path, or the name of a template saved in the data home's templates folder
    (the CLI's ``--template``; any front end can offer the same names)."""
    if not value:
        return None
    path = Path(value).expanduser()
    if path.exists() or path.parent != Path("."):
        return path
    from briefing_app.core.paths import DataHome

    folder = DataHome.resolve(home).templates_dir
    for candidate in (folder / value, folder / f"{value}.docx", folder / f"{value}.dotx"):
        if candidate.is_file():
            return candidate
    return path  # export reports "template not found" with the path as given


def reference_template() -> Path:
    return resource("templates", "statement.docx")


@cache
def _reference_bytes(path: Path, mtime: float) -> bytes:
    return path.read_bytes()


@cache
def _reference_styles(path: Path, mtime: float) -> Any:
    with zipfile.ZipFile(path) as archive:
        return parse_xml(archive.read("word/styles.xml"))


def open_template(path: Path | None) -> Any:
    """Load `path` (or the reference template) as an empty python-docx Document."""
    source = Path(path) if path is not None else reference_template()
    if not source.is_file():
        raise ExportError(f"template not found: {source}")
    suffix = source.suffix.lower()
    if suffix not in (".docx", ".dotx"):
        raise ExportError(f"template must be a .docx or .dotx file: {source.name}")
    try:
        data = _reference_bytes(source, source.stat().st_mtime)
        if suffix == ".dotx":
            data = _as_document(data)
        if path is not None:  # a user's template: nothing in it may reach outside the file
            data = sanitize_package(data)
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        raise ExportError(f"{source.name} is not a usable Word template ({exc})") from None
    except OSError as exc:
        raise ExportError(f"cannot read template {source}: {exc.strerror or exc}") from None
    _clear_body(document)
    return document


def _as_document(data: bytes) -> bytes:
    """A .dotx is a .docx with another main content type: rewrite that one entry."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(_TEMPLATE_CT, _DOCUMENT_CT)
            dst.writestr(item, content)
    return out.getvalue()


def _clear_body(document: Any) -> None:
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def ensure_styles(document: Any, names: tuple[str, ...] = USED_STYLES) -> dict[str, str]:
    """Add the styles among `names` the document lacks; return name(lower) -> styleId."""
    target = document.styles.element
    ids = style_ids_by_name(target)
    missing = [n for n in names if n.lower() not in ids]
    if missing:
        ref_path = reference_template()
        reference = _reference_styles(ref_path, ref_path.stat().st_mtime)
        ref_by_id = {s.get(qn("w:styleId")): s for s in reference.iterchildren(qn("w:style"))}
        ref_ids = style_ids_by_name(reference)
        for name in missing:
            _copy_style(name.lower(), target, ids, reference, ref_ids, ref_by_id)
    ids.update({k: v for k, v in _footnote_ids(target).items() if k not in ids})
    return ids


def _footnote_ids(target: Any) -> dict[str, str]:
    found = ensure_footnote_styles(target)
    return {"footnote text": found["text"], "footnote reference": found["reference"]}


def _copy_style(
    name: str,
    target: Any,
    ids: dict[str, str],
    reference: Any,
    ref_ids: dict[str, str],
    ref_by_id: dict[str, Any],
) -> str | None:
    """Copy style `name` (and the styles it is based on) from the reference."""
    if name in ids:
        return ids[name]
    ref_id = ref_ids.get(name)
    if ref_id is None:
        return None
    style = copy.deepcopy(ref_by_id[ref_id])
    for tag in ("w:link", "w:rsid"):
        for child in style.findall(qn(tag)):
            style.remove(child)
    for num_pr in style.iter(qn("w:numPr")):  # the reference's numIds mean nothing here
        num_pr.getparent().remove(num_pr)
    for tag in ("w:basedOn", "w:next"):
        child = style.find(qn(tag))
        if child is None:
            continue
        parent = ref_by_id.get(child.get(qn("w:val")))
        parent_name = _name_of(parent)
        mapped = (
            _copy_style(parent_name, target, ids, reference, ref_ids, ref_by_id)
            if parent_name and parent_name != name
            else None
        )
        if mapped is None:
            style.remove(child)
        else:
            child.set(qn("w:val"), mapped)
    style_id = style.get(qn("w:styleId"))
    if style_id in set(ids.values()):
        style_id = f"Briefing{style_id}"
        style.set(qn("w:styleId"), style_id)
    style.attrib.pop(qn("w:default"), None)
    target.append(style)
    ids[name] = style_id
    return style_id


def _name_of(style: Any | None) -> str | None:
    if style is None:
        return None
    name = style.find(qn("w:name"))
    return name.get(qn("w:val")).lower() if name is not None else None
