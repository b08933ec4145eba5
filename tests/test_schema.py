"""The schema file is valid JSON Schema, and our fast checker agrees with the reference implementation."""

from __future__ import annotations

import copy
import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.fileformat import to_json
from briefing.schema import checker, load_schema
from tests.conftest import EXAMPLE
from tests.helpers import large_briefing


def reference_paths(instance: Any) -> set[str]:
    """Paths of the problems the jsonschema library finds (missing/unknown fields point at the object)."""
    validator = jsonschema.Draft202012Validator(load_schema(1))
    return {error.json_path for error in validator.iter_errors(instance)}


def our_paths(instance: Any) -> set[str]:
    paths = set()
    for problem in checker(1).problems(instance):
        if problem.code in ("schema.missing", "schema.unknown_field"):
            paths.add(problem.path.rsplit(".", 1)[0])
        else:
            paths.add(problem.path)
    return paths


def test_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(load_schema(1))


def test_example_and_generated_files_are_valid_for_both() -> None:
    for data in (json.loads(EXAMPLE.read_text("utf-8")), to_json(large_briefing(60))):
        assert reference_paths(data) == set()
        assert checker(1).problems(data) == []


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


_EXAMPLE = json.loads(EXAMPLE.read_text("utf-8"))
_LOCATIONS = _locations(_EXAMPLE)[1:]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_LOCATIONS), _junk, st.booleans()), min_size=1, max_size=4))
def test_checker_agrees_with_reference_on_damaged_files(edits: list[tuple[tuple[Any, ...], Any, bool]]) -> None:
    data = copy.deepcopy(_EXAMPLE)
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
    assert our_paths(data) == reference_paths(data)


@pytest.mark.parametrize("version", [1])
def test_every_definition_is_used(version: int) -> None:
    schema = load_schema(version)
    text = json.dumps(schema)
    for name in schema["$defs"]:
        assert f'"#/$defs/{name}"' in text, name
