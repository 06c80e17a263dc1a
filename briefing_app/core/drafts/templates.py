"""New drafts from templates: bundled ones in resources/templates, the user's own beside them.

A template is a Markdown draft whose front matter has a ``template`` key (its
name in the menu) and ``{{placeholders}}`` filled from the user's preferences
(delegation, speaker) and today's date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from briefing_app.core.citation import format_date
from briefing_app.core.drafts import frontmatter
from briefing_app.core.drafts.draft_file import read_draft
from briefing_app.core.drafts.fill import fill, placeholders
from briefing_app.core.resources import resource

DEFAULT_TEMPLATE = "statement-agenda-item"
#: What a template may need from the user, in the order a prompt asks for it.
ASKED = ("delegation", "speaker")


@dataclass(frozen=True)
class Template:
    key: str  # the file stem, what preferences store
    name: str  # what the menu shows
    path: Path
    builtin: bool


def bundled_dir() -> Path:
    return resource("templates")


def list_templates(user_dir: Path | None = None) -> list[Template]:
    """Bundled templates first, then the user's (a user file overrides a bundled key)."""
    found: dict[str, Template] = {}
    for folder, builtin in ((bundled_dir(), True), (user_dir, False)):
        if folder is None or not Path(folder).is_dir():
            continue
        for path in sorted(Path(folder).glob("*.md")):
            found[path.stem] = Template(path.stem, _name_of(path), path, builtin)
    return list(found.values())


def find_template(key: str, user_dir: Path | None = None) -> Template | None:
    return next((t for t in list_templates(user_dir) if t.key == key), None)


def instantiate(template: Template, values: Mapping[str, str] | None = None) -> str:
    """The template's text with placeholders filled and its ``template`` key dropped.

    Missing values never leave a broken sentence (see ``fill``).
    """
    given = {"date": format_date(dt.date.today().isoformat()), **(values or {})}
    text = fill(read_draft(template.path), given)
    meta, body = frontmatter.split(text)
    meta.pop("template", None)
    return frontmatter.join(meta, body)


def missing_values(template: Template, values: Mapping[str, str]) -> list[str]:
    """The names (delegation, speaker) the template asks for and ``values`` lacks."""
    try:
        wanted = placeholders(read_draft(template.path))
    except OSError:
        return []
    return [k for k in ASKED if k in wanted and not str(values.get(k) or "").strip()]


def blank_draft(values: Mapping[str, str] | None = None) -> str:
    """An empty draft that still carries the delegation's front matter."""
    values = values or {}
    meta = {k: values[k] for k in ("delegation", "speaker") if values.get(k)}
    return frontmatter.join(meta, "\n") if meta else ""


def _name_of(path: Path) -> str:
    try:
        meta, _ = frontmatter.split(read_draft(path))
    except OSError:
        meta = {}
    return meta.get("template") or path.stem.replace("-", " ").capitalize()
