"""PowerPoint decks (.pptx) with python-pptx: one page per slide.

Each slide becomes one page of light Markdown (pages end in form feeds, as
PDF pages do): ``# title``, then the text of its shapes in reading order
(top to bottom, then left to right; grouped shapes opened; tables as pipe
tables; bullets as ``-`` items), then its speaker notes. Footers, slide
numbers and repeated date placeholders are furniture and left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from briefing_app.core.ingest.errors import IngestError
from briefing_app.core.ingest.readers.base import RawText
from briefing_app.core.ingest.safety import check_zip_container, read_bytes

MAX_SLIDES = 2000
NOTES_LABEL = "Speaker notes:"


def read_pptx(path: Path, max_bytes: int) -> RawText:
    read_bytes(path, max_bytes)  # size and readability checks
    check_zip_container(path, "ppt/presentation.xml", ("PPTX", "PowerPoint deck"))
    from pptx import Presentation

    try:
        deck = Presentation(str(path))
        if len(deck.slides) > MAX_SLIDES:
            raise IngestError(f"too many slides ({len(deck.slides)}; the limit is {MAX_SLIDES})")
        skipped: list[int] = []
        pages = [
            _slide_page(slide, number=index + 1, skipped=skipped)
            for index, slide in enumerate(deck.slides)
        ]
    except IngestError:
        raise
    except Exception as exc:  # python-pptx raises many kinds on damaged files
        raise IngestError(f"could not read the PPTX ({type(exc).__name__})") from exc
    if not any(page.strip() for page in pages):
        raise IngestError("the deck has no text (slides of pictures only?)")
    raw = RawText("\f".join(pages), "pptx")
    if skipped:
        raw.warnings.append(f"{len(skipped)} damaged shape(s) left out (slides {_slides(skipped)})")
    return raw


def _slide_page(slide: Any, *, number: int, skipped: list[int]) -> str:
    """One slide as Markdown blocks separated by blank lines.

    A shape that cannot be read (a damaged chart part) is left out and counted
    in ``skipped``; the rest of the deck is still read.
    """
    title_shape = slide.shapes.title
    title = _one_line(title_shape.text_frame.text) if title_shape is not None else ""
    blocks = [f"# {title}"] if title else []
    for shape in _reading_order(slide.shapes):
        if title_shape is not None and shape.shape_id == title_shape.shape_id:
            continue
        try:
            if not _is_furniture(shape, first=number == 1):
                blocks.extend(_shape_blocks(shape))
        except Exception:  # python-pptx raises many kinds on a damaged part
            skipped.append(number)
    notes = _notes(slide)
    if notes:
        blocks.append(f"**{NOTES_LABEL}** {notes[0]}")
        blocks.extend(notes[1:])
    return "\n\n".join(b for b in blocks if b.strip())


def _slides(slide_ids: list[int]) -> str:
    return ", ".join(str(i) for i in sorted(set(slide_ids))[:5])


def _reading_order(shapes: Iterable[Any]) -> list[Any]:
    return sorted(shapes, key=lambda s: (s.top or 0, s.left or 0))


def _is_furniture(shape: Any, first: bool) -> bool:
    """Footers and slide numbers; dates except on the title slide."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    if not shape.is_placeholder:
        return False
    kind = shape.placeholder_format.type
    if kind in (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER):
        return True
    return kind == PP_PLACEHOLDER.DATE and not first


def _shape_blocks(shape: Any) -> Iterator[str]:
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
        for child in _reading_order(shape.shapes):
            yield from _shape_blocks(child)
    elif getattr(shape, "has_table", False) and shape.has_table:
        yield _pipe_table(shape.table)
    elif getattr(shape, "has_chart", False) and shape.has_chart:
        chart = shape.chart
        if chart.has_title and chart.chart_title.has_text_frame:
            text = _one_line(chart.chart_title.text_frame.text)
            if text:
                yield f"Chart: {text}"
    elif shape.has_text_frame:
        yield from _text_frame_blocks(shape.text_frame, bulleted=_is_body(shape))


def _is_body(shape: Any) -> bool:
    """Body and content placeholders show bullets by default; text boxes do not."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    if not shape.is_placeholder:
        return False
    return shape.placeholder_format.type in (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)


def _text_frame_blocks(frame: Any, *, bulleted: bool) -> Iterator[str]:
    """Plain paragraphs one block each; a bulleted list one block of ``-`` items."""
    items: list[str] = []
    for paragraph in frame.paragraphs:
        text = _one_line(paragraph.text)
        if not text:
            continue
        if bulleted or paragraph.level > 0:
            items.append("  " * paragraph.level + "- " + text)
            continue
        if items:
            yield "\n".join(items)
            items = []
        yield text
    if items:
        yield "\n".join(items)


def _pipe_table(table: Any) -> str:
    """The reader contract's table form: every line starts with ``|``."""
    lines = []
    for row in table.rows:
        cells = [_one_line(cell.text).replace("|", "/") for cell in row.cells]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _notes(slide: Any) -> list[str]:
    if not slide.has_notes_slide:
        return []
    frame = slide.notes_slide.notes_text_frame
    if frame is None:
        return []
    return [text for p in frame.paragraphs if (text := _one_line(p.text))]


def _one_line(text: str) -> str:
    """python-pptx marks a line break inside a paragraph with a vertical tab."""
    return " ".join(text.replace("\v", " ").split())
