"""Export a Markdown draft as a Word statement (.docx).

    export_draft(markdown_text, out_path, template=None, profile="statement") -> Path
    export_file(draft_path, out_path, ...) -> Path

The draft's front matter gives the title block and document properties; the
body goes through python-markdown's parse tree into named Word styles with
real footnotes. Any failure is an `ExportError` with a one-line message;
the draft itself is never written to.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from briefing_app.core.export.errors import ExportError
from briefing_app.core.export.profiles import PROFILES, UnknownProfile, get_profile

__all__ = [
    "PROFILES",
    "ExportError",
    "ExportReport",
    "build_document",
    "export_draft",
    "export_file",
    "read_draft",
    "run_export",
]


@dataclass
class ExportReport:
    """What an export produced (the CLI prints it; the GUI may show it)."""

    path: Path
    profile: str
    template: str
    paragraphs: int
    footnotes: int  # real Word footnotes
    tables: int
    links: int
    seconds: float
    inline_references: int = 0  # references printed in brackets instead (speaker, talking points)
    shortened: str = ""  # talking points: what was cut to fit two pages

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["path"] = str(self.path)
        data["seconds"] = round(self.seconds, 4)
        return data


def build_document(
    markdown_text: str,
    *,
    template: Path | None = None,
    profile: str = "statement",
    numbered: bool | None = None,
) -> tuple[Any, Any]:
    """Return (python-docx Document, converter stats) without writing anything."""
    from briefing_app.core.drafts.frontmatter import split
    from briefing_app.core.export import layout, md_tree
    from briefing_app.core.export.converter import Converter
    from briefing_app.core.export.profiles import apply_tweaks
    from briefing_app.core.export.sanitize import clean_text
    from briefing_app.core.export.template import ensure_styles, open_template

    try:
        chosen = get_profile(profile)
    except UnknownProfile as exc:
        raise ExportError(str(exc)) from None
    meta, body = split(clean_text(markdown_text or ""))
    if numbered is None:
        numbered = layout.is_numbered(meta)

    document = open_template(template)
    styles = ensure_styles(document)
    apply_tweaks(document.styles.element, styles, chosen)

    converter = Converter(document, styles, chosen, numbered=numbered)
    lines = layout.title_block(meta, chosen)
    parsed = md_tree.parse(body)
    shortened = ""
    if chosen.fit_two_pages:
        from briefing_app.core.export.fit import fit_talking_points

        shortened = fit_talking_points(parsed).note
        if shortened:  # said where the reader looks first
            lines.append(layout.Line("Title Block", shortened))
    converter.title_block(lines)
    converter.body(parsed)
    converter.stats.shortened = shortened
    _footer(document, converter.style_id("Footer"))

    heading = next((line.text for line in lines if line.style == "Title"), "")
    _properties(document, layout.properties(meta, chosen, heading))
    return document, converter.stats


def run_export(
    markdown_text: str,
    out_path: Path,
    *,
    template: Path | None = None,
    profile: str = "statement",
    numbered: bool | None = None,
) -> ExportReport:
    """Export and return a report; see `export_draft`."""
    from briefing_app.core.export.writer import check_target, save_atomically

    started = time.perf_counter()
    target = Path(out_path).expanduser()
    check_target(target)  # fail before the work, not after
    document, stats = build_document(
        markdown_text, template=template, profile=profile, numbered=numbered
    )
    save_atomically(document, target)
    return ExportReport(
        path=target,
        profile=profile,
        template=str(template) if template else "statement.docx (built in)",
        paragraphs=stats.paragraphs,
        footnotes=stats.footnotes,
        tables=stats.tables,
        links=stats.links,
        seconds=time.perf_counter() - started,
        inline_references=stats.inline_references,
        shortened=stats.shortened,
    )


def export_draft(
    markdown_text: str,
    out_path: Path,
    *,
    template: Path | None = None,
    profile: str = "statement",
    numbered: bool | None = None,
) -> Path:
    """Write `markdown_text` (front matter + body) as a .docx at `out_path`.

    `numbered` overrides the front matter's ``numbered:`` switch (None = use it).
    Raises ExportError with a one-line reason; returns the written path.
    """
    return run_export(
        markdown_text, out_path, template=template, profile=profile, numbered=numbered
    ).path


_BINARY_STARTS = (b"%PDF", b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # PDF, DOCX/PPTX, .doc


def read_draft(draft_path: Path) -> str:
    """The draft's text. A PDF or Word file given by mistake is refused: read as
    text it would become pages of binary garbage. Undecodable bytes in a text
    file are replaced, so a draft saved in another encoding still exports."""
    try:
        raw = Path(draft_path).read_bytes()
    except OSError as exc:
        raise ExportError(f"cannot read {draft_path}: {exc.strerror or exc}") from None
    if raw.startswith(_BINARY_STARTS) or b"\x00" in raw[:8192]:
        raise ExportError(
            f"{Path(draft_path).name} is not a Markdown draft (a PDF, Word or other "
            "binary file); export the .md draft you wrote"
        )
    return raw.decode("utf-8-sig", errors="replace")


def export_file(draft_path: Path, out_path: Path, **options: Any) -> Path:
    """Export the draft file at `draft_path` (read only, never modified)."""
    return export_draft(read_draft(draft_path), Path(out_path), **options)


def _footer(document: Any, footer_style: str) -> None:
    """Put "Page X of Y" in every footer in use, unless the template already numbers pages."""
    from briefing_app.core.export.docx_xml import write_page_x_of_y

    for section in document.sections:
        footers = [section.footer]
        if section.different_first_page_header_footer:
            footers.append(section.first_page_footer)
        if document.settings.odd_and_even_pages_header_footer:
            footers.append(section.even_page_footer)
        for footer in footers:
            footer.is_linked_to_previous = False
            paragraphs = [p._p for p in footer.paragraphs]
            if any(p.xpath(".//w:instrText[contains(., 'PAGE')]") for p in paragraphs):
                continue
            empty = [p for p in paragraphs if not "".join(p.itertext()).strip()]
            target = empty[0] if empty else footer.add_paragraph()._p
            for run in target.xpath("./w:r"):
                target.remove(run)
            target.get_or_add_pPr().style = footer_style
            write_page_x_of_y(target)


def _properties(document: Any, values: dict[str, str]) -> None:
    props = document.core_properties
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    props.title = values["title"]
    props.author = values["author"]
    props.last_modified_by = values["author"] or "Briefing"
    props.subject = values["subject"]
    props.keywords = values["keywords"]
    props.category = values["category"]
    props.comments = "Exported by Briefing from a Markdown draft"
    props.created = now
    props.modified = now
    props.revision = 1
