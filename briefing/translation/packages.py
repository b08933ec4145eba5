"""Argos Translate language packages: check, install, list and remove them, with no network.

An `.argosmodel` file is a zip of one folder holding `metadata.json`, a CTranslate2 model folder and a
SentencePiece model. Everything about a file is checked before a byte is written; the new package is
unpacked beside the installed ones and swapped in with renames, so a broken or hostile file leaves the
installed set exactly as it was. Installed packages live in `<data folder>/packages/<from>_<to>/`.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from briefing.messages import BriefingError, register
from briefing.paths import packages_folder

MAX_UNPACKED_BYTES = 4 * 1024**3  # the real ko/en packages unpack to ~200 MB
MAX_MEMBERS = 10_000
MAX_RATIO = 200  # uncompressed / compressed, per large member and for the whole archive
_RATIO_FLOOR = 1024 * 1024  # small members may compress arbitrarily well (zero-filled weights do)
_FORBIDDEN_PATH_WORDS = ("stanza", "minisbd", "spacy")  # argostranslate picks splitters by substring
_CODE = re.compile(r"^[a-z]{2,3}(?:[_-][A-Za-z]{2,4})?$")


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
        files = {info.filename.rstrip("/") for info in members}
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
            member.startswith(("/", "\\"))
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
    if total > MAX_UNPACKED_BYTES:
        size, limit = f"{total / 1024**3:.1f}", f"{MAX_UNPACKED_BYTES / 1024**3:.0f}"
        raise PackageError("packages.too_big", name=name, size=size, limit=limit)
    if total > _RATIO_FLOOR and total > MAX_RATIO * max(archive_size, 1):
        raise PackageError("packages.bomb", name=name, ratio=total // max(archive_size, 1))
    if len(tops) != 1 or "" in tops or not any(len(PurePosixPath(m.filename).parts) > 1 for m in members):
        raise PackageError("packages.top_folder", name=name, found=str(sorted(tops)))
    return tops.pop()


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
        if not isinstance(value, str) or not _CODE.match(value):
            raise PackageError("packages.bad_language_code", name=name, key=key, found=repr(value))
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
        for path in sorted(self.folder.iterdir()):
            if path.name.startswith(".") or not path.is_dir():
                continue
            try:
                yield read_installed(path), None
            except PackageError as error:
                yield None, error

    def find(self, from_code: str, to_code: str) -> InstalledPackage | None:
        path = self.folder / f"{from_code}_{to_code}"
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
        staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=self.folder))
        try:
            _extract(checked, staging)
            unpacked = staging / checked.top
            read_installed(unpacked)  # what landed on disk reads back
            final = self.folder / f"{from_code}_{to_code}"
            retired = self.folder / f".removing-{from_code}_{to_code}-{os.getpid()}"
            if final.exists():
                final.rename(retired)
            unpacked.rename(final)
        except OSError as error:
            raise PackageError(
                "packages.install_failed", name=archive.name, reason=error.strerror or str(error)
            ) from None
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(retired, ignore_errors=True)
        return read_installed(final)

    def remove(self, from_code: str, to_code: str) -> InstalledPackage:
        package = self.find(from_code, to_code)
        if package is None:
            raise PackageError("packages.not_installed", from_code=from_code, to_code=to_code)
        retired = self.folder / f".removing-{from_code}_{to_code}-{os.getpid()}"
        package.path.rename(retired)
        shutil.rmtree(retired, ignore_errors=True)
        return package


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
