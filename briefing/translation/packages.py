"""Argos Translate language packages: check, install, list and remove them, with no network.

An `.argosmodel` file is a zip of one folder holding `metadata.json`, a CTranslate2 model folder and a
SentencePiece model. Everything about a file is checked before a byte is written; the new package is
unpacked beside the installed ones into a staging folder, loaded and made to translate a sentence there, and
only then swapped in with two renames under a journal (`.swap-<from>_<to>.json`): a process killed between
them leaves the journal, and the next store opened on the folder finishes the swap (or puts the old package
back). So a broken, hostile or half-installed file leaves a working package in place. Installed packages live
in `<data folder>/packages/<from>_<to>/`.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import stat
import tempfile
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from briefing.messages import BriefingError, register
from briefing.paths import packages_folder
from briefing.storage import fsync_folder

MAX_UNPACKED_BYTES = 4 * 1024**3  # the real ko/en packages unpack to ~200 MB
MAX_MEMBERS = 10_000
MAX_RATIO = 200  # uncompressed / compressed, per large member and for the whole archive
_RATIO_FLOOR = 1024 * 1024  # small members may compress arbitrarily well (zero-filled weights do)
_FORBIDDEN_PATH_WORDS = ("stanza", "minisbd", "spacy")  # argostranslate picks splitters by substring
_CODE = re.compile(r"[a-z]{2}")  # ISO 639-1, as every Argos package names its languages: the folder is `ko_en`
SMOKE_SENTENCE = "The two sides agreed to expand cooperation."


register(
    {
        "packages.no_such_file": "{name}: no such file",
        "packages.not_zip": "{name}: not a language package: not a readable zip archive ({reason})",
        "packages.damaged": "{name}: damaged archive: {member} does not match its checksum (truncated download?)",
        "packages.empty": "{name}: the archive is empty",
        "packages.too_many_files": "{name}: {count} files in the archive (at most {limit} allowed)",
        "packages.unsafe_path": "{name}: unsafe path in the archive: {member}",
        "packages.link": "{name}: {member} is a link; packages may contain only files and folders",
        "packages.special_file": "{name}: {member} is a device or special file; packages may contain only files "
        "and folders",
        "packages.encrypted": "{name}: {member} is encrypted",
        "packages.member_bomb": "{name}: {member} expands {ratio}-fold (at most {limit}); refusing a possible zip bomb",
        "packages.too_big": "{name}: unpacks to {size} GB (at most {limit} GB allowed)",
        "packages.bomb": "{name}: expands {ratio}-fold; refusing a possible zip bomb",
        "packages.top_folder": "{name}: a package holds exactly one top-level folder; found {found}",
        "packages.no_metadata": "{name}: {top}/metadata.json is missing",
        "packages.metadata_not_json": "{name}: metadata.json is not valid JSON ({reason})",
        "packages.metadata_unreadable": "{name}: metadata.json cannot be read ({reason})",
        "packages.metadata_not_object": "{name}: metadata.json must hold an object",
        "packages.bad_language_code": "{name}: metadata.json needs {key} as a language code such as 'ko'; "
        "found {found}",
        "packages.not_translation": "{name}: a {kind} package, not a translation package",
        "packages.bad_version": "{name}: metadata.json has an unusable package_version {found}",
        "packages.bpe": "{name}: a BPE package; Briefing Studio supports SentencePiece packages only "
        "(all current Argos Korean and English packages are SentencePiece)",
        "packages.no_sentencepiece": "{name}: {top}/sentencepiece.model is missing",
        "packages.not_ctranslate2": "{name}: not a CTranslate2 model: {top}/{required} is missing",
        "packages.no_vocabulary": "{name}: not a CTranslate2 model: no vocabulary file in {top}/model/",
        "packages.forbidden_folder": "the packages folder {folder} contains one of the words {words}, which "
        "confuses Argos Translate; set BRIEFING_HOME to another folder",
        "packages.older": "{name}: version {version} is older than the installed {from_code}→{to_code} version "
        "{installed}; remove the installed one first to go back",
        "packages.install_failed": "{name}: could not be installed ({reason})",
        "packages.not_installed": "no {from_code}→{to_code} package is installed",
        "packages.overflow": "{name}: unpacks to more than it declares; refused",
        "packages.not_a_package": "{name}: not a package (no metadata.json)",
        "packages.incomplete": "{name}: incomplete package ({required} is missing)",
        "packages.bad_metadata": "{name}: unreadable metadata.json ({reason})",
        "packages.same_languages": "{name}: translates {language} into {language}; a package translates between "
        "two languages",
        "packages.duplicate_member": "{name}: {member} appears twice in the archive",
        "packages.colliding_members": "{name}: {first} and {second} would be the same file on disk",
        "packages.does_not_translate": "{name}: the package was unpacked but cannot translate ({reason}); the "
        "installed packages are unchanged",
    }
)


class PackageError(BriefingError):
    """A package file or an installed package that cannot be used, with what is wrong in one message."""


@dataclass(frozen=True)
class InstalledPackage:
    from_code: str
    to_code: str
    from_name: str
    to_name: str
    version: str
    path: Path
    size_bytes: int
    target_prefix: str = ""

    @property
    def pair(self) -> tuple[str, str]:
        return (self.from_code, self.to_code)

    @property
    def model_folder(self) -> Path:
        return self.path / "model"

    @property
    def sentencepiece_model(self) -> Path:
        return self.path / "sentencepiece.model"

    def stamp(self) -> tuple[int, int]:
        """Changes whenever the package is reinstalled (the folder is replaced by a new one)."""
        info = (self.path / "metadata.json").stat()
        return (info.st_ino, info.st_mtime_ns)


@dataclass(frozen=True)
class PackageFile:
    """What a checked `.argosmodel` file contains."""

    path: Path
    top: str  # the archive's single top-level folder
    metadata: dict[str, Any]

    @property
    def pair(self) -> tuple[str, str]:
        return (self.metadata["from_code"], self.metadata["to_code"])

    @property
    def version(self) -> str:
        return str(self.metadata.get("package_version", "0"))


def version_key(version: str) -> tuple[int, ...]:
    """'1.10' > '1.9'; anything that is not dotted numbers sorts first."""
    try:
        return tuple(int(part) for part in version.split("."))
    except ValueError:
        return (-1,)


# -- checking a file ---------------------------------------------------------------------------


def inspect(path: Path) -> PackageFile:
    """Check a package file completely without extracting it; PackageError says what is wrong."""
    name = path.name
    if not path.is_file():
        raise PackageError("packages.no_such_file", name=name)
    try:
        bundle = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise PackageError("packages.not_zip", name=name, reason=str(error)) from None
    with bundle:
        members = bundle.infolist()
        top = _check_members(name, members, path.stat().st_size)
        # Files only: a folder entry named like a required file stands for nothing (`metadata.json/` crashed the
        # metadata read with a KeyError).
        files = {info.filename for info in members if not info.is_dir()}
        metadata = _read_metadata(name, bundle, top, files)
        _check_contents(name, top, files, metadata)
        corrupt = _first_corrupt_member(bundle)
        if corrupt is not None:
            raise PackageError("packages.damaged", name=name, member=corrupt)
    return PackageFile(path, top, metadata)


def _check_members(name: str, members: list[zipfile.ZipInfo], archive_size: int) -> str:
    if not members:
        raise PackageError("packages.empty", name=name)
    if len(members) > MAX_MEMBERS:
        raise PackageError("packages.too_many_files", name=name, count=len(members), limit=MAX_MEMBERS)
    tops: set[str] = set()
    total = 0
    for info in members:
        member = info.filename
        parts = PurePosixPath(member).parts
        if (
            not member  # a name starting with a NUL byte, which zipfile cuts to nothing
            or member.startswith(("/", "\\"))
            or "\\" in member
            or re.match(r"^[A-Za-z]:", member)
            or ".." in parts
            or "\x00" in member
        ):
            raise PackageError("packages.unsafe_path", name=name, member=repr(member))
        kind_bits = stat.S_IFMT(info.external_attr >> 16)  # 0 when the archiver recorded none
        if kind_bits not in (0, stat.S_IFREG, stat.S_IFDIR):
            mode = info.external_attr >> 16
            code = "packages.link" if stat.S_ISLNK(mode) else "packages.special_file"
            raise PackageError(code, name=name, member=repr(member))
        if info.flag_bits & 0x1:
            raise PackageError("packages.encrypted", name=name, member=repr(member))
        total += info.file_size
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise PackageError("packages.member_bomb", name=name, member=repr(member), ratio=ratio, limit=MAX_RATIO)
        tops.add(parts[0] if parts else "")
    _check_names(name, members)
    if total > MAX_UNPACKED_BYTES:
        size, limit = f"{total / 1024**3:.1f}", f"{MAX_UNPACKED_BYTES / 1024**3:.0f}"
        raise PackageError("packages.too_big", name=name, size=size, limit=limit)
    if total > _RATIO_FLOOR and total > MAX_RATIO * max(archive_size, 1):
        raise PackageError("packages.bomb", name=name, ratio=total // max(archive_size, 1))
    if len(tops) != 1 or "" in tops or not any(len(PurePosixPath(m.filename).parts) > 1 for m in members):
        raise PackageError("packages.top_folder", name=name, found=str(sorted(tops)))
    return tops.pop()


def _check_names(name: str, members: list[zipfile.ZipInfo]) -> None:
    """No member twice, and no two members that one file system would take for the same file (case, Unicode
    normalisation, a file where another member needs a folder): extraction would silently keep one."""
    seen: dict[str, str] = {}
    files: set[str] = set()
    folders: set[str] = set()
    for info in members:
        member = info.filename
        key = unicodedata.normalize("NFC", member.rstrip("/")).casefold()
        if key in seen:
            if seen[key] == member:
                raise PackageError("packages.duplicate_member", name=name, member=repr(member))
            raise PackageError("packages.colliding_members", name=name, first=repr(seen[key]), second=repr(member))
        seen[key] = member
        parts = PurePosixPath(key).parts
        folders.update("/".join(parts[:n]) for n in range(1, len(parts)))
        (folders if info.is_dir() else files).add(key)
    clash = sorted(files & folders)
    if clash:
        raise PackageError("packages.colliding_members", name=name, first=repr(clash[0]), second=repr(clash[0] + "/"))


def _read_metadata(name: str, bundle: zipfile.ZipFile, top: str, files: set[str]) -> dict[str, Any]:
    if f"{top}/metadata.json" not in files:
        raise PackageError("packages.no_metadata", name=name, top=top)
    try:
        raw = bundle.read(f"{top}/metadata.json")
        metadata = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PackageError("packages.metadata_not_json", name=name, reason=str(error)) from None
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise PackageError("packages.metadata_unreadable", name=name, reason=str(error)) from None
    if not isinstance(metadata, dict):
        raise PackageError("packages.metadata_not_object", name=name)
    for key in ("from_code", "to_code"):
        value = metadata.get(key)
        if not isinstance(value, str) or not _CODE.fullmatch(value):
            raise PackageError("packages.bad_language_code", name=name, key=key, found=repr(value))
    if metadata["from_code"] == metadata["to_code"]:
        raise PackageError("packages.same_languages", name=name, language=metadata["from_code"])
    if metadata.get("type", "translate") != "translate":
        raise PackageError("packages.not_translation", name=name, kind=repr(metadata["type"]))
    version = metadata.get("package_version", "0")
    if not isinstance(version, str | int | float) or not re.fullmatch(r"[0-9A-Za-z.+_-]{1,40}", str(version)):
        raise PackageError("packages.bad_version", name=name, found=repr(version))
    return metadata


def _check_contents(name: str, top: str, files: set[str], metadata: dict[str, Any]) -> None:
    if f"{top}/sentencepiece.model" not in files:
        if f"{top}/bpe.model" in files:
            raise PackageError("packages.bpe", name=name)
        raise PackageError("packages.no_sentencepiece", name=name, top=top)
    for required in ("model/model.bin", "model/config.json"):
        if f"{top}/{required}" not in files:
            raise PackageError("packages.not_ctranslate2", name=name, top=top, required=required)
    vocabularies = [f for f in files if f.startswith(f"{top}/model/") and "vocabulary" in f]
    if not vocabularies:
        raise PackageError("packages.no_vocabulary", name=name, top=top)


def _first_corrupt_member(bundle: zipfile.ZipFile) -> str | None:
    try:
        return bundle.testzip()
    except (zipfile.BadZipFile, OSError, EOFError, zipfile.LargeZipFile) as error:
        return f"the archive ({error})"
    except Exception as error:  # zlib.error and friends from a damaged stream
        return f"the archive ({type(error).__name__}: {error})"


# -- the installed set -------------------------------------------------------------------------


class PackageStore:
    """The installed packages in one folder (the data folder's `packages/` unless told otherwise)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or packages_folder()

    def installed(self) -> list[InstalledPackage]:
        return [package for package, _ in self._scan() if package is not None]

    def problems(self) -> list[PackageError]:
        """Why folders in the packages folder are not usable packages (one coded error each)."""
        return [problem for package, problem in self._scan() if problem is not None]

    def _scan(self) -> Iterator[tuple[InstalledPackage | None, PackageError | None]]:
        if not self.folder.is_dir():
            return
        self.recover()
        for path in sorted(self.folder.iterdir()):
            if path.name.startswith(".") or not path.is_dir():
                continue
            try:
                yield read_installed(path), None
            except PackageError as error:
                yield None, error

    def find(self, from_code: str, to_code: str) -> InstalledPackage | None:
        path = self.folder / f"{from_code}_{to_code}"
        if not path.is_dir() and self._journal(from_code, to_code).exists():
            self.recover()
        if not path.is_dir():
            return None
        return read_installed(path)

    def install(self, archive: Path) -> InstalledPackage:
        """Check and install a package file; a newer version of the same pair replaces the older one."""
        checked = inspect(archive)
        from_code, to_code = checked.pair
        lowered = str(self.folder).lower()
        if any(word in lowered for word in _FORBIDDEN_PATH_WORDS):
            words = ", ".join(_FORBIDDEN_PATH_WORDS)
            raise PackageError("packages.forbidden_folder", folder=str(self.folder), words=words)
        current = None
        with contextlib.suppress(PackageError):
            current = self.find(from_code, to_code)
        if current is not None and version_key(checked.version) < version_key(current.version):
            raise PackageError(
                "packages.older",
                name=archive.name,
                version=checked.version,
                from_code=from_code,
                to_code=to_code,
                installed=current.version,
            )
        self.folder.mkdir(parents=True, exist_ok=True)
        self.recover()
        staging = Path(tempfile.mkdtemp(prefix=f".installing-{os.getpid()}-", dir=self.folder))
        final = self.folder / f"{from_code}_{to_code}"
        retired = self.folder / f".removing-{from_code}_{to_code}-{os.getpid()}"
        journal = self._journal(from_code, to_code)
        try:
            _extract(checked, staging)
            unpacked = staging / checked.top
            read_installed(unpacked)  # what landed on disk reads back
            smoke_test(unpacked, archive.name)  # and translates, before it replaces anything
            staged = str(unpacked.relative_to(self.folder))
            _write_journal(
                journal, {"pid": os.getpid(), "final": final.name, "staged": staged, "retired": retired.name}
            )
            if final.exists():
                final.rename(retired)
            unpacked.rename(final)
            journal.unlink()
            fsync_folder(self.folder)
        except OSError as error:
            _undo_swap(final, retired, journal)
            raise PackageError(
                "packages.install_failed", name=archive.name, reason=error.strerror or str(error)
            ) from None
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(retired, ignore_errors=True)
        return read_installed(final)

    def _journal(self, from_code: str, to_code: str) -> Path:
        return self.folder / f".swap-{from_code}_{to_code}.json"

    def recover(self) -> list[str]:
        """Finish what a killed install or removal left: a swap with its journal is completed (the new package
        had translated in staging) or, when the new one is gone, undone; staging and removal folders of processes
        that no longer run are deleted. Returns what was done, one line each (for the log and the tests)."""
        done: list[str] = []
        if not self.folder.is_dir():
            return done
        for journal in sorted(self.folder.glob(".swap-*.json")):
            try:
                entry = json.loads(journal.read_text("utf-8"))
                pid, final = int(entry["pid"]), self.folder / str(entry["final"])
                staged, retired = self.folder / str(entry["staged"]), self.folder / str(entry["retired"])
            except (OSError, ValueError, KeyError, TypeError):
                journal.unlink(missing_ok=True)  # written atomically: an unreadable one is not ours
                continue
            if _running(pid):
                continue  # a swap in progress in a live process
            if not final.exists() and staged.is_dir():
                staged.rename(final)
                done.append(f"finished installing {final.name}")
            elif not final.exists() and retired.is_dir():
                retired.rename(final)
                done.append(f"put back {final.name}")
            journal.unlink(missing_ok=True)
        for temporary in sorted(self.folder.glob(".swap-*.tmp")):  # a journal being written when killed
            owner = temporary.name.rsplit(".", 2)[-2]
            if not _running(int(owner) if owner.isdigit() else 0):
                temporary.unlink(missing_ok=True)
                done.append(f"deleted {temporary.name}")
        for leftover in sorted(self.folder.glob(".installing-*")) + sorted(self.folder.glob(".removing-*")):
            pid = _owner(leftover.name)
            if not _running(pid):
                if leftover.is_symlink() or not leftover.is_dir():  # a stray file or link: the link, never its target
                    with contextlib.suppress(OSError):
                        leftover.unlink()
                else:
                    shutil.rmtree(leftover, ignore_errors=True)
                done.append(f"{'could not delete' if leftover.exists() else 'deleted'} {leftover.name}")
        return done

    def remove(self, from_code: str, to_code: str) -> InstalledPackage:
        package = self.find(from_code, to_code)
        if package is None:
            raise PackageError("packages.not_installed", from_code=from_code, to_code=to_code)
        retired = self.folder / f".removing-{from_code}_{to_code}-{os.getpid()}"
        package.path.rename(retired)
        shutil.rmtree(retired, ignore_errors=True)
        return package


def _undo_swap(final: Path, retired: Path, journal: Path) -> None:
    """After a failed install: the old package back in place if the swap had moved it away (recovery would wait
    for this process to end, leaving it without a package for the rest of its session), then the journal gone.
    If the old package cannot be put back, the journal stays for the next start's recovery."""
    if retired.is_dir() and not final.exists():
        try:
            retired.rename(final)
        except OSError:
            return
    with contextlib.suppress(OSError):
        journal.unlink(missing_ok=True)


def smoke_test(folder: Path, name: str) -> None:
    """Load an unpacked package with CTranslate2 and SentencePiece and translate one sentence; PackageError when
    it cannot (a truncated or random model.bin, absurd shapes, a bad config.json or vocabulary, a garbage
    SentencePiece model all fail here, before the package replaces a working one)."""
    import ctranslate2
    import sentencepiece

    try:
        translator = ctranslate2.Translator(str(folder / "model"), device="cpu", inter_threads=1, intra_threads=1)
        tokenizer = sentencepiece.SentencePieceProcessor(model_file=str(folder / "sentencepiece.model"))
        pieces = tokenizer.encode([SMOKE_SENTENCE], out_type=str)
        if not pieces or not pieces[0]:
            raise ValueError("the SentencePiece model turns a sentence into nothing")
        result = translator.translate_batch(pieces, beam_size=1, max_decoding_length=64)
        text = tokenizer.decode(result[0].hypotheses[0])
    except Exception as error:  # the libraries raise RuntimeError, ValueError, IndexError… for broken models
        reason = f"{type(error).__name__}: {str(error)[:200]}"
        raise PackageError("packages.does_not_translate", name=name, reason=reason) from None
    if not isinstance(text, str) or not text.strip():
        raise PackageError("packages.does_not_translate", name=name, reason="it translated a sentence into nothing")


def _owner(name: str) -> int:
    """The process id in `.installing-<pid>-<random>` and `.removing-<from>_<to>-<pid>` (0: none)."""
    part = name.split("-")[1] if name.startswith(".installing-") else name.rsplit("-", 1)[-1]
    return int(part) if part.isdigit() else 0


def _running(pid: int) -> bool:
    """Whether a process with this id runs (ours counts: a swap in another thread is in progress)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _write_journal(path: Path, entry: dict[str, Any]) -> None:
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with temporary.open("w", encoding="utf-8") as stream:
        json.dump(entry, stream)
        stream.flush()
        os.fsync(stream.fileno())
    temporary.replace(path)
    fsync_folder(path.parent)


def _extract(checked: PackageFile, staging: Path) -> None:
    """Unpack member by member, never trusting the sizes the archive declares."""
    budget = MAX_UNPACKED_BYTES
    with zipfile.ZipFile(checked.path) as bundle:
        for info in bundle.infolist():
            target = staging.joinpath(*PurePosixPath(info.filename).parts)
            if not target.resolve().is_relative_to(staging.resolve()):
                raise PackageError("packages.unsafe_path", name=checked.path.name, member=repr(info.filename))
            if info.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with bundle.open(info) as source, target.open("wb") as sink:
                while chunk := source.read(1024 * 1024):
                    budget -= len(chunk)
                    if budget < 0:
                        raise PackageError("packages.overflow", name=checked.path.name)
                    sink.write(chunk)


def read_installed(path: Path) -> InstalledPackage:
    """Read an installed package folder with argostranslate's own package reader."""
    from briefing.translation.argos import argos_package_module

    if not (path / "metadata.json").is_file():
        raise PackageError("packages.not_a_package", name=path.name)
    for required in ("model/model.bin", "sentencepiece.model"):
        if not (path / required).is_file():
            raise PackageError("packages.incomplete", name=path.name, required=required)
    try:
        package = argos_package_module().Package(path)
    except (OSError, ValueError) as error:
        raise PackageError("packages.bad_metadata", name=path.name, reason=str(error)) from None
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    return InstalledPackage(
        from_code=package.from_code,
        to_code=package.to_code,
        from_name=package.from_name,
        to_name=package.to_name,
        version=str(package.package_version),
        path=path,
        size_bytes=size,
        target_prefix=package.target_prefix or "",
    )
