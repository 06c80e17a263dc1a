"""Parse a draft body into python-markdown's ElementTree, ready to walk.

A Treeprocessor registered after every built-in one keeps the finished tree
(inline markup, footnote references and definitions, tables), so the
converter works on structure rather than on regular expressions over text.
Raw-HTML placeholders are resolved to their plain text here.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from briefing_app.core.drafts.markdown_setup import new_markdown

_PLACEHOLDER = re.compile("\x02wzxhzdk:(\\d+)\x03")
_TAGS = re.compile(r"<[^>]*>")
_OTHER_MARKERS = re.compile("\x02[^\x03]*\x03")  # e.g. the footnotes' NBSP marker


@dataclass
class ParsedBody:
    """The block elements of the body and the footnote definitions by id."""

    root: etree.Element
    footnotes: dict[str, etree.Element] = field(default_factory=dict)


class _Capture(Treeprocessor):
    def __init__(self, md: markdown.Markdown, sink: list[etree.Element]) -> None:
        super().__init__(md)
        self._sink = sink

    def run(self, root: etree.Element) -> None:
        stash = self.md.htmlStash.rawHtmlBlocks

        def resolve(text: str | None) -> str | None:
            if not text or ("\x02" not in text and AMP_SUBSTITUTE not in text):
                return text
            text = text.replace(AMP_SUBSTITUTE, "&")

            def one(match: re.Match[str]) -> str:
                index = int(match.group(1))
                raw = stash[index] if index < len(stash) else ""
                return html.unescape(_TAGS.sub("", str(raw)))

            return _OTHER_MARKERS.sub("", _PLACEHOLDER.sub(one, text))

        for element in root.iter("p"):  # a stashed fenced code block fills a whole <p>
            whole = _PLACEHOLDER.fullmatch((element.text or "").strip())
            index = int(whole.group(1)) if whole and len(element) == 0 else len(stash)
            if index < len(stash) and str(stash[index]).lstrip().startswith("<pre"):
                element.tag = "pre"
        for element in root.iter():
            element.text = resolve(element.text)
            element.tail = resolve(element.tail)
        self._sink.append(root)


class _CaptureExtension(Extension):
    def __init__(self, sink: list[etree.Element]) -> None:
        super().__init__()
        self._sink = sink

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # Priority below "unescape" (0): runs last, on the finished tree.
        md.treeprocessors.register(_Capture(md, self._sink), "briefing-capture", -100)


def parse(body: str) -> ParsedBody:
    """Parse Markdown `body` (front matter already removed)."""
    sink: list[etree.Element] = []
    md = new_markdown(_CaptureExtension(sink))
    md.convert(body)
    root = sink[-1] if sink else etree.Element("div")
    footnotes: dict[str, etree.Element] = {}
    for container in list(root):
        if container.tag == "div" and container.get("class") == "footnote":
            for item in container.iter("li"):
                note_id = item.get("id", "")
                if note_id.startswith("fn:"):
                    footnotes[note_id[3:]] = item
            root.remove(container)
    return ParsedBody(root=root, footnotes=footnotes)


def footnote_target(sup: etree.Element) -> str | None:
    """The footnote id a ``<sup>`` reference points to, or None for plain superscript."""
    link = sup.find("a")
    if link is None or link.get("class") != "footnote-ref":
        return None
    href = link.get("href", "")
    return href[4:] if href.startswith("#fn:") else None


def plain_text(element: etree.Element) -> str:
    """All text under `element`, footnote back-links left out, spaces collapsed."""
    parts: list[str] = []

    def walk(node: etree.Element) -> None:
        if node.tag == "a" and node.get("class") == "footnote-backref":
            parts.append(node.tail or "")
            return
        parts.append(node.text or "")
        for child in node:
            walk(child)
        parts.append(node.tail or "")

    parts.append(element.text or "")
    for child in element:
        walk(child)
    return " ".join("".join(parts).split())
