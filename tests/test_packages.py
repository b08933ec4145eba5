"""Installing language packages from files: the real path, and every kind of broken or hostile file."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.cli.main import run
from briefing.translation import packages
from briefing.translation.packages import PackageError, PackageStore


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under the folder with its digest: 'the installed set' as the disk has it."""
    if not folder.exists():
        return {}
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def rewrite(
    source: Path, target: Path, change: Callable[[str, bytes], list[tuple[zipfile.ZipInfo | str, bytes]]]
) -> Path:
    """Copy a package archive member by member, letting `change` replace, drop or add members."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as new:
        for info in old.infolist():
            for name, data in change(info.filename, old.read(info)):
                new.writestr(name, data)
    return target


def test_install_list_remove(package_files: dict[tuple[str, str], Path]) -> None:
    store = PackageStore()
    installed = store.install(package_files[("en", "ko")])
    assert (installed.from_code, installed.to_code, installed.version) == ("en", "ko", "1.0")
    assert (installed.from_name, installed.to_name) == ("English", "Korean")
    assert installed.path == store.folder / "en_ko"
    assert installed.size_bytes > 1_000_000
    assert [p.pair for p in store.installed()] == [("en", "ko")]
    assert not any(p.name.startswith(".") for p in store.folder.iterdir())  # no staging left behind
    store.remove("en", "ko")
    assert store.installed() == []
    with pytest.raises(PackageError, match="no en→ko package is installed"):
        store.remove("en", "ko")


def test_newer_version_replaces_older_and_older_is_refused(tmp_path: Path) -> None:
    from tests.tiny_package import build_package

    old = build_package(tmp_path, "en", "ko", version="1.0")
    new = build_package(tmp_path, "en", "ko", version="1.10")
    store = PackageStore()
    store.install(old)
    first = store.find("en", "ko")
    assert first is not None
    stamp = first.stamp()
    assert store.install(new).version == "1.10"
    assert [p.version for p in store.installed()] == ["1.10"]
    reinstalled = store.find("en", "ko")
    assert reinstalled is not None and reinstalled.stamp() != stamp
    with pytest.raises(PackageError) as raised:
        store.install(old)
    assert str(raised.value) == (
        f"{old.name}: version 1.0 is older than the installed en→ko version 1.10; remove the installed one first to "
        "go back"
    )
    assert [p.version for p in store.installed()] == ["1.10"]
    store.install(new)  # the same version again: a repair
    assert [p.version for p in store.installed()] == ["1.10"]


def _hostile(kind: str, good: Path, tmp_path: Path) -> Path:
    top = good.name.removesuffix(".argosmodel")
    target = tmp_path / f"{kind.replace(' ', '-')}.argosmodel"
    if kind == "not a zip":
        target.write_text("this is not a package\n")
        return target
    if kind == "truncated":
        data = good.read_bytes()
        target.write_bytes(data[: len(data) * 2 // 3])
        return target
    if kind == "corrupt member":
        data = bytearray(good.read_bytes())
        offset = data.index(b"model/model.bin") + 5000  # inside the stored (uncompressed) weights
        data[offset : offset + 64] = bytes(x ^ 0xFF for x in data[offset : offset + 64])
        target.write_bytes(bytes(data))
        return target
    if kind == "empty":
        zipfile.ZipFile(target, "w").close()
        return target
    if kind == "zip bomb":
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as bundle:
            bundle.writestr(f"{top}/metadata.json", json.dumps({"from_code": "en", "to_code": "ko"}))
            bundle.writestr(f"{top}/model/model.bin", bytes(64 * 1024 * 1024))
        return target

    def change(name: str, data: bytes) -> list[tuple[zipfile.ZipInfo | str, bytes]]:
        keep: list[tuple[zipfile.ZipInfo | str, bytes]] = [(name, data)]
        if kind == "path traversal" and name.endswith("README.md"):
            return [*keep, (f"{top}/../../../evil.txt", b"owned")]
        if kind == "absolute path" and name.endswith("README.md"):
            return [*keep, ("/tmp/evil.txt", b"owned")]
        if kind in ("symlink", "device file") and name.endswith("README.md"):
            info = zipfile.ZipInfo(f"{top}/link")
            info.external_attr = ((stat.S_IFLNK if kind == "symlink" else stat.S_IFCHR) | 0o777) << 16
            return [*keep, (info, b"/etc/passwd")]
        if kind == "missing metadata" and name.endswith("metadata.json"):
            return []
        if kind == "metadata not json" and name.endswith("metadata.json"):
            return [(name, b"{from_code: en")]
        if kind == "metadata without codes" and name.endswith("metadata.json"):
            return [(name, json.dumps({"package_version": "1.0"}).encode())]
        if kind == "wrong model folder" and "/model/" in name:
            return [(name.replace("/model/", "/ct2model/"), data)]
        if kind == "bpe package" and name.endswith("sentencepiece.model"):
            return [(name.replace("sentencepiece.model", "bpe.model"), data)]
        if kind == "two folders" and name.endswith("README.md"):
            return [*keep, ("other/README.md", data)]
        return keep

    return rewrite(good, target, change)


HOSTILE = {
    "not a zip": "not a language package: not a readable zip archive",
    "truncated": "not a language package: not a readable zip archive",
    "corrupt member": "damaged archive: translate-en_ko-1_0/model/model.bin does not match its checksum",
    "empty": "the archive is empty",
    "zip bomb": "-fold (at most 200); refusing a possible zip bomb",
    "path traversal": "unsafe path in the archive: 'translate-en_ko-1_0/../../../evil.txt'",
    "absolute path": "unsafe path in the archive: '/tmp/evil.txt'",
    "symlink": "'translate-en_ko-1_0/link' is a link; packages may contain only files and folders",
    "device file": "'translate-en_ko-1_0/link' is a device or special file",
    "missing metadata": "translate-en_ko-1_0/metadata.json is missing",
    "metadata not json": "metadata.json is not valid JSON",
    "metadata without codes": "metadata.json needs from_code as a language code such as 'ko'; found None",
    "wrong model folder": "not a CTranslate2 model: translate-en_ko-1_0/model/model.bin is missing",
    "bpe package": "a BPE package; Briefing Studio supports SentencePiece packages only",
    "two folders": "a package holds exactly one top-level folder; found ['other', 'translate-en_ko-1_0']",
}


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_broken_or_hostile_file_is_refused_and_changes_nothing(
    kind: str, package_files: dict[tuple[str, str], Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = PackageStore()
    store.install(package_files[("ko", "en")])
    before = snapshot(store.folder)
    bad = _hostile(kind, package_files[("en", "ko")], tmp_path)
    with pytest.raises(PackageError) as caught:
        store.install(bad)
    message = str(caught.value)
    assert message.startswith(bad.name + ": ")
    assert HOSTILE[kind] in message
    assert "\n" not in message
    assert snapshot(store.folder) == before
    assert not (tmp_path.parent / "evil.txt").exists()
    # The command line says the same, in one line, with exit status 2.
    assert run(["packages", "install", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and HOSTILE[kind] in err and err.count("\n") == 1
    assert snapshot(store.folder) == before


def test_unpacked_size_cap(package_files: dict[tuple[str, str], Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packages, "MAX_UNPACKED_BYTES", 1024 * 1024)
    with pytest.raises(PackageError, match=r"unpacks to 0.0 GB \(at most 0 GB allowed\)"):
        PackageStore().install(package_files[("en", "ko")])


def test_a_packages_folder_that_confuses_argos_is_refused(
    package_files: dict[tuple[str, str], Path], tmp_path: Path
) -> None:
    store = PackageStore(tmp_path / "stanza-data" / "packages")
    with pytest.raises(PackageError) as raised:
        store.install(package_files[("en", "ko")])
    assert str(raised.value).startswith(
        f"the packages folder {store.folder} contains one of the words stanza, minisbd, spacy, which confuses"
    )


def test_an_installed_package_that_is_broken_is_replaced_by_an_install(
    package_files: dict[tuple[str, str], Path],
) -> None:
    store = PackageStore()
    broken = store.folder / "en_ko"
    broken.mkdir(parents=True)
    (broken / "metadata.json").write_text("{not json", "utf-8")  # find() refuses it: nothing to compare with
    assert store.install(package_files[("en", "ko")]).version == "1.0"
    assert [p.pair for p in store.installed()] == [("en", "ko")] and store.problems() == []


def test_broken_folders_in_the_packages_folder_are_reported_not_fatal(
    installed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (installed / "junk").mkdir()
    (installed / "half_done").mkdir()
    (installed / "half_done" / "metadata.json").write_text("{}")
    store = PackageStore()
    assert sorted(p.pair for p in store.installed()) == [("en", "ko"), ("ko", "en")]
    assert sorted(str(problem) for problem in store.problems()) == [
        "half_done: incomplete package (model/model.bin is missing)",
        "junk: not a package (no metadata.json)",
    ]
    assert run(["packages", "list"]) == 0
    out, err = capsys.readouterr()
    assert "en → ko  English → Korean  version 1.0" in out
    assert "warning: junk: not a package (no metadata.json)" in err


def test_packages_live_in_the_data_folder(installed: Path, briefing_home: Path) -> None:
    assert installed == briefing_home / "packages"
    # argostranslate's own folders, created when it is imported, are inside the data folder too.
    import argostranslate.settings as argos_settings  # noqa: F401  (already imported by the store)

    assert all(part not in str(installed).lower() for part in ("stanza", "minisbd", "spacy"))


def test_the_swap_journal_names_every_folder_of_the_swap_and_a_failed_swap_puts_the_old_package_back(
    package_files: dict[tuple[str, str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stopped between its two renames (the second one fails), an install has written the journal that recovery
    reads; then it puts the old package back itself, so this process keeps translating (recovery skips a journal
    whose process still runs)."""
    store = PackageStore()
    store.install(package_files[("en", "ko")])
    before = snapshot(store.folder / "en_ko")
    real_rename = Path.rename
    journals: list[dict[str, object]] = []

    def second_rename_fails(self: Path, target: Path) -> Path:
        if self.parent.name.startswith(".installing-"):
            journals.append(json.loads((store.folder / ".swap-en_ko.json").read_text("utf-8")))
            assert not (store.folder / "en_ko").exists()  # the old one is away, waiting to be put back
            raise OSError(5, "Input/output error")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", second_rename_fails)
    with pytest.raises(PackageError, match="could not be installed"):
        store.install(package_files[("en", "ko")])
    (entry,) = journals
    assert entry["pid"] == os.getpid() and entry["final"] == "en_ko"
    assert entry["retired"] == f".removing-en_ko-{os.getpid()}"
    assert isinstance(entry["staged"], str)
    assert entry["staged"].startswith(f".installing-{os.getpid()}-") and entry["staged"].count("/") == 1
    assert snapshot(store.folder / "en_ko") == before  # the old package is back, as it was
    assert sorted(p.name for p in store.folder.iterdir()) == ["en_ko"]  # no journal, no leftovers
    found = store.find("en", "ko")
    assert found is not None and found.pair == ("en", "ko")


def test_a_failed_swap_that_cannot_put_the_old_package_back_keeps_the_journal_for_recovery(
    package_files: dict[tuple[str, str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = PackageStore()
    store.install(package_files[("en", "ko")])
    real_rename = Path.rename

    def only_the_first_rename_works(self: Path, target: Path) -> Path:
        if self.parent.name.startswith(".installing-") or self.name.startswith(".removing-"):
            raise OSError(5, "Input/output error")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", only_the_first_rename_works)
    with pytest.raises(PackageError, match="could not be installed"):
        store.install(package_files[("en", "ko")])
    monkeypatch.setattr(Path, "rename", real_rename)
    assert (store.folder / ".swap-en_ko.json").is_file()
    assert (store.folder / f".removing-en_ko-{os.getpid()}" / "metadata.json").is_file()
    monkeypatch.setattr(packages, "_running", lambda pid: False)  # as the next start, once this process is gone
    assert store.recover() == ["put back en_ko"]
    assert sorted(p.name for p in store.folder.iterdir()) == ["en_ko"]


def test_the_first_install_makes_the_packages_folder_and_its_parents(
    package_files: dict[tuple[str, str], Path], tmp_path: Path
) -> None:
    store = PackageStore(tmp_path / "new" / "data" / "packages")
    assert store.install(package_files[("ko", "en")]).pair == ("ko", "en")
    assert [p.name for p in store.folder.iterdir()] == ["ko_en"]
