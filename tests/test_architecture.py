"""Project-wide rules: a Qt-free core, lint- and type-clean code, and the data folder in one place."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from briefing.paths import data_home
from tests.conftest import ROOT

QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "shiboken6")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_core_never_imports_qt() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(_imports(path) & set(QT_MODULES))
        for path in (ROOT / "briefing").rglob("*.py")
        if _imports(path) & set(QT_MODULES)
    }
    assert offenders == {}


def test_importing_the_whole_core_loads_no_qt() -> None:
    modules = [
        ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for p in (ROOT / "briefing").rglob("*.py")
    ]
    code = (
        "import sys, importlib\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r}))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "[]"


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed; it is part of the test extra")
    return found


def test_ruff_is_clean() -> None:
    result = subprocess.run([_tool("ruff"), "check", "--no-cache", "."], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    result = subprocess.run([_tool("ruff"), "format", "--check", "."], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_strict_is_clean_on_the_core_the_window_and_the_scripts() -> None:
    result = subprocess.run(
        [_tool("mypy"), "--no-incremental", "--cache-dir", os.devnull], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_data_home_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_HOME", str(tmp_path / "office"))
    assert data_home() == tmp_path / "office"
    monkeypatch.delenv("BRIEFING_HOME")
    assert data_home() == Path(platformdirs.user_data_dir("briefing-studio", appauthor=False, roaming=True))


def test_tests_never_touch_the_real_data_folder(briefing_home: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    assert data_home() == briefing_home
    assert briefing_home.is_relative_to(tmp_path_factory.getbasetemp())


# -- layering and cycles -------------------------------------------------------------------------


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def _all_imports(path: Path) -> set[str]:
    """Every module this file imports, at any depth of the code (an import inside a function counts)."""
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _graph(*packages: str) -> dict[str, set[str]]:
    files = [p for package in packages for p in (ROOT / package).rglob("*.py")]
    modules = {_module_name(p): p for p in files}
    return {name: {i for i in _all_imports(path) if i in modules and i != name} for name, path in modules.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycles_in_the_core_or_the_window() -> None:
    assert _cycle(_graph("briefing", "ui")) is None


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


LAYERS = {
    # package prefix → prefixes it must never import
    "briefing.export": ("briefing.translation", "briefing.cli", "ui"),
    "briefing.translation": ("briefing.export", "briefing.cli", "ui"),
    "briefing.language": ("briefing.export", "briefing.translation", "briefing.cli", "briefing.edits", "ui"),
    "briefing.rules": ("briefing.edits", "briefing.storage", "briefing.export", "briefing.translation"),
    # Safe reading and writing of any file: below every store and format, knowing none of them.
    "briefing.files": (
        "briefing.model",
        "briefing.fileformat",
        "briefing.storage",
        "briefing.export",
        "briefing.translation",
        "briefing.terms",
        "briefing.memory",
        "briefing.cli",
        "ui",
    ),
    "briefing.qa": ("briefing.edits",),  # checks read a briefing and never change it
    # The termbase and the memory are stores the translation uses, never the other way round; they know nothing
    # of each other, of documents or of the command line. (The memory reuses the sentence splitter of markup.)
    "briefing.terms": (
        "briefing.translation",
        "briefing.memory",
        "briefing.export",
        "briefing.cli",
        "briefing.storage",
        "briefing.stores.office",  # the office store's termbase, not its memory nor the moving between stores
        "briefing.stores.office_memory",
    ),
    "briefing.memory": (
        "briefing.translation.engine",
        "briefing.translation.jobs",
        "briefing.translation.pretranslate",
        "briefing.translation.terminology",
        "briefing.terms",
        "briefing.export",
        "briefing.cli",
        "briefing.edits",
        "briefing.stores.office",  # the office store's memory, not its termbase nor the moving between stores
        "briefing.stores.office_terms",
    ),
    # Review files are read into edits of the briefing; they never translate or touch the term and memory stores
    # (they share the DOCX helpers of the export and the atomic write of the storage).
    "briefing.exchange": (
        "briefing.translation.engine",
        "briefing.translation.jobs",
        "briefing.terms",
        "briefing.memory",
        "briefing.cli",
    ),
    # Comparing reads two briefings and never changes them; the memory's match diff is its word diff.
    "briefing.compare": (
        "briefing.edits",
        "briefing.translation",
        "briefing.terms",
        "briefing.memory",
        "briefing.exchange",
        "briefing.qa",
        "briefing.cli",
    ),
    # Importers read outside documents into a draft briefing; they never translate, touch the stores or the CLI
    # (they share the DOCX safety checks of the export and the capped reads of the storage).
    "briefing.importers": (
        "briefing.translation",
        "briefing.terms",
        "briefing.memory",
        "briefing.edits",
        "briefing.exchange",
        "briefing.qa",
        "briefing.cli",
    ),
    # The stores hold the termbase and the memory (SQLite files or an office's PostgreSQL server); they know
    # nothing of documents, translation, exports or the command line.
    "briefing.stores": (
        "briefing.translation",
        "briefing.export",
        "briefing.exchange",
        "briefing.edits",
        "briefing.qa",
        "briefing.compare",
        "briefing.importers",
        "briefing.cli",
    ),
    "briefing": ("ui", "main"),
}


def test_layers_hold() -> None:
    graph = _graph("briefing", "ui")
    offences = []
    for module, imported in graph.items():
        for prefix, forbidden in LAYERS.items():
            if module == prefix or module.startswith(prefix + "."):
                offences += [
                    f"{module} imports {name}"
                    for name in imported
                    if any(name == f or name.startswith(f + ".") for f in forbidden)
                ]
    assert offences == []


def _model_field_names() -> set[str]:
    import dataclasses

    from briefing import model

    classes = [value for value in vars(model).values() if dataclasses.is_dataclass(value) and isinstance(value, type)]
    return {f.name for cls in classes for f in dataclasses.fields(cls)}


def test_the_window_changes_a_briefing_only_through_edits() -> None:
    """No setattr, and no assignment to a field of a model object, anywhere in ui/: edits do that."""
    fields = _model_field_names()
    offences = []
    for path in (ROOT / "ui").rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "setattr":
                offences.append(f"{path.name}:{node.lineno} setattr")
            targets = (
                node.targets
                if isinstance(node, ast.Assign)
                else [node.target]
                if isinstance(node, ast.AugAssign | ast.AnnAssign)
                else []
            )
            for target in targets:
                for element in target.elts if isinstance(target, ast.Tuple) else [target]:
                    if (
                        isinstance(element, ast.Attribute)
                        and element.attr in fields
                        and not (isinstance(element.value, ast.Name) and element.value.id == "self")
                    ):
                        offences.append(f"{path.name}:{node.lineno} assigns .{element.attr}")
    assert offences == []


def test_rules_never_change_a_briefing() -> None:
    from briefing import rules
    from briefing.fileformat import dumps
    from briefing.storage import load
    from tests.conftest import EXAMPLE

    briefing = load(EXAMPLE)
    before = dumps(briefing)
    rules.problems(briefing)
    rules.outside_items(briefing)
    assert dumps(briefing) == before


def test_export_and_preview_never_change_the_briefing_they_are_given(tmp_path: Path) -> None:
    """Background work shares the snapshot's item copies (briefing/snapshot.py): they must stay read-only."""
    from briefing.export.pack import make_pack
    from briefing.export.preview import preview_html
    from briefing.export.templates import Layout, find_template
    from briefing.fileformat import dumps
    from briefing.model import LANGUAGES
    from briefing.snapshot import SnapshotCache
    from briefing.storage import load
    from tests.conftest import EXAMPLE

    snapshot = SnapshotCache().snapshot(load(EXAMPLE))
    before = dumps(snapshot)
    preview_html(snapshot, LANGUAGES)
    make_pack(snapshot, find_template("briefing-pack"), tmp_path / "out", "x", list(Layout))
    assert dumps(snapshot) == before
