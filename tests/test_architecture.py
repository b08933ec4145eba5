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
def test_mypy_strict_on_core_is_clean() -> None:
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
