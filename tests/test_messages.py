"""Messages with codes: every error the core raises for a person has a registered code, and the English the
command line shows is made from it (the window's Korean is checked in tests/ui/test_messages.py)."""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import pkgutil
import re
import string
from pathlib import Path
from types import ModuleType

import pytest

import briefing
from briefing.cli.main import run
from briefing.export.pack import ExportError, make_pack, unapproved
from briefing.export.templates import Layout, find_template
from briefing.fileformat import BriefingFormatError, loads
from briefing.language.phrases import CATALOGS
from briefing.messages import ENGLISH, BriefingError, Message, english, register
from briefing.model import Briefing, Item, ItemType, Language, ModelError, Section, TargetStatus
from briefing.storage import load
from briefing.translation.engine import PackageMissing
from tests.conftest import ROOT

HANGUL = re.compile("[\uac00-\ud7a3]")


def core_modules() -> list[ModuleType]:
    """Every module of the core, imported (so every `register` call has run)."""
    return [importlib.import_module(m.name) for m in pkgutil.walk_packages(briefing.__path__, "briefing.")]


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_error_class_of_the_core_carries_a_code() -> None:
    classes = {
        obj
        for module in core_modules()
        for _, obj in inspect.getmembers(module, inspect.isclass)
        if issubclass(obj, Exception) and obj.__module__.startswith("briefing.")
    }
    assert len(classes) >= 10
    assert [cls.__name__ for cls in classes if not issubclass(cls, BriefingError)] == []


def _error_classes() -> set[str]:
    return {
        name
        for module in core_modules()
        for name, obj in inspect.getmembers(module, inspect.isclass)
        if issubclass(obj, BriefingError)
    }


def test_the_core_raises_its_errors_with_registered_codes_not_sentences() -> None:
    """`raise ModelError("some English")` would reach the Korean window in English: every raise of a coded
    error names a registered code (or passes one on), and never builds a sentence with an f-string."""
    core_modules()
    names = _error_classes()
    wrong, checked = [], 0
    for path in sorted((ROOT / "briefing").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                continue
            call = node.exc
            name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
            if name not in names or not call.args:
                continue
            first = call.args[0]
            checked += 1
            if isinstance(first, ast.JoinedStr) or (
                isinstance(first, ast.Constant) and (not isinstance(first.value, str) or first.value not in ENGLISH)
            ):
                wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert wrong == []
    assert checked > 80  # the walk does see the raises


def test_every_english_text_uses_only_plain_fields() -> None:
    core_modules()
    for code, text in ENGLISH.items():
        assert re.fullmatch(r"[a-z_]+\.[a-z_0-9]+", code), code
        for _, name, spec, conversion in string.Formatter().parse(text):
            assert name is None or (name.isidentifier() and not spec and not conversion), (code, name)


def test_a_code_cannot_be_declared_twice_with_different_texts() -> None:
    try:
        register({"test.once": "the same text"})
        register({"test.once": "the same text"})
        with pytest.raises(ValueError, match="declared twice"):
            register({"test.once": "another text"})
    finally:
        del ENGLISH["test.once"]  # the window's catalogue walk must not meet it


def test_english_words_nested_messages_lists_and_vocabulary_values() -> None:
    core_modules()  # the outline registers the English words of statuses and item types
    pending = [Message("export.pending_item", {"number": "2.2", "status": "needs_review"})]
    assert english("export.pending_item", pending[0].params) == "2.2 (needs review)"
    text = english("export.not_approved", {"count": 1, "items": pending, "marking": "DRAFT / 초안"})
    assert text.startswith("1 item(s) are not approved: 2.2 (needs review). Approve them")
    assert english("rules.not_for_type", {"type": ItemType.PARAGRAPH}) == "does not apply to a paragraph item"
    assert english("no.such.code", {"a": 1}) == "no.such.code (a=1)"


def test_model_errors_are_value_errors_with_codes() -> None:
    item = Item(source=Language.EN)
    with pytest.raises(ValueError) as caught:
        item.approve()
    assert isinstance(caught.value, ModelError)
    assert caught.value.code == "model.approve_no_source"
    assert str(caught.value) == "cannot approve an item whose source text is empty"
    briefing = Briefing(sections=[Section(items=[item])])
    with pytest.raises(ModelError) as clash:
        briefing.add_item(briefing.sections[0].id, Item(id=item.id))
    assert (clash.value.code, clash.value.params) == ("model.item_exists", {"id": item.id})
    assert str(clash.value) == f"an item with id '{item.id}' is already in the briefing"


def test_a_damaged_file_keeps_its_problems_as_coded_problems(example_path: Path) -> None:
    data = json.loads(example_path.read_text("utf-8"))
    data["meeting"]["session"] = "twenty-three"
    data["sections"][0]["items"][0]["status"] = "done"
    with pytest.raises(BriefingFormatError) as caught:
        loads(json.dumps(data), source="damaged.briefing")
    error = caught.value
    assert (error.code, error.params) == ("file.invalid", {"count": 2})
    assert [(p.path, p.code) for p in error.problems] == [
        ("$.meeting.session", "schema.type"),
        ("$.sections[0].items[0].status", "schema.enum"),
    ]
    assert str(error).splitlines() == [
        "damaged.briefing: the file is not a valid briefing (2 problems)",
        '  $.meeting.session: expected a whole number or null, found "twenty-three"',
        '  $.sections[0].items[0].status: "done" is not one of: '
        "empty, machine_translated, memory_filled, edited, approved, needs_review",
    ]


def test_a_truncated_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(BriefingFormatError) as caught:
        loads('{"format": "briefing-studio/brief', source="cut.briefing")
    assert caught.value.code == "file.truncated"
    assert (
        str(caught.value) == "cut.briefing: not valid JSON at line 1, column 12: the file ends too early (truncated?)"
    )


def test_package_missing_words_the_languages_and_the_command_line_adds_the_commands() -> None:
    error = PackageMissing("en", "ko")
    assert error.params["from_code"] == "en" and error.params["to_language"] == "ko"
    assert error.english() == "no English→Korean language package is installed"
    assert str(error).startswith("no English→Korean language package is installed. Install one from a file")


def test_the_export_refusal_names_no_command_line_flag_but_the_command_line_does(
    example_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    briefing = load(example_copy)
    briefing.items()[1].flag_for_review()
    with pytest.raises(ExportError) as caught:
        make_pack(briefing, find_template("briefing-pack"), tmp_path / "out", "x", [Layout.KO])
    assert caught.value.code == "export.not_approved"
    assert "--draft" not in str(caught.value) and "--draft" not in ENGLISH["export.not_approved"]
    assert str(caught.value) == (
        "1 item(s) are not approved: 1.2 (flagged for review). Approve them, or export a draft "
        "(every page is then marked DRAFT / 초안)."
    )
    from briefing.storage import save

    save(briefing, example_copy)
    assert run(["export", str(example_copy), "--out", str(tmp_path / "cli")]) == 2
    assert "To export anyway, add --draft." in capsys.readouterr().err


def test_more_than_eight_pending_items_are_counted() -> None:
    briefing = Briefing(sections=[Section(items=[Item(source=Language.EN) for _ in range(11)])])
    assert all(item.status is TargetStatus.EMPTY for item in briefing.items())
    pending = unapproved(briefing)
    assert len(pending) == 11
    with pytest.raises(ExportError) as caught:
        make_pack(briefing, find_template("briefing-pack"), Path("unused"), "x", [Layout.KO])
    assert str(caught.value).startswith("11 item(s) are not approved: 1.1 (empty), ")
    assert "1.8 (empty), and 3 more. Approve them" in str(caught.value)


def test_the_document_phrase_catalogue_names_new_sections_in_both_languages() -> None:
    assert (CATALOGS[Language.KO].new_section, CATALOGS[Language.EN].new_section) == ("새 절", "New section")
    assert (CATALOGS[Language.KO].first_section, CATALOGS[Language.EN].first_section) == ("개요", "Overview")


def _hangul_literals(path: Path) -> list[int]:
    """Lines of Hangul string literals, docstrings left out (they explain, they never reach a document)."""
    tree = ast.parse(path.read_text("utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and HANGUL.search(node.value)
    ]


def test_document_phrases_live_in_the_phrase_catalogue_not_in_the_exporters() -> None:
    found = {
        path.name: lines
        for path in sorted((ROOT / "briefing" / "export").glob("*.py"))
        if (lines := _hangul_literals(path))
    }
    assert found == {}


def test_the_hangul_check_sees_a_literal() -> None:
    sample = ROOT / "briefing" / "language" / "phrases.py"
    assert _hangul_literals(sample)  # the catalogue itself is full of them
