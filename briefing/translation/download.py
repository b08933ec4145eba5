"""Downloading a language package from the Argos Translate online index.

This is the only code in Briefing Studio that opens a network connection, and it runs only when a
user explicitly asks for a download. Air-gapped offices install packages from files instead.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefing.messages import Message, register
from briefing.translation.argos import argos_package_module, import_argos
from briefing.translation.packages import InstalledPackage, PackageError, PackageStore, version_key

USER_AGENT = "BriefingStudio"
CHUNK = 256 * 1024
# Caps on what a server may send, counted while reading (a body without Content-Length, or one longer than it
# says, stops here), and on how long a whole download may take (`timeout` bounds each read only, so a server
# trickling a byte at a time would pass it).
MAX_INDEX_BYTES = 16 * 1024 * 1024  # the real index is about 100 kB
MAX_PACKAGE_BYTES = 1024**3  # the real Korean and English packages are about 100 MB
INDEX_SECONDS = 120.0
PACKAGE_SECONDS = 3600.0

Progress = Callable[[int, int], None]  # (bytes so far, total bytes or 0 when unknown)


register(
    {
        "download.cancelled": "download cancelled; nothing was installed",
        "download.http": "{url}: the server answered {status} {reason}",
        "download.unreachable": "cannot reach {url} ({reason}). This machine seems to have no network: copy the "
        ".argosmodel file here from a connected machine and install it from that file.",
        "download.not_an_index": "{url}: not a package index ({reason})",
        "download.not_a_list": "{url}: not a package index (expected a list)",
        "download.no_pair": "the index at {url} has no {from_code}→{to_code} package",
        "download.no_link": "the index lists no download link for {from_code}→{to_code}",
        "download.stopped": "{url}: the download stopped after {received} of {total} bytes",
        "download.failed": "{url}: {reason}",
        "download.all_failed": "the package could not be downloaded: {errors}",
        "download.too_large": "{url}: more than {limit} MB; refused",
        "download.too_slow": "{url}: took longer than {seconds} s in all; stopped",
    }
)


class NetworkError(PackageError):
    """The index or the package could not be fetched."""


class DownloadCancelled(PackageError):
    def __init__(self) -> None:
        super().__init__("download.cancelled")


def index_url() -> str:
    """The index argostranslate would use (ARGOS_PACKAGE_INDEX overrides it, as for argostranslate)."""
    base = os.environ.get("ARGOS_PACKAGE_INDEX") or import_argos("argostranslate.settings").package_index
    return base if base.endswith(".json") else base.rstrip("/") + "/index.json"


def _open(url: str, timeout: float) -> Any:
    try:
        return urllib.request.urlopen(urllib.request.Request(url, headers={"User-Agent": USER_AGENT}), timeout=timeout)
    except urllib.error.HTTPError as error:
        raise NetworkError("download.http", url=url, status=error.code, reason=str(error.reason)) from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise NetworkError("download.unreachable", url=url, reason=str(reason)) from None


def read_body(
    response: Any,
    url: str,
    limit: int,
    seconds: float,
    sink: Callable[[bytes], object],
    cancel: threading.Event | None = None,
) -> int:
    """Pass the body to `sink` chunk by chunk; NetworkError past `limit` bytes (whatever Content-Length said)
    or `seconds` in all. `read1` returns what has arrived, so a trickle cannot keep one read going forever."""
    declared = int(response.headers.get("Content-Length") or 0)
    if declared > limit:
        raise NetworkError("download.too_large", url=url, limit=limit // 1024**2)
    deadline = time.monotonic() + seconds
    received = 0
    while chunk := response.read1(CHUNK):
        if cancel is not None and cancel.is_set():
            raise DownloadCancelled()
        received += len(chunk)
        if received > limit:
            raise NetworkError("download.too_large", url=url, limit=limit // 1024**2)
        if time.monotonic() > deadline:
            raise NetworkError("download.too_slow", url=url, seconds=round(seconds))
        sink(chunk)
    return received


def available(from_code: str, to_code: str, timeout: float = 30.0) -> Any:
    """The index entry (an argostranslate AvailablePackage) for a pair, newest version."""
    url = index_url()
    parts: list[bytes] = []
    with _open(url, timeout) as response:
        read_body(response, url, MAX_INDEX_BYTES, INDEX_SECONDS, parts.append)
    try:
        entries = json.loads(b"".join(parts).decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise NetworkError("download.not_an_index", url=url, reason=str(error)) from None
    except RecursionError:
        raise NetworkError("download.not_an_index", url=url, reason="nested too deeply") from None
    if not isinstance(entries, list):
        raise NetworkError("download.not_a_list", url=url)
    module = argos_package_module()
    try:
        matches = [
            module.AvailablePackage(entry)
            for entry in entries
            if isinstance(entry, dict)
            and entry.get("from_code") == from_code
            and entry.get("to_code") == to_code
            and entry.get("type", "translate") == "translate"
        ]
    except (KeyError, TypeError, ValueError, AttributeError) as error:  # an entry argostranslate cannot read
        raise NetworkError("download.not_an_index", url=url, reason=f"{type(error).__name__}: {error}") from None
    if not matches:
        raise PackageError("download.no_pair", url=url, from_code=from_code, to_code=to_code)
    return max(matches, key=lambda package: version_key(str(package.package_version)))


def download(
    store: PackageStore,
    from_code: str,
    to_code: str,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    timeout: float = 30.0,
) -> InstalledPackage:
    """Fetch the pair's package from the index, then check and install it like a local file."""
    entry = available(from_code, to_code, timeout)
    links = [link for link in entry.links if isinstance(link, str) and link.startswith(("http://", "https://"))]
    if not links:
        raise PackageError("download.no_link", from_code=from_code, to_code=to_code)
    store.folder.mkdir(parents=True, exist_ok=True)
    errors: list[Message] = []
    for link in links:
        fd, name = tempfile.mkstemp(prefix=".download-", suffix=".argosmodel", dir=store.folder)
        path = Path(name)
        try:
            with os.fdopen(fd, "wb") as sink, _open(link, timeout) as response:
                total = int(response.headers.get("Content-Length") or 0)
                written = [0]

                def keep(chunk: bytes, sink: Any = sink, written: list[int] = written, total: int = total) -> None:
                    sink.write(chunk)
                    written[0] += len(chunk)
                    if progress is not None:
                        progress(written[0], total)

                received = read_body(response, link, MAX_PACKAGE_BYTES, PACKAGE_SECONDS, keep, cancel)
            if total and received != total:
                raise NetworkError("download.stopped", url=link, received=received, total=total)
            return store.install(path)
        except NetworkError as error:
            errors.append(error.message)
        except OSError as error:
            errors.append(Message("download.failed", {"url": link, "reason": str(error)}))
        finally:
            path.unlink(missing_ok=True)
    raise NetworkError("download.all_failed", errors=errors)
