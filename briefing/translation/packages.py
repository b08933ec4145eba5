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

from briefing.paths import packages_folder

MAX_UNPACKED_BYTES = 4 * 1024**3  # the real ko/en packages unpack to ~200 MB
MAX_MEMBERS = 10_000
MAX_RATIO = 200  # uncompressed / compressed, per large member and for the whole archive
_RATIO_FLOOR = 1024 * 1024  # small members may compress arbitrarily well (zero-filled weights do)
_FORBIDDEN_PATH_WORDS = ("stanza", "minisbd", "spacy")  # argostranslate picks splitters by substring
_CODE = re.compile(r"^[a-z]{2,3}(?:[_-][A-Za-z]{2,4})?$")


class PackageError(Exception):
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
        raise PackageError(f"{name}: no such file")
    try:
        bundle = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise PackageError(f"{name}: not a language package: not a readable zip archive ({error})") from None
    with bundle:
        members = bundle.infolist()
        top = _check_members(name, members, path.stat().st_size)
        files = {info.filename.rstrip("/") for info in members}
        metadata = _read_metadata(name, bundle, top, files)
        _check_contents(name, top, files, metadata)
        corrupt = _first_corrupt_member(bundle)
        if corrupt is not None:
            raise PackageError(f"{name}: damaged archive: {corrupt} does not match its checksum (truncated download?)")
    return PackageFile(path, top, metadata)


def _check_members(name: str, members: list[zipfile.ZipInfo], archive_size: int) -> str:
    if not members:
        raise PackageError(f"{name}: the archive is empty")
    if len(members) > MAX_MEMBERS:
        raise PackageError(f"{name}: {len(members)} files in the archive (at most {MAX_MEMBERS} allowed)")
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
            raise PackageError(f"{name}: unsafe path in the archive: {member!r}")
        kind_bits = stat.S_IFMT(info.external_attr >> 16)  # 0 when the archiver recorded none
        if kind_bits not in (0, stat.S_IFREG, stat.S_IFDIR):
            mode = info.external_attr >> 16
            kind = "a link" if stat.S_ISLNK(mode) else "a device or special file"
            raise PackageError(f"{name}: {member!r} is {kind}; packages may contain only files and folders")
        if info.flag_bits & 0x1:
            raise PackageError(f"{name}: {member!r} is encrypted")
        total += info.file_size
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise PackageError(
                f"{name}: {member!r} expands {info.file_size // max(info.compress_size, 1)}-fold "
                f"(at most {MAX_RATIO}); refusing a possible zip bomb"
            )
        tops.add(parts[0] if parts else "")
    if total > MAX_UNPACKED_BYTES:
        raise PackageError(
            f"{name}: unpacks to {total / 1024**3:.1f} GB (at most {MAX_UNPACKED_BYTES / 1024**3:.0f} GB allowed)"
        )
    if total > _RATIO_FLOOR and total > MAX_RATIO * max(archive_size, 1):
        raise PackageError(f"{name}: expands {total // max(archive_size, 1)}-fold; refusing a possible zip bomb")
    if len(tops) != 1 or "" in tops or not any(len(PurePosixPath(m.filename).parts) > 1 for m in members):
        raise PackageError(f"{name}: a package holds exactly one top-level folder; found {sorted(tops)}")
    return tops.pop()


def _read_metadata(name: str, bundle: zipfile.ZipFile, top: str, files: set[str]) -> dict[str, Any]:
    if f"{top}/metadata.json" not in files:
        raise PackageError(f"{name}: {top}/metadata.json is missing")
    try:
        raw = bundle.read(f"{top}/metadata.json")
        metadata = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PackageError(f"{name}: metadata.json is not valid JSON ({error})") from None
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise PackageError(f"{name}: metadata.json cannot be read ({error})") from None
    if not isinstance(metadata, dict):
        raise PackageError(f"{name}: metadata.json must hold an object")
    for key in ("from_code", "to_code"):
        value = metadata.get(key)
        if not isinstance(value, str) or not _CODE.match(value):
            raise PackageError(f"{name}: metadata.json needs {key} as a language code such as 'ko'; found {value!r}")
    if metadata.get("type", "translate") != "translate":
        raise PackageError(f"{name}: a {metadata['type']!r} package, not a translation package")
    version = metadata.get("package_version", "0")
    if not isinstance(version, str | int | float) or not re.fullmatch(r"[0-9A-Za-z.+_-]{1,40}", str(version)):
        raise PackageError(f"{name}: metadata.json has an unusable package_version {version!r}")
    return metadata


def _check_contents(name: str, top: str, files: set[str], metadata: dict[str, Any]) -> None:
    if f"{top}/sentencepiece.model" not in files:
        if f"{top}/bpe.model" in files:
            raise PackageError(
                f"{name}: a BPE package; Briefing Studio supports SentencePiece packages only "
                "(all current Argos Korean and English packages are SentencePiece)"
            )
        raise PackageError(f"{name}: {top}/sentencepiece.model is missing")
    for required in ("model/model.bin", "model/config.json"):
        if f"{top}/{required}" not in files:
            raise PackageError(f"{name}: not a CTranslate2 model: {top}/{required} is missing")
    vocabularies = [f for f in files if f.startswith(f"{top}/model/") and "vocabulary" in f]
    if not vocabularies:
        raise PackageError(f"{name}: not a CTranslate2 model: no vocabulary file in {top}/model/")


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

    def problems(self) -> list[str]:
        """Folders in the packages folder that are not usable packages."""
        return [problem for package, problem in self._scan() if package is None]

    def _scan(self) -> Iterator[tuple[InstalledPackage | None, str]]:
        if not self.folder.is_dir():
            return
        for path in sorted(self.folder.iterdir()):
            if path.name.startswith(".") or not path.is_dir():
                continue
            try:
                yield read_installed(path), ""
            except PackageError as error:
                yield None, str(error)

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
            raise PackageError(
                f"the packages folder {self.folder} contains one of the words {', '.join(_FORBIDDEN_PATH_WORDS)}, "
                "which confuses Argos Translate; set BRIEFING_HOME to another folder"
            )
        current = None
        with contextlib.suppress(PackageError):
            current = self.find(from_code, to_code)
        if current is not None and version_key(checked.version) < version_key(current.version):
            raise PackageError(
                f"{archive.name}: version {checked.version} is older than the installed {from_code}→{to_code} "
                f"version {current.version}; remove the installed one first to go back"
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
            raise PackageError(f"{archive.name}: could not be installed ({error.strerror or error})") from None
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(retired, ignore_errors=True)
        return read_installed(final)

    def remove(self, from_code: str, to_code: str) -> InstalledPackage:
        package = self.find(from_code, to_code)
        if package is None:
            raise PackageError(f"no {from_code}→{to_code} package is installed")
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
                raise PackageError(f"{checked.path.name}: unsafe path in the archive: {info.filename!r}")
            if info.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with bundle.open(info) as source, target.open("wb") as sink:
                while chunk := source.read(1024 * 1024):
                    budget -= len(chunk)
                    if budget < 0:
                        raise PackageError(f"{checked.path.name}: unpacks to more than it declares; refused")
                    sink.write(chunk)


def read_installed(path: Path) -> InstalledPackage:
    """Read an installed package folder with argostranslate's own package reader."""
    from briefing.translation.argos import argos_package_module

    if not (path / "metadata.json").is_file():
        raise PackageError(f"{path.name}: not a package (no metadata.json)")
    for required in ("model/model.bin", "sentencepiece.model"):
        if not (path / required).is_file():
            raise PackageError(f"{path.name}: incomplete package ({required} is missing)")
    try:
        package = argos_package_module().Package(path)
    except (OSError, ValueError) as error:
        raise PackageError(f"{path.name}: unreadable metadata.json ({error})") from None
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
