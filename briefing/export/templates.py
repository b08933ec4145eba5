"""Export templates: folders holding Word documents an officer can restyle, and a manifest.

Built-in templates are in the repository's `templates/`; an office adds its own as folders in
`<data folder>/templates/` (a folder with the same name as a built-in one replaces it). Each folder has
`manifest.json` and the `.docx` files it names:

    {
      "name": {"ko": "보도자료", "en": "Press release"},
      "description": {"ko": "…", "en": "…"},
      "layouts": ["ko", "en", "bilingual"],
      "style": "press" | "report" | "pack",
      "date_style": {"ko": "prose" | "official", "en": "prose"},
      "marking_position": "header-left" | "header-center" | "header-right" | "footer-…",
      "numbering": "symbols" (□ ○ - ·, the default) | "outline" (1. 가. 1) 가), a report's official hierarchy),
      "fonts": {"east_asian": ["Malgun Gothic", "Noto Sans CJK KR", …], "latin": ["Arial", …]},
      "documents": {"ko": "document.docx", "en": "document.docx", "bilingual": "bilingual.docx"}
    }
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from briefing.export.docx_support import Fonts
from briefing.export.numbering import HeadingNumbering
from briefing.language.phrases import DateStyle
from briefing.messages import BriefingError, register
from briefing.model import Bilingual, Language
from briefing.paths import data_home

BUILT_IN = Path(__file__).resolve().parents[2] / "templates"
DEFAULT_TEMPLATE = "press-release"


class Layout(StrEnum):
    KO = "ko"
    EN = "en"
    BILINGUAL = "bilingual"


class ItemStyle(StrEnum):
    PRESS = "press"  # paragraphs, as a press release reads
    REPORT = "report"  # □ ○ - · hierarchy of a Korean meeting-result report
    PACK = "pack"  # numbered 1. / 1.1 headings


MARKING_POSITIONS = tuple(f"{where}-{side}" for where in ("header", "footer") for side in ("left", "center", "right"))


register(
    {
        "templates.no_layout": "template '{key}' has no {layout} layout (it has: {supported})",
        "templates.unknown": "no template named '{key}'; available: {available}",
        "templates.unreadable_manifest": "{where}: unreadable manifest ({reason})",
        "templates.invalid_manifest": "{where}: invalid manifest ({reason})",
        "templates.bad_marking_position": "{where}: marking_position must be one of {choices}",
        "templates.no_fonts": "{where}: fonts.east_asian and fonts.latin each need at least one font",
        "templates.missing_document": "{where}: the {layout} document is missing",
        "templates.unreadable_document": "template '{key}': {name} cannot be read as a Word document ({reason})",
    }
)


class TemplateError(BriefingError):
    """A template that cannot be used, and why."""


@dataclass(frozen=True)
class Template:
    key: str  # the folder name, used on the command line
    folder: Path
    name: Bilingual
    description: Bilingual
    layouts: tuple[Layout, ...]
    style: ItemStyle
    date_styles: dict[Language, DateStyle]
    marking_position: str
    fonts: Fonts
    documents: dict[Layout, Path]
    user: bool  # from the data folder rather than built in
    numbering: HeadingNumbering = HeadingNumbering.SYMBOLS  # how a report labels sections and items

    def document(self, layout: Layout) -> Path:
        if layout not in self.layouts:
            supported = ", ".join(layout.value for layout in self.layouts)
            raise TemplateError("templates.no_layout", key=self.key, layout=layout.value, supported=supported)
        return self.documents[layout]


def user_templates_folder() -> Path:
    return data_home() / "templates"


def _scan() -> dict[str, Template | TemplateError]:
    found: dict[str, Template | TemplateError] = {}
    for folder, user in ((BUILT_IN, False), (user_templates_folder(), True)):
        if not folder.is_dir():
            continue
        for candidate in sorted(folder.iterdir()):
            if (candidate / "manifest.json").is_file():
                try:
                    found[candidate.name] = load_template(candidate, user)
                except TemplateError as error:
                    found[candidate.name] = error
    return found


def available_templates() -> dict[str, Template]:
    """Built-in templates, then the office's own (which replace a built-in one of the same name)."""
    return {key: value for key, value in _scan().items() if isinstance(value, Template)}


def template_problems() -> list[str]:
    """Why some template folders cannot be used (shown, not fatal: the others still work)."""
    return [str(value) for value in _scan().values() if isinstance(value, TemplateError)]


def find_template(key: str) -> Template:
    scanned = _scan()
    found = scanned.get(key)
    if isinstance(found, TemplateError):
        raise found
    if found is None:
        usable = sorted(k for k, v in scanned.items() if isinstance(v, Template))
        raise TemplateError("templates.unknown", key=key, available=", ".join(usable) or "none")
    return found


def load_template(folder: Path, user: bool = False) -> Template:
    where = f"template {folder.name!r} ({folder / 'manifest.json'})"
    try:
        data = json.loads((folder / "manifest.json").read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise TemplateError("templates.unreadable_manifest", where=where, reason=str(error)) from None
    try:
        layouts = tuple(Layout(value) for value in data["layouts"])
        documents = {Layout(key): folder / name for key, name in data["documents"].items()}
        fonts = Fonts(tuple(data["fonts"]["east_asian"]), tuple(data["fonts"]["latin"]))
        template = Template(
            key=folder.name,
            folder=folder,
            name=_bilingual(data["name"]),
            description=_bilingual(data.get("description", {})),
            layouts=layouts,
            style=ItemStyle(data.get("style", "press")),
            date_styles={Language(k): DateStyle(v) for k, v in data.get("date_style", {}).items()},
            marking_position=data.get("marking_position", "header-right"),
            fonts=fonts,
            documents=documents,
            user=user,
            numbering=HeadingNumbering(data.get("numbering", "symbols")),
        )
    except (KeyError, TypeError, ValueError) as error:
        reason = f"{type(error).__name__}: {error}"
        raise TemplateError("templates.invalid_manifest", where=where, reason=reason) from None
    if template.marking_position not in MARKING_POSITIONS:
        raise TemplateError("templates.bad_marking_position", where=where, choices=", ".join(MARKING_POSITIONS))
    if not fonts.east_asian or not fonts.latin:
        raise TemplateError("templates.no_fonts", where=where)
    for layout in layouts:
        if layout not in documents or not documents[layout].is_file():
            raise TemplateError("templates.missing_document", where=where, layout=layout.value)
    return template


def _bilingual(data: Any) -> Bilingual:
    return Bilingual(ko=str(data.get("ko", "")), en=str(data.get("en", "")))
