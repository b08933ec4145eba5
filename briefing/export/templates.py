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

import contextlib
import dataclasses
import hashlib
import json
import time
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from briefing.export.docx_safety import MAX_DOCX_BYTES, UnusableDocx, clean
from briefing.export.docx_support import Fonts
from briefing.export.numbering import HeadingNumbering
from briefing.language.phrases import DateStyle
from briefing.messages import BriefingError, Message, register
from briefing.model import Bilingual, Language
from briefing.paths import data_home
from briefing.storage import BriefingFileError, read_regular, write_atomically

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
        "templates.unusable_document": "{where}: {name} cannot be used ({reason})",
        "templates.stripped": "template '{key}': {name}: external links and macros were stripped from the copy the "
        "export uses: {stripped}",
        "templates.cannot_clean": "{where}: the cleaned copy of {name} cannot be written ({reason})",
        "templates.no_hwpx": "template '{key}' has no HWPX document for the {layout} layout",
    }
)

MAX_MANIFEST_BYTES = 256 * 1024
MAX_NAME_CHARACTERS = 200


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
    documents: dict[Layout, Path]  # what the export reads: the office's file, or its cleaned copy
    user: bool  # from the data folder rather than built in
    numbering: HeadingNumbering = HeadingNumbering.SYMBOLS  # how a report labels sections and items
    stripped: tuple[Message, ...] = field(default=())  # notices: what was taken out of which document
    # HWPX: the .hwpx file of each layout (manifest "hwpx", else document.hwpx / bilingual.hwpx beside the
    # manifest when present), and the HWPX font chains {"body": [...], "heading": [...]} (manifest "hwpx_fonts").
    hwpx_documents: dict[Layout, Path] = field(default_factory=dict)
    hwpx_fonts: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def hwpx_document(self, layout: Layout) -> Path:
        self.document(layout)  # the layout exists at all
        if layout not in self.hwpx_documents:
            raise TemplateError("templates.no_hwpx", key=self.key, layout=layout.value)
        return self.hwpx_documents[layout]

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
                except (Exception, RecursionError) as error:  # one bad template never takes the others down
                    where = f"template {candidate.name!r} ({candidate / 'manifest.json'})"
                    reason = f"{type(error).__name__}: {error}"
                    found[candidate.name] = TemplateError("templates.invalid_manifest", where=where, reason=reason)
    _prune_cleaned(
        {path for value in found.values() if isinstance(value, Template) for path in value.documents.values()}
    )
    return found


STALE_CLEANED_SECONDS = 24 * 3600  # another running copy of the program may still export from a fresh one


def _prune_cleaned(in_use: set[Path]) -> None:
    """Remove cleaned template copies that no template uses any more (the template was fixed, changed or
    removed), once they are a day old; the cache never grows without bound."""
    folder = cleaned_folder()
    cutoff = time.time() - STALE_CLEANED_SECONDS
    with contextlib.suppress(OSError):
        for copy in folder.glob("*.docx"):
            with contextlib.suppress(OSError):
                if copy not in in_use and copy.lstat().st_mtime < cutoff:
                    copy.unlink()


def available_templates() -> dict[str, Template]:
    """Built-in templates, then the office's own (which replace a built-in one of the same name)."""
    return {key: value for key, value in _scan().items() if isinstance(value, Template)}


def template_problems() -> list[str]:
    """Why some template folders cannot be used (shown, not fatal: the others still work)."""
    return [str(error) for error in template_errors()]


def template_errors() -> list[TemplateError]:
    """Each template folder that cannot be used, as its coded error."""
    return [value for value in _scan().values() if isinstance(value, TemplateError)]


def template_notices() -> list[Message]:
    """What was stripped from usable templates (external links, macros): shown, the templates still work."""
    return [notice for value in _scan().values() if isinstance(value, Template) for notice in value.stripped]


def cleaned_folder() -> Path:
    """Where cleaned copies of templates that carried external links or macros are kept, named by content."""
    return data_home() / "cache" / "templates"


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
    """One template, checked on its own: every manifest field's type, each document as a Word file with its
    section properties, within size caps; external links and macros stripped (see `docx_safety`)."""
    where = f"template {folder.name!r} ({folder / 'manifest.json'})"
    try:
        data = json.loads(read_regular(folder / "manifest.json", MAX_MANIFEST_BYTES).decode("utf-8"))
    except BriefingFileError as error:
        raise TemplateError("templates.unreadable_manifest", where=where, reason=error.message) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise TemplateError("templates.unreadable_manifest", where=where, reason=str(error)) from None
    except RecursionError:
        raise TemplateError("templates.unreadable_manifest", where=where, reason="nested too deeply") from None
    try:
        _check_manifest(data)
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
            hwpx_documents=_hwpx_documents(folder, data, layouts),
            hwpx_fonts={str(k): tuple(str(f) for f in v) for k, v in data.get("hwpx_fonts", {}).items()},
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
        if layout not in documents or not documents[layout].exists():
            raise TemplateError("templates.missing_document", where=where, layout=layout.value)
    checked: dict[Path, Path] = {}
    stripped: list[Message] = []
    for layout in layouts:
        path = documents[layout]
        if path not in checked:
            checked[path] = _checked_document(template, where, path, stripped)
        documents[layout] = checked[path]
    return dataclasses.replace(template, documents=documents, stripped=tuple(stripped))


def _checked_document(template: Template, where: str, path: Path, notices: list[Message]) -> Path:
    """The path the export reads for `path`: itself when it is clean, else its cleaned copy."""
    try:
        data = read_regular(path, MAX_DOCX_BYTES)
        cleaned = clean(data)
    except (BriefingFileError, UnusableDocx) as error:
        raise TemplateError("templates.unusable_document", where=where, name=path.name, reason=error.message) from None
    if not cleaned.stripped:
        return path
    notices.append(
        Message("templates.stripped", {"key": template.key, "name": path.name, "stripped": list(cleaned.stripped)})
    )
    copy = cleaned_folder() / f"{hashlib.sha256(cleaned.data).hexdigest()}.docx"
    if not copy.is_file() or copy.is_symlink():
        try:
            copy.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(copy, cleaned.data)
        except (OSError, BriefingFileError) as error:
            reason = error.message if isinstance(error, BriefingFileError) else str(error)
            raise TemplateError("templates.cannot_clean", where=where, name=path.name, reason=reason) from None
    return copy


def _check_manifest(data: Any) -> None:
    """Each field of the manifest of the type it must have (a wrong type is a ValueError saying which field)."""
    if not isinstance(data, dict):
        raise ValueError("the manifest must be an object")
    _text_pair(data, "name", required=True)
    _text_pair(data, "description", required=False)
    layouts = data.get("layouts")
    if not isinstance(layouts, list) or not layouts or not all(isinstance(v, str) for v in layouts):
        raise ValueError("layouts must be a non-empty list of ko, en, bilingual")
    documents = data.get("documents")
    if not isinstance(documents, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v and Path(v).name == v and v not in (".", "..")
        for k, v in documents.items()
    ):
        raise ValueError("documents must map layouts to file names in the template's folder")
    fonts = data.get("fonts")
    if not isinstance(fonts, dict) or not all(
        isinstance(fonts.get(kind), list) and all(isinstance(f, str) and f.strip() for f in fonts[kind])
        for kind in ("east_asian", "latin")
    ):
        raise ValueError("fonts.east_asian and fonts.latin must be lists of font names")
    for key in ("style", "marking_position"):
        if key in data and not isinstance(data[key], str):
            raise ValueError(f"{key} must be a string")
    date_style = data.get("date_style", {})
    if not isinstance(date_style, dict) or not all(isinstance(v, str) for v in date_style.values()):
        raise ValueError("date_style must map ko and en to a style name")
    hwpx = data.get("hwpx", {})
    if not isinstance(hwpx, dict) or not all(
        isinstance(k, str) and k in {layout.value for layout in Layout} and isinstance(v, str) and Path(v).name == v
        for k, v in hwpx.items()
    ):
        raise ValueError("hwpx must map layouts to .hwpx file names in the template's folder")
    hwpx_fonts = data.get("hwpx_fonts", {})
    if not isinstance(hwpx_fonts, dict) or not all(
        isinstance(v, list) and all(isinstance(f, str) and f.strip() for f in v) for v in hwpx_fonts.values()
    ):
        raise ValueError('hwpx_fonts must map "body" and "heading" to lists of font names')


def _text_pair(data: dict[str, Any], key: str, *, required: bool) -> None:
    if key not in data and not required:
        return
    value = data.get(key)
    if not isinstance(value, dict) or not all(
        isinstance(value.get(language, ""), str) and len(value.get(language, "")) <= MAX_NAME_CHARACTERS
        for language in ("ko", "en")
    ):
        raise ValueError(f'{key} must be {{"ko": text, "en": text}}')


def _hwpx_documents(folder: Path, data: dict[str, Any], layouts: tuple[Layout, ...]) -> dict[Layout, Path]:
    named = data.get("hwpx")
    if named is not None:
        return {Layout(key): folder / str(name) for key, name in named.items()}
    found = {}
    for layout in layouts:
        path = folder / ("bilingual.hwpx" if layout is Layout.BILINGUAL else "document.hwpx")
        if path.is_file():
            found[layout] = path
    return found


def _bilingual(data: Any) -> Bilingual:
    return Bilingual(ko=str(data.get("ko", "")), en=str(data.get("en", "")))
