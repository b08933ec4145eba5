"""A private PostgreSQL server for the tests: one cluster per session in a temporary folder, a fresh database
per test (copied from a template that already holds the store's tables).

The server listens on a unix socket in its folder (the superuser `postgres` logs in there without a password)
and on loopback TCP at a free port, where every role needs its password (scram-sha-256), with TLS when openssl
can make a certificate. initdb refuses to run as root: as root the folder belongs to `nobody` and the server runs
as `nobody` (runuser). The tests that need it are skipped when PostgreSQL is not installed, except on CI (CI set),
where that is a failure: the test command installs it.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

SUPERUSER = "postgres"
TEMPLATE = "briefing_template"


def find_bin() -> Path | None:
    """The newest PostgreSQL server binaries installed (Debian's layout, then PATH)."""
    versions = [p for p in Path("/usr/lib/postgresql").glob("*/bin/initdb") if p.parent.parent.name.isdigit()]
    if versions:
        return max(versions, key=lambda p: int(p.parent.parent.name)).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PgServer:
    bin: Path
    folder: Path
    port: int
    tls: bool
    _as: list[str] = field(default_factory=list)
    _numbers: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def run(self, *command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*self._as, *command], capture_output=True, text=True, check=True, timeout=60)

    def start(self) -> None:
        options = f"-k {self.folder} -h 127.0.0.1 -p {self.port} -c fsync=off -c synchronous_commit=off "
        options += "-c full_page_writes=off -c max_connections=60"
        if self.tls:
            options += " -c ssl=on -c ssl_cert_file=server.crt -c ssl_key_file=server.key"
        self.run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.folder / "log"), "-w", "-o", options, "start"
        )

    def stop(self, mode: str = "fast") -> None:
        self.run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def admin(self, database: str = "postgres") -> Any:
        import psycopg

        return psycopg.connect(host=str(self.folder), port=self.port, user=SUPERUSER, dbname=database, autocommit=True)

    def new_database(self, *, set_up: bool = True) -> str:
        """A fresh database: with the store's tables (copied from the template) or empty but for pg_trgm."""
        name = f"t{os.getpid()}_{next(self._numbers)}"
        with self.admin() as db:
            db.execute(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE if set_up else 'template1'}")
        return name

    def socket_address(self, database: str, user: str = SUPERUSER) -> str:
        return f"postgresql://{user}@/{database}?host={self.folder}&port={self.port}"

    def tcp_address(self, database: str, user: str) -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"


def _make_certificate(server: PgServer) -> bool:
    """A self-signed certificate in the data folder, made as the server's user (so that it may read the key)."""
    openssl = shutil.which("openssl")
    if openssl is None:
        return False
    data = server.data
    server.run(openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
               "-keyout", str(data / "server.key"), "-out", str(data / "server.crt"))  # fmt: skip
    server.run("chmod", "600", str(data / "server.key"))
    return True


@contextlib.contextmanager
def private_server(bin_folder: Path) -> Iterator[PgServer]:
    """A new cluster in a temporary folder, started, with the store's tables in the template; gone afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="briefing-pg-"))
    runner: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root: the cluster belongs to nobody
        runner = ["runuser", "-u", "nobody", "--"]
        shutil.chown(folder, "nobody", "nogroup" if _group_exists("nogroup") else "nobody")
    folder.chmod(0o755)
    server = PgServer(bin_folder, folder, _free_port(), tls=False, _as=runner)
    try:
        server.run(str(bin_folder / "initdb"), "-D", str(server.data), "-U", SUPERUSER, "--auth-local=trust",
                   "--auth-host=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8", "-N")  # fmt: skip
        server.tls = _make_certificate(server)
        server.start()
        _make_template(server)
        yield server
    finally:
        with contextlib.suppress(Exception):
            server.stop("immediate")
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """The session's server."""
    bin_folder = find_bin()
    if bin_folder is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed; `./dev test` installs it (Debian package postgresql)")
        pytest.skip("PostgreSQL is not installed (Debian package postgresql)")
    with private_server(bin_folder) as server:
        yield server


def _group_exists(name: str) -> bool:
    import grp

    try:
        grp.getgrnam(name)
    except KeyError:
        return False
    return True


def _make_template(server: PgServer) -> None:
    from briefing.stores.location import StoreLocation
    from briefing.stores.office import open_office

    with server.admin() as db:
        db.execute(f"CREATE DATABASE {TEMPLATE}")
    with open_office(StoreLocation.parse(server.socket_address(TEMPLATE)), create=True):
        pass


@pytest.fixture
def pg_database(pg_server: PgServer) -> str:
    """A fresh database holding an empty store, for one test."""
    return pg_server.new_database()


@dataclass
class OfficeLink:
    """An office store's address through a link to the server's socket folder: `away()` removes the link (a
    laptop off the office network: the same address no longer answers), `back()` puts it back."""

    server: PgServer
    database: str
    link: Path

    @property
    def address(self) -> str:
        return f"postgresql://{SUPERUSER}@/{self.database}?host={self.link}&port={self.server.port}&connect_timeout=2"

    def away(self) -> None:
        self.link.unlink()

    def back(self) -> None:
        self.link.symlink_to(self.server.folder, target_is_directory=True)


@pytest.fixture
def office_link(pg_server: PgServer, pg_database: str, tmp_path: Path) -> OfficeLink:
    """A fresh store reached through a link to the server's socket folder (see OfficeLink)."""
    link = OfficeLink(pg_server, pg_database, tmp_path / "office-network")
    link.back()
    return link
