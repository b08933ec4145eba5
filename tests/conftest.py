"""Shared fixtures. Qt runs offscreen and all application data goes to a temporary folder."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

# Before anything imports Qt or reads the data folder.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["BRIEFING_HOME"] = tempfile.mkdtemp(prefix="briefing-home-")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "scwg-23.briefing"
sys.path.insert(0, str(ROOT))


@pytest.fixture(autouse=True)
def briefing_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty data folder (outside its tmp_path, which stays the test's own)."""
    home = tmp_path_factory.mktemp("briefing-home")
    monkeypatch.setenv("BRIEFING_HOME", str(home))
    return home


@pytest.fixture
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A copy of the example that a test may damage."""
    copy = tmp_path / "scwg-23.briefing"
    copy.write_bytes(EXAMPLE.read_bytes())
    return copy
