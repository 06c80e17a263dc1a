"""HTML pages: block elements become paragraphs, headings become ``#`` lines.

Uses the standard library's tolerant parser; scripts, styles and anything
remote are dropped, entities are the standard ones only.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from briefing_app.core.ingest.errors import IngestError
from briefing_app.core.ingest.readers.base import RawText
from briefing_app.core.ingest.safety import decode_text, read_bytes

_BLOCKS = {"p", "div", "li", "tr", "br", "section", "article", "blockquote", "table", "ul", "ol"}
_SKIP = {"script", "style", "head", "noscript", "template", "svg"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip_depth += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")
        elif len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self.parts.append("\n\n" + "#" * int(tag[1]) + " ")
        elif tag in ("b", "strong"):
            self.parts.append("**")
        elif tag in ("i", "em"):
            self.parts.append("*")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCKS or (len(tag) == 2 and tag[0] == "h" and tag[1] in "123456"):
            self.parts.append("\n\n")
        elif tag in ("b", "strong"):
            self.parts.append("**")
        elif tag in ("i", "em"):
            self.parts.append("*")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.parts.append(" ".join(data.split(" ")).replace("\n", " "))


def read_html(path: Path, max_bytes: int) -> RawText:
    decoded = decode_text(read_bytes(path, max_bytes))
    parser = _TextExtractor()
    parser.feed(decoded.text)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).split("\n")]
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    if not text.strip():
        raise IngestError("the page has no text")
    return RawText(text.strip() + "\n", "html")
