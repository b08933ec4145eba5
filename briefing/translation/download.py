"""Downloading a language package from the Argos Translate online index.

This is the only code in Briefing Studio that opens a network connection, and it runs only when a
user explicitly asks for a download. Air-gapped offices install packages from files instead.
"""

from __future__ import annotations

import os
import tempfile
import threading
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


def available(from_code: str, to_code: str, timeout: float = 30.0) -> Any:
    """The index entry (an argostranslate AvailablePackage) for a pair, newest version."""
    import json

    url = index_url()
    with _open(url, timeout) as response:
        try:
            entries = json.loads(response.read(16 * 1024 * 1024).decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as error:
            raise NetworkError("download.not_an_index", url=url, reason=str(error)) from None
    if not isinstance(entries, list):
        raise NetworkError("download.not_a_list", url=url)
    module = argos_package_module()
    matches = [
        module.AvailablePackage(entry)
        for entry in entries
        if isinstance(entry, dict)
        and entry.get("from_code") == from_code
        and entry.get("to_code") == to_code
        and entry.get("type", "translate") == "translate"
    ]
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
                received = 0
                while chunk := response.read(CHUNK):
                    if cancel is not None and cancel.is_set():
                        raise DownloadCancelled()
                    sink.write(chunk)
                    received += len(chunk)
                    if progress is not None:
                        progress(received, total)
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
