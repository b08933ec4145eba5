"""Each check of a language package file, and each step of the installed set's upkeep, on its own (issue 17
point 13): small archives written here whose model files are placeholders (`inspect` reads names, metadata and
checksums, never the model), so every refusal is met in milliseconds; the upkeep (journals, leftovers, removal)
on folders laid out as a killed install leaves them."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from briefing.translation import packages
from briefing.translation.packages import PackageError, PackageFile, PackageStore, inspect, version_key

TOP = "translate-en_ko-1_0"
METADATA = {"package_version": "1.0", "from_code": "en", "to_code": "ko", "type": "translate"}
CONTENTS = {
    "sentencepiece.model": b"sp",
    "model/model.bin": b"weights",
    "model/config.json": b"{}",
    "model/shared_vocabulary.json": b"[]",
}


def archive(
    folder: Path,
    metadata: Any = None,
    *,
    drop: tuple[str, ...] = (),
    extra: dict[str | zipfile.ZipInfo, bytes] | None = None,
    raw_metadata: bytes | None = None,
    name: str = "p.argosmodel",
) -> Path:
    path = folder / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as bundle:
        if "metadata.json" not in drop:
            text = raw_metadata if raw_metadata is not None else json.dumps(METADATA if metadata is None else metadata)
            bundle.writestr(f"{TOP}/metadata.json", text)
        for member, data in CONTENTS.items():
            if member not in drop:
                bundle.writestr(f"{TOP}/{member}", data)
        for member, data in (extra or {}).items():
            bundle.writestr(member, data)
    return path


def refused(path: Path) -> PackageError:
    with pytest.raises(PackageError) as raised:
        inspect(path)
    return raised.value


def test_a_well_formed_file_is_described(tmp_path: Path) -> None:
    checked = inspect(archive(tmp_path))
    assert checked == PackageFile(tmp_path / "p.argosmodel", TOP, METADATA)
    assert (checked.pair, checked.version) == (("en", "ko"), "1.0")
    without = inspect(archive(tmp_path, {"from_code": "ko", "to_code": "en"}))  # no version, no type
    assert (without.pair, without.version) == (("ko", "en"), "0")
    numbered = inspect(archive(tmp_path, METADATA | {"package_version": 2}))
    assert numbered.version == "2"
    bom = inspect(archive(tmp_path, raw_metadata=b"\xef\xbb\xbf" + json.dumps(METADATA).encode()))
    assert bom.metadata == METADATA


def test_a_missing_file_or_a_folder_is_no_package(tmp_path: Path) -> None:
    assert str(refused(tmp_path / "gone.argosmodel")) == "gone.argosmodel: no such file"
    folder = tmp_path / "folder.argosmodel"
    folder.mkdir()
    assert refused(folder).code == "packages.no_such_file"


def test_not_a_zip_says_why(tmp_path: Path) -> None:
    path = tmp_path / "x.argosmodel"
    path.write_bytes(b"PK but not really")
    assert (
        str(refused(path))
        == "x.argosmodel: not a language package: not a readable zip archive (File is not a zip file)"
    )


@pytest.mark.parametrize(
    ("metadata", "message"),
    [
        ({"from_code": "en"}, "p.argosmodel: metadata.json needs to_code as a language code such as 'ko'; found None"),
        ({"from_code": 1, "to_code": "ko"}, "needs from_code as a language code such as 'ko'; found 1"),
        (METADATA | {"to_code": "kor"}, "needs to_code as a language code such as 'ko'; found 'kor'"),
        (METADATA | {"to_code": "en"}, "p.argosmodel: translates en into en; a package translates between two"),
        (METADATA | {"type": "sbd"}, "p.argosmodel: a 'sbd' package, not a translation package"),
        (METADATA | {"type": None}, "p.argosmodel: a None package, not a translation package"),
        (METADATA | {"package_version": ""}, "p.argosmodel: metadata.json has an unusable package_version ''"),
        (METADATA | {"package_version": "1" * 41}, "an unusable package_version '1111"),
        (METADATA | {"package_version": "1.0\n"}, "an unusable package_version '1.0\\n'"),
        (METADATA | {"package_version": None}, "an unusable package_version None"),
        (METADATA | {"package_version": {"v": 1}}, "an unusable package_version {'v': 1}"),
        ([METADATA], "p.argosmodel: metadata.json must hold an object"),
        ("en_ko", "p.argosmodel: metadata.json must hold an object"),
    ],
)
def test_each_metadata_check(tmp_path: Path, metadata: Any, message: str) -> None:
    error = refused(archive(tmp_path, metadata))
    assert message in str(error), str(error)


@pytest.mark.parametrize("version", ["1", "1.0.2", "2024-11-07", "1.0+local_build", "v" * 40, "A.b-C_d+E"])
def test_package_versions_in_use_are_accepted(tmp_path: Path, version: str) -> None:
    assert inspect(archive(tmp_path, METADATA | {"package_version": version})).version == version


def test_metadata_that_is_not_json_or_cannot_be_read(tmp_path: Path) -> None:
    assert str(refused(archive(tmp_path, raw_metadata=b"{oops"))).startswith(
        "p.argosmodel: metadata.json is not valid JSON (Expecting property name"
    )
    assert refused(archive(tmp_path, raw_metadata=b'{"from_code": "\xff"}')).code == "packages.metadata_not_json"
    damaged = archive(tmp_path)
    data = bytearray(damaged.read_bytes())
    at = data.index(b'"package_version"')
    data[at + 1 : at + 8] = b"PACKAGE"  # the stored bytes no longer match the member's checksum
    damaged.write_bytes(bytes(data))
    error = refused(damaged)
    assert error.code == "packages.metadata_unreadable"
    assert str(error).startswith("p.argosmodel: metadata.json cannot be read (Bad CRC-32 for file")


@pytest.mark.parametrize(
    ("drop", "message"),
    [
        (("metadata.json",), "p.argosmodel: translate-en_ko-1_0/metadata.json is missing"),
        (("sentencepiece.model",), "p.argosmodel: translate-en_ko-1_0/sentencepiece.model is missing"),
        (("model/model.bin",), "p.argosmodel: not a CTranslate2 model: translate-en_ko-1_0/model/model.bin is missing"),
        (
            ("model/config.json",),
            "p.argosmodel: not a CTranslate2 model: translate-en_ko-1_0/model/config.json is missing",
        ),
        (
            ("model/shared_vocabulary.json",),
            "p.argosmodel: not a CTranslate2 model: no vocabulary file in translate-en_ko-1_0/model/",
        ),
    ],
)
def test_each_required_file(tmp_path: Path, drop: tuple[str, ...], message: str) -> None:
    assert str(refused(archive(tmp_path, drop=drop))) == message


def test_vocabularies_count_in_the_model_folder_only(tmp_path: Path) -> None:
    outside = archive(tmp_path, drop=("model/shared_vocabulary.json",), extra={f"{TOP}/vocabulary.txt": b"x"})
    assert refused(outside).code == "packages.no_vocabulary"
    split = {f"{TOP}/model/source_vocabulary.json": b"[]", f"{TOP}/model/target_vocabulary.json": b"[]"}
    assert inspect(archive(tmp_path, drop=("model/shared_vocabulary.json",), extra=split)).top == TOP


def test_a_bpe_package_is_named_as_such(tmp_path: Path) -> None:
    bpe = archive(tmp_path, drop=("sentencepiece.model",), extra={f"{TOP}/bpe.model": b"x"})
    assert refused(bpe).code == "packages.bpe"


def test_a_damaged_member_is_named(tmp_path: Path) -> None:
    path = archive(tmp_path)
    data = bytearray(path.read_bytes())
    at = data.index(b"weights")
    data[at : at + 7] = b"WEIGHTS"
    path.write_bytes(bytes(data))
    assert str(refused(path)) == (
        "p.argosmodel: damaged archive: translate-en_ko-1_0/model/model.bin does not match its checksum "
        "(truncated download?)"
    )


def entry(name: str, mode: int | None = None, size: int = 10, compressed: int = 10) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    if mode is not None:
        info.external_attr = mode << 16
    info.file_size, info.compress_size = size, compressed
    return info


def members(*extra: zipfile.ZipInfo) -> list[zipfile.ZipInfo]:
    return [entry(f"{TOP}/metadata.json"), *extra]


def check(found: list[zipfile.ZipInfo], archive_size: int = 10**9) -> str:
    return packages._check_members("p", found, archive_size)


def check_refused(found: list[zipfile.ZipInfo], archive_size: int = 10**9) -> PackageError:
    with pytest.raises(PackageError) as raised:
        check(found, archive_size)
    return raised.value


def test_a_member_name_starting_with_a_nul_byte_is_unsafe(tmp_path: Path) -> None:
    """zipfile cuts a name at its first NUL: such a member reads with an empty name (it used to crash the check
    with an IndexError)."""
    path = archive(tmp_path, extra={f"{TOP}/zz": b"x"})
    path.write_bytes(path.read_bytes().replace(f"{TOP}/zz".encode(), b"\x00" + f"{TOP}/zz".encode()[1:]))
    assert str(refused(path)) == "p.argosmodel: unsafe path in the archive: ''"


@pytest.mark.parametrize(
    "name",
    [
        "",
        "/etc/passwd",
        "\\evil",
        f"{TOP}\\..\\evil",
        "C:evil",
        "c:/evil",
        f"{TOP}/../evil",
        f"{TOP}/a/../../evil",
        f"{TOP}/evil\x00.txt",
    ],
)
def test_unsafe_member_names(name: str) -> None:
    info = entry(f"{TOP}/x")
    info.filename = name  # as a hand-made central directory can hold it (ZipInfo() would cut at a NUL)
    error = check_refused(members(info))
    assert str(error) == f"p: unsafe path in the archive: {name!r}"


@pytest.mark.parametrize("name", [f"{TOP}/C:x", f"{TOP}/a..b", f"{TOP}/..x/y", f"{TOP}/model/"])
def test_names_that_only_look_unsafe_are_accepted(name: str) -> None:
    assert check(members(entry(name))) == TOP


@pytest.mark.parametrize(
    ("mode", "code"),
    [
        (stat.S_IFLNK | 0o777, "packages.link"),
        (stat.S_IFIFO | 0o644, "packages.special_file"),
        (stat.S_IFCHR | 0o644, "packages.special_file"),
        (stat.S_IFBLK | 0o644, "packages.special_file"),
        (stat.S_IFSOCK | 0o644, "packages.special_file"),
    ],
)
def test_links_and_special_files(mode: int, code: str) -> None:
    error = check_refused(members(entry(f"{TOP}/odd", mode)))
    assert error.code == code
    assert f"'{TOP}/odd' is a" in str(error)


def test_files_and_folders_with_their_kind_recorded_are_accepted() -> None:
    found = members(entry(f"{TOP}/model/", stat.S_IFDIR | 0o755, 0, 0), entry(f"{TOP}/model/a", stat.S_IFREG | 0o644))
    assert check(found) == TOP


def test_an_encrypted_member() -> None:
    secret = entry(f"{TOP}/secret")
    secret.flag_bits |= 0x1
    assert str(check_refused(members(secret))) == f"p: '{TOP}/secret' is encrypted"
    other = entry(f"{TOP}/plain")
    other.flag_bits |= 0x8 | 0x800  # a data descriptor, UTF-8 names: not encryption
    assert check(members(other)) == TOP


MB = 1024 * 1024


def test_a_member_expanding_more_than_200_fold_past_a_megabyte() -> None:
    ratio = packages.MAX_RATIO
    compressed = 10_000
    assert check(members(entry(f"{TOP}/a", size=ratio * compressed, compressed=compressed))) == TOP
    error = check_refused(members(entry(f"{TOP}/a", size=ratio * compressed + 1, compressed=compressed)))
    assert str(error) == f"p: '{TOP}/a' expands {ratio}-fold (at most {ratio}); refusing a possible zip bomb"
    error = check_refused(members(entry(f"{TOP}/a", size=MB + 1, compressed=0)))
    assert str(error) == f"p: '{TOP}/a' expands {MB + 1}-fold (at most {ratio}); refusing a possible zip bomb"
    # Up to a megabyte, any ratio (zero-filled weights compress that well).
    assert check(members(entry(f"{TOP}/small", size=MB, compressed=0))) == TOP


def test_the_whole_archive_expanding_more_than_200_fold_past_a_megabyte() -> None:
    parts = [entry(f"{TOP}/{n}", size=MB // 4, compressed=MB // 4) for n in range(8)]  # 2 MB in all
    total = sum(p.file_size for p in parts) + 10
    limit_size = -(-total // packages.MAX_RATIO)
    assert check(members(*parts), archive_size=limit_size) == TOP
    error = check_refused(members(*parts), archive_size=limit_size - 1)
    assert str(error) == f"p: expands {total // (limit_size - 1)}-fold; refusing a possible zip bomb"
    assert check_refused(members(*parts), archive_size=0).code == "packages.bomb"
    one = [entry(f"{TOP}/x", size=MB - 10, compressed=MB - 10)]
    assert check(members(*one), archive_size=1) == TOP  # a megabyte or less in all: no ratio


def test_the_unpacked_size_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packages, "MAX_UNPACKED_BYTES", 3 * 1024**3)
    parts = [entry(f"{TOP}/{n}", size=1024**3, compressed=1024**3) for n in range(3)]
    assert check(members(*parts[:2], entry(f"{TOP}/x", size=1024**3 - 10, compressed=1024**3))) == TOP
    error = check_refused(members(*parts))
    assert str(error) == "p: unpacks to 3.0 GB (at most 3 GB allowed)"
    monkeypatch.setattr(packages, "MAX_UNPACKED_BYTES", 2 * 1024**3)
    assert str(check_refused(members(*parts))) == "p: unpacks to 3.0 GB (at most 2 GB allowed)"


def test_the_member_count_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packages, "MAX_MEMBERS", 3)
    assert check(members(entry(f"{TOP}/a"), entry(f"{TOP}/b"))) == TOP
    error = check_refused(members(entry(f"{TOP}/a"), entry(f"{TOP}/b"), entry(f"{TOP}/c")))
    assert str(error) == "p: 4 files in the archive (at most 3 allowed)"
    assert str(check_refused([])) == "p: the archive is empty"


@pytest.mark.parametrize(
    ("names", "found"),
    [
        (["metadata.json"], "['metadata.json']"),
        (["top/"], "['top']"),
        (["a/x", "b/y"], "['a', 'b']"),
    ],
)
def test_exactly_one_top_folder_with_something_in_it(names: list[str], found: str) -> None:
    infos = [entry(name) for name in names]
    error = check_refused(infos)
    assert str(error) == f"p: a package holds exactly one top-level folder; found {found}"


def test_duplicate_and_colliding_names() -> None:
    twice = [entry(f"{TOP}/a"), entry(f"{TOP}/a")]
    with pytest.raises(PackageError, match="appears twice"):
        packages._check_names("p", twice)
    with pytest.raises(PackageError) as raised:
        packages._check_names("p", [entry(f"{TOP}/a/"), entry(f"{TOP}/a")])
    assert str(raised.value) == f"p: '{TOP}/a/' and '{TOP}/a' would be the same file on disk"
    with pytest.raises(PackageError) as raised:
        packages._check_names("p", [entry(f"{TOP}/x/y/z"), entry(f"{TOP}/X")])
    assert str(raised.value) == f"p: '{TOP}/x' and '{TOP}/x/' would be the same file on disk"
    packages._check_names("p", [entry(f"{TOP}/x/"), entry(f"{TOP}/x/y"), entry(f"{TOP}/x/z/")])


def test_version_order() -> None:
    assert version_key("1.10") > version_key("1.9") > version_key("1") > version_key("0.9.9")
    assert version_key("2") == (2,)
    assert version_key("1.0-beta") == (-1,) < version_key("0")


# -- the installed set -------------------------------------------------------------------------------------------


def fake_installed(folder: Path, name: str, files: dict[str, bytes] | None = None) -> Path:
    path = folder / name
    (path / "model").mkdir(parents=True)
    for member, data in (
        files or {"metadata.json": b"{}", "model/model.bin": b"w", "sentencepiece.model": b"s"}
    ).items():
        (path / member).write_bytes(data)
    return path


def dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)


def journal(folder: Path, pair: str, entry_: object) -> Path:
    path = folder / f".swap-{pair}.json"
    path.write_text(json.dumps(entry_), "utf-8")
    return path


def test_recovery_finishes_or_undoes_a_dead_swap(tmp_path: Path) -> None:
    store = PackageStore(tmp_path)
    pid = dead_pid()
    # en_ko: killed after the old one was retired, the new one staged: the new one is put in place.
    fake_installed(tmp_path, f".installing-{pid}-abc/new", {"metadata.json": b"new"})
    fake_installed(tmp_path, f".removing-en_ko-{pid}", {"metadata.json": b"old"})
    journal(
        tmp_path,
        "en_ko",
        {"pid": pid, "final": "en_ko", "staged": f".installing-{pid}-abc/new", "retired": f".removing-en_ko-{pid}"},
    )
    # ko_en: the staged one is gone, the retired one is there: it is put back.
    fake_installed(tmp_path, f".removing-ko_en-{pid}", {"metadata.json": b"old ko"})
    journal(
        tmp_path,
        "ko_en",
        {"pid": pid, "final": "ko_en", "staged": f".installing-{pid}-gone/x", "retired": f".removing-ko_en-{pid}"},
    )
    # ja_en: both renames done: nothing to move, the journal goes.
    fake_installed(tmp_path, "ja_en", {"metadata.json": b"ja"})
    journal(tmp_path, "ja_en", {"pid": pid, "final": "ja_en", "staged": "x", "retired": "y"})
    done = store.recover()
    assert done == [
        "finished installing en_ko",
        "put back ko_en",
        f"deleted .installing-{pid}-abc",
        f"deleted .removing-en_ko-{pid}",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["en_ko", "ja_en", "ko_en"]
    assert (tmp_path / "en_ko" / "metadata.json").read_bytes() == b"new"
    assert (tmp_path / "ko_en" / "metadata.json").read_bytes() == b"old ko"
    assert store.recover() == []


def test_a_swap_in_a_live_process_is_left_alone(tmp_path: Path) -> None:
    pid = os.getpid()
    fake_installed(tmp_path, f".installing-{pid}-abc/new")
    live = journal(
        tmp_path, "en_ko", {"pid": pid, "final": "en_ko", "staged": f".installing-{pid}-abc/new", "retired": "r"}
    )
    assert PackageStore(tmp_path).recover() == []
    assert live.exists() and not (tmp_path / "en_ko").exists()
    assert PackageStore(tmp_path).find("en", "ko") is None


@pytest.mark.parametrize(
    "content", ["{not json", "[]", '{"pid": "x", "final": "a", "staged": "b", "retired": "c"}', '{"pid": 1}', "null"]
)
def test_an_unreadable_journal_is_dropped(tmp_path: Path, content: str) -> None:
    bad = tmp_path / ".swap-en_ko.json"
    bad.write_text(content, "utf-8")
    assert PackageStore(tmp_path).recover() == []
    assert list(tmp_path.iterdir()) == []


def test_half_written_journals_of_dead_processes_are_deleted(tmp_path: Path) -> None:
    pid = dead_pid()
    for name in (f".swap-en_ko.json.{pid}.tmp", f".swap-ko_en.json.{os.getpid()}.tmp", ".swap-x.json.nopid.tmp"):
        (tmp_path / name).write_text("{", "utf-8")
    done = PackageStore(tmp_path).recover()
    assert done == [f"deleted .swap-en_ko.json.{pid}.tmp", "deleted .swap-x.json.nopid.tmp"]
    assert [p.name for p in tmp_path.iterdir()] == [f".swap-ko_en.json.{os.getpid()}.tmp"]


def test_the_owner_of_a_leftover(tmp_path: Path) -> None:
    assert packages._owner(".installing-123-abc") == 123
    assert packages._owner(".installing-123") == 123
    assert packages._owner(".removing-en_ko-456") == 456
    assert packages._owner(".removing-en_ko-x") == 0
    assert packages._owner(".installing-x-1") == 0
    assert not packages._running(0) and not packages._running(-1)
    assert packages._running(os.getpid())
    assert not packages._running(dead_pid())


def test_running_asks_with_signal_0_and_counts_other_users_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    sent: list[tuple[int, int]] = []

    def refuse(pid: int, signal_number: int) -> None:
        sent.append((pid, signal_number))
        raise PermissionError(1, "Operation not permitted")  # another user's process

    monkeypatch.setattr(os, "kill", refuse)
    assert packages._running(4242) is True
    assert packages._running(1) is True  # in a container, pid 1 may well be the application itself
    assert sent == [(4242, 0), (1, 0)]  # signal 0: only asks, never disturbs the process


def test_a_journal_is_written_whole_and_durable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[str] = []
    real_fsync = os.fsync

    def spy(fd: int) -> None:
        synced.append(sorted(p.name for p in tmp_path.iterdir())[0])
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", spy)
    path = tmp_path / ".swap-en_ko.json"
    packages._write_journal(path, {"pid": 7, "final": "en_ko"})
    assert json.loads(path.read_text("utf-8")) == {"pid": 7, "final": "en_ko"}
    assert synced == [f".swap-en_ko.json.{os.getpid()}.tmp", ".swap-en_ko.json"]  # the file, then the folder
    assert [p.name for p in tmp_path.iterdir()] == [".swap-en_ko.json"]


def test_find_finishes_a_swap_it_meets(tmp_path: Path) -> None:
    pid = dead_pid()
    fake_installed(tmp_path, f".installing-{pid}-abc/new")
    journal(tmp_path, "en_ko", {"pid": pid, "final": "en_ko", "staged": f".installing-{pid}-abc/new", "retired": "r"})
    found = PackageStore(tmp_path).find("en", "ko")
    assert found is not None and found.path == tmp_path / "en_ko"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["en_ko"]
    assert PackageStore(tmp_path).find("ko", "en") is None


def test_a_missing_packages_folder_is_an_empty_set(tmp_path: Path) -> None:
    store = PackageStore(tmp_path / "none")
    assert store.installed() == [] and store.problems() == [] and store.recover() == []
    assert store.find("en", "ko") is None
    assert not store.folder.exists()
    assert PackageStore().folder == packages.packages_folder()


def test_hidden_entries_and_files_are_not_packages(tmp_path: Path) -> None:
    fake_installed(tmp_path, ".hidden")
    (tmp_path / "notes.txt").write_text("x")
    assert PackageStore(tmp_path).problems() == []


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("metadata.json", "x: not a package (no metadata.json)"),
        ("model/model.bin", "x: incomplete package (model/model.bin is missing)"),
        ("sentencepiece.model", "x: incomplete package (sentencepiece.model is missing)"),
    ],
)
def test_an_installed_folder_missing_a_file(tmp_path: Path, missing: str, message: str) -> None:
    folder = fake_installed(tmp_path, "x")
    (folder / missing).unlink()
    with pytest.raises(PackageError) as raised:
        packages.read_installed(folder)
    assert str(raised.value) == message


def test_an_installed_folder_with_bad_metadata(tmp_path: Path) -> None:
    folder = fake_installed(
        tmp_path, "x", {"metadata.json": b"{not json", "model/model.bin": b"", "sentencepiece.model": b""}
    )
    with pytest.raises(PackageError) as raised:
        packages.read_installed(folder)
    assert str(raised.value).startswith("x: unreadable metadata.json (Expecting property name")


def test_an_installed_package_keeps_its_target_prefix(tmp_path: Path) -> None:
    files = {"model/model.bin": b"w", "sentencepiece.model": b"s"}
    plain = fake_installed(tmp_path, "en_ko", {"metadata.json": json.dumps(METADATA).encode(), **files})
    assert packages.read_installed(plain).target_prefix == ""
    prefixed = {**METADATA, "from_code": "ko", "to_code": "en", "target_prefix": "__en__"}
    folder = fake_installed(tmp_path, "ko_en", {"metadata.json": json.dumps(prefixed).encode(), **files})
    assert packages.read_installed(folder).target_prefix == "__en__"


def test_extraction_never_trusts_declared_sizes_or_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = archive(tmp_path, extra={f"{TOP}/big.bin": bytes(3000), f"{TOP}/model/": b""})
    checked = inspect(path)
    staging = tmp_path / "staging"
    staging.mkdir()
    packages._extract(checked, staging)
    assert (staging / TOP / "big.bin").read_bytes() == bytes(3000)
    assert (staging / TOP / "model").is_dir()
    total = sum(len(d) for d in CONTENTS.values()) + 3000 + len(json.dumps(METADATA))
    monkeypatch.setattr(packages, "MAX_UNPACKED_BYTES", total)
    packages._extract(checked, tmp_path / "again")
    monkeypatch.setattr(packages, "MAX_UNPACKED_BYTES", total - 1)  # as if the archive had declared less
    with pytest.raises(PackageError, match=r"p\.argosmodel: unpacks to more than it declares; refused"):
        packages._extract(checked, tmp_path / "third")
    evil = tmp_path / "evil.argosmodel"
    with zipfile.ZipFile(evil, "w") as bundle:
        bundle.writestr("../outside", b"x")
    with pytest.raises(PackageError) as raised:
        packages._extract(PackageFile(evil, TOP, METADATA), tmp_path / "fourth")
    assert str(raised.value) == "evil.argosmodel: unsafe path in the archive: '../outside'"
    assert not (tmp_path / "outside").exists()


def test_extraction_makes_folders_in_any_order(tmp_path: Path) -> None:
    """Folder entries first, and a nested one before its parent: every member still lands."""
    path = tmp_path / "folders.argosmodel"
    with zipfile.ZipFile(path, "w") as bundle:
        bundle.writestr(f"{TOP}/model/deep/", b"")
        bundle.writestr(f"{TOP}/", b"")
        bundle.writestr(f"{TOP}/metadata.json", json.dumps(METADATA))
        for member, data in CONTENTS.items():
            bundle.writestr(f"{TOP}/{member}", data)
    staging = tmp_path / "staging"
    staging.mkdir()
    packages._extract(inspect(path), staging)
    assert (staging / TOP / "model" / "deep").is_dir()
    for member, data in CONTENTS.items():
        assert (staging / TOP / member).read_bytes() == data


def test_an_install_that_fails_on_disk_says_why_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(checked: PackageFile, staging: Path) -> None:
        (staging / "partial").write_bytes(b"x")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(packages, "_extract", full)
    store = PackageStore(tmp_path / "packages")
    with pytest.raises(PackageError) as raised:
        store.install(archive(tmp_path))
    assert str(raised.value) == "p.argosmodel: could not be installed (No space left on device)"
    assert list(store.folder.iterdir()) == []


def test_remove_of_a_package_not_installed(tmp_path: Path) -> None:
    with pytest.raises(PackageError) as raised:
        PackageStore(tmp_path).remove("ko", "en")
    assert str(raised.value) == "no ko→en package is installed"


def test_a_removal_whose_files_cannot_all_be_deleted_still_removes_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = fake_installed(tmp_path, "en_ko")
    removed = packages.read_installed(folder)

    def stubborn(path: Path, ignore_errors: bool = False) -> None:  # e.g. a file held open on a network share
        if not ignore_errors:
            raise OSError(16, "Device or resource busy")

    monkeypatch.setattr(packages.shutil, "rmtree", stubborn)
    store = PackageStore(tmp_path)
    assert store.remove("en", "ko") == removed
    assert store.installed() == [] and store.find("en", "ko") is None
    assert [p.name for p in tmp_path.iterdir()] == [f".removing-en_ko-{os.getpid()}"]  # cleared when we are gone


# -- what mutation testing found untested in the file checks --------------------------------------------------


def test_a_folder_named_like_a_required_file_is_not_that_file(tmp_path: Path) -> None:
    """A folder entry `metadata.json/` used to pass the name check and crash the read with a KeyError."""
    path = archive(tmp_path, drop=("metadata.json",), extra={f"{TOP}/metadata.json/": b""})
    assert str(refused(path)) == f"p.argosmodel: {TOP}/metadata.json is missing"
    path = archive(tmp_path, drop=("model/model.bin",), extra={f"{TOP}/model/model.bin/": b""})
    assert refused(path).code == "packages.not_ctranslate2"
    path = archive(tmp_path, drop=("model/model.bin",), extra={f"{TOP}/model/model.binX": b"w"})
    assert refused(path).code == "packages.not_ctranslate2"  # a name that only begins like it neither
    path = archive(tmp_path, extra={f"{TOP}/": b"", f"{TOP}/model/": b""})  # folder entries as archivers write
    assert inspect(path).top == TOP


def test_a_whole_archive_bomb_is_refused_by_inspect(tmp_path: Path) -> None:
    """Members of a megabyte each (no per-member ratio), deflated zeros: the archive on disk is what counts."""
    path = tmp_path / "bomb.argosmodel"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr(f"{TOP}/metadata.json", json.dumps(METADATA))
        for member, data in CONTENTS.items():
            bundle.writestr(f"{TOP}/{member}", data)
        for n in range(3):
            bundle.writestr(f"{TOP}/model/zeros{n}", bytes(MB))
    with zipfile.ZipFile(path) as bundle:
        total = sum(info.file_size for info in bundle.infolist())
    ratio = total // path.stat().st_size
    assert ratio > packages.MAX_RATIO
    assert str(refused(path)) == f"bomb.argosmodel: expands {ratio}-fold; refusing a possible zip bomb"


def test_a_damaged_compressed_stream_is_named(tmp_path: Path) -> None:
    path = tmp_path / "q.argosmodel"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr(f"{TOP}/metadata.json", json.dumps(METADATA))
        for member, data in CONTENTS.items():
            bundle.writestr(f"{TOP}/{member}", data * 5000)
    with zipfile.ZipFile(path) as bundle:
        info = bundle.getinfo(f"{TOP}/model/model.bin")
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start : start + 4] = b"\xff\xff\xff\xff"  # not a deflate block
    path.write_bytes(bytes(data))
    assert str(refused(path)) == (
        "q.argosmodel: damaged archive: the archive (error: Error -3 while decompressing data: invalid block type) "
        "does not match its checksum (truncated download?)"
    )


def test_refusals_name_the_file() -> None:
    error = check_refused(members(entry(f"{TOP}/link", stat.S_IFLNK | 0o777)))
    assert str(error) == f"p: '{TOP}/link' is a link; packages may contain only files and folders"
    error = check_refused(members(entry(f"{TOP}/a"), entry(f"{TOP}/a")))
    assert str(error) == f"p: '{TOP}/a' appears twice in the archive"


def test_a_member_named_dot_has_no_top_folder() -> None:
    assert str(check_refused([entry(".")])) == "p: a package holds exactly one top-level folder; found ['']"
    assert check_refused(members(entry("./"))).code == "packages.top_folder"


def test_a_top_level_file_and_folder_of_one_name_collide() -> None:
    with pytest.raises(PackageError) as raised:
        packages._check_names("p", [entry("x"), entry("x/y")])
    assert str(raised.value) == "p: 'x' and 'x/' would be the same file on disk"


def test_sizes_and_ratios_in_the_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    huge = [entry(f"{TOP}/{n}", size=10 * 1024**3, compressed=10 * 1024**3) for n in range(2)]
    assert str(check_refused(members(*huge))) == "p: unpacks to 20.0 GB (at most 4 GB allowed)"
    monkeypatch.setattr(packages, "MAX_UNPACKED_BYTES", 200 * 1024**3)
    bigger = [entry(f"{TOP}/{n}", size=100 * 1024**3, compressed=100 * 1024**3) for n in range(3)]
    assert str(check_refused(members(*bigger))) == "p: unpacks to 300.0 GB (at most 200 GB allowed)"
    parts = [entry(f"{TOP}/{n}", size=MB // 4, compressed=MB // 4) for n in range(8)]
    exact = [*parts, entry(f"{TOP}/pad", size=38, compressed=38)]  # 2,097,200 bytes in all: 200 × 10,486
    assert sum(p.file_size for p in members(*exact)) == 200 * 10_486
    assert check(members(*exact), archive_size=10_486) == TOP  # exactly 200-fold is allowed
    assert (
        str(check_refused(members(*exact), archive_size=1)) == "p: expands 2097200-fold; refusing a possible zip bomb"
    )


def test_a_bpe_package_is_named_in_the_message(tmp_path: Path) -> None:
    path = archive(tmp_path, drop=("sentencepiece.model",), extra={f"{TOP}/bpe.model": b"b"})
    assert str(refused(path)).startswith("p.argosmodel: a BPE package; Briefing Studio supports SentencePiece")


# -- what mutation testing found untested in the upkeep -----------------------------------------------------------


def test_a_swap_killed_before_the_old_package_was_deleted_keeps_the_new_one(tmp_path: Path) -> None:
    pid = dead_pid()
    fake_installed(tmp_path, "en_ko", {"metadata.json": b"new"})
    fake_installed(tmp_path, f".removing-en_ko-{pid}", {"metadata.json": b"old"})
    journal(tmp_path, "en_ko", {"pid": pid, "final": "en_ko", "staged": "gone", "retired": f".removing-en_ko-{pid}"})
    assert PackageStore(tmp_path).recover() == [f"deleted .removing-en_ko-{pid}"]
    assert [p.name for p in tmp_path.iterdir()] == ["en_ko"]
    assert (tmp_path / "en_ko" / "metadata.json").read_bytes() == b"new"


def test_one_journal_left_alone_or_dropped_does_not_stop_the_others(tmp_path: Path) -> None:
    pid = dead_pid()
    (tmp_path / ".swap-aa_bb.json").write_text("{not json", "utf-8")  # sorted first: dropped
    live = journal(tmp_path, "de_en", {"pid": os.getpid(), "final": "de_en", "staged": "s", "retired": "r"})
    fake_installed(tmp_path, f".removing-en_ko-{pid}", {"metadata.json": b"old"})
    journal(tmp_path, "en_ko", {"pid": pid, "final": "en_ko", "staged": "gone", "retired": f".removing-en_ko-{pid}"})
    assert PackageStore(tmp_path).recover() == ["put back en_ko"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [live.name, "en_ko"]


def test_a_stray_file_or_link_among_the_leftovers_is_deleted_never_what_a_link_points_to(tmp_path: Path) -> None:
    pid = dead_pid()
    (tmp_path / f".installing-{pid}-abc").write_text("a file where a folder belongs", "utf-8")
    victim = fake_installed(tmp_path.parent / f"{tmp_path.name}-elsewhere", "victim")
    (tmp_path / f".installing-{pid}-link").symlink_to(victim, target_is_directory=True)
    fake_installed(tmp_path, f".removing-en_ko-{pid}")
    done = PackageStore(tmp_path).recover()
    assert done == [
        f"deleted .installing-{pid}-abc",
        f"deleted .installing-{pid}-link",
        f"deleted .removing-en_ko-{pid}",
    ]
    assert list(tmp_path.iterdir()) == []
    assert (victim / "metadata.json").is_file()


def test_problems_are_the_folders_that_are_not_packages(tmp_path: Path) -> None:
    fake_installed(
        tmp_path,
        "en_ko",
        {"metadata.json": json.dumps(METADATA).encode(), "model/model.bin": b"w", "sentencepiece.model": b"s"},
    )
    (tmp_path / "ko_en").mkdir()
    (tmp_path / ".hidden").mkdir()  # sorted before the packages, as is a file: both passed over, not the end
    (tmp_path / "a.txt").write_text("x", "utf-8")
    store = PackageStore(tmp_path)
    assert [str(problem) for problem in store.problems()] == ["ko_en: not a package (no metadata.json)"]
    assert [package.pair for package in store.installed()] == [("en", "ko")]


def test_remove_leaves_nothing_behind(tmp_path: Path) -> None:
    fake_installed(tmp_path, "en_ko")
    fake_installed(tmp_path, "ko_en")
    PackageStore(tmp_path).remove("en", "ko")
    assert [p.name for p in tmp_path.iterdir()] == ["ko_en"]


def test_recovery_says_when_it_could_not_delete_a_leftover(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pid = dead_pid()
    fake_installed(tmp_path, f".removing-en_ko-{pid}")
    fake_installed(tmp_path, f".installing-{pid}-abc")
    real_rmtree = packages.shutil.rmtree

    def stubborn(path: Path, ignore_errors: bool = False) -> None:  # a file held open on a network share
        if Path(path).name.startswith(".removing-"):
            return
        real_rmtree(path, ignore_errors=ignore_errors)

    monkeypatch.setattr(packages.shutil, "rmtree", stubborn)
    assert PackageStore(tmp_path).recover() == [
        f"deleted .installing-{pid}-abc",
        f"could not delete .removing-en_ko-{pid}",
    ]
    assert [p.name for p in tmp_path.iterdir()] == [f".removing-en_ko-{pid}"]
