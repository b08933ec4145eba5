"""Korean typography LibreOffice's DOCX import drops, put back between the DOCX and the PDF.

LibreOffice ignores `w:autoSpaceDE`/`w:autoSpaceDN` and gives every paragraph its "apply spacing between
Asian and non-Asian text" (ODF `style:text-autospace="ideograph-alpha"`): "제23차" is drawn and extracted
as "제 23 차", so a search of the PDF for "제23차" finds nothing, and the gap is a line-break opportunity
inside the word. The conversion therefore goes DOCX → flat ODT → PDF, with that spacing switched off in
the flat ODT (`close_up_asian_spacing`).

LibreOffice runs offline: its private profile (`OFFLINE_SETTINGS`) blocks loading anything a document links to
(`BlockUntrustedRefererLinks`, LibreOffice's "stealth mode": no location is trusted), never updates links, and
never runs macros; and the DOCX it converts is a copy with external relationships and macros stripped
(`docx_safety.clean`) in case a setting is missed. Measured with a linked header picture on a loopback server:
9 requests with a fresh profile, none with these settings.

The PDF is tagged and carries bookmarks for the outline (headings with an outline level). LibreOffice
writes the catalog's `/Lang` from the Latin-script language, which stays en-US in a Korean document (a
Korean Latin language makes LibreOffice break English words anywhere); `set_catalog_language` writes the
document's own language (its core property) there instead.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

# Options of LibreOffice's Writer PDF export (JSON filter options, LibreOffice 7.4 and later).
PDF_EXPORT_OPTIONS: dict[str, bool] = {
    "ExportBookmarks": True,  # the outline (Briefing Heading, level 1) becomes the PDF's bookmarks
    "UseTaggedPDF": True,  # structure and per-paragraph language for screen readers and text extraction
    "ExportNotes": False,
}

_PARAGRAPH_PROPERTIES = re.compile(rb"<style:paragraph-properties\b[^>]*>")
_AUTOSPACE = re.compile(rb'\sstyle:text-autospace="[^"]*"')
_CATALOG_LANG = re.compile(rb"(/Type\s*/Catalog\b(?:(?!endobj).)*?/Lang\s*\()([^()\\]*)(\))", re.DOTALL)
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")
_DC = "{http://purl.org/dc/elements/1.1/}"


# LibreOffice settings (registrymodifications.xcu items) of the conversion's private profile: nothing fetched,
# no link updated, no macro run.
OFFLINE_SETTINGS: tuple[tuple[str, str, str], ...] = (
    ("/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks", "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "3"),
    ("/org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution", "true"),
    ("/org.openoffice.Office.Writer/Content/Update", "Link", "0"),  # update links when loading: never
    ("/org.openoffice.Inet/Settings", "ooInetProxyType", "0"),  # no proxy discovery
)


def offline_items() -> str:
    """`OFFLINE_SETTINGS` as registrymodifications.xcu items."""
    return "".join(
        f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse"><value>{value}</value></prop></item>\n'
        for path, name, value in OFFLINE_SETTINGS
    )


def pdf_filter() -> str:
    """The `--convert-to` argument: Writer's PDF export with `PDF_EXPORT_OPTIONS`."""
    options = {
        name: {"type": "boolean", "value": "true" if value else "false"} for name, value in PDF_EXPORT_OPTIONS.items()
    }
    return "pdf:writer_pdf_Export:" + json.dumps(options, separators=(",", ":"))


def close_up_asian_spacing(flat_odt: bytes) -> bytes:
    """Every paragraph style of a flat ODT without the automatic gap between Hangul and Latin/digits.

    Only attributes inside `<style:paragraph-properties>` tags change: text content cannot hold a raw `<`,
    so document text that happens to spell the attribute is left alone.
    """

    def without_autospace(tag: re.Match[bytes]) -> bytes:
        body = _AUTOSPACE.sub(b"", tag.group(0))
        end = -2 if body.endswith(b"/>") else -1
        return body[:end] + b' style:text-autospace="none"' + body[end:]

    return _PARAGRAPH_PROPERTIES.sub(without_autospace, flat_odt)


def document_language(docx_path: Path) -> str | None:
    """The first language of the DOCX's core properties (`dc:language`, "ko-KR" or "ko-KR, en-US")."""
    try:
        with zipfile.ZipFile(docx_path) as bundle:
            core = bundle.read("docProps/core.xml")
        if b"<!DOCTYPE" in core or b"<!ENTITY" in core:
            return None  # ours never have one: refuse rather than expand entities
        element = ElementTree.fromstring(core).find(f"{_DC}language")
    except (KeyError, OSError, zipfile.BadZipFile, ElementTree.ParseError):
        return None
    if element is None or not element.text:
        return None
    first = element.text.split(",")[0].strip()
    return first if _LANGUAGE_TAG.fullmatch(first) else None


def set_catalog_language(pdf: bytes, language: str) -> bytes:
    """The PDF with its catalog's `/Lang` set to `language`, when LibreOffice wrote one of the same length
    (an in-place edit keeps every cross-reference offset valid); otherwise the PDF unchanged."""
    encoded = language.encode("ascii", "replace")
    match = _CATALOG_LANG.search(pdf)
    if match is None or len(match.group(2)) != len(encoded) or not _LANGUAGE_TAG.fullmatch(language):
        return pdf
    return pdf[: match.start(2)] + encoded + pdf[match.end(2) :]
