"""Where an office store is and how to log in: a postgresql:// address without its password, and the password
from a file only its owner can read, PGPASSWORD or libpq's passfile. A password never reaches a message: every
address shown goes through `redact` first.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from briefing.messages import BriefingError, register
from briefing.paths import data_home
from briefing.settings import Settings

STORE_VARIABLE = "BRIEFING_STORE"  # the CLI's store, overriding the `office_store` setting
PASSWORD_FILE_VARIABLE = "BRIEFING_STORE_PASSWORD_FILE"
SCHEMES = ("postgresql", "postgres")
MAX_PASSWORD_BYTES = 4096
# Away from the network: a copy of the office store (refreshed by `store sync`) is read, and what is learned or
# added waits in queue files until `store sync` sends it.
COPY_TERMS, COPY_MEMORY = "terms.sqlite", "memory.sqlite"
QUEUED_TERMS, QUEUED_MEMORY = "queued-terms.sqlite", "queued-memory.sqlite"
COPY_NAME, QUEUE_NAME = "office copy", "office queue"
EMBEDDED = "sqlite"  # BRIEFING_STORE=sqlite: the embedded store, whatever the settings say

register(
    {
        "store.bad_address": "{address} is not a PostgreSQL store address (postgresql://user@host:port/database)",
        "store.password_in_address": "the store address {address} holds a password; remove it and put the "
        "password in a file only you can read (the office_store_password_file setting), in PGPASSWORD or in a "
        "PostgreSQL passfile",
        "store.password_file_open": "the password file {path} can be read by other users; make it readable "
        "only by you (chmod 600 {path})",
        "store.password_file_unreadable": "the password file {path} cannot be read ({reason})",
        "store.none_chosen": "no office store is chosen (the office_store setting or {variable})",
        "store.same": "the source and the target are the same store ({address})",
    }
)


class StoreError(BriefingError):
    """An office store that cannot be used as asked: unreachable, refused, newer, read-only, a conflict."""


def redact(address: str) -> str:
    """The address with any password replaced by ***: what messages and `store status` show."""
    try:
        parts = urlsplit(address)
    except ValueError:
        return "(an address that cannot be read)"
    netloc = parts.netloc
    if "@" in netloc:
        credentials, _, host = netloc.rpartition("@")
        if ":" in credentials:
            credentials = credentials.split(":", 1)[0] + ":***"
        netloc = f"{credentials}@{host}"
    query = [(key, "***" if key.lower() == "password" else value) for key, value in parse_qsl(parts.query)]
    return urlunsplit((parts.scheme, netloc, parts.path, urlencode(query, safe="*"), ""))


@dataclass(frozen=True)
class StoreLocation:
    """An office store's address (no password in it), with sslmode=prefer unless it says otherwise, and where
    the password comes from (`password_file`, else libpq's own PGPASSWORD / passfile)."""

    address: str
    password_file: Path | None = None

    @classmethod
    def parse(cls, address: str, password_file: str | Path | None = None) -> StoreLocation:
        address = address.strip()
        try:
            parts = urlsplit(address)
            parts.port  # noqa: B018 - raises ValueError on a bad port
        except ValueError:
            raise StoreError("store.bad_address", address=redact(address)) from None
        if parts.scheme not in SCHEMES or (not parts.hostname and "host=" not in parts.query):
            raise StoreError("store.bad_address", address=redact(address))
        query = dict(parse_qsl(parts.query))
        if parts.password is not None or "password" in {key.lower() for key in query}:
            raise StoreError("store.password_in_address", address=redact(address))
        query.setdefault("sslmode", "prefer")
        clean = urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))
        return cls(clean, Path(password_file).expanduser() if password_file else None)

    @property
    def shown(self) -> str:
        return redact(self.address)

    @property
    def label(self) -> str:
        """The address in short, as the window shows it: user@host:port/database (no options, no password)."""
        parts = urlsplit(self.address)
        query = dict(parse_qsl(parts.query))
        host = parts.hostname or query.get("host", "")
        port = parts.port or query.get("port", "")
        database = parts.path.lstrip("/") or query.get("dbname", "")
        user = parts.username or ""
        return f"{user}@{host}{':' + str(port) if port else ''}/{database}" if user else f"{host}/{database}"

    @property
    def digest(self) -> str:
        """What tells one office store from another (host, port, database, user), as 16 hex digits."""
        parts = urlsplit(self.address)
        query = dict(parse_qsl(parts.query))
        host = parts.hostname or query.get("host", "")
        port = str(parts.port or query.get("port", "") or 5432)
        database = parts.path.lstrip("/") or query.get("dbname", "") or self.user
        key = "\x00".join((host, port, database, self.user))
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]

    @property
    def user(self) -> str:
        return urlsplit(self.address).username or os.environ.get("PGUSER", "")

    def password(self) -> str | None:
        """The password from the file, if one is named (None: libpq finds it in PGPASSWORD or its passfile)."""
        if self.password_file is None:
            return None
        return read_password_file(self.password_file)


def read_password_file(path: Path) -> str:
    """The first line of a password file that only its owner can read; StoreError otherwise."""
    try:
        with path.open("rb") as file:
            mode = os.fstat(file.fileno()).st_mode
            if mode & (stat.S_IRWXG | stat.S_IRWXO):
                raise StoreError("store.password_file_open", path=str(path))
            data = file.read(MAX_PASSWORD_BYTES + 1)
    except OSError as error:
        raise StoreError(
            "store.password_file_unreadable", path=str(path), reason=error.strerror or str(error)
        ) from None
    if len(data) > MAX_PASSWORD_BYTES:
        raise StoreError("store.password_file_unreadable", path=str(path), reason="it is too long for a password")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise StoreError("store.password_file_unreadable", path=str(path), reason="it is not UTF-8 text") from None
    lines = text.splitlines()
    return lines[0] if lines else ""


def chosen_location(settings: Settings, environ: Mapping[str, str] | None = None) -> StoreLocation | None:
    """The office store the settings (or BRIEFING_STORE) name; None for the embedded store."""
    environ = os.environ if environ is None else environ
    address = environ.get(STORE_VARIABLE, "").strip() or settings.office_store.strip()
    if not address or address == EMBEDDED:
        return None
    password_file = environ.get(PASSWORD_FILE_VARIABLE, "").strip() or settings.office_store_password_file.strip()
    return StoreLocation.parse(address, password_file or None)


def offline_folder(location: StoreLocation, home: Path | None = None) -> Path:
    """Where the copy of this office store and the queue of changes made away from it are kept: one folder per
    office address (switching between two servers never mixes their copies or queues), named by a digest of the
    host, port, database and user — never of a password, which an address does not hold anyway."""
    return offline_root(home) / location.digest


def offline_root(home: Path | None = None) -> Path:
    """The folder of every office store's copy (and, from before copies were kept per address, one copy)."""
    return (home or data_home()) / "office-store"
