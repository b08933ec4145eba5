"""Attacks that span modules, as a hostile colleague, a broken USB stick and a full disk would make them (issue 17):
links planted where outputs go, read-only and special files, other users' recovery locks, and an office template
that would make LibreOffice fetch from the network. Each one is refused or neutralised with a coded message."""

from __future__ import annotations

import io
import os
import re
import signal
import socket
import stat
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import docx
import pytest

from briefing import storage
from briefing.cli.main import run as cli
from briefing.export import pack
from briefing.export.pack import ExportError, check_pack, make_pack
from briefing.export.templates import Layout, find_template
from briefing.messages import Message
from briefing.recovery import RecoverySession, orphaned_copies
from briefing.storage import BriefingFileError
from tests.helpers import small_briefing

STEM = "m.press-release.draft"


@pytest.fixture
def deadline() -> Iterator[None]:
    """Fail instead of hanging: a read that waits on a pipe or reads /dev/zero forever is the bug."""

    def expired(signum: int, frame: FrameType | None) -> None:
        raise AssertionError("did not finish within 20 s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def victim(tmp_path: Path) -> Path:
    path = tmp_path / "victim" / "important.txt"
    path.parent.mkdir(exist_ok=True)
    path.write_text("the victim's own file", "utf-8")
    return path


# -- planted links -------------------------------------------------------------------------------


def test_export_never_writes_through_a_planted_link(tmp_path: Path) -> None:
    target = victim(tmp_path)
    folder = tmp_path / "shared"
    folder.mkdir()
    # the fixed temporary names an export used to write through, and a fake staging folder
    for name in (f".{STEM}.ko.docx.tmp", f".{STEM}.manifest.json.tmp", f".{STEM}.ko.docx.tmp.1"):
        (folder / name).symlink_to(target)
    (folder / f".{STEM}.staging-planted").symlink_to(target.parent, target_is_directory=True)
    (folder / f"{STEM}.manifest.json").symlink_to(target)
    template = find_template("press-release")
    with pytest.raises(ExportError) as caught:
        make_pack(small_briefing(), template, folder, "m", [Layout.KO], draft=True, replace=True)
    assert caught.value.code == "export.output_is_link"
    assert str(folder / f"{STEM}.manifest.json") in str(caught.value)
    (folder / f"{STEM}.manifest.json").unlink()

    result = make_pack(small_briefing(), template, folder, "m", [Layout.KO], draft=True)
    assert target.read_text("utf-8") == "the victim's own file"
    assert target.parent.is_dir() and list(target.parent.iterdir()) == [target]
    for path in result.files:
        assert stat.S_ISREG(path.lstat().st_mode)
    assert check_pack(folder / f"{STEM}.manifest.json").complete
    assert not (folder / f".{STEM}.staging-planted").exists()  # the planted link is removed, not followed


def test_a_link_planted_between_the_check_and_the_publish_is_replaced_not_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = victim(tmp_path)
    folder = tmp_path / "shared"
    real_publish = pack._publish

    def race(folder_: Path, staging: Path, stem: str, names: list[str]) -> None:
        monkeypatch.setattr(pack, "_refuse_links", lambda paths: None)  # the attacker wins the race
        (folder_ / names[0]).symlink_to(target)
        real_publish(folder_, staging, stem, names)

    monkeypatch.setattr(pack, "_publish", race)
    result = make_pack(small_briefing(), find_template("press-release"), folder, "m", [Layout.KO], draft=True)
    assert target.read_text("utf-8") == "the victim's own file"
    assert stat.S_ISREG(result.files[0].lstat().st_mode)


def test_saving_through_a_link_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    real = tmp_path / "real.briefing"
    storage.save(small_briefing(), real)
    before = real.read_bytes()
    link = tmp_path / "me" / "link.briefing"
    link.parent.mkdir()
    link.symlink_to(real)
    with pytest.raises(BriefingFileError) as caught:
        storage.save(small_briefing(), link)
    assert caught.value.code == "storage.is_link"
    assert f"{link}: is a link (to {real})" in str(caught.value)
    assert link.is_symlink() and real.read_bytes() == before
    assert not storage.backup_path(link).exists() and not storage.backup_path(real).exists()


def test_links_planted_beside_a_briefing_are_never_written_through(tmp_path: Path) -> None:
    target = victim(tmp_path)
    path = tmp_path / "shared" / "x.briefing"
    path.parent.mkdir()
    briefing = small_briefing()
    storage.save(briefing, path)
    storage.backup_path(path).symlink_to(target)  # `.bak` a link to someone's file
    (path.parent / ".x.briefing.bak.tmp").symlink_to(target)  # the backup's old fixed staging name
    storage.save(briefing, path)
    storage.save(briefing, path)
    assert target.read_text("utf-8") == "the victim's own file"
    assert stat.S_ISREG(storage.backup_path(path).lstat().st_mode)
    assert storage.load(storage.backup_path(path)) == storage.load(path)


# -- read-only and special files ---------------------------------------------------------------------


def test_a_read_only_briefing_is_never_replaced_by_translate(
    example_copy: Path, installed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    example_copy.chmod(0o444)
    before = example_copy.read_bytes()
    code = cli(["translate", str(example_copy), "--to", "ko", "--retranslate", "--beam", "1", "--no-terms"])
    assert code != 0
    assert f"{example_copy}: the file is read-only, so it is not replaced" in capsys.readouterr().err
    assert example_copy.read_bytes() == before
    assert stat.S_IMODE(example_copy.stat().st_mode) == 0o444
    assert not storage.backup_path(example_copy).exists()


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_nothing_is_written_onto_a_pipe_or_a_device(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "out.briefing"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path = Path("/dev/null")
    with pytest.raises(BriefingFileError) as caught:
        storage.write_atomically(path, b"data")
    assert caught.value.code == "storage.not_a_file"


def test_validate_reads_regular_files_only_and_goes_on_after_each_refusal(
    tmp_path: Path, deadline: None, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe.briefing"
    os.mkfifo(fifo)  # nobody ever writes into it: opening it must not wait
    folder = tmp_path / "folder.briefing"
    folder.mkdir()
    huge = tmp_path / "huge.briefing"
    with huge.open("wb") as stream:
        stream.truncate(storage.MAX_FILE_BYTES + 1)  # sparse: the cap is met without writing 512 MB
    digits = tmp_path / "digits.briefing"
    digits.write_bytes(b'{"version": ' + b"1" * 5000 + b"}")  # past Python's 4,300-digit integer limit
    good = tmp_path / "good.briefing"
    storage.save(small_briefing(), good)
    assert cli(["validate", str(fifo), "/dev/zero", str(folder), str(huge), str(digits), str(good)]) == 2
    captured = capsys.readouterr()
    assert f"INVALID {fifo}: not a regular file (a pipe, a device or a socket)" in captured.err
    assert "INVALID /dev/zero: not a regular file" in captured.err
    assert f"INVALID {folder}: is a folder, not a file" in captured.err
    assert f"INVALID {huge}: 512 MB is larger than any briefing" in captured.err
    assert f"INVALID {digits}:" in captured.err
    assert f"OK {good}" in captured.out


def test_the_byte_cap_holds_while_reading_not_only_by_stat() -> None:
    proc = Path("/proc/self/status")  # a regular file whose size says 0 and which reads as a page of text
    if not proc.is_file() or proc.stat().st_size != 0:
        pytest.skip("needs Linux's /proc")
    with pytest.raises(storage.TooLarge) as caught:
        storage.read_regular(proc, 16)
    assert caught.value.code == "storage.over_limit"
    assert len(storage.read_regular(proc, 1 << 20)) > 16


# -- other users' recovery copies ----------------------------------------------------------------------


def test_another_users_recovery_lock_is_skipped_with_a_notice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "recovery"
    mine, theirs = RecoverySession(folder, tmp_path / "mine.briefing"), RecoverySession(folder, tmp_path / "t.briefing")
    for session in (mine, theirs):
        session.write(small_briefing())
        assert session._lock is not None
        session._lock.close()  # the session died: the OS dropped its lock, its copy is an orphan
    their_lock = folder / f"{theirs.key}.lock"
    real_open = Path.open

    def as_another_user(self: Path, mode: str = "r", *args: object, **kwargs: object) -> object:
        if self == their_lock:  # owned by root (a `sudo` run) or another user, mode 0600: as root we must pretend
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, mode, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", as_another_user)
    skipped: list[Message] = []
    entries = orphaned_copies(folder, skipped)
    assert [entry.key for entry in entries] == [mine.key]
    assert [notice.code for notice in skipped] == ["recovery.skipped"]
    assert str(folder / f"{theirs.key}.briefing") in str(skipped[0]) and "Permission denied" in str(skipped[0])
    assert orphaned_copies(folder) == entries  # without a list for notices it still does not raise


def test_an_unreadable_recovery_folder_is_a_notice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "recovery"
    folder.mkdir()

    def refuse(self: Path, pattern: str) -> Iterator[Path]:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "glob", refuse)
    skipped: list[Message] = []
    assert orphaned_copies(folder, skipped) == []
    assert [notice.code for notice in skipped] == ["recovery.skipped"]


# -- LibreOffice cannot fetch anything --------------------------------------------------------------------


class Listener:
    """A loopback server that counts the connections made to it (what a hostile template's link points at)."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.2)
        self.port = self.server.getsockname()[1]
        self.connections = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                connection, _ = self.server.accept()
            except TimeoutError:
                continue
            self.connections += 1
            connection.close()

    def close(self) -> None:
        self.stop.set()
        self.thread.join()
        self.server.close()


def linked_picture_docx(path: Path, url: str) -> None:
    """A Word file whose only picture is linked, not embedded: opening it fetches `url`."""
    from tests.test_export_files import png

    document = docx.Document()
    document.add_paragraph("A linked picture follows.")
    document.add_picture(io.BytesIO(png()))
    document.save(str(path))
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    parts["word/document.xml"] = re.sub(rb'r:embed="rId\d+"', b'r:link="rIdRemote"', parts["word/document.xml"])
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdRemote" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'image" Target="' + url.encode() + b'" TargetMode="External"/></Relationships>',
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bundle:
        for name, data in parts.items():
            bundle.writestr(name, data)


@pytest.mark.slow
def test_libreoffice_runs_offline(tmp_path: Path) -> None:
    """With a fresh profile LibreOffice 7.4 fetched the linked picture 9 times (measured); the conversion's
    profile alone must stop it, on the raw file (`convert_to_pdf` converts a stripped copy on top: tested below)."""
    program = pack.libreoffice()
    if program is None:
        pytest.skip("LibreOffice is not installed")
    listener = Listener()
    try:
        source = tmp_path / "linked.docx"
        linked_picture_docx(source, f"http://127.0.0.1:{listener.port}/logo.png")
        profile = tmp_path / "profile"
        pack._write_profile(profile, {})
        out = tmp_path / "out"
        out.mkdir()
        pack._soffice(program, profile, "pdf", source, out, 120)  # the raw file, links and all
        assert (out / "linked.pdf").is_file()
    finally:
        listener.close()
    assert listener.connections == 0
    assert "BlockUntrustedRefererLinks" in (profile / "user" / "registrymodifications.xcu").read_text("utf-8")


def test_the_copy_libreoffice_converts_has_no_external_link(tmp_path: Path) -> None:
    from briefing.export.docx_safety import clean

    source = tmp_path / "linked.docx"
    linked_picture_docx(source, "http://127.0.0.1:9/logo.png")
    cleaned = clean(source.read_bytes())
    assert cleaned.stripped == ("word/document.xml: image → http://127.0.0.1:9/logo.png",)
    copy = tmp_path / "copy.docx"
    copy.write_bytes(cleaned.data)
    with zipfile.ZipFile(copy) as bundle:
        assert b"External" not in bundle.read("word/_rels/document.xml.rels")
        assert b"rIdRemote" not in bundle.read("word/document.xml")
    docx.Document(str(copy))
