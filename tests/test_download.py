"""Downloading from an online index, against a real HTTP server on the loopback interface."""

from __future__ import annotations

import http.server
import json
import socket
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

from briefing.cli.main import run
from briefing.translation.download import DownloadCancelled, NetworkError, download, index_url
from briefing.translation.packages import PackageError, PackageStore


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def index_server(
    tmp_path: Path, package_files: dict[tuple[str, str], Path], monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """An Argos-style index on 127.0.0.1 listing the tiny en→ko package (and a ko→en with a dead link)."""
    site = tmp_path / "site"
    site.mkdir()
    archive = package_files[("en", "ko")]
    (site / archive.name).write_bytes(archive.read_bytes())
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(site)))
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    index = [
        {"from_code": "en", "to_code": "ko", "package_version": "1.0", "links": [base + archive.name]},
        {"from_code": "en", "to_code": "ko", "package_version": "0.9", "links": [base + "old.argosmodel"]},
        {"from_code": "ko", "to_code": "en", "package_version": "1.0", "links": [base + "missing.argosmodel"]},
    ]
    (site / "index.json").write_text(json.dumps(index))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", base)
    yield base
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def test_download_installs_the_newest_listed_version(index_server: str) -> None:
    assert index_url() == index_server + "index.json"
    reports: list[tuple[int, int]] = []
    package = download(PackageStore(), "en", "ko", progress=lambda done, total: reports.append((done, total)))
    assert (package.pair, package.version) == (("en", "ko"), "1.0")
    assert reports[-1][0] == reports[-1][1] > 1_000_000
    assert [p.pair for p in PackageStore().installed()] == [("en", "ko")]
    assert not [p for p in PackageStore().folder.iterdir() if p.name.startswith(".")]


def test_cancel_stops_the_download_and_installs_nothing(index_server: str) -> None:
    cancel = threading.Event()
    with pytest.raises(DownloadCancelled, match="download cancelled; nothing was installed"):
        download(PackageStore(), "en", "ko", progress=lambda done, total: cancel.set(), cancel=cancel)
    store = PackageStore()
    assert store.installed() == []
    assert list(store.folder.iterdir()) == []


def test_a_dead_link_is_reported(index_server: str) -> None:
    with pytest.raises(NetworkError, match=r"missing\.argosmodel: the server answered 404"):
        download(PackageStore(), "ko", "en")


def test_a_pair_the_index_does_not_list(index_server: str) -> None:
    with pytest.raises(PackageError, match="has no ko→ja package"):
        download(PackageStore(), "ko", "ja")


def test_download_command_with_progress_and_result(index_server: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["packages", "download", "en", "ko"]) == 0
    assert "installed en → ko version 1.0" in capsys.readouterr().out


def test_no_network_gets_a_clear_message(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()  # nothing listens there: the connection is refused, as on a machine with no network
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", f"http://127.0.0.1:{port}/")
    assert run(["packages", "download", "ko", "en", "--timeout", "5"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: cannot reach http://127.0.0.1:{port}/index.json (")
    assert "This machine seems to have no network" in err
    assert "packages install FILE" in err
    assert PackageStore().installed() == []
