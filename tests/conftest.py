"""Shared fixtures. Qt runs offscreen and all application data goes to a temporary folder."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# Before anything imports Qt or reads the data folder.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["BRIEFING_HOME"] = tempfile.mkdtemp(prefix="briefing-home-")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "scwg-23.briefing"
EXAMPLE_V1 = ROOT / "tests" / "data" / "scwg-23-v1.briefing"  # the example as format version 1 wrote it
EXAMPLE_V2 = ROOT / "tests" / "data" / "scwg-23-v2.briefing"  # the example as format version 2 wrote it
EXAMPLE_V3 = ROOT / "tests" / "data" / "scwg-23-v3.briefing"  # the example as format version 3 wrote it
EXAMPLE_V4 = ROOT / "tests" / "data" / "scwg-23-v4.briefing"  # the example as format version 4 wrote it
sys.path.insert(0, str(ROOT))
pytest_plugins = ["tests.pg"]  # the private PostgreSQL server of the office-store tests


@pytest.fixture(autouse=True)
def briefing_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty data folder (outside its tmp_path, which stays the test's own)."""
    home = tmp_path_factory.mktemp("briefing-home")
    monkeypatch.setenv("BRIEFING_HOME", str(home))
    return home


@pytest.fixture
def user_time_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Set the user's time zone (e.g. "Asia/Seoul") for a test; the process's own zone comes back afterwards."""
    if not hasattr(time, "tzset"):
        pytest.skip("the time zone can only be changed at run time where time.tzset exists (not Windows)")

    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A copy of the example that a test may damage."""
    copy = tmp_path / "scwg-23.briefing"
    copy.write_bytes(EXAMPLE.read_bytes())
    return copy


@pytest.fixture(scope="session")
def package_files(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Tiny genuine copy-model packages for en→ko and ko→en, built once per test session."""
    from tests.tiny_package import build_package

    folder = tmp_path_factory.mktemp("packages")
    return {pair: build_package(folder, *pair) for pair in (("en", "ko"), ("ko", "en"))}


@pytest.fixture
def installed(package_files: dict[tuple[str, str], Path]) -> Path:
    """Both tiny packages installed in this test's data folder; returns the packages folder."""
    from briefing.translation.packages import PackageStore

    store = PackageStore()
    for archive in package_files.values():
        store.install(archive)
    return store.folder


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Any attempt to open a network connection fails the test (and is recorded)."""
    import socket

    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args[:2]))
        raise AssertionError(f"network access attempted: {args[:2]!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts
