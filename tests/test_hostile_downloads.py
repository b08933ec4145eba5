"""A malicious download index on the loopback (issue 17 point 10): bodies without Content-Length are capped
while reading, a trickle is stopped by the whole-download deadline, a nested index is a clear error."""

from __future__ import annotations

import contextlib
import http.server
import json
import threading
import time
from collections.abc import Iterator

import pytest

from briefing.translation import download as downloading
from briefing.translation.download import NetworkError, available, download
from briefing.translation.packages import PackageStore


class Hostile(http.server.BaseHTTPRequestHandler):
    """Serves an index whose links lead to hostile bodies; HTTP/1.0, so a body may end only when the server
    closes the connection (no Content-Length needed)."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_address[1]}/"  # type: ignore[index]
        routes = {
            "/index.json": lambda: self._send(json.dumps(self._index(base)).encode()),
            "/deep/index.json": lambda: self._send(b"[" * 200_000 + b"]" * 200_000),
            "/endless-index/index.json": lambda: self._endless(b"[" + b" " * 65535),
            "/huge-declared/index.json": lambda: self._send(b"[]", declared=10**12),
            "/endless.argosmodel": lambda: self._endless(b"\0" * 65536),
            "/trickle.argosmodel": self._trickle,
        }
        route = routes.get(self.path)
        if route is None:
            self.send_error(404)
            return
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up, as it should
            route()

    def _index(self, base: str) -> list[dict[str, object]]:
        return [
            {"from_code": "en", "to_code": "ko", "package_version": "1.0", "links": [base + "endless.argosmodel"]},
            {"from_code": "ko", "to_code": "en", "package_version": "1.0", "links": [base + "trickle.argosmodel"]},
        ]

    def _send(self, body: bytes, declared: int | None = None) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(body) if declared is None else declared))
        self.end_headers()
        self.wfile.write(body)

    def _endless(self, chunk: bytes) -> None:
        self.send_response(200)
        self.end_headers()
        for _ in range(100_000):  # 6 GB at most: the client must stop long before
            self.wfile.write(chunk)

    def _trickle(self) -> None:
        self.send_response(200)
        self.end_headers()
        for _ in range(600):  # a byte every 20 ms: every read is well within the socket timeout
            self.wfile.write(b"\0")
            self.wfile.flush()
            time.sleep(0.02)


@pytest.fixture
def hostile_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    server.daemon_threads = True
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", base)
    yield base
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def test_a_package_body_without_content_length_is_capped_while_reading(
    hostile_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(downloading, "MAX_PACKAGE_BYTES", 4 * 1024**2)
    started = time.monotonic()
    with pytest.raises(NetworkError, match=r"endless\.argosmodel: more than 4 MB; refused"):
        download(PackageStore(), "en", "ko", timeout=5)
    assert time.monotonic() - started < 10
    assert [p.name for p in PackageStore().folder.iterdir()] == []  # the partial file is gone


def test_a_trickle_is_stopped_by_the_whole_download_deadline(
    hostile_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(downloading, "PACKAGE_SECONDS", 1.0)
    started = time.monotonic()
    with pytest.raises(NetworkError, match=r"trickle\.argosmodel: took longer than 1 s in all; stopped"):
        download(PackageStore(), "ko", "en", timeout=5)
    assert time.monotonic() - started < 5  # the socket timeout alone would never fire


@pytest.mark.parametrize(
    ("folder", "message"),
    [
        ("deep/", "not a package index \\(nested too deeply\\)"),
        ("endless-index/", "more than 1 MB; refused"),
        ("huge-declared/", "more than 1 MB; refused"),
    ],
)
def test_a_hostile_index_is_a_clear_error(
    folder: str, message: str, hostile_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", hostile_server + folder)
    monkeypatch.setattr(downloading, "MAX_INDEX_BYTES", 1024**2)
    with pytest.raises(NetworkError, match=message):
        available("en", "ko", timeout=5)
