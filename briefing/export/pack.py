"""The matched briefing pack: Korean, English and bilingual documents, a manifest, optionally PDFs and a zip.

Before anything is written, the Korean and English documents are read back and compared: the same
sections and items in the same order with the same numbering, or the export fails and says where.

The pack is written into a private staging folder beside the outputs (`.<stem>.staging-<random>`), then
published: the earlier manifest of the same pack is removed first, the new files are renamed into place,
files of the earlier export the new one does not make (its PDFs, its zip) are removed, and the manifest
`<stem>.manifest.json` is renamed in last. A kill or a full disk at any moment therefore leaves either the
earlier pack complete, or files without a manifest and a leftover staging folder, which `check_pack` reports as
broken: a manifest is only ever there with the very files it lists. Nothing is written through a link: an output
path that is a link is refused, and renames replace whatever appears there, never follow it.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import json
import os
import re
import shutil
import stat
import subprocess
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from xml.etree import ElementTree
from xml.sax.saxutils import escape

import docx

from briefing import __version__
from briefing.export import docx_safety, office_pdf
from briefing.export import findings as qa_export
from briefing.export.content import bookmark_structure
from briefing.export.docx_support import bookmark_names, zip_time
from briefing.export.hwpx_render import render_hwpx
from briefing.export.hwpx_render import structure as hwpx_structure
from briefing.export.render import render
from briefing.export.templates import Layout, Template
from briefing.language.phrases import catalog
from briefing.messages import BriefingError, Message, register
from briefing.model import Briefing, Language, TargetStatus
from briefing.outline import STATUS_LABELS
from briefing.qa import Finding, review
from briefing.qa import run as run_qa
from briefing.safeguards import approvers
from briefing.storage import BriefingFileError, fsync_folder, read_regular

PDF_TIMEOUT_SECONDS = 180
Progress = Callable[[int, int, str], None]  # (step, steps, what)


register(
    {
        "export.not_approved": "{count} item(s) are not approved: {items}. Approve them, or export a draft "
        "(every page is then marked {marking}).",
        "export.pending_item": "{number} ({status})",
        "export.flagged_item": "{number} (flagged for review)",
        "export.pending_title": "title “{text}” ({status})",
        "export.more_items": "and {count} more",
        "export.no_libreoffice": "PDF needs LibreOffice, which is not installed. Install it with: "
        "apt-get install libreoffice-writer-nogui",
        "export.mismatch": "the Korean and English documents do not match:\n{mismatches}",
        "export.cannot_create_folder": "{folder}: cannot create the folder ({reason})",
        "export.cannot_write": "{path}: cannot be written ({reason})",
        "export.pdf_timeout": "{name}: LibreOffice did not finish the PDF within {seconds} s",
        "export.no_pdf": "{name}: LibreOffice produced no PDF",
        "export.would_replace": "{folder} already holds {files} from an earlier export; nothing was replaced",
        "export.output_is_link": "{path}: is a link; an export never writes through a link (remove it, or export "
        "into another folder)",
        "export.publish_failed": "{folder}: the pack could not be put in place ({reason}); its earlier files may be "
        "gone. Export again",
        "pack.no_manifest": "{manifest}: missing: the export of this pack did not finish",
        "pack.bad_manifest": "{manifest}: not a pack manifest ({reason})",
        "pack.missing_file": "{file}: listed in the manifest but missing",
        "pack.not_a_file": "{file}: a link or not a regular file",
        "pack.digest_mismatch": "{file}: its contents are not what the manifest lists (SHA-256 differs)",
        "pack.leftover_staging": "{folder}: an export of this pack was interrupted (its staging folder is still there)",
        "pack.stale_file": "{file}: not listed in the manifest (left by an earlier export)",
        "pack.zip_mismatch": "{file}: its copy of {member} differs from the pack's file",
        "export.hwpx_mismatch": "the Korean and English HWPX documents do not match:\n{mismatches}",
        "export.formats_differ": "the {layout} HWPX document does not carry the sections and items of the DOCX:\n"
        "{mismatches}",
        "export.bad_formats": "formats are docx and hwpx, comma-separated; not {found}",
    }
)


FORMATS = ("docx", "hwpx")  # the document formats of a pack, in the order their files are written


def parse_formats(text: str) -> tuple[str, ...]:
    """`docx,hwpx` → ("docx", "hwpx"): the formats named, in pack order; DOCX is always made (the verifier, PDFs
    and the QA appendix read it), so naming only hwpx still writes both."""
    named = {part.strip().lower() for part in text.split(",") if part.strip()}
    if not named or named - set(FORMATS):
        raise ExportError("export.bad_formats", found=repr(text))
    return tuple(kind for kind in FORMATS if kind in named)


class ExportError(BriefingError):
    """The pack cannot be made, and why; nothing was written."""


@dataclass
class Mismatch:
    position: int
    korean: str
    english: str

    def __str__(self) -> str:
        return f"position {self.position}: Korean has {self.korean}, English has {self.english}"


@dataclass
class PackResult:
    folder: Path
    files: list[Path] = field(default_factory=list)
    manifest: dict[str, Any] = field(default_factory=dict)
    zip_path: Path | None = None


# -- the verifier --------------------------------------------------------------------------------


def structure(data: bytes) -> list[tuple[str, str]]:
    """The sections and items of a rendered document, in order: (number, id digest), from its bookmarks."""
    return bookmark_structure(bookmark_names(docx.Document(io.BytesIO(data))))


def verify(korean: bytes, english: bytes) -> list[Mismatch]:
    """Every place where the two documents differ in sections, items, order or numbering."""
    return compare_structures(structure(korean), structure(english))


def verify_hwpx(korean: bytes, english: bytes) -> list[Mismatch]:
    """`verify` for the HWPX documents."""
    return compare_structures(hwpx_structure(korean), hwpx_structure(english))


def compare_structures(left: list[tuple[str, str]], right: list[tuple[str, str]]) -> list[Mismatch]:
    mismatches = []
    for position in range(max(len(left), len(right))):
        a = left[position] if position < len(left) else None
        b = right[position] if position < len(right) else None
        if a != b:
            mismatches.append(Mismatch(position + 1, _describe(a), _describe(b)))
    return mismatches


def _describe(entry: tuple[str, str] | None) -> str:
    if entry is None:
        return "nothing"
    number, digest = entry
    return f"section {number}" if digest == "section" else f"item {number} ({digest})"


# -- the pack --------------------------------------------------------------------------------------


assert STATUS_LABELS  # importing the outline registers the English words of the statuses the messages name


def unapproved(briefing: Briefing) -> list[Message]:
    """Each item not yet approved or flagged by a reviewer, as its number with its status ("2.2 (needs review)"),
    after each title whose translation is missing or unreviewed (`Briefing.pending_titles`): its text and status."""
    out = []
    for title in briefing.pending_titles():
        text = title.text.ko.strip() or title.text.en.strip()
        out.append(Message("export.pending_title", {"text": text[:40], "status": title.state.status.value}))
    for s, section in enumerate(briefing.sections, start=1):
        for i, item in enumerate(section.items, start=1):
            if item.flag is not None:
                out.append(Message("export.flagged_item", {"number": f"{s}.{i}"}))
            elif item.status is not TargetStatus.APPROVED:
                out.append(Message("export.pending_item", {"number": f"{s}.{i}", "status": item.status.value}))
    return out


def pack_stem(name: str, template: Template, draft: bool) -> str:
    """The start of every file name of a pack: `<name>.<template>[.draft]`, so that packs of different templates
    and drafts live side by side in one folder."""
    return ".".join([name, template.key, *(["draft"] if draft else [])])


def pack_files(
    folder: Path,
    name: str,
    template: Template,
    layouts: Sequence[Layout],
    *,
    draft: bool = False,
    pdf: bool = False,
    make_zip: bool = False,
    formats: Sequence[str] = ("docx",),
) -> list[Path]:
    """Every file a pack with these choices writes: `<stem>.<layout>.docx` (and `.hwpx`, `.pdf`),
    `<stem>.manifest.json` and `<stem>.zip`."""
    stem = pack_stem(name, template, draft)
    files = [folder / f"{stem}.{layout.value}.{kind}" for kind in FORMATS if kind in formats for layout in layouts]
    if pdf:
        files += [folder / f"{stem}.{layout.value}.pdf" for layout in layouts]
    files.append(folder / f"{stem}.manifest.json")
    if make_zip:
        files.append(folder / f"{stem}.zip")
    return files


def existing_files(files: Sequence[Path]) -> list[Path]:
    """Those of `files` that are already there (what an export would replace)."""
    return [path for path in files if path.exists()]


def make_pack(
    briefing: Briefing,
    template: Template,
    folder: Path,
    name: str,
    layouts: list[Layout],
    *,
    draft: bool = False,
    pdf: bool = False,
    make_zip: bool = False,
    progress: Progress | None = None,
    findings: Sequence[Finding] | None = None,
    append_findings: bool = False,
    word: qa_export.Word = qa_export.english,
    replace: bool = False,
    formats: Sequence[str] = ("docx",),
) -> PackResult:
    """Render, verify and write the pack. A final export (`draft` False) refuses unapproved items and QA errors
    that no reviewer waived. `findings` are the QA findings of the briefing, run by the caller with its
    termbases; None runs every check without a termbase or memory. The manifest records the QA summary and every
    waiver; a draft with `append_findings` lists the open findings at the end of each document, worded by
    `word` (English by default; the window words them in its catalogue). Files of an earlier pack with the same
    name, template and draft state are replaced only with `replace`; otherwise the export stops before
    rendering and names them. `formats` ("docx", "hwpx") adds the HWPX documents: each is checked against its DOCX
    and the Korean against the English, as the DOCX are, and listed in the manifest with its digest."""
    hwpx = "hwpx" in formats
    if hwpx:
        for layout in layouts:
            template.hwpx_document(layout)  # every layout has its .hwpx, before anything is rendered
    planned = pack_files(
        folder, name, template, layouts, draft=draft, pdf=pdf, make_zip=make_zip, formats=("docx", *formats)
    )
    stem = pack_stem(name, template, draft)
    _refuse_links(_every_pack_file(folder, stem))
    if not replace:
        there = existing_files(planned)
        if there:
            raise ExportError("export.would_replace", folder=str(folder), files=", ".join(path.name for path in there))
    if not draft:
        pending = unapproved(briefing)
        if pending:
            shown = pending[:8] + (
                [Message("export.more_items", {"count": len(pending) - 8})] if len(pending) > 8 else []
            )
            marking = f"{catalog(Language.EN).draft} / {catalog(Language.KO).draft}"
            raise ExportError("export.not_approved", count=len(pending), items=shown, marking=marking)
    checked = review(briefing, run_qa(briefing) if findings is None else findings)
    if not draft:
        errors = qa_export.blocking(briefing, checked)
        if errors:
            raise ExportError("export.qa_errors", count=len(errors), items=qa_export.shown(errors))
    if pdf and libreoffice() is None:
        raise ExportError("export.no_libreoffice")
    steps = len(layouts) * (1 + pdf + hwpx) + 1
    step = 0

    def report(what: str) -> None:
        nonlocal step
        step += 1
        if progress is not None:
            progress(step, steps, what)

    rendered: dict[Layout, bytes] = {}
    appendix = qa_export.rows(briefing, checked.open) if draft and append_findings else []
    for layout in layouts:
        rendered[layout] = qa_export.append_findings(
            render(briefing, template, layout, draft=draft), appendix, layout, word
        )
        report(f"{stem}.{layout.value}.docx")
    korean = rendered.get(Layout.KO) or render(briefing, template, Layout.KO, draft=draft)
    english = rendered.get(Layout.EN) or render(briefing, template, Layout.EN, draft=draft)
    mismatches = verify(korean, english)
    if mismatches:
        raise ExportError("export.mismatch", mismatches="\n".join(f"  {m}" for m in mismatches))
    rendered_hwpx: dict[Layout, bytes] = {}
    if hwpx:
        for layout in layouts:
            rendered_hwpx[layout] = render_hwpx(briefing, template, layout, draft=draft)
            differ = compare_structures(structure(rendered[layout]), hwpx_structure(rendered_hwpx[layout]))
            if differ:
                listed = "\n".join(f"  {m}" for m in differ)
                raise ExportError("export.formats_differ", layout=layout.value, mismatches=listed)
            report(f"{stem}.{layout.value}.hwpx")
        korean_hwpx = rendered_hwpx.get(Layout.KO) or render_hwpx(briefing, template, Layout.KO, draft=draft)
        english_hwpx = rendered_hwpx.get(Layout.EN) or render_hwpx(briefing, template, Layout.EN, draft=draft)
        mismatches = verify_hwpx(korean_hwpx, english_hwpx)
        if mismatches:
            raise ExportError("export.hwpx_mismatch", mismatches="\n".join(f"  {m}" for m in mismatches))

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(
            "export.cannot_create_folder", folder=str(folder), reason=error.strerror or str(error)
        ) from None
    result = PackResult(folder)
    _remove_leftover_staging(folder, stem)
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{stem}.staging-", dir=folder))
    except OSError as error:
        raise ExportError("export.cannot_write", path=str(folder), reason=error.strerror or str(error)) from None
    try:
        staged = _stage(
            briefing, template, name, draft, rendered, rendered_hwpx, checked, staging, pdf, make_zip, report, result
        )
        _publish(folder, staging, stem, staged)
    except OSError as error:  # a full disk while staging: the earlier pack is untouched
        shutil.rmtree(staging, ignore_errors=True)
        raise ExportError("export.cannot_write", path=str(staging), reason=error.strerror or str(error)) from None
    except Exception:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    result.files = [folder / path.name for path in result.files]
    result.zip_path = folder / result.zip_path.name if result.zip_path is not None else None
    report(f"{stem}.manifest.json")
    return result


def _stage(
    briefing: Briefing,
    template: Template,
    name: str,
    draft: bool,
    rendered: dict[Layout, bytes],
    rendered_hwpx: dict[Layout, bytes],
    checked: Any,
    staging: Path,
    pdf: bool,
    make_zip: bool,
    report: Callable[[str], None],
    result: PackResult,
) -> list[str]:
    """Every file of the pack written into `staging`; their names in publishing order, the manifest last."""
    stem = pack_stem(name, template, draft)
    entries = []
    for layout, data in rendered.items():
        path = staging / f"{stem}.{layout.value}.docx"
        _write_new(path, data)
        result.files.append(path)
        entries.append(_entry(path, data, layout.value, "docx"))
    for layout, data in rendered_hwpx.items():
        path = staging / f"{stem}.{layout.value}.hwpx"
        _write_new(path, data)
        result.files.append(path)
        entries.append(_entry(path, data, layout.value, "hwpx"))
    if pdf:
        for layout in rendered:
            source = staging / f"{stem}.{layout.value}.docx"
            converted = convert_to_pdf(source, staging)
            data = reproducible_pdf(converted.read_bytes(), briefing.modified)
            _remove(converted)
            _write_new(converted, data)
            result.files.append(converted)
            entries.append(_entry(converted, data, layout.value, "pdf"))
            report(converted.name)
    stats = briefing.statistics()
    result.manifest = {
        "generator": f"Briefing Studio {__version__}",
        "template": template.key,
        "name": name,
        "draft": draft,
        "files": entries,
        "items": {
            "total": stats.items,
            "sections": stats.sections,
            "ko": stats.filled[Language.KO],
            "en": stats.filled[Language.EN],
        },
        "approval": {status.value: count for status, count in stats.per_status.items()},
        "approvals": {"by": approvers(briefing)},  # who approved how many items ("" when not recorded)
        "verified": "Korean and English documents carry the same sections and items in the same order"
        + (" (DOCX and HWPX alike, and each HWPX those of its DOCX)" if rendered_hwpx else ""),
        "qa": qa_export.manifest(briefing, checked),
    }
    manifest_path = staging / f"{stem}.manifest.json"
    _write_new(manifest_path, (json.dumps(result.manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    result.files.append(manifest_path)
    names = [path.name for path in result.files if path != manifest_path]
    if make_zip:
        result.zip_path = staging / f"{stem}.zip"
        _write_new(result.zip_path, _zip(result.files, zip_time(briefing.modified)))
        names.append(result.zip_path.name)
    return [*names, manifest_path.name]


def _every_pack_file(folder: Path, stem: str) -> list[Path]:
    """Every name a pack of this stem can have, whatever its layouts, PDFs and zip."""
    names = [f"{stem}.{layout.value}.{kind}" for layout in Layout for kind in ("docx", "hwpx", "pdf")]
    return [folder / name for name in [*names, f"{stem}.zip", f"{stem}.manifest.json"]]


def _refuse_links(paths: Sequence[Path]) -> None:
    for path in paths:
        if path.is_symlink():
            raise ExportError("export.output_is_link", path=str(path))


def _staging_folders(folder: Path, stem: str) -> list[Path]:
    prefix = f".{stem}.staging-"
    try:
        return sorted(path for path in folder.iterdir() if path.name.startswith(prefix))
    except OSError:
        return []


def _remove_leftover_staging(folder: Path, stem: str) -> None:
    """Staging folders of an earlier export of this pack that was killed (a link there is removed, never followed)."""
    for leftover in _staging_folders(folder, stem):
        with contextlib.suppress(OSError):
            if leftover.is_symlink() or not leftover.is_dir():
                leftover.unlink()
            else:
                shutil.rmtree(leftover)


def _publish(folder: Path, staging: Path, stem: str, names: list[str]) -> None:
    """Put the staged pack in place: earlier manifest out first, files in, stale files out, manifest in last."""
    manifest = names[-1]
    _refuse_links([folder / name for name in names])
    try:
        with contextlib.suppress(FileNotFoundError):
            _remove(folder / manifest)
        _sync_folder(folder)
        for name in names[:-1]:
            _rename(staging / name, folder / name)
        for path in _every_pack_file(folder, stem):
            if path.name not in names and (path.exists() or path.is_symlink()):
                _remove(path)
        _sync_folder(folder)
        _rename(staging / manifest, folder / manifest)
        _sync_folder(folder)
    except OSError as error:
        raise ExportError("export.publish_failed", folder=str(folder), reason=error.strerror or str(error)) from None
    with contextlib.suppress(OSError):
        staging.rmdir()


# Every step that touches the disk, by name, so that tests can fail or stop an export at each one.


def _write_new(path: Path, data: bytes) -> None:
    """A new file, created exclusively and never through a link (the staging folder is the export's own)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags, 0o644)
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except OSError as error:
        raise ExportError("export.cannot_write", path=str(path), reason=error.strerror or str(error)) from None


def _rename(source: Path, target: Path) -> None:
    source.replace(target)  # replaces a link planted at `target`, never follows it


def _remove(path: Path) -> None:
    path.unlink()


def _sync_folder(folder: Path) -> None:
    fsync_folder(folder)


# -- checking a pack on disk -----------------------------------------------------------------------


@dataclass
class PackCheck:
    """What `check_pack` found: `complete` only when the manifest is there, every file it lists matches its
    digest, and nothing of an interrupted or earlier export is left beside it."""

    manifest: Path
    problems: list[Message] = field(default_factory=list)
    files: int = 0

    @property
    def complete(self) -> bool:
        return not self.problems


MAX_MANIFEST_BYTES = 16 * 1024 * 1024
MAX_PACK_FILE_BYTES = 2 * 1024 * 1024 * 1024


def check_pack(manifest: Path) -> PackCheck:
    """Tell a complete pack from a broken one, given its manifest's path (`<stem>.manifest.json`, there or not):
    missing or changed files, files not listed, a leftover staging folder, a zip that disagrees."""
    folder, stem = manifest.parent, manifest.name.removesuffix(".manifest.json")
    check = PackCheck(manifest)
    for leftover in _staging_folders(folder, stem):
        check.problems.append(Message("pack.leftover_staging", {"folder": str(leftover)}))
    if not manifest.exists() and not manifest.is_symlink():
        check.problems.append(Message("pack.no_manifest", {"manifest": str(manifest)}))
        return check
    if manifest.is_symlink():
        check.problems.append(Message("pack.not_a_file", {"file": str(manifest)}))
        return check
    try:
        raw = read_regular(manifest, MAX_MANIFEST_BYTES)
        data = json.loads(raw)
        entries = {str(entry["file"]): (int(entry["bytes"]), str(entry["sha256"])) for entry in data["files"]}
    except BriefingFileError as error:
        check.problems.append(Message("pack.bad_manifest", {"manifest": str(manifest), "reason": error.message}))
        return check
    except (ValueError, KeyError, TypeError, RecursionError) as error:
        reason = f"{type(error).__name__}: {error}"
        check.problems.append(Message("pack.bad_manifest", {"manifest": str(manifest), "reason": reason}))
        return check
    contents: dict[str, bytes] = {manifest.name: raw}
    for name, (size, digest) in entries.items():
        path = folder / name
        if Path(name).name != name or not name.startswith(stem + "."):
            check.problems.append(Message("pack.bad_manifest", {"manifest": str(manifest), "reason": name}))
            continue
        try:
            mode = path.lstat().st_mode
        except FileNotFoundError:
            check.problems.append(Message("pack.missing_file", {"file": str(path)}))
            continue
        if not stat.S_ISREG(mode):
            check.problems.append(Message("pack.not_a_file", {"file": str(path)}))
            continue
        try:
            body: bytes | None = read_regular(path, min(max(size, 0), MAX_PACK_FILE_BYTES))
        except BriefingFileError:  # larger than listed (the cap is the listed size), or unreadable
            body = None
        if body is None or len(body) != size or hashlib.sha256(body).hexdigest() != digest:
            check.problems.append(Message("pack.digest_mismatch", {"file": str(path)}))
            continue
        contents[name] = body
        check.files += 1
    bundle = folder / f"{stem}.zip"
    for path in _every_pack_file(folder, stem):
        listed = path.name in entries or path in (manifest, bundle)
        if not listed and (path.exists() or path.is_symlink()):
            check.problems.append(Message("pack.stale_file", {"file": str(path)}))
    if bundle.is_symlink():
        check.problems.append(Message("pack.not_a_file", {"file": str(bundle)}))
    elif bundle.exists():
        check.problems += _check_zip(bundle, contents)
    return check


def _check_zip(bundle: Path, contents: dict[str, bytes]) -> list[Message]:
    problems = []
    try:
        with zipfile.ZipFile(bundle) as archive:
            members = {info.filename: info for info in archive.infolist()}
            for name, body in contents.items():
                info = members.get(name)
                if info is None or info.file_size != len(body) or archive.read(info) != body:
                    problems.append(Message("pack.zip_mismatch", {"file": str(bundle), "member": name}))
    except (OSError, zipfile.BadZipFile, ValueError):
        problems.append(Message("pack.digest_mismatch", {"file": str(bundle)}))
    return problems


def _entry(path: Path, data: bytes, layout: str, kind: str) -> dict[str, Any]:
    return {
        "file": path.name,
        "layout": layout,
        "type": kind,
        "bytes": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
    }


def _zip(files: list[Path], when: tuple[int, int, int, int, int, int]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in files:
            info = zipfile.ZipInfo(path.name, when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            bundle.writestr(info, path.read_bytes())
    return out.getvalue()


# -- PDF -----------------------------------------------------------------------------------------


_PDF_DATE = re.compile(rb"/(?:CreationDate|ModDate)\s*\(D:(\d{14})([^)]*)\)")
_PDF_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")
_PDF_CHECKSUM = re.compile(rb"/DocChecksum\s*/([0-9A-Fa-f]+)")


def reproducible_pdf(data: bytes, when: datetime) -> bytes:
    """LibreOffice's PDF with its creation time set to `when` (the briefing's last change, UTC) and its file
    identifiers derived from the content, so the same briefing gives the same PDF bytes (and manifest).

    Every value is replaced by one of the same length, so the cross-reference offsets stay right."""
    utc = when.astimezone(UTC) if when.tzinfo is not None else when
    stamp = utc.strftime("%Y%m%d%H%M%S").encode("ascii")

    def date(match: re.Match[bytes]) -> bytes:
        zone = {7: b"+00'00'", 6: b"+00'00", 2: b"Z'", 1: b"Z", 0: b""}.get(len(match.group(2)), match.group(2))
        return match.group(0)[: match.start(1) - match.start(0)] + stamp + zone + b")"

    dated = _PDF_DATE.sub(date, data)
    blank = _PDF_CHECKSUM.sub(lambda m: m.group(0).replace(m.group(1), b"0" * len(m.group(1))), dated)
    blank = _PDF_ID.sub(lambda m: b"/ID", blank)
    digest = hashlib.sha256(blank).hexdigest().upper().encode("ascii")

    def same_length(value: bytes) -> bytes:
        return (digest * (len(value) // len(digest) + 1))[: len(value)]

    dated = _PDF_CHECKSUM.sub(lambda m: m.group(0).replace(m.group(1), same_length(m.group(1))), dated)
    return _PDF_ID.sub(
        lambda m: m.group(0).replace(m.group(1), same_length(m.group(1))).replace(m.group(2), same_length(m.group(2))),
        dated,
    )


def libreoffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@functools.cache
def installed_font_families() -> frozenset[str]:
    """Font families fontconfig knows on this machine, case-folded (empty when fc-list is missing)."""
    try:
        listed = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    return frozenset(name.strip().casefold() for line in listed.stdout.splitlines() for name in line.split(","))


def font_substitutions(document: Path, installed: frozenset[str]) -> dict[str, str]:
    """Each font the document's font table names that this machine lacks, mapped to the first installed
    font of its fallback chain (`w:altName`, written from the template's chain).

    LibreOffice ignores `w:altName` and substitutes by its own table, which turns a serif template's
    Batang into a sans face; its replacement table, filled with these pairs, makes the chain hold.
    """
    try:
        with zipfile.ZipFile(document) as bundle:
            table = ElementTree.fromstring(bundle.read("word/fontTable.xml"))
    except (KeyError, OSError, zipfile.BadZipFile, ElementTree.ParseError):
        return {}
    alternative: dict[str, str | None] = {}
    for font in table.iter(f"{_W}font"):
        name = font.get(f"{_W}name")
        if name:
            alt = font.find(f"{_W}altName")
            alternative[name] = alt.get(f"{_W}val") if alt is not None else None
    pairs = {}
    for name in alternative:
        if name.casefold() in installed:
            continue
        seen, candidate = {name}, alternative[name]
        while candidate and candidate not in seen:
            if candidate.casefold() in installed:
                pairs[name] = candidate
                break
            seen.add(candidate)
            candidate = alternative.get(candidate)
    return pairs


def _write_profile(profile: Path, pairs: dict[str, str]) -> None:
    """A fresh LibreOffice user profile: offline (`office_pdf.OFFLINE_SETTINGS`) and with the font replacement
    table (Tools → Options → Fonts) filled with `pairs`."""
    nodes = "".join(
        f'<node oor:name="_{index}" oor:op="replace">'
        '<prop oor:name="Always" oor:op="fuse"><value>true</value></prop>'
        '<prop oor:name="OnScreenOnly" oor:op="fuse"><value>false</value></prop>'
        f'<prop oor:name="ReplaceFont" oor:op="fuse"><value>{escape(name)}</value></prop>'
        f'<prop oor:name="SubstituteFont" oor:op="fuse"><value>{escape(substitute)}</value></prop>'
        "</node>"
        for index, (name, substitute) in enumerate(sorted(pairs.items()))
    )
    fonts = (
        '<item oor:path="/org.openoffice.Office.Common/Font/Substitution">'
        '<prop oor:name="Replacement" oor:op="fuse"><value>true</value></prop></item>\n'
        f'<item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs">{nodes}</item>\n'
        if pairs
        else ""
    )
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        f"{office_pdf.offline_items()}{fonts}"
        "</oor:items>\n",
        "utf-8",
    )


def convert_to_pdf(source: Path, folder: Path, timeout: float = PDF_TIMEOUT_SECONDS) -> Path:
    """Convert with LibreOffice in its own temporary profile (so a running LibreOffice is not disturbed), offline,
    whose font replacement table follows the document's fallback chains for fonts this machine lacks; what it
    converts is a copy of `source` with external links and macros stripped.

    DOCX → flat ODT → PDF: the flat ODT gets the Korean spacing LibreOffice's DOCX import drops
    (`office_pdf.close_up_asian_spacing`); the PDF is tagged, has bookmarks and the document's language."""
    program = libreoffice()
    if program is None:
        raise ExportError("export.no_libreoffice")
    with tempfile.TemporaryDirectory(prefix="briefing-pdf-") as work:
        profile = Path(work) / "profile"
        pairs = font_substitutions(source, installed_font_families())
        _write_profile(profile, pairs)
        copy = Path(work) / "in" / source.name
        copy.parent.mkdir()
        try:
            copy.write_bytes(docx_safety.clean(source.read_bytes()).data)
        except docx_safety.UnusableDocx:
            raise ExportError("export.no_pdf", name=source.name) from None
        flat = Path(work) / (source.stem + ".fodt")
        _soffice(program, profile, "fodt", copy, Path(work), timeout)
        if not flat.is_file():
            raise ExportError("export.no_pdf", name=source.name)
        flat.write_bytes(office_pdf.close_up_asian_spacing(flat.read_bytes()))
        _soffice(program, profile, office_pdf.pdf_filter(), flat, Path(work), timeout)
        produced = Path(work) / (source.stem + ".pdf")
        if not produced.is_file():
            raise ExportError("export.no_pdf", name=source.name)
        language = office_pdf.document_language(source)
        if language:
            produced.write_bytes(office_pdf.set_catalog_language(produced.read_bytes(), language))
        target = folder / produced.name
        shutil.move(str(produced), target)
    return target


def _soffice(program: str, profile: Path, convert_to: str, source: Path, outdir: Path, timeout: float) -> None:
    command = [
        program,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        convert_to,
        "--outdir",
        str(outdir),
        str(source),
    ]
    try:
        subprocess.run(command, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise ExportError("export.pdf_timeout", name=source.name, seconds=f"{timeout:.0f}") from None
