"""Hostile and broken language packages (issue 17 point 2): a newer package that cannot translate never
replaces a working one; a swap killed between its renames is finished on the next start; codes, duplicate
and colliding archive members are refused."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.translation.engine import Engine
from briefing.translation.packages import PackageError, PackageStore, smoke_test
from tests.conftest import ROOT

Change = Callable[[str, bytes], bytes | None]


def variant(source: Path, target: Path, change: Change, version: str = "9.9.9") -> Path:
    """The archive with `version` and each member passed through `change` (None drops it)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename.endswith("/metadata.json"):
                metadata = json.loads(data)
                metadata["package_version"] = version
                data = json.dumps(metadata).encode()
            changed = change(info.filename, data)
            if changed is not None:
                new.writestr(info.filename, changed)
    return target


def replace(suffix: str, data: bytes | Callable[[bytes], bytes]) -> Change:
    def change(name: str, old: bytes) -> bytes:
        if not name.endswith(suffix):
            return old
        return data(old) if callable(data) else data

    return change


def config(change: Callable[[dict[str, object]], object]) -> Change:
    def edit(old: bytes) -> bytes:
        data = json.loads(old)
        change(data)
        return json.dumps(data).encode()

    return replace("/model/config.json", edit)


BROKEN: dict[str, Change] = {
    "random model.bin": replace("/model/model.bin", os.urandom(300_000)),
    "truncated model.bin": replace("/model/model.bin", lambda old: old[: len(old) // 3]),
    "empty model.bin": replace("/model/model.bin", b""),
    "binary version 99": replace("/model/model.bin", lambda old: (99).to_bytes(4, "little") + old[4:]),
    "bad config.json": replace("/model/config.json", b"{not json"),
    "config with absurd ids": config(lambda data: data.update(decoder_start_token="\x00nonexistent", unk_token=7)),
    "garbage vocabulary": replace("vocabulary.json", b"\xff\xfe garbage"),
    "empty vocabulary": replace("vocabulary.json", b"[]"),
    "garbage sentencepiece": replace("/sentencepiece.model", os.urandom(5000)),
    "empty sentencepiece": replace("/sentencepiece.model", b""),
}


def translates(store: PackageStore) -> str:
    return Engine(store).translate("en", "ko", ["The two sides agreed."])[0]


@pytest.fixture
def store_with_old(package_files: dict[tuple[str, str], Path]) -> PackageStore:
    store = PackageStore()
    store.install(package_files[("en", "ko")])
    return store


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_a_newer_broken_package_never_replaces_the_working_one(
    kind: str, store_with_old: PackageStore, package_files: dict[tuple[str, str], Path], tmp_path: Path
) -> None:
    broken = variant(package_files[("en", "ko")], tmp_path / "translate-en_ko-9_9_9.argosmodel", BROKEN[kind])
    with pytest.raises(PackageError) as raised:
        store_with_old.install(broken)
    assert raised.value.code.startswith("packages."), raised.value
    assert [(p.pair, p.version) for p in store_with_old.installed()] == [(("en", "ko"), "1.0")]
    assert translates(store_with_old) == "The two sides agreed."
    assert sorted(p.name for p in store_with_old.folder.iterdir()) == ["en_ko"]  # nothing left in staging


def test_a_package_that_cannot_translate_says_so(
    store_with_old: PackageStore, package_files: dict[tuple[str, str], Path], tmp_path: Path
) -> None:
    broken = variant(package_files[("en", "ko")], tmp_path / "t.argosmodel", BROKEN["random model.bin"])
    with pytest.raises(PackageError, match=r"t.argosmodel: the package was unpacked but cannot translate \(") as raised:
        store_with_old.install(broken)
    assert raised.value.code == "packages.does_not_translate"


@pytest.mark.parametrize(
    ("from_code", "to_code", "message"),
    [
        ("eng", "ko", "from_code as a language code"),
        ("EN", "ko", "from_code as a language code"),
        ("e", "ko", "from_code as a language code"),
        ("en", "ko\n", "to_code as a language code"),
        ("en", "k_o", "to_code as a language code"),
        ("ko", "ko", "translates ko into ko"),
    ],
)
def test_codes_must_be_two_letters_and_differ(
    from_code: str, to_code: str, message: str, package_files: dict[tuple[str, str], Path], tmp_path: Path
) -> None:
    def codes(name: str, data: bytes) -> bytes:
        if name.endswith("/metadata.json"):
            metadata = json.loads(data)
            metadata |= {"from_code": from_code, "to_code": to_code}
            return json.dumps(metadata).encode()
        return data

    archive = variant(package_files[("en", "ko")], tmp_path / "codes.argosmodel", codes)
    with pytest.raises(PackageError, match=message):
        PackageStore().install(archive)
    assert PackageStore().installed() == []


def _with_extra(source: Path, target: Path, extra: list[tuple[str, bytes]]) -> Path:
    variant(source, target, lambda _name, data: data, version="1.0")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of a duplicate name: that is the attack
        with zipfile.ZipFile(target, "a") as bundle:
            for name, data in extra:
                bundle.writestr(name, data)
    return target


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ([("{top}/README.md", b"second")], "'{top}/README.md' appears twice in the archive"),
        ([("{top}/readme.md", b"x")], "'{top}/README.md' and '{top}/readme.md' would be the same file on disk"),
        ([("{top}/README.md/x", b"x")], "would be the same file on disk"),
        ([("{top}/Cafe\u0301", b"x"), ("{top}/Caf\u00e9", b"y")], "would be the same file on disk"),
    ],
)
def test_duplicate_and_colliding_members_are_refused(
    extra: list[tuple[str, bytes]], message: str, package_files: dict[tuple[str, str], Path], tmp_path: Path
) -> None:
    source = package_files[("en", "ko")]
    top = source.name.removesuffix(".argosmodel")
    archive = _with_extra(source, tmp_path / "dup.argosmodel", [(n.format(top=top), d) for n, d in extra])
    with pytest.raises(PackageError, match=message.format(top=top).replace("(", r"\(").replace(")", r"\)")):
        PackageStore().install(archive)
    assert PackageStore().installed() == []


# -- a swap killed at each step ------------------------------------------------------------------

CHILD = textwrap.dedent(
    """
    import os, pathlib, sys, time
    sys.path.insert(0, {root!r})
    from briefing.translation.packages import PackageStore

    archive, stop_at = pathlib.Path(sys.argv[1]), int(sys.argv[2])
    steps = 0

    def pausing(name, real):
        def step(*args, **kwargs):
            global steps
            steps += 1
            if steps == stop_at:
                print("paused before", name, flush=True)
                time.sleep(3600)
            return real(*args, **kwargs)
        return step

    store = PackageStore()
    print("ready", flush=True)
    pathlib.Path.replace = pausing("replace", pathlib.Path.replace)
    pathlib.Path.rename = pausing("rename", pathlib.Path.rename)
    pathlib.Path.unlink = pausing("unlink", pathlib.Path.unlink)
    store.install(archive)
    print("paused before", "nothing: installed", flush=True)
    time.sleep(3600)
    """
)
# Installing over an installed package: the journal written (replace), the old folder retired (rename), the
# new one put in place (rename), the journal removed (unlink); then done.
SWAP_STEPS = 5


@pytest.mark.slow
def test_a_swap_killed_at_each_step_is_recovered_on_the_next_start(
    package_files: dict[tuple[str, str], Path], tmp_path: Path
) -> None:
    newer = variant(package_files[("en", "ko")], tmp_path / "translate-en_ko-2_0.argosmodel", lambda _n, d: d, "2.0")
    script = tmp_path / "child.py"
    script.write_text(CHILD.format(root=str(ROOT)), "utf-8")
    paused: list[str] = []
    versions: list[str] = []
    for stop_at in range(1, SWAP_STEPS + 1):
        store = PackageStore()
        shutil.rmtree(store.folder, ignore_errors=True)
        store.install(package_files[("en", "ko")])
        child = subprocess.Popen(
            [sys.executable, str(script), str(newer), str(stop_at)],
            stdout=subprocess.PIPE,
            text=True,
            env=dict(os.environ),
        )
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        paused.append(child.stdout.readline().strip())
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        restarted = PackageStore()  # the next start
        installed = restarted.installed()
        assert [p.pair for p in installed] == [("en", "ko")], (
            stop_at,
            sorted(p.name for p in restarted.folder.iterdir()),
        )
        versions.append(installed[0].version)
        assert translates(restarted) == "The two sides agreed."
        assert sorted(p.name for p in restarted.folder.iterdir()) == ["en_ko"], paused[-1]
    assert paused == [
        "paused before replace",
        "paused before rename",
        "paused before rename",
        "paused before unlink",
        "paused before nothing: installed",
    ]
    assert versions == ["1.0", "1.0", "2.0", "2.0", "2.0"]  # rolled forward once the new one was placed


def test_leftovers_of_a_dead_process_are_cleared_and_a_live_ones_kept(store_with_old: PackageStore) -> None:
    folder = store_with_old.folder
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(dead.stdout)
    for name in (f".installing-{dead_pid}-abc", f".removing-en_ko-{dead_pid}", f".installing-{os.getpid()}-live"):
        (folder / name / "model").mkdir(parents=True)
    done = PackageStore().recover()
    assert sorted(done) == [f"deleted .installing-{dead_pid}-abc", f"deleted .removing-en_ko-{dead_pid}"]
    assert sorted(p.name for p in folder.iterdir()) == [f".installing-{os.getpid()}-live", "en_ko"]


def test_remove_leaves_nothing_behind(store_with_old: PackageStore) -> None:
    store_with_old.remove("en", "ko")
    assert list(store_with_old.folder.iterdir()) == []


# -- the checks mutation testing found untested (issue 17 point 13) --------------------------------


def _rewritten(
    source: Path, target: Path, edit: Callable[[str, bytes], list[tuple[zipfile.ZipInfo | str, bytes]]]
) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as new:
        for info in old.infolist():
            for name, data in edit(info.filename, old.read(info)):
                new.writestr(name, data)
    return target


def _metadata(change: dict[str, object]) -> Callable[[str, bytes], list[tuple[zipfile.ZipInfo | str, bytes]]]:
    def edit(name: str, data: bytes) -> list[tuple[zipfile.ZipInfo | str, bytes]]:
        if name.endswith("/metadata.json"):
            return [(name, json.dumps(json.loads(data) | change).encode())]
        return [(name, data)]

    return edit


def _extra(
    extra_name: str, info_change: Callable[[zipfile.ZipInfo], None] | None = None
) -> Callable[[str, bytes], list[tuple[zipfile.ZipInfo | str, bytes]]]:
    def edit(name: str, data: bytes) -> list[tuple[zipfile.ZipInfo | str, bytes]]:
        if not name.endswith("README.md"):
            return [(name, data)]
        info = zipfile.ZipInfo(name.replace("README.md", extra_name))
        if info_change is not None:
            info_change(info)
        return [(name, data), (info, b"x")]

    return edit


def _drop_vocabulary(name: str, data: bytes) -> list[tuple[zipfile.ZipInfo | str, bytes]]:
    return [] if "vocabulary" in name else [(name, data)]


def _mark_encrypted(archive: Path, member: str) -> None:
    """Set the "encrypted" flag of a member in the central directory (zipfile cannot write it)."""
    data = bytearray(archive.read_bytes())
    start = 0
    while (start := data.find(b"PK\x01\x02", start)) >= 0:
        length = int.from_bytes(data[start + 28 : start + 30], "little")
        if data[start + 46 : start + 46 + length].decode() == member:
            data[start + 8] |= 0x1
        start += 4
    archive.write_bytes(bytes(data))


SURVIVORS: dict[str, tuple[Callable[[str, bytes], list[tuple[zipfile.ZipInfo | str, bytes]]], str]] = {
    "backslash path": (
        _extra("..\\..\\evil.txt"),
        "unsafe path in the archive: 'translate-en_ko-1_0/..\\\\..\\\\evil.txt'",
    ),
    "drive path": (
        lambda name, data: [(name, data), ("C:evil.txt", b"x")] if name.endswith("README.md") else [(name, data)],
        "unsafe path in the archive: 'C:evil.txt'",
    ),
    "not a translation package": (_metadata({"type": "sbd"}), "a 'sbd' package, not a translation package"),
    "bad package_version": (
        _metadata({"package_version": "1.0; rm -rf /"}),
        "an unusable package_version '1.0; rm -rf /'",
    ),
    "version as a list": (_metadata({"package_version": [1, 0]}), "an unusable package_version [1, 0]"),
    "no vocabulary": (_drop_vocabulary, "not a CTranslate2 model: no vocabulary file in translate-en_ko-1_0/model/"),
    "encrypted member": (_extra("secret.bin"), "'translate-en_ko-1_0/secret.bin' is encrypted"),
}


@pytest.mark.parametrize("kind", sorted(SURVIVORS))
def test_each_package_check_refuses_its_case(
    kind: str, package_files: dict[tuple[str, str], Path], tmp_path: Path
) -> None:
    edit, message = SURVIVORS[kind]
    archive = _rewritten(package_files[("en", "ko")], tmp_path / "p.argosmodel", edit)
    if kind == "encrypted member":
        _mark_encrypted(archive, "translate-en_ko-1_0/secret.bin")
    with pytest.raises(PackageError) as raised:
        PackageStore().install(archive)
    assert message in str(raised.value), str(raised.value)
    assert PackageStore().installed() == []


def test_the_member_count_cap(
    package_files: dict[tuple[str, str], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.translation import packages

    with zipfile.ZipFile(package_files[("en", "ko")]) as bundle:
        count = len(bundle.infolist())
    monkeypatch.setattr(packages, "MAX_MEMBERS", count - 1)
    with pytest.raises(PackageError, match=rf"{count} files in the archive \(at most {count - 1} allowed\)"):
        PackageStore().install(package_files[("en", "ko")])
    monkeypatch.setattr(packages, "MAX_MEMBERS", count)
    assert PackageStore().install(package_files[("en", "ko")]).version == "1.0"


def test_the_whole_archive_ratio_cap(tmp_path: Path) -> None:
    """Many members each under the per-member floor, together expanding a thousand-fold."""
    archive = tmp_path / "many.argosmodel"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("top/metadata.json", json.dumps({"from_code": "en", "to_code": "ko"}))
        for number in range(24):
            bundle.writestr(f"top/padding/{number}.bin", bytes(512 * 1024))
    with pytest.raises(PackageError, match=r"many.argosmodel: expands \d+-fold; refusing a possible zip bomb"):
        PackageStore().install(archive)


def test_the_smoke_test_says_what_the_library_said_cut_to_200_characters(
    package_files: dict[tuple[str, str], Path], tmp_path: Path
) -> None:
    with zipfile.ZipFile(package_files[("en", "ko")]) as bundle:
        top = bundle.namelist()[0].split("/")[0]
        bundle.extractall(tmp_path)
    folder = tmp_path / top
    smoke_test(folder, "good")  # the genuine one translates
    weights = folder / "model" / "model.bin"
    weights.write_bytes((99).to_bytes(4, "little") + weights.read_bytes()[4:])
    with pytest.raises(PackageError) as raised:
        smoke_test(folder, "t.argosmodel")
    prefix = "t.argosmodel: the package was unpacked but cannot translate (RuntimeError: "
    suffix = "); the installed packages are unchanged"
    message = str(raised.value)
    assert message.startswith(prefix + "Unsupported model binary version.") and message.endswith(suffix)
    said = message.removeprefix(prefix).removesuffix(suffix)
    assert len(said) == 200 and "binary version v99" in said  # the library's longer message, cut
