"""The matched briefing pack: Korean, English and bilingual documents, a manifest, optionally PDFs and a zip.

Before anything is written, the Korean and English documents are read back and compared: the same
sections and items in the same order with the same numbering, or the export fails and says where.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import re
import shutil
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
from briefing.export import findings as qa_export
from briefing.export import office_pdf
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

PDF_TIMEOUT_SECONDS = 180
Progress = Callable[[int, int, str], None]  # (step, steps, what)


register(
    {
        "export.not_approved": "{count} item(s) are not approved: {items}. Approve them, or export a draft "
        "(every page is then marked {marking}).",
        "export.pending_item": "{number} ({status})",
        "export.flagged_item": "{number} (flagged for review)",
        "export.more_items": "and {count} more",
        "export.no_libreoffice": "PDF needs LibreOffice, which is not installed. Install it with: "
        "apt-get install libreoffice-writer-nogui",
        "export.mismatch": "the Korean and English documents do not match:\n{mismatches}",
        "export.cannot_create_folder": "{folder}: cannot create the folder ({reason})",
        "export.cannot_write": "{path}: cannot be written ({reason})",
        "export.pdf_timeout": "{name}: LibreOffice did not finish the PDF within {seconds} s",
        "export.no_pdf": "{name}: LibreOffice produced no PDF",
        "export.would_replace": "{folder} already holds {files} from an earlier export; nothing was replaced",
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
    """Each item not yet approved or flagged by a reviewer, as its number with its status ("2.2 (needs review)")."""
    out = []
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
    if not replace:
        there = existing_files(planned)
        if there:
            raise ExportError("export.would_replace", folder=str(folder), files=", ".join(path.name for path in there))
    stem = pack_stem(name, template, draft)
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
    entries = []
    for layout, data in rendered.items():
        path = folder / f"{stem}.{layout.value}.docx"
        _write(path, data)
        result.files.append(path)
        entries.append(_entry(path, data, layout.value, "docx"))
    for layout, data in rendered_hwpx.items():
        path = folder / f"{stem}.{layout.value}.hwpx"
        _write(path, data)
        result.files.append(path)
        entries.append(_entry(path, data, layout.value, "hwpx"))
    if pdf:
        for layout in rendered:
            source = folder / f"{stem}.{layout.value}.docx"
            target = convert_to_pdf(source, folder)
            data = reproducible_pdf(target.read_bytes(), briefing.modified)
            _write(target, data)
            result.files.append(target)
            entries.append(_entry(target, data, layout.value, "pdf"))
            report(target.name)
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
        + (" (DOCX and HWPX alike, and each HWPX those of its DOCX)" if hwpx else ""),
        "qa": qa_export.manifest(briefing, checked),
    }
    manifest_path = folder / f"{stem}.manifest.json"
    _write(manifest_path, (json.dumps(result.manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    result.files.append(manifest_path)
    if make_zip:
        result.zip_path = folder / f"{stem}.zip"
        _write(result.zip_path, _zip(result.files, zip_time(briefing.modified)))
    report(manifest_path.name)
    return result


def _entry(path: Path, data: bytes, layout: str, kind: str) -> dict[str, Any]:
    return {
        "file": path.name,
        "layout": layout,
        "type": kind,
        "bytes": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
    }


def _write(path: Path, data: bytes) -> None:
    try:
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_bytes(data)
        temporary.replace(path)
    except OSError as error:
        raise ExportError("export.cannot_write", path=str(path), reason=error.strerror or str(error)) from None


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


def _write_replacement_table(profile: Path, pairs: dict[str, str]) -> None:
    """LibreOffice's font replacement table (Tools → Options → Fonts) in a fresh user profile."""
    nodes = "".join(
        f'<node oor:name="_{index}" oor:op="replace">'
        '<prop oor:name="Always" oor:op="fuse"><value>true</value></prop>'
        '<prop oor:name="OnScreenOnly" oor:op="fuse"><value>false</value></prop>'
        f'<prop oor:name="ReplaceFont" oor:op="fuse"><value>{escape(name)}</value></prop>'
        f'<prop oor:name="SubstituteFont" oor:op="fuse"><value>{escape(substitute)}</value></prop>'
        "</node>"
        for index, (name, substitute) in enumerate(sorted(pairs.items()))
    )
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        '<item oor:path="/org.openoffice.Office.Common/Font/Substitution">'
        '<prop oor:name="Replacement" oor:op="fuse"><value>true</value></prop></item>\n'
        f'<item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs">{nodes}</item>\n'
        "</oor:items>\n",
        "utf-8",
    )


def convert_to_pdf(source: Path, folder: Path, timeout: float = PDF_TIMEOUT_SECONDS) -> Path:
    """Convert with LibreOffice in its own temporary profile (so a running LibreOffice is not disturbed),
    whose font replacement table follows the document's fallback chains for fonts this machine lacks.

    DOCX → flat ODT → PDF: the flat ODT gets the Korean spacing LibreOffice's DOCX import drops
    (`office_pdf.close_up_asian_spacing`); the PDF is tagged, has bookmarks and the document's language."""
    program = libreoffice()
    if program is None:
        raise ExportError("export.no_libreoffice")
    with tempfile.TemporaryDirectory(prefix="briefing-pdf-") as work:
        profile = Path(work) / "profile"
        pairs = font_substitutions(source, installed_font_families())
        if pairs:
            _write_replacement_table(profile, pairs)
        flat = Path(work) / (source.stem + ".fodt")
        _soffice(program, profile, "fodt", source, Path(work), timeout)
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
