"""Settings: typed options declared once, read by the command line and the window alike.

Each option is a field of `Settings` with its default and what it allows; the file is plain TOML in
`<data folder>/settings/briefing-studio.toml` (read with `tomllib`, written by the small writer below) with a
`version` key, so that later versions can migrate it one step at a time. Window state (size, splitters, recent
files) is not a setting and lives apart, in the window's own state file.

Reading never fails: a bad value, an unknown key or a damaged file is reported as a coded `Message` naming the
file, the key and the value, and the default is used. Saving is atomic, and a file that had any such problem
is first kept aside as `<name>.bad-<timestamp>`, so that nothing a person wrote by hand disappears silently.
On the first start after the settings moved here, the window's old QSettings file (`briefing-studio.ini`) is
read once and its values copied into the new file; the old file is left as it was.
"""

from __future__ import annotations

import dataclasses
import enum
import os
import re
import time
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.messages import BriefingError, Message, register
from briefing.paths import settings_folder

Value = str | int | tuple[str, ...]  # what an option holds: text, a whole number, or a list of texts (paths)

SETTINGS_FILE = "briefing-studio.toml"
LEGACY_FILE = "briefing-studio.ini"
SETTINGS_VERSION = 1

# Step n turns a version-n table into a version-(n+1) table (renamed or re-typed keys go here, one step at a
# time); `load` runs the steps a file needs. Version 1 is the first.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}

register(
    {
        "settings.unknown_option": "{key} is not a setting; the settings are: {names}",
        "settings.bad_value": "{key} cannot be {value}; allowed: {allowed}",
        "settings.file_bad_value": "{file}: {key} = {value} is not allowed (allowed: {allowed}); "
        "the default, {default}, is used",
        "settings.file_unknown_key": "{file}: {key} is not a setting and is ignored",
        "settings.file_damaged": "{file} cannot be read ({reason}); the default settings are used, and the file "
        "will be kept aside when settings are next saved",
        "settings.file_newer": "{file} was written by a newer Briefing Studio (settings version {version}); "
        "the settings this version knows are used",
        "settings.file_kept_aside": "{file} had problems; it was kept as {kept} before the settings were saved",
        "settings.file_migrated": "settings were copied from {old} into {file}",
        "settings.cannot_save": "{file}: settings not saved ({reason})",
    }
)


@dataclass(frozen=True)
class Option:
    """What one setting allows: its type, its choices or range, and where the old window settings kept it."""

    name: str
    kind: type
    default: Value
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    legacy_key: str = ""
    help: str = ""

    @property
    def allowed(self) -> str:
        """What the option accepts, in words that need no translation: `ko | en`, `1–16`, `"…"`."""
        if self.choices:
            return " | ".join(self.choices)
        if self.kind is int:
            return f"{self.minimum}–{self.maximum}"
        if self.kind is tuple:
            return '["…", …]'
        return '"…"'

    def check(self, value: object) -> bool:
        if self.kind is tuple:
            return isinstance(value, list | tuple) and all(isinstance(v, str) for v in value)
        if self.kind is int:
            if not isinstance(value, int) or isinstance(value, bool):
                return False
            return (self.minimum is None or value >= self.minimum) and (self.maximum is None or value <= self.maximum)
        if not isinstance(value, str):
            return False
        return not self.choices or value in self.choices

    def parse(self, text: str) -> Value:
        """A value typed on the command line, checked; BriefingError `settings.bad_value` when not allowed.

        A list is typed as its elements separated by the platform's path separator (":" or ";")."""
        value: object = text
        if self.kind is tuple:
            return tuple(part.strip() for part in text.split(os.pathsep) if part.strip())
        if self.kind is int:
            value = int(text) if re.fullmatch(r"[+-]?\d{1,9}", text.strip()) else text
        if not self.check(value):
            raise BriefingError("settings.bad_value", key=self.name, value=text, allowed=self.allowed)
        return value  # type: ignore[return-value]


def _option(
    default: Value,
    help: str,
    *,
    choices: tuple[str, ...] = (),
    minimum: int | None = None,
    maximum: int | None = None,
    legacy: str = "",
) -> Any:
    spec = {"default": default, "choices": choices, "minimum": minimum, "maximum": maximum, "legacy_key": legacy}
    return field(default=default, metadata={"option": spec, "help": help})


@dataclass(frozen=True)
class Settings:
    """Every option with its value; constructing one with a value an option does not allow raises
    BriefingError, so a `Settings` in hand is always valid."""

    ui_language: str = _option(
        "system",
        "interface language (system: follow the system locale)",
        choices=("system", "ko", "en"),
        legacy="ui/language",
    )
    author: str = _option("", "the author of new briefings and comments", legacy="document/author")
    organisation: str = _option("", "the author's organisation", legacy="document/organisation")
    # Korean by default: the people who draft these briefings are, first of all, Korean ministries' officers.
    default_source_language: str = _option("ko", "the source language of new briefings and items", choices=("ko", "en"))
    default_template: str = _option("press-release", "the export template (see `templates`)", legacy="export/template")
    editor_font: str = _option("", "the editors' font family (empty: the system's)", legacy="editor/font")
    editor_font_size: int = _option(
        11, "the editors' font size in points", minimum=6, maximum=48, legacy="editor/font_size"
    )
    # 2: CTranslate2's own default; 1.6x the CPU time of greedy search (beam 1) on an Argos-sized model, beam 4
    # (argostranslate's) 2.6x. README "Offline translation" gives the measurements and the trade-off.
    beam_size: int = _option(2, "translation beam size", minimum=1, maximum=16, legacy="translation/beam_size")
    threads: int = _option(
        0, "translation CPU threads (0: all cores)", minimum=0, maximum=64, legacy="translation/threads"
    )
    translation_idle_minutes: int = _option(
        10, "minutes without translating after which the models are unloaded (0: keep them)", minimum=0, maximum=1440
    )
    live_translation: str = _option(
        "on", "suggest translations while typing, when a language package is installed", choices=("on", "off")
    )
    office_memories: tuple[str, ...] = _option((), "the office's translation memory files (read-only)")
    memory_min_match: int = _option(
        100, "the lowest memory match (%) that fills an item before machine translation", minimum=50, maximum=100
    )
    autosave_seconds: int = _option(
        30, "seconds between recovery copies (0: off)", minimum=0, maximum=3600, legacy="autosave/seconds"
    )
    office_termbases: tuple[str, ...] = _option((), "the office's termbase files (read-only), most important first")
    office_store: str = _option(
        "", "the office store, postgresql://user@host/database without password (empty: this machine's files)"
    )
    office_store_password_file: str = _option(
        "", "a file only you can read with the office store's password (empty: PGPASSWORD or the passfile)"
    )

    def __post_init__(self) -> None:
        for spec in OPTIONS.values():  # filled below, before the first Settings is made
            value = getattr(self, spec.name)
            if not spec.check(value):
                raise BriefingError("settings.bad_value", key=spec.name, value=_shown(value), allowed=spec.allowed)
            if isinstance(value, list):  # as TOML gives it: kept as a tuple, so that settings stay hashable
                object.__setattr__(self, spec.name, tuple(value))

    def replace(self, **changes: Any) -> Settings:
        """A copy with some values changed (checked like any other); unknown names are refused."""
        for name in changes:
            option(name)
        return dataclasses.replace(self, **changes)

    def values(self) -> dict[str, str | int | list[str]]:
        """Every option's value as TOML holds it (a list as a list)."""
        return {name: _plain(getattr(self, name)) for name in OPTIONS}


def _declared() -> list[Option]:
    options = []
    for spec in dataclasses.fields(Settings):
        meta = spec.metadata["option"]
        options.append(Option(spec.name, type(meta["default"]), help=spec.metadata["help"], **meta))
    return options


OPTIONS: dict[str, Option] = {}
OPTIONS.update((option.name, option) for option in _declared())
DEFAULTS = Settings()


def option(name: str) -> Option:
    """The option called `name`; BriefingError `settings.unknown_option` naming every option otherwise."""
    try:
        return OPTIONS[name]
    except KeyError:
        raise BriefingError("settings.unknown_option", key=name, names=", ".join(OPTIONS)) from None


class Origin(enum.Enum):
    """Where a value came from, for `settings show`."""

    DEFAULT = "default"
    FILE = "settings file"
    INVALID = "default (the file's value is not allowed)"


@dataclass(frozen=True)
class Loaded:
    """Settings as read, with where each value came from and every problem met on the way."""

    settings: Settings
    path: Path
    origins: Mapping[str, Origin]
    problems: tuple[Message, ...] = ()
    migrated_from: Path | None = None


def settings_path(home: Path | None = None) -> Path:
    return settings_folder(home) / SETTINGS_FILE


def current(path: Path | None = None) -> Settings:
    """The settings now, problems aside (whoever starts the program reports them, once, from `load`)."""
    return load(path).settings


def load(path: Path | None = None) -> Loaded:
    """Read the settings file (or, the first time, the old window settings); never raises."""
    path = path or settings_path()
    legacy = path.with_name(LEGACY_FILE)
    if not path.exists() and legacy.is_file():
        return _migrate_legacy(path, legacy)
    table, problems = _read_table(path)
    return _settings_from(table, path, problems)


def save(settings: Settings, path: Path | None = None) -> Path | None:
    """Write the settings atomically; returns where a previous file with problems was kept aside, if it was.

    Raises BriefingError `settings.cannot_save` when the file cannot be written."""
    from briefing.storage import BriefingFileError, write_atomically

    path = path or settings_path()
    kept = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if _has_problems(path):
            kept = _aside(path)
            path.replace(kept)
        write_atomically(path, dumps(settings).encode("utf-8"))
    except OSError as error:
        raise BriefingError("settings.cannot_save", file=str(path), reason=error.strerror or str(error)) from None
    except BriefingFileError as error:
        raise BriefingError("settings.cannot_save", file=str(path), reason=str(error)) from None
    return kept


def _aside(path: Path) -> Path:
    """`<name>.bad-<timestamp>`, never one that exists already."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    kept, number = path.with_name(f"{path.name}.bad-{stamp}"), 1
    while kept.exists():
        number += 1
        kept = path.with_name(f"{path.name}.bad-{stamp}-{number}")
    return kept


def update(path: Path | None = None, **changes: Any) -> Settings:
    """Change some settings and save them, leaving the others as they are in the file now."""
    settings = load(path).settings.replace(**changes)
    save(settings, path)
    return settings


def set_from_text(name: str, text: str, path: Path | None = None) -> tuple[Settings, Path | None]:
    """`settings set NAME TEXT`: check the text against the option, save; returns the settings and where a
    problematic previous file was kept aside."""
    value = option(name).parse(text)
    settings = load(path).settings.replace(**{name: value})
    return settings, save(settings, path)


# -- the file --------------------------------------------------------------------------------------


def dumps(settings: Settings) -> str:
    """TOML with every option listed: changed ones as values, the others commented out at their default."""
    lines = [
        "# Briefing Studio settings. Edit here, with `briefing-studio settings set NAME VALUE`, or in the window.",
        f"version = {SETTINGS_VERSION}",
        "",
    ]
    for name, spec in OPTIONS.items():
        value = getattr(settings, name)
        allowed = f"; {spec.allowed}" if spec.choices or spec.kind is int else ""
        lines.append(f"# {spec.help}{allowed}")
        prefix = "" if value != spec.default else "# "
        lines.append(f"{prefix}{name} = {toml_value(value)}")
    return "\n".join(lines) + "\n"


def toml_value(value: Value | list[str]) -> str:
    if isinstance(value, int):
        return str(value)
    if isinstance(value, tuple | list):
        return "[" + ", ".join(toml_value(element) for element in value) + "]"
    escapes = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
    out = []
    for char in value:
        if char in escapes:
            out.append(escapes[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


MAX_FILE_BYTES = 1 << 20  # a settings file is a few hundred bytes; anything this large is not one


def read_capped(path: Path) -> bytes:
    """A settings file's bytes; ValueError past MAX_FILE_BYTES (a huge file must not stall every start)."""
    with path.open("rb") as stream:
        data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise ValueError(f"larger than {MAX_FILE_BYTES // (1 << 20)} MB, which no settings file is")
    return data


def _read_table(path: Path) -> tuple[dict[str, Any], list[Message]]:
    """The file's table at the current version, and the problems that make it unusable as a whole."""
    try:
        text = read_capped(path).decode("utf-8")
    except FileNotFoundError:
        return {}, []
    except OSError as error:
        return {}, [Message("settings.file_damaged", {"file": str(path), "reason": error.strerror or str(error)})]
    except UnicodeDecodeError as error:
        reason = f"not UTF-8 text at byte {error.start}"
        return {}, [Message("settings.file_damaged", {"file": str(path), "reason": reason})]
    except ValueError as error:
        return {}, [Message("settings.file_damaged", {"file": str(path), "reason": str(error)})]
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return {}, [Message("settings.file_damaged", {"file": str(path), "reason": f"not TOML: {error}"})]
    version = table.pop("version", SETTINGS_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        reason = f"version = {version!r} is not a settings version"
        return {}, [Message("settings.file_damaged", {"file": str(path), "reason": reason})]
    if version > SETTINGS_VERSION:
        known = {key: value for key, value in table.items() if key in OPTIONS}
        return known, [Message("settings.file_newer", {"file": str(path), "version": version})]
    while version < SETTINGS_VERSION:
        table = MIGRATIONS[version](table)
        version += 1
    return table, []


def _settings_from(table: Mapping[str, Any], path: Path, problems: list[Message]) -> Loaded:
    values: dict[str, Any] = {}
    origins = dict.fromkeys(OPTIONS, Origin.DEFAULT)
    for key, value in table.items():
        spec = OPTIONS.get(key)
        if spec is None:
            problems.append(Message("settings.file_unknown_key", {"file": str(path), "key": key}))
        elif not spec.check(value):
            params = {"file": str(path), "key": key, "value": _shown(value), "allowed": spec.allowed}
            problems.append(Message("settings.file_bad_value", {**params, "default": toml_value(spec.default)}))
            origins[key] = Origin.INVALID
        else:
            values[key] = value
            origins[key] = Origin.FILE
    return Loaded(Settings(**values), path, origins, tuple(problems))


def _has_problems(path: Path) -> bool:
    """Whether the file on disk holds anything `load` would not take as it is (so it is kept before a save)."""
    table, problems = _read_table(path)
    return bool(problems) or any(key not in OPTIONS or not OPTIONS[key].check(v) for key, v in table.items())


def _plain(value: Value) -> str | int | list[str]:
    return list(value) if isinstance(value, tuple) else value


def _shown(value: object) -> str:
    if isinstance(value, tuple) and all(isinstance(v, str) for v in value):
        return toml_value(value)
    if isinstance(value, str | int) and not isinstance(value, bool):
        return toml_value(value)
    return repr(value)


# -- the window's old settings file ----------------------------------------------------------------


def _migrate_legacy(path: Path, legacy: Path) -> Loaded:
    """Copy the old QSettings file's values into a new settings file, once; the old file stays as it was."""
    table: dict[str, Any] = {}
    problems: list[Message] = []
    try:
        values = read_qsettings_ini(legacy)
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        problems.append(Message("settings.file_damaged", {"file": str(legacy), "reason": reason}))
        values = {}
    for spec in OPTIONS.values():
        raw = values.get(spec.legacy_key) if spec.legacy_key else None
        if not isinstance(raw, str):  # absent, @Invalid() or a list: the default
            continue
        try:
            table[spec.name] = spec.parse(raw)
        except BriefingError:
            params = {"file": str(legacy), "key": spec.legacy_key, "value": toml_value(raw), "allowed": spec.allowed}
            problems.append(Message("settings.file_bad_value", {**params, "default": toml_value(spec.default)}))
    loaded = _settings_from(table, path, problems)
    try:
        save(loaded.settings, path)
    except BriefingError as error:
        problems.append(error.message)
    else:
        problems.append(Message("settings.file_migrated", {"old": str(legacy), "file": str(path)}))
    return dataclasses.replace(loaded, problems=tuple(problems), migrated_from=legacy)


IniValue = str | list[str] | None


def read_qsettings_ini(path: Path) -> dict[str, IniValue]:
    """A QSettings INI file as `group/key` → text, list of texts, or None (`@Invalid()`), decoded as Qt does:
    quoted and backslash-escaped values, comma-separated lists, `@@` for a leading @, percent-encoded keys.

    Not configparser: it strips every Unicode space from a value (a trailing ideographic space, U+3000, in a
    Korean organisation name would be lost) and ends lines at U+0085; Qt only ends lines at CR and LF and
    trims spaces and tabs."""
    values: dict[str, IniValue] = {}
    group = ""
    for line in re.split(r"\r\n|\r|\n", read_capped(path).decode("utf-8", errors="replace")):
        stripped = line.strip(" \t")
        if not stripped or stripped[0] in ";#":
            continue
        if stripped.startswith("["):
            if not stripped.endswith("]"):
                raise ValueError(f"line {stripped!r} is not a [section]")
            section = stripped[1:-1].strip(" \t")
            group = "" if section == "General" else _ini_key(section)
            continue
        key, equals, raw = stripped.partition("=")
        if not equals:
            raise ValueError(f"line {stripped!r} is neither a [section] nor key=value")
        name = _ini_key(key.strip(" \t"))
        values[f"{group}/{name}" if group else name] = _ini_value(raw)
    return values


def _ini_key(text: str) -> str:
    """Undo QSettings' key escaping: `%UXXXX` and `%XX`, and `\\` standing for `/`."""

    def unescape(match: re.Match[str]) -> str:
        return chr(int(match.group(1) or match.group(2), 16))

    return _paired(re.sub(r"%U([0-9A-Fa-f]{4})|%([0-9A-Fa-f]{2})", unescape, text).replace("\\", "/"))


_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", '"': '"', "?": "?"}
_ESCAPES.update({"'": "'", "\\": "\\"})


def _ini_value(raw: str) -> IniValue:
    """One value as Qt's `iniUnescapedStringList` and `stringToVariant` read it: spaces and tabs around an
    unquoted value go, but not those written as escapes or inside quotes."""
    parts: list[str] = []
    current: list[str] = []
    quoted = in_quotes = is_list = False
    keep = 0  # characters of `current` that trailing-space trimming must not touch

    def finish() -> str:
        end = len(current)
        if not quoted:
            while end > keep and current[end - 1] in " \t":
                end -= 1
        return "".join(current[:end])

    i = len(raw) - len(raw.lstrip(" \t"))
    while i < len(raw):
        char = raw[i]
        if char == "\\":
            code = raw[i + 1 : i + 2]
            i += 2
            if code in _ESCAPES:
                current.append(_ESCAPES[code])
            elif code == "x" or (code and code in "01234567"):
                digits = re.match(r"[0-9A-Fa-f]*" if code == "x" else r"[0-7]*", raw[i:])
                assert digits is not None  # both patterns match the empty string
                if code != "x" or digits.group():
                    current.append(chr(int(code.strip("x") + digits.group(), 16 if code == "x" else 8) & 0xFFFF))
                i += digits.end()
            keep = len(current)  # an unknown escape, or one at the very end, stands for nothing
            continue
        if char == '"':
            quoted = True
            in_quotes = not in_quotes
            i += 1
            if not in_quotes:
                while i < len(raw) and raw[i] in " \t":
                    i += 1
                keep = len(current)
            continue
        if char == "," and not in_quotes:
            is_list = True
            parts.append(finish())
            current, quoted, keep = [], False, 0
            i += 1
            while i < len(raw) and raw[i] in " \t":
                i += 1
            continue
        current.append(char)
        i += 1
    last = finish()
    if is_list:
        return [_ini_text(part) for part in [*parts, last]]
    return None if last.startswith("@Invalid(") else _ini_text(last)


def _ini_text(text: str) -> str:
    return _paired(text[1:] if text.startswith("@@") else text)


def _paired(text: str) -> str:
    """Join UTF-16 surrogate pairs that Qt wrote as two escapes (`%UD800%UDC00`) into one character."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
