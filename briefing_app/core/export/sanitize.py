"""Remove characters that XML 1.0 (and so Word) refuses.

Text copied from PDFs carries form feeds, vertical tabs and stray control
bytes; lxml raises on them and a half-written file would be corrupt. Line-ish
controls become newlines so words do not run together; the rest is dropped.
"""

from __future__ import annotations

import re

# XML 1.0 allows TAB, LF, CR and everything from U+0020 except surrogates and
# U+FFFE/U+FFFF. C1 controls (U+0080-U+009F) are legal but always garbage here.
_ILLEGAL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_LINEISH = str.maketrans({"\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n"})


def clean_text(text: str) -> str:
    """Return `text` with every XML-illegal character removed or made a newline."""
    if not text:
        return text
    return _ILLEGAL.sub("", text.translate(_LINEISH))


def clean_inline(text: str) -> str:
    """Like `clean_text` for a run of text, where a newline has no meaning."""
    return _ILLEGAL.sub("", text).translate(_LINEISH).replace("\n", " ")
