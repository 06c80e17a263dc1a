"""Helpers for the export tests: a realistic draft and readers for the .docx XML."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}

FRONT_MATTER = """---
title: Firearms trafficking on the darknet
delegation: Permanent Mission of Aurelia
speaker: H.E. Ms. Elena Marković
meeting: Working Group on Firearms, eighth session
agenda_item: 3
place: Vienna
date: 12 May 2021
slot_minutes: 5
mark: Check against delivery
---
"""

BODY = """Mr. Chair,

My delegation thanks the secretariat for its **useful** report.

## Trafficking on the darknet

As the Working Group on Firearms recommended in recommendation 18[^1]:

> Acknowledging that illicit firearms are occasionally purchased on the darknet ...

We highlight three priorities:

1. strengthening *financial investigations*;
2. training prosecutors, in particular on:
    - electronic evidence;
    - international cooperation;
3. sharing good practices through [UNODC](https://www.unodc.org/).

The Programme of Action[^2] remains our compass.<BR>A second line.

| Instrument | Status |
|---|---|
| Firearms Protocol | Ratified |

Thank you, Mr. Chair.

[^1]: Report of the Working Group on Firearms, Vienna, 10–12 May 2021, recommendation 18.
[^2]: C. Ponti, *What to expect from BMS7?*, 21 July 2021.
""".replace("<BR>", "  \n")  # two trailing spaces: a Markdown line break

DRAFT = FRONT_MATTER + BODY


def read_part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def part_names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return archive.namelist()


def styled_paragraphs(path: Path) -> list[tuple[str, str]]:
    """(style name, text) for every body paragraph, in order."""
    document = docx.Document(str(path))
    return [(p.style.name, p.text) for p in document.paragraphs]


def footnote_texts(path: Path) -> list[str]:
    """Text of the real (non-separator) footnotes, in id order."""
    root = read_part(path, "word/footnotes.xml")
    notes = root.xpath("./w:footnote[not(@w:type) or @w:type='normal']", namespaces=NS)
    return ["".join(n.xpath(".//w:t/text()", namespaces=NS)).strip() for n in notes]


def footer_xml(path: Path) -> etree._Element:
    names = [n for n in part_names(path) if n.startswith("word/footer")]
    assert names, "no footer part"
    return read_part(path, names[0])
