"""A pack is staged and published manifest last: a kill or a full disk at every disk step of an export leaves
either the earlier pack complete or a pack `check_pack` calls broken, never new files under an old manifest."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from briefing.cli.main import run as cli
from briefing.export import pack
from briefing.export.pack import ExportError, check_pack, make_pack
from briefing.export.templates import Layout, find_template
from briefing.model import Bilingual, Briefing
from tests.helpers import small_briefing

STEM = "meeting.press-release.draft"


class Killed(BaseException):
    """The process dies here: no `except Exception` clean-up runs, as with SIGKILL."""


def export(folder: Path, briefing: Briefing, layouts: list[Layout], *, make_zip: bool = False) -> pack.PackResult:
    template = find_template("press-release")
    return make_pack(briefing, template, folder, "meeting", layouts, draft=True, make_zip=make_zip, replace=True)


def _changed() -> Briefing:
    briefing = small_briefing()
    briefing.title = Bilingual(ko="바뀐 회의", en="Changed meeting")
    return briefing


CHANGED = _changed()  # one briefing (its ids and time), so that every export of it gives the same bytes


def changed() -> Briefing:
    return CHANGED


def snapshot(folder: Path) -> dict[str, str]:
    """Every regular file of the pack (not in a staging folder) by name, as a digest."""
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in folder.iterdir()
        if path.is_file() and path.name.startswith(STEM)
    }


def inject(monkeypatch: pytest.MonkeyPatch, stop_at: int, fault: Callable[[], BaseException]) -> list[str]:
    """Count every disk step of the export (write, rename, remove) and raise `fault` at step `stop_at`."""
    steps: list[str] = []

    def counting(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def step(*args: Any) -> Any:
            steps.append(name)
            if len(steps) == stop_at:
                raise fault()
            return real(*args)

        return step

    monkeypatch.setattr(pack, "_write_new", counting("write", pack._write_new))
    monkeypatch.setattr(pack, "_rename", counting("rename", pack._rename))
    monkeypatch.setattr(pack, "_remove", counting("remove", pack._remove))
    return steps


@pytest.fixture(scope="module")
def earlier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An earlier, complete pack: Korean and English documents and a zip."""
    folder = tmp_path_factory.mktemp("earlier")
    export(folder, small_briefing(), [Layout.KO, Layout.EN], make_zip=True)
    assert check_pack(folder / f"{STEM}.manifest.json").complete
    return folder


@pytest.fixture(scope="module")
def later(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """What the new export (Korean only, no zip, another title) makes when nothing goes wrong."""
    folder = tmp_path_factory.mktemp("later")
    export(folder, changed(), [Layout.KO])
    return snapshot(folder)


# write ko.docx, write manifest, remove the old manifest, rename ko.docx, remove the stale en.docx and zip,
# rename the manifest
STEPS = ["write", "write", "remove", "rename", "remove", "remove", "rename"]


@pytest.mark.parametrize("kind", ["kill", "disk full"])
def test_a_fault_at_every_step_leaves_the_old_pack_or_a_broken_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, earlier: Path, later: dict[str, str], kind: str
) -> None:
    old = snapshot(earlier)
    for stop_at in range(1, len(STEPS) + 2):
        folder = tmp_path / f"{kind}-{stop_at}"
        shutil.copytree(earlier, folder)
        with monkeypatch.context() as patch:
            steps = inject(
                patch, stop_at, Killed if kind == "kill" else lambda: OSError(errno.ENOSPC, "No space left on device")
            )
            if stop_at <= len(STEPS):
                with pytest.raises(Killed if kind == "kill" else ExportError):
                    export(folder, changed(), [Layout.KO])
            else:
                export(folder, changed(), [Layout.KO])
        assert steps[: len(STEPS)] == STEPS[: len(steps)]
        check = check_pack(folder / f"{STEM}.manifest.json")
        codes = {problem.code for problem in check.problems}
        now = snapshot(folder)
        if stop_at > len(STEPS):
            assert check.complete and now == later
        elif stop_at <= 3:  # nothing published yet: the earlier pack is whole
            assert now == old
            assert codes == ({"pack.leftover_staging"} if kind == "kill" else set())
        else:  # published in part: said, never a manifest over the wrong files
            assert not check.complete
            assert "pack.no_manifest" in codes
        if kind == "disk full":
            assert not list(folder.glob(".*staging*")), "a failed export cleans its staging folder"
        # the next export repairs whatever was left
        export(folder, changed(), [Layout.KO])
        assert check_pack(folder / f"{STEM}.manifest.json").complete
        assert snapshot(folder) == later
        assert not list(folder.glob(".*staging*"))


def test_stale_files_of_an_earlier_export_go_in_the_same_publish(tmp_path: Path, earlier: Path) -> None:
    shutil.copytree(earlier, tmp_path / "pack")
    folder = tmp_path / "pack"
    (folder / f"{STEM}.ko.pdf").write_bytes(b"%PDF-1.4 from an earlier export")
    export(folder, changed(), [Layout.KO])
    assert sorted(snapshot(folder)) == [f"{STEM}.ko.docx", f"{STEM}.manifest.json"]
    assert check_pack(folder / f"{STEM}.manifest.json").complete


def test_the_manifest_is_named_for_the_pack_and_packs_do_not_share_it(tmp_path: Path) -> None:
    template = find_template("press-release")
    make_pack(small_briefing(), template, tmp_path, "first", [Layout.KO], draft=True)
    make_pack(changed(), template, tmp_path, "second", [Layout.KO], draft=True)
    assert not (tmp_path / "manifest.json").exists()
    for name in ("first", "second"):
        manifest = tmp_path / f"{name}.press-release.draft.manifest.json"
        assert json.loads(manifest.read_text("utf-8"))["name"] == name
        assert check_pack(manifest).complete


def test_the_verifier_tells_a_broken_pack(tmp_path: Path, earlier: Path) -> None:
    folder = tmp_path / "pack"
    shutil.copytree(earlier, folder)
    manifest = folder / f"{STEM}.manifest.json"
    check = check_pack(manifest)
    assert check.complete and check.files == 2

    korean = folder / f"{STEM}.ko.docx"
    data = korean.read_bytes()
    korean.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))  # one bit, same size
    assert [p.code for p in check_pack(manifest).problems] == ["pack.digest_mismatch"]
    korean.write_bytes(data)

    bundle = folder / f"{STEM}.zip"
    original = bundle.read_bytes()
    with zipfile.ZipFile(bundle, "w") as rewritten:
        rewritten.writestr(korean.name, b"something else")
    assert [p.code for p in check_pack(manifest).problems] == ["pack.zip_mismatch"] * 3  # changed, missing, missing
    bundle.write_bytes(original)

    english = folder / f"{STEM}.en.docx"
    english.rename(folder / "elsewhere.docx")
    assert [p.code for p in check_pack(manifest).problems] == ["pack.missing_file"]
    (folder / "elsewhere.docx").rename(english)

    (folder / f"{STEM}.bilingual.pdf").write_bytes(b"%PDF")
    assert [p.code for p in check_pack(manifest).problems] == ["pack.stale_file"]
    (folder / f"{STEM}.bilingual.pdf").unlink()

    (folder / f".{STEM}.staging-abc123").mkdir()
    assert [p.code for p in check_pack(manifest).problems] == ["pack.leftover_staging"]
    (folder / f".{STEM}.staging-abc123").rmdir()

    english.unlink()
    english.symlink_to(folder / f"{STEM}.ko.docx")  # a link to a file of the right size is still refused
    assert [p.code for p in check_pack(manifest).problems] == ["pack.not_a_file"]


@pytest.mark.parametrize(
    "content",
    [b"", b"not json", b"[" * 100_000 + b"]" * 100_000, b'{"files": [{"file": "../../etc/passwd"}]}', b"{}"],
    ids=["empty", "garbage", "deep", "escaping", "no files"],
)
def test_a_hostile_manifest_is_called_broken(tmp_path: Path, content: bytes) -> None:
    manifest = tmp_path / "x.manifest.json"
    manifest.write_bytes(content)
    check = check_pack(manifest)
    assert not check.complete
    assert check.problems[0].code == "pack.bad_manifest"


def test_a_manifest_that_is_a_pipe_does_not_hang_the_verifier(tmp_path: Path) -> None:
    manifest = tmp_path / "x.manifest.json"
    os.mkfifo(manifest)
    assert [p.code for p in check_pack(manifest).problems] == ["pack.bad_manifest"]


def test_check_pack_command(tmp_path: Path, earlier: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "pack"
    shutil.copytree(earlier, folder)
    manifest = folder / f"{STEM}.manifest.json"
    assert cli(["check-pack", str(manifest)]) == 0
    assert f"COMPLETE {manifest} (2 files)" in capsys.readouterr().out
    with zipfile.ZipFile(folder / f"{STEM}.zip", "a") as bundle:
        bundle.writestr("extra.txt", "x")  # extra members are not the pack's business; changed ones are
    (folder / f"{STEM}.en.docx").unlink()
    assert cli(["check-pack", str(manifest), str(folder / "other.manifest.json")]) == 2
    err = capsys.readouterr().err
    assert f"BROKEN {manifest}" in err and "listed in the manifest but missing" in err
    assert "the export of this pack did not finish" in err


def test_a_file_larger_than_listed_is_a_mismatch_even_when_listed_empty(tmp_path: Path) -> None:
    manifest = tmp_path / "x.manifest.json"
    empty = hashlib.sha256(b"").hexdigest()
    entry = {"file": "x.ko.docx", "bytes": 0, "sha256": empty}
    manifest.write_text(json.dumps({"files": [entry]}), "utf-8")
    (tmp_path / "x.ko.docx").write_bytes(b"")
    assert check_pack(manifest).complete
    (tmp_path / "x.ko.docx").write_bytes(b"grown since")
    assert [p.code for p in check_pack(manifest).problems] == ["pack.digest_mismatch"]
