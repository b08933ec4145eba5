"""The schema file is valid JSON Schema, and our fast checker agrees with the reference implementation."""

from __future__ import annotations

import copy
import json
import re
from datetime import UTC, datetime
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.fileformat import CURRENT_VERSION, loads, to_json
from briefing.messages import Message
from briefing.model import Waiver
from briefing.schema import (
    SchemaChecker,
    checker,
    child_path,
    compile_pattern,
    describe,
    load_schema,
    schema_file_name,
    type_names,
)
from tests.conftest import EXAMPLE, EXAMPLE_V1
from tests.helpers import large_briefing

VERSIONS = list(range(1, CURRENT_VERSION + 1))


def reference_paths(instance: Any, version: int = CURRENT_VERSION) -> set[str]:
    """Paths of the problems the jsonschema library finds (missing/unknown fields point at the object)."""
    validator = jsonschema.Draft202012Validator(load_schema(version))
    return {error.json_path for error in validator.iter_errors(instance)}


def our_paths(instance: Any, version: int = CURRENT_VERSION) -> set[str]:
    paths = set()
    for problem in checker(version).problems(instance):
        if problem.code in ("schema.missing", "schema.unknown_field"):
            paths.add(problem.path.rsplit(".", 1)[0])
        else:
            paths.add(problem.path)
    return paths


@pytest.mark.parametrize("version", VERSIONS)
def test_schema_is_valid_draft_2020_12(version: int) -> None:
    jsonschema.Draft202012Validator.check_schema(load_schema(version))


def _reviewed_example() -> dict[str, Any]:
    """The example with every review fact filled in somewhere: a flag, an approver, a resolved comment."""
    briefing = loads(EXAMPLE.read_bytes())
    items = briefing.items()
    items[0].approve("김검토", datetime(2024, 11, 8, 9, 30, tzinfo=UTC))
    items[1].flag_for_review("Kim Reviewer", datetime(2024, 11, 9, 1, 2, 3, tzinfo=UTC), "Check the rank.")
    items[10].resolve_comment(items[10].comments[0].id, True, "김검토", datetime(2024, 11, 9, 2, 0, tzinfo=UTC))
    items[2].waivers.append(
        Waiver(
            "numbers", "qa.numbers_missing", "0123456789abcdef", "Rounded.", "김검토", datetime(2024, 11, 9, tzinfo=UTC)
        )
    )
    return to_json(briefing)


def _reviewed_example_v4() -> dict[str, Any]:
    """The same as format version 4 had it (titles without a status or a source)."""
    data = copy.deepcopy(_reviewed_example())
    data["version"] = 4
    meeting = data["meeting"]
    titles = [data["title"], meeting["series"]["name"], meeting["time_zone_note"], meeting["place"], meeting["marking"]]
    for title in titles + [section["title"] for section in data["sections"]]:
        del title["status"], title["source"]
    return data


def _reviewed_example_v3() -> dict[str, Any]:
    """The same as format version 3 had it (no fields of the documents' standard parts on the card)."""
    data = copy.deepcopy(_reviewed_example_v4())
    data["version"] = 3
    for name in ("start_time", "release", "contacts", "report", "attachments"):
        del data["meeting"][name]
    return data


def _reviewed_example_v2() -> dict[str, Any]:
    """The same as format version 2 had it (no waivers)."""
    data = _reviewed_example_v3()
    data["version"] = 2
    for section in data["sections"]:
        for item in section["items"]:
            del item["waivers"]
    return data


def test_example_and_generated_files_are_valid_for_both() -> None:
    for data in (json.loads(EXAMPLE.read_text("utf-8")), _reviewed_example(), to_json(large_briefing(60))):
        assert reference_paths(data) == set()
        assert checker(CURRENT_VERSION).problems(data) == []
    version_1 = json.loads(EXAMPLE_V1.read_text("utf-8"))
    assert reference_paths(version_1, 1) == set()
    assert checker(1).problems(version_1) == []
    assert checker(CURRENT_VERSION).problems(version_1) != []


# Values that break the shape in every way a hand edit or a bug might.
_junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.floats(allow_nan=False),
    st.text(max_size=5),
    st.sampled_from(["ko", "approved", "2024-13", "2024-11-07", "item-x", "*", "ffffffffffffffff"]),
    st.just([]),
    st.just({}),
)


def _locations(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _locations(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _locations(value, (*path, index))
    return found


_EXAMPLES = {
    1: json.loads(EXAMPLE_V1.read_text("utf-8")),
    2: _reviewed_example_v2(),
    3: _reviewed_example_v3(),
    4: _reviewed_example_v4(),
    5: _reviewed_example(),
}
_LOCATIONS = {version: _locations(example)[1:] for version, example in _EXAMPLES.items()}


@pytest.mark.parametrize("version", VERSIONS)
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_checker_agrees_with_reference_on_damaged_files(version: int, data: st.DataObject) -> None:
    edit = st.tuples(st.sampled_from(_LOCATIONS[version]), _junk, st.booleans())
    edits: list[tuple[tuple[Any, ...], Any, bool]] = data.draw(st.lists(edit, min_size=1, max_size=4))
    _damage(_EXAMPLES[version], edits, version)


def _damage(example: dict[str, Any], edits: list[tuple[tuple[Any, ...], Any, bool]], version: int) -> None:
    data = copy.deepcopy(example)
    for path, value, delete in edits:
        node: Any = data
        try:
            for key in path[:-1]:
                node = node[key]
            if delete and isinstance(node, dict):
                node.pop(path[-1], None)
            elif isinstance(node, dict) or (isinstance(node, list) and path[-1] < len(node)):
                node[path[-1]] = value
            if isinstance(node, dict) and delete is False and isinstance(value, str) and len(path) > 2:
                node[f"extra_{len(value)}"] = 1  # sometimes an unknown field too
        except (KeyError, IndexError, TypeError):
            continue
    expected = reference_paths(data, version)
    assert our_paths(data, version) == expected
    # The compiled yes/no check that spares a valid file the reporting walk says yes exactly when it finds nothing.
    assert checker(version).valid(data) is (not expected)


@pytest.mark.parametrize(
    ("value", "wanted"),
    [
        ({"version": True}, False),  # Python's True == 1: JSON's true is not the number 1
        ({"version": 1.0}, True),  # JSON's 1.0 is the number 1
        ({"version": 0}, False),
        ({"n": 1}, True),
        ({"n": -1}, False),
        ({"n": 11}, False),
        ({"n": float("nan")}, True),  # neither below nor above, as the reporting walk compares
        ({"n": True}, False),
        ({"s": "ab"}, True),
        ({"s": "a"}, False),
        ({"s": "abcd"}, False),
        ({"s": "ab\n"}, False),  # `$` ends the text (Python's also matches before a final line break)
        ({"s": "a1"}, False),
        ({"e": "x"}, True),
        ({"e": 1}, False),
        ({"list": ["x", "y"]}, True),
        ({"list": ["x", 2]}, False),
        ({"other": 1}, False),
        ({}, False),
        ([], False),
    ],
)
def test_compiled_check_agrees_with_the_reporting_walk(value: Any, wanted: bool) -> None:
    schema = {
        "type": "object",
        "required": ["version"] if "version" in value or not value else [],
        "additionalProperties": False,
        "properties": {
            "version": {"const": 1},
            "n": {"type": "number", "minimum": 0, "maximum": 10},
            "s": {"type": "string", "minLength": 2, "maxLength": 3, "pattern": "^[a-z]+$"},
            "e": {"enum": ["x", "y"]},
            "list": {"type": "array", "items": {"$ref": "#/$defs/word"}},
        },
        "$defs": {"word": {"type": "string"}},
    }
    checking = SchemaChecker(schema)
    assert checking.valid(value) is wanted
    assert (checking.problems(value) == []) is wanted


@pytest.mark.parametrize("version", VERSIONS)
def test_every_definition_is_used(version: int) -> None:
    schema = load_schema(version)
    text = json.dumps(schema)
    for name in schema["$defs"]:
        assert f'"#/$defs/{name}"' in text, name


# -- every problem worded exactly, with its path (the cross-check above compares paths only) -----------------------

_WORDED = {
    "type": "object",
    "required": ["version", "name", "count"],
    "additionalProperties": False,
    "properties": {
        "version": {"const": 2},
        "name": {"type": "string", "minLength": 1, "maxLength": 5},
        "code": {"type": "string", "minLength": 3, "pattern": "^[a-z]+$", "description": "a lower-case code"},
        "id": {"type": "string", "pattern": "^x[0-9]$"},
        "count": {"type": ["integer", "null"], "minimum": 1, "maximum": 9},
        "ratio": {"type": "number"},
        "kind": {"enum": ["a", "b"]},
        "mixed": {"enum": [1, "one"]},
        "tags": {"type": "array", "items": {"$ref": "#/$defs/tag"}},
        "any": {"type": ["string", "integer", "boolean"]},
        "meta": {"type": "object", "properties": {"a-b": {"type": "string"}, "한": {"type": "integer"}, "_x1": {}}},
    },
    "$defs": {"tag": {"type": "string", "maxLength": 2}},
}


def test_every_problem_is_found_and_worded_with_its_path() -> None:
    damaged = {
        "version": True,
        "name": "",
        "code": "AB",
        "id": "x1\n",
        "count": 0,
        "ratio": "1",
        "kind": "c",
        "mixed": True,
        "tags": ["ok", "long", 3],
        "any": None,
        "meta": {"a-b": 1, "한": "x", "_x1": 1},
        "extra": 1,
    }
    checking = SchemaChecker(_WORDED)
    found = checking.problems(damaged)
    assert [str(problem) for problem in found] == [
        "$.version: must be 2, found true",
        "$.name: must not be empty",
        "$.code: is shorter than 3 characters",
        '$.code: "AB" is not a lower-case code',
        '$.id: "x1\\n" is not text matching ^x[0-9]$',
        "$.count: 0 is less than 1",
        '$.ratio: expected a number, found "1"',
        '$.kind: "c" is not one of: a, b',
        "$.mixed: true is not one of: 1, one",
        "$.tags[1]: is longer than 2 characters",
        "$.tags[2]: expected text, found 3",
        "$.any: expected text or a whole number or true or false, found null",
        '$.meta["a-b"]: expected text, found 1',
        '$.meta["한"]: expected a whole number, found "x"',
        "$.extra: unknown field",
    ]
    assert [problem.code for problem in found][:6] == [
        "schema.const",
        "schema.empty",
        "schema.too_short",
        "schema.pattern",
        "schema.pattern",
        "schema.minimum",
    ]
    assert found[2].params == {"limit": 3} and found[5].params == {"found": "0", "limit": 1}
    assert found[0].message == "must be 2, found true" and found[0].path == "$.version"
    assert checking.valid(damaged) is False


def test_missing_fields_bounds_and_the_whole_instance() -> None:
    checking = SchemaChecker(_WORDED)
    assert [str(p) for p in checking.problems({"name": "abcdef", "count": 10, "ratio": 1, "mixed": 1})] == [
        "$.version: missing",
        "$.name: is longer than 5 characters",
        "$.count: 10 is more than 9",
    ]
    assert [str(p) for p in checking.problems([])] == ["$: expected an object, found a list"]
    assert [str(p) for p in checking.problems({"version": 2, "name": "a", "count": None, "tags": {}})] == [
        "$.tags: expected a list, found an object"
    ]
    fine = {"version": 2.0, "name": "abcde", "count": 9, "code": "abc", "ratio": 0.5, "any": False, "meta": {}}
    assert checking.problems(fine) == [] and checking.valid(fine)
    assert checking.valid({**fine, "count": 1, "tags": ["ab", ""], "mixed": "one", "kind": "b", "id": "x0"})


def test_values_are_described_briefly() -> None:
    assert describe("a" * 58) == '"' + "a" * 58 + '"'  # 60 characters: shown whole
    assert describe("a" * 59) == '"' + "a" * 56 + "…"
    assert describe("키") == '"키"'
    assert [describe(v) for v in (None, True, 1.5, -3)] == ["null", "true", "1.5", "-3"]
    assert (str(describe({})), str(describe([]))) == ("an object", "a list")


def test_paths_quote_keys_that_are_not_plain_names() -> None:
    assert child_path("$", 0) == "$[0]"
    assert child_path("$.a", "title") == "$.a.title"
    assert child_path("$", "_x1") == "$._x1"
    assert child_path("$", "a-b") == '$["a-b"]'  # the whole key must be a name, not its beginning
    assert child_path("$", "1a") == '$["1a"]'
    assert child_path("$", "한") == '$["한"]'
    assert child_path("$", "") == '$[""]'


def test_type_names_are_joined_as_a_message() -> None:
    assert str(type_names(["integer"])) == "a whole number"
    assert str(type_names(["integer", "null"])) == "a whole number or null"
    assert str(type_names(["object", "array", "number"])) == "an object or a list or a number"
    assert type_names(["string"]) == Message("schema.json_string")


def test_patterns_have_json_schemas_meaning() -> None:
    digits = compile_pattern("^[0-9]+$")
    assert digits.search("123") and not digits.search("123\n")
    assert not compile_pattern(r"^\d+$").search("١٢٣")  # Arabic-Indic digits are not \d in ECMA-262
    assert compile_pattern(r"^a\$$").search("a$")  # an escaped dollar stays a dollar


def test_references_resolve_locally_and_may_refer_to_themselves() -> None:
    tree = {
        "$defs": {
            "node": {"type": "object", "properties": {"child": {"$ref": "#/$defs/node"}, "n": {"type": "integer"}}}
        },
        "$ref": "#/$defs/node",
    }
    checking = SchemaChecker(tree)
    assert checking.valid({"child": {"child": {"n": 1}}})
    assert [str(p) for p in checking.problems({"child": {"child": {"n": "x"}}})] == [
        '$.child.child.n: expected a whole number, found "x"'
    ]
    with pytest.raises(ValueError, match=re.escape("only local references are supported, not 'other.json#/a'")):
        SchemaChecker({"$ref": "other.json#/a"})


def test_the_schemas_are_loaded_by_version() -> None:
    assert schema_file_name(5) == "briefing-5.schema.json"
    assert load_schema(1)["properties"]["version"] == {"const": 1}
    assert checker(CURRENT_VERSION) is checker(CURRENT_VERSION)
    assert checker(1).root is load_schema(1)


class _ReaderDict(dict[str, Any]):
    """A subclass, as a reader's own mapping type would be: typed by `_json_type`, not the fast table."""


_PARTIAL = {
    "type": ["object", "null"],  # null passes the yes/no check, so it must not stand in for the instance
    "required": ["a"],
    "properties": {
        "a": {"type": "integer"},
        "min": {"type": "string", "minLength": 2},  # each string and number bound on its own
        "max": {"maxLength": 2},
        "pat": {"pattern": "^a"},
        "low": {"minimum": 1},
        "high": {"maximum": 9},
        "both": {"minimum": 1, "maximum": 9},
        "numbers": {"enum": [1, 2]},  # no string among the choices
        "words": {"enum": ["x", "y"]},
        "list": {"type": ["array", "null", "boolean"], "items": {"type": "integer"}},
        "open": {"type": "object"},  # no properties, no additionalProperties: anything goes inside
        "map": {"type": "object", "required": ["k"]},
        "flag": {"type": "boolean"},
        "ratio": {"type": "number"},
    },
}


@pytest.mark.parametrize(
    ("value", "problems"),
    [
        ({"a": 1}, []),
        ({}, ["$.a: missing"]),
        ({"a": 1, "min": "ab", "max": "ab", "pat": "ab"}, []),
        ({"a": 1, "min": "a"}, ["$.min: is shorter than 2 characters"]),
        ({"a": 1, "max": "abc"}, ["$.max: is longer than 2 characters"]),
        ({"a": 1, "pat": "ba"}, ['$.pat: "ba" is not text matching ^a']),
        ({"a": 1, "low": 1, "high": 9, "both": 1}, []),
        ({"a": 1, "both": 9}, []),
        ({"a": 1, "low": 0}, ["$.low: 0 is less than 1"]),
        ({"a": 1, "high": 10}, ["$.high: 10 is more than 9"]),
        ({"a": 1, "both": 0.5}, ["$.both: 0.5 is less than 1"]),
        ({"a": 1, "numbers": 1}, []),
        ({"a": 1, "numbers": 3}, ["$.numbers: 3 is not one of: 1, 2"]),
        ({"a": 1, "words": "z"}, ['$.words: "z" is not one of: x, y']),
        ({"a": 1, "list": None, "flag": True, "ratio": 0.5}, []),
        ({"a": 1, "list": True}, []),
        ({"a": 1, "list": [1, "2"]}, ['$.list[1]: expected a whole number, found "2"']),
        ({"a": 1, "open": {"x": 1}, "other": 2}, []),
        ({"a": 1, "map": {"x": 1}}, ["$.map.k: missing"]),
        (_ReaderDict(a=1, open=_ReaderDict()), []),
        (_ReaderDict(a="1"), ['$.a: expected a whole number, found "1"']),
        (None, []),
    ],
)
def test_each_keyword_alone_in_both_checks(value: Any, problems: list[str]) -> None:
    checking = SchemaChecker(_PARTIAL)
    assert checking.valid(value) is (not problems)
    assert [str(problem) for problem in checking.problems(value)] == problems


def test_the_reporting_walk_accepts_what_is_valid_beside_a_problem() -> None:
    """A file with one problem is walked whole: the values around it that are fine must not be reported."""
    fine = {"low": 1, "high": 9, "both": 9, "list": None, "flag": False, "ratio": 0.5, "open": {"x": 1}}
    assert [str(p) for p in SchemaChecker(_PARTIAL).problems({**fine, "a": "x"})] == [
        '$.a: expected a whole number, found "x"'
    ]
    assert child_path("$", "Title") == "$.Title"
