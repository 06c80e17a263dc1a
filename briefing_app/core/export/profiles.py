"""The three kinds of Word output one draft can give.

A profile says what the converter does differently (real footnotes or
bracketed references, body paragraphs as bullets, the title block) and how
the template's styles are adjusted. It only touches style definitions, so
the result still uses the same named styles a colleague can restyle.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast


@dataclass(frozen=True)
class StyleTweak:
    """Changes to one named style; None leaves the template's value."""

    size: float | None = None
    line_spacing: float | None = None
    space_before: float | None = None
    space_after: float | None = None
    keep_together: bool | None = None
    ragged: bool | None = None  # True: left-aligned, never justified


@dataclass(frozen=True)
class Profile:
    name: str
    label: str
    real_footnotes: bool = True
    show_mark: bool = True
    paragraphs_as_bullets: bool = False
    compact_title: bool = False
    aside_size: float = 10  # points, for references printed inline in brackets
    fit_two_pages: bool = False  # shorten the body to two pages, and say what was cut
    tweaks: dict[str, StyleTweak] = field(default_factory=dict)


# Justified text stretches the spaces of any line a long unbreakable citation or
# link leaves short; indented quotes and list items, and the speaker's 16 pt copy,
# have short lines to begin with. They are set ragged right.
_RAGGED = StyleTweak(ragged=True)
_SPEAKER_BODY = StyleTweak(
    size=16, line_spacing=1.5, space_before=0, space_after=18, keep_together=True, ragged=True
)
_SPEAKER_HEADING = StyleTweak(size=16, space_before=18, space_after=12, keep_together=True)
_TP_BODY = StyleTweak(size=11, line_spacing=1.0, space_before=0, space_after=4, ragged=True)
#: Every list style, at every depth the converter uses: one spacing for all items.
_LISTS = tuple(
    f"{base}{suffix}"
    for base in ("List Bullet", "List Number", "List Continue")
    for suffix in ("", " 2", " 3")
)

PROFILES: dict[str, Profile] = {
    "statement": Profile(
        "statement", "Statement", tweaks={"Quote": _RAGGED, **dict.fromkeys(_LISTS, _RAGGED)}
    ),
    "speaker": Profile(
        "speaker",
        "Speaker's reading copy",
        real_footnotes=False,
        aside_size=12,
        tweaks={
            "Normal": _SPEAKER_BODY,
            "Quote": _SPEAKER_BODY,
            **dict.fromkeys(_LISTS, _SPEAKER_BODY),
            "Heading 1": _SPEAKER_HEADING,
            "Heading 2": _SPEAKER_HEADING,
            "Heading 3": _SPEAKER_HEADING,
            "Title": StyleTweak(size=18),
            "Title Block": StyleTweak(size=14, line_spacing=1.15),
            "Delivery Mark": StyleTweak(size=14),
        },
    ),
    "talking-points": Profile(
        "talking-points",
        "Talking points",
        real_footnotes=False,
        show_mark=False,
        paragraphs_as_bullets=True,
        compact_title=True,
        aside_size=9,
        fit_two_pages=True,
        tweaks={
            "Normal": _TP_BODY,
            "Quote": StyleTweak(size=10.5, line_spacing=1.0, space_before=0, space_after=4),
            **dict.fromkeys(_LISTS, _TP_BODY),
            "Heading 1": StyleTweak(size=12, space_before=10, space_after=4),
            "Heading 2": StyleTweak(size=11, space_before=8, space_after=3),
            "Heading 3": StyleTweak(size=11, space_before=6, space_after=2),
            "Title": StyleTweak(size=14, space_after=4),
            "Title Block": StyleTweak(size=10, space_after=10),
        },
    ),
}


class UnknownProfile(ValueError):
    pass


def get_profile(name: str) -> Profile:
    try:
        return PROFILES[name]
    except KeyError:
        known = ", ".join(PROFILES)
        raise UnknownProfile(f"unknown profile {name!r} (choose from {known})") from None


def apply_tweaks(styles_element: Any, ids_by_name: dict[str, str], profile: Profile) -> None:
    """Adjust the document's style definitions for `profile`."""
    # python-docx loads here, not at import: the preview reads the profiles too.
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt
    from docx.styles.style import ParagraphStyle, StyleFactory

    for name, tweak in profile.tweaks.items():
        style_id = ids_by_name.get(name.lower())
        element = styles_element.get_by_id(style_id) if style_id else None
        if element is None:
            continue
        style = cast(ParagraphStyle, StyleFactory(element))
        fmt = style.paragraph_format
        if tweak.size is not None:
            style.font.size = Pt(tweak.size)
        if tweak.line_spacing is not None:
            fmt.line_spacing = tweak.line_spacing
        if tweak.space_before is not None:
            fmt.space_before = Pt(tweak.space_before)
        if tweak.space_after is not None:
            fmt.space_after = Pt(tweak.space_after)
        if tweak.keep_together is not None:
            fmt.keep_together = tweak.keep_together
        if tweak.ragged is not None:
            fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT if tweak.ragged else WD_ALIGN_PARAGRAPH.JUSTIFY
