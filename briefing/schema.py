"""Checks a parsed `.briefing` file against the JSON Schema in `briefing/schemas/`.

The schema file is the single description of the format: this module interprets the part of JSON
Schema 2020-12 that the schema uses (type, enum, const, properties, required, additionalProperties,
items, pattern, minLength/maxLength, minimum/maximum, local $ref) and reports *every* problem with
its JSON path. The tests check that it agrees with the reference `jsonschema` implementation; it
exists because that library is several times slower on large briefings and is not needed at run time.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from briefing.messages import Message, english, register

register(
    {
        "schema.const": "must be {wanted}, found {found}",
        "schema.enum": "{found} is not one of: {choices}",
        "schema.type": "expected {wanted}, found {found}",
        "schema.minimum": "{found} is less than {limit}",
        "schema.maximum": "{found} is more than {limit}",
        "schema.empty": "must not be empty",
        "schema.too_short": "is shorter than {limit} characters",
        "schema.too_long": "is longer than {limit} characters",
        "schema.pattern": "{found} is not {wanted}",
        "schema.missing": "missing",
        "schema.unknown_field": "unknown field",
        "schema.either": "{first} or {second}",
        "schema.json_object": "an object",
        "schema.json_array": "a list",
        "schema.json_string": "text",
        "schema.json_integer": "a whole number",
        "schema.json_number": "a number",
        "schema.json_boolean": "true or false",
        "schema.json_null": "null",
    }
)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a briefing, at a JSON path such as `$.sections[0].items[2].status`: a message code
    with its parameters (see briefing/messages.py), worded in English by `message` and by the window's catalogue."""

    path: str
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return english(self.code, self.params)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def schema_file_name(version: int) -> str:
    return f"briefing-{version}.schema.json"


@cache
def load_schema(version: int) -> dict[str, Any]:
    text = (resources.files("briefing") / "schemas" / schema_file_name(version)).read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def child_path(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
        return f"{path}.{key}"
    return f"{path}[{json.dumps(key, ensure_ascii=False)}]"


def type_names(types: list[str]) -> Message:
    """JSON type names as a message ("a whole number or null"), so that each interface words them."""
    names = [Message(f"schema.json_{kind}") for kind in types]
    wanted = names[0]
    for name in names[1:]:
        wanted = Message("schema.either", {"first": wanted, "second": name})
    return wanted


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def describe(value: Any) -> str | Message:
    """A short, safe rendering of a value for an error message (a container by its kind, as a message)."""
    kind = _json_type(value)
    if kind in ("object", "array"):
        return type_names([kind])
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= 60 else shown[:57] + "…"


def _same(value: Any, wanted: Any) -> bool:
    """JSON equality: `true` is not `1` (Python's `True == 1` is)."""
    return bool(value == wanted) and isinstance(value, bool) == isinstance(wanted, bool)


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """A schema pattern with JSON Schema's (ECMA-262's) meaning: `\\d` is an ASCII digit (Python's also matches
    Arabic-Indic and other digits) and `$` ends the text (Python's also matches before a final line break)."""
    return re.compile(re.sub(r"(?<!\\)\$", r"\\Z", pattern), re.ASCII)


def _matches_type(value: Any, expected: str) -> bool:
    actual = _json_type(value)
    return actual == expected or (expected == "number" and actual == "integer")


Valid = Callable[[Any], bool]

# JSON type names by Python type, for the common case (a subclass, e.g. the reader's dict, goes through _json_type).
_TYPE_OF: dict[type, str] = {
    str: "string",
    int: "integer",
    float: "number",
    bool: "boolean",
    type(None): "null",
    list: "array",
    dict: "object",
}


class SchemaChecker:
    """Walks an instance against one schema, yielding problems.

    A valid instance (nearly every file opened or saved) is recognised by `valid`: the schema compiled once into
    closures that answer yes or no without building a single JSON path. Only an instance it refuses is walked
    again by the reporting checker, which finds every problem with its path; the two must agree exactly (the tests
    check both against the reference `jsonschema`)."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.root = schema
        self._patterns: dict[str, re.Pattern[str]] = {}
        self._compiled_refs: dict[str, Valid] = {}
        self.valid: Valid = self._compile(schema)

    def problems(self, instance: Any) -> list[Problem]:
        if self.valid(instance):
            return []
        return list(self._check(instance, self.root, "$"))

    def _pattern(self, pattern: str) -> re.Pattern[str]:
        compiled = self._patterns.get(pattern)
        if compiled is None:
            compiled = self._patterns[pattern] = compile_pattern(pattern)
        return compiled

    # -- the yes/no check, compiled ---------------------------------------------------------------

    def _compile_ref(self, ref: str) -> Valid:
        known = self._compiled_refs.get(ref)
        if known is not None:
            return known
        target: list[Valid] = []
        # A placeholder first, so that a schema referring to itself compiles (and runs) without endless recursion.
        self._compiled_refs[ref] = lambda value: target[0](value)
        target.append(self._compile(self._resolve(ref)))
        self._compiled_refs[ref] = target[0]
        return target[0]

    def _compile(self, schema: dict[str, Any]) -> Valid:
        """A function true exactly when `_check(value, schema, …)` finds no problem."""
        if "$ref" in schema:
            return self._compile_ref(schema["$ref"])
        checks: list[Valid] = []
        if "const" in schema:
            const = schema["const"]
            checks.append(lambda value: _same(value, const))
        if "enum" in schema:
            choices = list(schema["enum"])
            if all(type(choice) is str for choice in choices):
                words = frozenset(choices)
                checks.append(lambda value: isinstance(value, str) and value in words)
            else:
                checks.append(lambda value: any(_same(value, choice) for choice in choices))
        if "type" in schema:
            types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            allowed = frozenset(types) | ({"integer"} if "number" in types else set())
            checks.append(lambda value: (_TYPE_OF.get(type(value)) or _json_type(value)) in allowed)
        string = self._compile_string(schema)
        number = _compile_number(schema)
        mapping = self._compile_object(schema)
        elements = self._compile(schema["items"]) if "items" in schema else None

        def valid(value: Any) -> bool:
            for check in checks:
                if not check(value):
                    return False
            if isinstance(value, str):
                return string is None or string(value)
            if isinstance(value, int | float) and not isinstance(value, bool):
                return number is None or number(value)
            if isinstance(value, dict):
                return mapping(value)
            if isinstance(value, list) and elements is not None:
                for element in value:
                    if not elements(element):
                        return False
            return True

        return valid

    def _compile_string(self, schema: dict[str, Any]) -> Valid | None:
        shortest, longest = schema.get("minLength"), schema.get("maxLength")
        pattern = self._pattern(schema["pattern"]) if "pattern" in schema else None
        if shortest is None and longest is None and pattern is None:
            return None

        def valid(value: str) -> bool:
            if shortest is not None and len(value) < shortest:
                return False
            if longest is not None and len(value) > longest:
                return False
            return pattern is None or pattern.search(value) is not None

        return valid

    def _compile_object(self, schema: dict[str, Any]) -> Valid:
        properties = {name: self._compile(part) for name, part in schema.get("properties", {}).items()}
        required = tuple(schema.get("required", ()))
        closed = schema.get("additionalProperties", True) is False

        def valid(value: dict[str, Any]) -> bool:
            for name in required:
                if name not in value:
                    return False
            for name, element in value.items():
                check = properties.get(name)
                if check is None:
                    if closed:
                        return False
                elif not check(element):
                    return False
            return True

        return valid

    # -- the reporting walk -----------------------------------------------------------------------

    def _resolve(self, ref: str) -> dict[str, Any]:
        if not ref.startswith("#/"):
            raise ValueError(f"only local references are supported, not {ref!r}")
        node: Any = self.root
        for part in ref[2:].split("/"):
            node = node[part]
        return dict(node)

    def _check(self, value: Any, schema: dict[str, Any], path: str) -> Iterator[Problem]:
        if "$ref" in schema:
            yield from self._check(value, self._resolve(schema["$ref"]), path)
            return
        if "const" in schema and not _same(value, schema["const"]):
            yield Problem(path, "schema.const", {"wanted": describe(schema["const"]), "found": describe(value)})
            return
        if "enum" in schema and not any(_same(value, choice) for choice in schema["enum"]):
            choices = ", ".join(str(choice) for choice in schema["enum"])
            yield Problem(path, "schema.enum", {"found": describe(value), "choices": choices})
            return
        if "type" in schema:
            types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            if not any(_matches_type(value, t) for t in types):
                yield Problem(path, "schema.type", {"wanted": type_names(types), "found": describe(value)})
                return
        if isinstance(value, str):
            yield from self._check_string(value, schema, path)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            if "minimum" in schema and value < schema["minimum"]:
                yield Problem(path, "schema.minimum", {"found": describe(value), "limit": schema["minimum"]})
            if "maximum" in schema and value > schema["maximum"]:
                yield Problem(path, "schema.maximum", {"found": describe(value), "limit": schema["maximum"]})
        elif isinstance(value, dict):
            yield from self._check_object(value, schema, path)
        elif isinstance(value, list) and "items" in schema:
            for index, element in enumerate(value):
                yield from self._check(element, schema["items"], child_path(path, index))

    def _check_string(self, value: str, schema: dict[str, Any], path: str) -> Iterator[Problem]:
        if "minLength" in schema and len(value) < schema["minLength"]:
            yield (
                Problem(path, "schema.empty")
                if schema["minLength"] == 1
                else Problem(path, "schema.too_short", {"limit": schema["minLength"]})
            )
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            yield Problem(path, "schema.too_long", {"limit": schema["maxLength"]})
        if "pattern" in schema:
            pattern = self._pattern(schema["pattern"])
            if not pattern.search(value):
                wanted = schema.get("description", f"text matching {schema['pattern']}")
                yield Problem(path, "schema.pattern", {"found": describe(value), "wanted": wanted})

    def _check_object(self, value: dict[str, Any], schema: dict[str, Any], path: str) -> Iterator[Problem]:
        properties: dict[str, Any] = schema.get("properties", {})
        for name in schema.get("required", ()):
            if name not in value:
                yield Problem(child_path(path, name), "schema.missing")
        for name, element in value.items():
            if name in properties:
                yield from self._check(element, properties[name], child_path(path, name))
            elif schema.get("additionalProperties", True) is False:
                yield Problem(child_path(path, name), "schema.unknown_field")


def _compile_number(schema: dict[str, Any]) -> Valid | None:
    lowest, highest = schema.get("minimum"), schema.get("maximum")
    if lowest is None and highest is None:
        return None
    # Negated as the reporting walk compares, so that NaN (which Python's JSON reader accepts) is treated alike.
    return lambda value: not (lowest is not None and value < lowest) and not (highest is not None and value > highest)


@cache
def checker(version: int) -> SchemaChecker:
    return SchemaChecker(load_schema(version))
