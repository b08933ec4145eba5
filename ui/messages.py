"""The window's message catalogue: every code the core says (briefing/messages.py) worded in the interface
language, through Qt's translations like every other interface string.

The core raises `BriefingError`s with a code and parameters; `error_text` words one for a dialog, `text` words a
code. The English sources here are the core's own texts (a test keeps them equal and walks every code through
the Korean catalogue); parameters that name a document's vocabulary (an item type, a status, a language) are
worded too, so that a Korean window never shows "paragraph" or "needs_review".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from briefing.edits import EditRefused
from briefing.fileformat import MAX_PROBLEMS_SHOWN, BriefingFormatError
from briefing.messages import BriefingError, Message
from briefing.model import ItemType, TargetStatus
from briefing.schema import Problem
from ui.labels import status_text, type_names
from ui.qt import QT_TRANSLATE_NOOP

CONTEXT = "Messages"

# code → English source (the core's English text); the Korean lives in locales/ under the context "Messages".
CATALOGUE: dict[str, str] = {
    "dates.not_a_date": QT_TRANSLATE_NOOP(
        "Messages", '"{found}" is not a date like 2024-11-07, 2024-11, 2025-H1, 2025-Q2 or 2025'
    ),
    "dates.not_real": QT_TRANSLATE_NOOP("Messages", '"{found}" is not a real date ({reason})'),
    "dates.no_month": QT_TRANSLATE_NOOP("Messages", '"{found}" has no month {month}'),
    "model.approve_no_source": QT_TRANSLATE_NOOP("Messages", "cannot approve an item whose source text is empty"),
    "model.approve_no_translation": QT_TRANSLATE_NOOP("Messages", "cannot approve an item whose translation is empty"),
    "model.flag_empty": QT_TRANSLATE_NOOP("Messages", "an empty translation cannot be flagged for review"),
    "model.empty_comment": QT_TRANSLATE_NOOP("Messages", "a comment needs some text"),
    "model.no_parent": QT_TRANSLATE_NOOP("Messages", "there is no comment {id} on this item to reply to"),
    "model.item_exists": QT_TRANSLATE_NOOP("Messages", "an item with id '{id}' is already in the briefing"),
    "model.section_exists": QT_TRANSLATE_NOOP("Messages", "a section with id '{id}' is already in the briefing"),
    "schema.const": QT_TRANSLATE_NOOP("Messages", "must be {wanted}, found {found}"),
    "schema.enum": QT_TRANSLATE_NOOP("Messages", "{found} is not one of: {choices}"),
    "schema.type": QT_TRANSLATE_NOOP("Messages", "expected {wanted}, found {found}"),
    "schema.minimum": QT_TRANSLATE_NOOP("Messages", "{found} is less than {limit}"),
    "schema.maximum": QT_TRANSLATE_NOOP("Messages", "{found} is more than {limit}"),
    "schema.empty": QT_TRANSLATE_NOOP("Messages", "must not be empty"),
    "schema.too_short": QT_TRANSLATE_NOOP("Messages", "is shorter than {limit} characters"),
    "schema.too_long": QT_TRANSLATE_NOOP("Messages", "is longer than {limit} characters"),
    "schema.pattern": QT_TRANSLATE_NOOP("Messages", "{found} is not {wanted}"),
    "schema.missing": QT_TRANSLATE_NOOP("Messages", "missing"),
    "schema.unknown_field": QT_TRANSLATE_NOOP("Messages", "unknown field"),
    "schema.either": QT_TRANSLATE_NOOP("Messages", "{first} or {second}"),
    "schema.json_object": QT_TRANSLATE_NOOP("Messages", "an object"),
    "schema.json_array": QT_TRANSLATE_NOOP("Messages", "a list"),
    "schema.json_string": QT_TRANSLATE_NOOP("Messages", "text"),
    "schema.json_integer": QT_TRANSLATE_NOOP("Messages", "a whole number"),
    "schema.json_number": QT_TRANSLATE_NOOP("Messages", "a number"),
    "schema.json_boolean": QT_TRANSLATE_NOOP("Messages", "true or false"),
    "schema.json_null": QT_TRANSLATE_NOOP("Messages", "null"),
    "rules.end_before_start": QT_TRANSLATE_NOOP("Messages", "the end date {end} is before the start date {start}"),
    "rules.too_long": QT_TRANSLATE_NOOP("Messages", "is longer than {limit} characters"),
    "rules.out_of_range": QT_TRANSLATE_NOOP("Messages", "{found} is not between {low} and {high}"),
    "rules.bad_id": QT_TRANSLATE_NOOP(
        "Messages", "{found} is not an id (letters, digits, _ . : - and at most {limit} characters)"
    ),
    "rules.id_reused": QT_TRANSLATE_NOOP("Messages", "id {found} is already used at {other}"),
    "rules.not_for_type": QT_TRANSLATE_NOOP("Messages", "does not apply to a {type} item"),
    "rules.schedule_needs_date": QT_TRANSLATE_NOOP("Messages", "missing: a schedule item needs a date"),
    "rules.bad_value": QT_TRANSLATE_NOOP("Messages", "{found} is not one of: {choices}"),
    "rules.not_text": QT_TRANSLATE_NOOP("Messages", "expected text, found {found}"),
    "rules.bad_basis": QT_TRANSLATE_NOOP("Messages", "{found} is not a source fingerprint (16 hexadecimal digits)"),
    "rules.not_a_date": QT_TRANSLATE_NOOP("Messages", "expected a date, found {found}"),
    "file.bad_version": QT_TRANSLATE_NOOP("Messages", "expected a whole number from 1, found {found}"),
    "file.not_a_date": QT_TRANSLATE_NOOP("Messages", "{found} is not a real date ({reason})"),
    "file.not_a_datetime": QT_TRANSLATE_NOOP("Messages", "{found} is not a real date and time"),
    "file.not_a_time": QT_TRANSLATE_NOOP("Messages", "{found} is not a real time of day"),
    "file.not_utf8": QT_TRANSLATE_NOOP(
        "Messages", "not UTF-8 text (invalid byte at offset {offset}); is this a .briefing file?"
    ),
    "file.empty": QT_TRANSLATE_NOOP("Messages", "the file is empty"),
    "file.not_json": QT_TRANSLATE_NOOP("Messages", "not valid JSON at line {line}, column {column}: {reason}"),
    "file.truncated": QT_TRANSLATE_NOOP(
        "Messages", "not valid JSON at line {line}, column {column}: the file ends too early (truncated?)"
    ),
    "file.too_deep": QT_TRANSLATE_NOOP("Messages", "not a .briefing file: JSON nested too deeply"),
    "file.top_level": QT_TRANSLATE_NOOP("Messages", "not a .briefing file: the top level is {found}"),
    "file.wrong_format": QT_TRANSLATE_NOOP(
        "Messages", "not a .briefing file: expected format '{wanted}', found format {found}"
    ),
    "file.no_format": QT_TRANSLATE_NOOP(
        "Messages", "not a .briefing file: expected format '{wanted}', found no format name"
    ),
    "file.no_version": QT_TRANSLATE_NOOP("Messages", "the file has no valid format version"),
    "file.too_new": QT_TRANSLATE_NOOP(
        "Messages",
        "the file uses format version {version}, but this Briefing Studio reads versions up to "
        "{current}; open it with a newer Briefing Studio",
    ),
    "file.no_migration": QT_TRANSLATE_NOOP(
        "Messages", "format version {version} is not supported (no migration to {next})"
    ),
    "file.invalid": QT_TRANSLATE_NOOP("Messages", "the file is not a valid briefing ({count} problems)"),
    "file.invalid_one": QT_TRANSLATE_NOOP("Messages", "the file is not a valid briefing (1 problem)"),
    "file.more_problems": QT_TRANSLATE_NOOP("Messages", "… and {count} more problems"),
    "file.duplicate_key": QT_TRANSLATE_NOOP(
        "Messages", "this field is given twice (a reader would silently keep only the last)"
    ),
    "file.time_out_of_range": QT_TRANSLATE_NOOP("Messages", "{found} is outside the years {low} to {high} in UTC"),
    "storage.too_large": QT_TRANSLATE_NOOP("Messages", "{path}: {size} MB is larger than any briefing (limit 512 MB)"),
    "storage.no_such_file": QT_TRANSLATE_NOOP("Messages", "{path}: no such file"),
    "storage.is_folder": QT_TRANSLATE_NOOP("Messages", "{path}: is a folder, not a file"),
    "storage.permission_denied": QT_TRANSLATE_NOOP("Messages", "{path}: permission denied"),
    "storage.unreadable": QT_TRANSLATE_NOOP("Messages", "{path}: cannot be read ({reason})"),
    "storage.changed_on_disk": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: not saved, because the file was changed on disk after it was opened here (by another "
        "person or program)",
    ),
    "storage.not_replaced": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: not replaced, because the file there is not a briefing this program can read "
        "({reason}). Save under another name, or move that file away first.",
    ),
    "storage.unstorable_character": QT_TRANSLATE_NOOP(
        "Messages", "{path}: not saved: the text contains a character that cannot be stored ({character})"
    ),
    "storage.cannot_write_in": QT_TRANSLATE_NOOP("Messages", "{path}: cannot write in {folder} ({reason})"),
    "storage.not_saved": QT_TRANSLATE_NOOP("Messages", "{path}: not saved ({reason}); the file on disk is unchanged"),
    "paths.data_folder": QT_TRANSLATE_NOOP(
        "Messages", "the data folder {folder} cannot be used ({reason}); set {variable} to a folder you can write to"
    ),
    "packages.no_such_file": QT_TRANSLATE_NOOP("Messages", "{name}: no such file"),
    "packages.not_zip": QT_TRANSLATE_NOOP(
        "Messages", "{name}: not a language package: not a readable zip archive ({reason})"
    ),
    "packages.damaged": QT_TRANSLATE_NOOP(
        "Messages", "{name}: damaged archive: {member} does not match its checksum (truncated download?)"
    ),
    "packages.empty": QT_TRANSLATE_NOOP("Messages", "{name}: the archive is empty"),
    "packages.too_many_files": QT_TRANSLATE_NOOP(
        "Messages", "{name}: {count} files in the archive (at most {limit} allowed)"
    ),
    "packages.unsafe_path": QT_TRANSLATE_NOOP("Messages", "{name}: unsafe path in the archive: {member}"),
    "packages.link": QT_TRANSLATE_NOOP(
        "Messages", "{name}: {member} is a link; packages may contain only files and folders"
    ),
    "packages.special_file": QT_TRANSLATE_NOOP(
        "Messages", "{name}: {member} is a device or special file; packages may contain only files and folders"
    ),
    "packages.encrypted": QT_TRANSLATE_NOOP("Messages", "{name}: {member} is encrypted"),
    "packages.member_bomb": QT_TRANSLATE_NOOP(
        "Messages", "{name}: {member} expands {ratio}-fold (at most {limit}); refusing a possible zip bomb"
    ),
    "packages.too_big": QT_TRANSLATE_NOOP("Messages", "{name}: unpacks to {size} GB (at most {limit} GB allowed)"),
    "packages.bomb": QT_TRANSLATE_NOOP("Messages", "{name}: expands {ratio}-fold; refusing a possible zip bomb"),
    "packages.top_folder": QT_TRANSLATE_NOOP(
        "Messages", "{name}: a package holds exactly one top-level folder; found {found}"
    ),
    "packages.no_metadata": QT_TRANSLATE_NOOP("Messages", "{name}: {top}/metadata.json is missing"),
    "packages.metadata_not_json": QT_TRANSLATE_NOOP("Messages", "{name}: metadata.json is not valid JSON ({reason})"),
    "packages.metadata_unreadable": QT_TRANSLATE_NOOP("Messages", "{name}: metadata.json cannot be read ({reason})"),
    "packages.metadata_not_object": QT_TRANSLATE_NOOP("Messages", "{name}: metadata.json must hold an object"),
    "packages.bad_language_code": QT_TRANSLATE_NOOP(
        "Messages", "{name}: metadata.json needs {key} as a language code such as 'ko'; found {found}"
    ),
    "packages.not_translation": QT_TRANSLATE_NOOP("Messages", "{name}: a {kind} package, not a translation package"),
    "packages.bad_version": QT_TRANSLATE_NOOP(
        "Messages", "{name}: metadata.json has an unusable package_version {found}"
    ),
    "packages.bpe": QT_TRANSLATE_NOOP(
        "Messages",
        "{name}: a BPE package; Briefing Studio supports SentencePiece packages only (all current Argos "
        "Korean and English packages are SentencePiece)",
    ),
    "packages.no_sentencepiece": QT_TRANSLATE_NOOP("Messages", "{name}: {top}/sentencepiece.model is missing"),
    "packages.not_ctranslate2": QT_TRANSLATE_NOOP(
        "Messages", "{name}: not a CTranslate2 model: {top}/{required} is missing"
    ),
    "packages.no_vocabulary": QT_TRANSLATE_NOOP(
        "Messages", "{name}: not a CTranslate2 model: no vocabulary file in {top}/model/"
    ),
    "packages.forbidden_folder": QT_TRANSLATE_NOOP(
        "Messages",
        "the packages folder {folder} contains one of the words {words}, which confuses Argos Translate; "
        "set BRIEFING_HOME to another folder",
    ),
    "packages.older": QT_TRANSLATE_NOOP(
        "Messages",
        "{name}: version {version} is older than the installed {from_code}→{to_code} version "
        "{installed}; remove the installed one first to go back",
    ),
    "packages.install_failed": QT_TRANSLATE_NOOP("Messages", "{name}: could not be installed ({reason})"),
    "packages.not_installed": QT_TRANSLATE_NOOP("Messages", "no {from_code}→{to_code} package is installed"),
    "packages.overflow": QT_TRANSLATE_NOOP("Messages", "{name}: unpacks to more than it declares; refused"),
    "packages.not_a_package": QT_TRANSLATE_NOOP("Messages", "{name}: not a package (no metadata.json)"),
    "packages.incomplete": QT_TRANSLATE_NOOP("Messages", "{name}: incomplete package ({required} is missing)"),
    "packages.same_languages": QT_TRANSLATE_NOOP(
        "Messages", "{name}: translates {language} into {language}; a package translates between two languages"
    ),
    "packages.duplicate_member": QT_TRANSLATE_NOOP("Messages", "{name}: {member} appears twice in the archive"),
    "packages.colliding_members": QT_TRANSLATE_NOOP(
        "Messages", "{name}: {first} and {second} would be the same file on disk"
    ),
    "packages.does_not_translate": QT_TRANSLATE_NOOP(
        "Messages",
        "{name}: the package was unpacked but cannot translate ({reason}); the installed packages are unchanged",
    ),
    "packages.bad_metadata": QT_TRANSLATE_NOOP("Messages", "{name}: unreadable metadata.json ({reason})"),
    "engine.beam_size": QT_TRANSLATE_NOOP("Messages", "beam size must be between 1 and 16"),
    "engine.threads": QT_TRANSLATE_NOOP("Messages", "threads must be between 0 (automatic) and 256"),
    "engine.batch_size": QT_TRANSLATE_NOOP("Messages", "batch size must be at least 1 and sentences at least 8 tokens"),
    "packages.missing": QT_TRANSLATE_NOOP("Messages", "no {from_language}→{to_language} language package is installed"),
    "engine.cannot_load": QT_TRANSLATE_NOOP("Messages", "the {from_code}→{to_code} package cannot be loaded: {reason}"),
    "engine.batch_failed": QT_TRANSLATE_NOOP(
        "Messages", "the {from_code}→{to_code} package could not translate a batch of {count} sentences: {reason}"
    ),
    "markup.lost_pair": QT_TRANSLATE_NOOP("Messages", "the translation lost the markup {opening}…{closing}"),
    "markup.lost_atom": QT_TRANSLATE_NOOP("Messages", "the translation lost {atom}; it was added at the end"),
    "translation.item_warning": QT_TRANSLATE_NOOP("Messages", "{item}: {warning}"),
    "translation.cache_unavailable": QT_TRANSLATE_NOOP(
        "Messages", "the translation cache {file} cannot be used ({reason}); translated without"
    ),
    "terms.lost_in_translation": QT_TRANSLATE_NOOP(
        "Messages", "the translation lost the term {term}; it was added at the end"
    ),
    "templates.no_layout": QT_TRANSLATE_NOOP(
        "Messages", "template '{key}' has no {layout} layout (it has: {supported})"
    ),
    "templates.unknown": QT_TRANSLATE_NOOP("Messages", "no template named '{key}'; available: {available}"),
    "templates.unreadable_manifest": QT_TRANSLATE_NOOP("Messages", "{where}: unreadable manifest ({reason})"),
    "templates.invalid_manifest": QT_TRANSLATE_NOOP("Messages", "{where}: invalid manifest ({reason})"),
    "templates.bad_marking_position": QT_TRANSLATE_NOOP(
        "Messages", "{where}: marking_position must be one of {choices}"
    ),
    "templates.no_fonts": QT_TRANSLATE_NOOP(
        "Messages", "{where}: fonts.east_asian and fonts.latin each need at least one font"
    ),
    "templates.missing_document": QT_TRANSLATE_NOOP("Messages", "{where}: the {layout} document is missing"),
    "templates.unreadable_document": QT_TRANSLATE_NOOP(
        "Messages", "template '{key}': {name} cannot be read as a Word document ({reason})"
    ),
    "templates.no_hwpx": QT_TRANSLATE_NOOP("Messages", "template '{key}' has no HWPX document for the {layout} layout"),
    "hwpx.not_hwpx": QT_TRANSLATE_NOOP("Messages", "template '{key}': {name} is not an HWPX document ({reason})"),
    "hwpx.missing_part": QT_TRANSLATE_NOOP("Messages", "template '{key}': {name} lacks its part {part}"),
    "hwpx.too_large": QT_TRANSLATE_NOOP(
        "Messages", "template '{key}': {name}: {part} is larger than the limit of {limit} MB"
    ),
    "hwpx.entities": QT_TRANSLATE_NOOP(
        "Messages", "template '{key}': {name}: {part} declares a DTD or XML entities, which are refused"
    ),
    "hwpx.broken_xml": QT_TRANSLATE_NOOP(
        "Messages", "template '{key}': {name}: {part} is not well-formed XML (line {line}: {reason})"
    ),
    "export.hwpx_mismatch": QT_TRANSLATE_NOOP(
        "Messages", "the Korean and English HWPX documents do not match:\n{mismatches}"
    ),
    "export.formats_differ": QT_TRANSLATE_NOOP(
        "Messages", "the {layout} HWPX document does not carry the sections and items of the DOCX:\n{mismatches}"
    ),
    "export.bad_formats": QT_TRANSLATE_NOOP("Messages", "formats are docx and hwpx, comma-separated; not {found}"),
    "export.not_approved": QT_TRANSLATE_NOOP(
        "Messages",
        "{count} item(s) are not approved: {items}. Approve them, or export a draft (every page is then "
        "marked {marking}).",
    ),
    "export.pending_item": QT_TRANSLATE_NOOP("Messages", "{number} ({status})"),
    "export.flagged_item": QT_TRANSLATE_NOOP("Messages", "{number} (flagged for review)"),
    "export.pending_title": QT_TRANSLATE_NOOP("Messages", "title “{text}” ({status})"),
    "export.more_items": QT_TRANSLATE_NOOP("Messages", "and {count} more"),
    "export.no_libreoffice": QT_TRANSLATE_NOOP(
        "Messages",
        "PDF needs LibreOffice, which is not installed. Install it with: apt-get install libreoffice-writer-nogui",
    ),
    "export.mismatch": QT_TRANSLATE_NOOP("Messages", "the Korean and English documents do not match:\n{mismatches}"),
    "export.cannot_create_folder": QT_TRANSLATE_NOOP("Messages", "{folder}: cannot create the folder ({reason})"),
    "export.cannot_write": QT_TRANSLATE_NOOP("Messages", "{path}: cannot be written ({reason})"),
    "export.pdf_timeout": QT_TRANSLATE_NOOP(
        "Messages", "{name}: LibreOffice did not finish the PDF within {seconds} s"
    ),
    "export.no_pdf": QT_TRANSLATE_NOOP("Messages", "{name}: LibreOffice produced no PDF"),
    "export.would_replace": QT_TRANSLATE_NOOP(
        "Messages", "{folder} already holds {files} from an earlier export; nothing was replaced"
    ),
    "cli.bad_layouts": QT_TRANSLATE_NOOP("Messages", "--lang takes ko, en and bilingual, comma-separated; not {found}"),
    "recovery.locked": QT_TRANSLATE_NOOP("Messages", "{folder}: recovery slot {key} is locked by another process"),
    "download.cancelled": QT_TRANSLATE_NOOP("Messages", "download cancelled; nothing was installed"),
    "download.http": QT_TRANSLATE_NOOP("Messages", "{url}: the server answered {status} {reason}"),
    "download.unreachable": QT_TRANSLATE_NOOP(
        "Messages",
        "cannot reach {url} ({reason}). This machine seems to have no network: copy the .argosmodel file "
        "here from a connected machine and install it from that file.",
    ),
    "download.not_an_index": QT_TRANSLATE_NOOP("Messages", "{url}: not a package index ({reason})"),
    "download.not_a_list": QT_TRANSLATE_NOOP("Messages", "{url}: not a package index (expected a list)"),
    "download.no_pair": QT_TRANSLATE_NOOP("Messages", "the index at {url} has no {from_code}→{to_code} package"),
    "download.no_link": QT_TRANSLATE_NOOP("Messages", "the index lists no download link for {from_code}→{to_code}"),
    "download.stopped": QT_TRANSLATE_NOOP("Messages", "{url}: the download stopped after {received} of {total} bytes"),
    "download.failed": QT_TRANSLATE_NOOP("Messages", "{url}: {reason}"),
    "download.too_large": QT_TRANSLATE_NOOP("Messages", "{url}: more than {limit} MB; refused"),
    "download.too_slow": QT_TRANSLATE_NOOP("Messages", "{url}: took longer than {seconds} s in all; stopped"),
    "download.all_failed": QT_TRANSLATE_NOOP("Messages", "the package could not be downloaded: {errors}"),
    "rules.not_a_time": QT_TRANSLATE_NOOP("Messages", "expected a date and time with its time zone, found {found}"),
    "rules.goes_with": QT_TRANSLATE_NOOP("Messages", "missing: goes with {other}"),
    "rules.approval_without_source": QT_TRANSLATE_NOOP(
        "Messages", "an approval needs the approved source text (approved_source)"
    ),
    "rules.resolved_open_comment": QT_TRANSLATE_NOOP("Messages", "only a resolved comment records who resolved it"),
    "rules.not_a_flag": QT_TRANSLATE_NOOP("Messages", "expected a reviewer's flag (by, at, reason), found {found}"),
    "rules.not_a_waiver": QT_TRANSLATE_NOOP(
        "Messages", "expected a waiver (check, code, key, reason, by, at), found {found}"
    ),
    "rules.waiver_no_reason": QT_TRANSLATE_NOOP("Messages", "a waiver needs a reason"),
    "rules.waiver_twice": QT_TRANSLATE_NOOP(
        "Messages", "the same finding is waived twice on this item (also at {other})"
    ),
    "rules.bad_waiver_name": QT_TRANSLATE_NOOP("Messages", "{found} is not a QA check, message code or finding key"),
    "rules.control_character": QT_TRANSLATE_NOOP("Messages", "contains a control character ({found}); remove it"),
    "rules.reply_unknown": QT_TRANSLATE_NOOP("Messages", "replies to {found}, which is not a comment of this item"),
    "rules.reply_cycle": QT_TRANSLATE_NOOP("Messages", "replies in a circle: {found}"),
    "rules.not_a_time_of_day": QT_TRANSLATE_NOOP(
        "Messages", "expected a time of day in hours and minutes, found {found}"
    ),
    "rules.not_a_local_time": QT_TRANSLATE_NOOP(
        "Messages",
        "expected a date and time like 2024-11-08 06:00 (no time zone), found {found}",
    ),
    "rules.too_many": QT_TRANSLATE_NOOP("Messages", "has {found} entries; at most {limit}"),
    "rules.not_a_phone": QT_TRANSLATE_NOOP(
        "Messages", "{found} is not a telephone number (digits, spaces, + ( ) - . /, an extension)"
    ),
    "rules.not_an_email": QT_TRANSLATE_NOOP("Messages", "{found} is not an e-mail address"),
    "rules.embargo_before_meeting": QT_TRANSLATE_NOOP(
        "Messages", "the embargo ({embargo}) is before the meeting's first day ({start})"
    ),
    "rules.report_before_meeting": QT_TRANSLATE_NOOP(
        "Messages", "the report is dated {dated}, before the meeting's first day ({start})"
    ),
    "rules.embargo_no_zone": QT_TRANSLATE_NOOP("Messages", "the embargo names no clock (e.g. 한국시간 / KST)"),
    "rules.unwritable_character": QT_TRANSLATE_NOOP(
        "Messages", "contains {found}, which cannot be written here; remove it"
    ),
    "rules.property_too_long": QT_TRANSLATE_NOOP(
        "Messages",
        "is longer than {limit} characters in both languages together (a document property holds at most {limit})",
    ),
    "rules.time_out_of_range": QT_TRANSLATE_NOOP("Messages", "{found} is outside the years {low} to {high} in UTC"),
    "ask.source_changed_approved": QT_TRANSLATE_NOOP(
        "Messages",
        "The source changed since the last approval and the translation was not revised. Approve anyway?",
    ),
    "ask.source_changed": QT_TRANSLATE_NOOP(
        "Messages",
        "The source changed since the translation was made and the translation was not revised. Approve anyway?",
    ),
    "ask.overwrite_one": QT_TRANSLATE_NOOP(
        "Messages", "This replaces a translation that was approved or edited by a person. Replace it?"
    ),
    "ask.overwrite_many": QT_TRANSLATE_NOOP(
        "Messages",
        "{count} of the {total} items have a translation that was approved or edited by a person. Replace those "
        "too, or skip them?",
    ),
    "storage.would_not_open": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: not saved, because the briefing would not open again ({reason}); the file on disk is unchanged",
    ),
    "export.qa_errors": QT_TRANSLATE_NOOP(
        "Messages",
        "{count} QA error(s) are not waived: {items}. Correct them, waive them with a reason, or export a draft.",
    ),
    "export.qa_item": QT_TRANSLATE_NOOP("Messages", "{number} {check}: {message}"),
    "cli.findings_needs_draft": QT_TRANSLATE_NOOP(
        "Messages", "--findings appends the QA findings to a draft only; add --draft"
    ),
    "edit.refused": QT_TRANSLATE_NOOP("Messages", "the change was not made: {reason}"),
    "edit.unknown": QT_TRANSLATE_NOOP("Messages", "the change was not made: {what} {ident} is not in the briefing"),
    "edit.not_flagged": QT_TRANSLATE_NOOP("Messages", "the item is not marked for review"),
    "review.bad_regex": QT_TRANSLATE_NOOP("Messages", "the regular expression is not valid: {reason}"),
    "review.regex_too_slow": QT_TRANSLATE_NOOP(
        "Messages", "the regular expression took too long to match (over {ms} ms): make it simpler"
    ),
    "review.search_too_long": QT_TRANSLATE_NOOP(
        "Messages", "the search text is too long ({length} characters, at most {limit})"
    ),
    "edit.waiver_no_reason": QT_TRANSLATE_NOOP(
        "Messages", "a waiver needs a reason: say why the finding is acceptable"
    ),
    "edit.waiver_other_item": QT_TRANSLATE_NOOP(
        "Messages", "the finding is about another item ({found}), not this one"
    ),
    "edit.waiver_no_item": QT_TRANSLATE_NOOP("Messages", "a finding about the whole briefing cannot be waived yet"),
    "edit.already_waived": QT_TRANSLATE_NOOP("Messages", "this finding is already waived on the item"),
    "edit.not_waived": QT_TRANSLATE_NOOP("Messages", "the item has no waiver {key}"),
    "settings.unknown_option": QT_TRANSLATE_NOOP("Messages", "{key} is not a setting; the settings are: {names}"),
    "settings.bad_value": QT_TRANSLATE_NOOP("Messages", "{key} cannot be {value}; allowed: {allowed}"),
    "settings.file_bad_value": QT_TRANSLATE_NOOP(
        "Messages", "{file}: {key} = {value} is not allowed (allowed: {allowed}); the default, {default}, is used"
    ),
    "settings.file_unknown_key": QT_TRANSLATE_NOOP("Messages", "{file}: {key} is not a setting and is ignored"),
    "settings.file_damaged": QT_TRANSLATE_NOOP(
        "Messages",
        "{file} cannot be read ({reason}); the default settings are used, and the file will be kept aside when settings are next saved",  # noqa: E501
    ),
    "settings.file_newer": QT_TRANSLATE_NOOP(
        "Messages",
        "{file} was written by a newer Briefing Studio (settings version {version}); the settings this version knows are used",  # noqa: E501
    ),
    "settings.file_kept_aside": QT_TRANSLATE_NOOP(
        "Messages", "{file} had problems; it was kept as {kept} before the settings were saved"
    ),
    "settings.file_migrated": QT_TRANSLATE_NOOP("Messages", "settings were copied from {old} into {file}"),
    "settings.cannot_save": QT_TRANSLATE_NOOP("Messages", "{file}: settings not saved ({reason})"),
    "memory.not_found": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: there is no translation memory here",
    ),
    "memory.damaged": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: the translation memory is damaged ({reason})",
    ),
    "memory.not_a_memory": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: not a Briefing Studio translation memory ({reason})",
    ),
    "memory.newer": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: the translation memory was written by a newer Briefing Studio (memory version {version}, this one reads up to {supported})",  # noqa: E501
    ),
    "memory.locked": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: the translation memory is in use by another program; try again in a moment",
    ),
    "memory.read_only": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: the translation memory is read-only ({reason})",
    ),
    "memory.cannot_create": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: cannot create a translation memory here ({reason})",
    ),
    "memory.exists": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: a file is already there",
    ),
    "tmx.too_big": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: the file is {size} MB; translation memories up to {limit} MB can be imported",
    ),
    "tmx.unreadable": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: cannot be read ({reason})",
    ),
    "tmx.broken": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}, line {line}: not well-formed TMX ({reason})",
    ),
    "tmx.dtd": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}, line {line}: the file declares a DTD of its own (<!DOCTYPE … [ … ]>), which can hide entity tricks; it is not imported",  # noqa: E501
    ),
    "tmx.not_tmx": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: not a TMX file (the root element is <{root}>)",
    ),
    "tmx.no_pair": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: no <tu> has both a Korean and an English segment (languages found: {languages})",
    ),
    "tmx.skipped": QT_TRANSLATE_NOOP(
        "Messages",
        "tu {tu} (line {line}): {reason}",
    ),
    "tmx.skip_missing": QT_TRANSLATE_NOOP(
        "Messages",
        "no segment in {language}",
    ),
    "tmx.skip_language": QT_TRANSLATE_NOOP(
        "Messages",
        "unknown language {language}",
    ),
    "tmx.skip_empty": QT_TRANSLATE_NOOP(
        "Messages",
        "an empty segment",
    ),
    "tmx.skip_duplicate": QT_TRANSLATE_NOOP(
        "Messages",
        "already in the memory",
    ),
    "tmx.cannot_write": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: cannot write the TMX file ({reason})",
    ),
    "exchange.too_big": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: the file is {size} MB; review files up to {limit} MB can be imported",
    ),
    "exchange.unreadable": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: cannot be read ({reason})",
    ),
    "exchange.cannot_write": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: cannot write the file ({reason})",
    ),
    "exchange.other_briefing": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: the file was exported from another briefing ({found}), not from this one ({wanted})",
    ),
    "exchange.no_identity": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: the file does not say which briefing it was exported from",
    ),
    "exchange.unknown_item": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}, {where}: no item with id '{item}' in the briefing",
    ),
    "exchange.duplicate_item": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}, {where}: item '{item}' appears twice in the file",
    ),
    "exchange.nothing_to_export": QT_TRANSLATE_NOOP(
        "Messages",
        "the briefing has no items whose source is {language} to export",
    ),
    "exchange.source_changed": QT_TRANSLATE_NOOP(
        "Messages",
        "{where}: the source was changed in the briefing since the export; nothing from it was taken",
    ),
    "exchange.source_edited": QT_TRANSLATE_NOOP(
        "Messages",
        "{where}: the source was edited in the file; a source is changed only in the briefing, so nothing from it was taken",  # noqa: E501
    ),
    "exchange.row_deleted": QT_TRANSLATE_NOOP(
        "Messages",
        "{where}: the row of item {number} was deleted from the file; the item was left as it is",
    ),
    "exchange.status_unknown": QT_TRANSLATE_NOOP(
        "Messages",
        "{where}: the status '{found}' is not one of: {choices}; the status was left as it is",
    ),
    "exchange.cannot_approve": QT_TRANSLATE_NOOP(
        "Messages",
        "{where}: not approved ({reason})",
    ),
    "exchange.target_conflict": QT_TRANSLATE_NOOP(
        "Messages",
        "{where}: the target was changed both in the file and in the briefing since the export; nothing from it was taken",  # noqa: E501
    ),
    "exchange.state_lowered": QT_TRANSLATE_NOOP(
        "Messages",
        "the reviewer set the state to '{state}' in the review file",
    ),
    "xliff.broken": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}, line {line}: not well-formed XML ({reason})",
    ),
    "xliff.dtd": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}, line {line}: the file declares a DTD of its own (<!DOCTYPE … [ … ]>), which can hide entity tricks; it is not imported",  # noqa: E501
    ),
    "xliff.not_xliff": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: not an XLIFF 2 file (the root element is <{root}>, version {version})",
    ),
    "xliff.bad_unit": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}, {where}: the unit cannot be read ({reason})",
    ),
    "xliff.no_id": QT_TRANSLATE_NOOP(
        "Messages",
        "a unit without an id",
    ),
    "xliff.unknown_data": QT_TRANSLATE_NOOP(
        "Messages",
        "an inline code refers to original data '{ref}' that the unit does not have",
    ),
    "xliff.bad_cp": QT_TRANSLATE_NOOP(
        "Messages",
        '<cp hex="{hex}"> is not a character',
    ),
    "review_docx.not_docx": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: not a DOCX file (not a zip archive)",
    ),
    "review_docx.no_document": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: not a DOCX file (it has no {part})",
    ),
    "review_docx.member_too_big": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: the part {part} unpacks to {size} MB (limit {limit} MB); the file is not opened",
    ),
    "review_docx.dtd": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: {part} declares a DTD (<!DOCTYPE …>), which can hide entity tricks; it is not imported",
    ),
    "review_docx.broken": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: the document cannot be read ({reason})",
    ),
    "review_docx.no_rows": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: no review table rows found (was the file exported as a review DOCX?)",
    ),
    "compare.no_backup": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: there is no earlier version to compare with ({backup} is written when the file is saved again); "
        "name two files",
    ),
    "compare.output_is_input": QT_TRANSLATE_NOOP(
        "Messages", "{path}: is one of the briefings compared; write the DOCX to another file"
    ),
    "terms.missing": QT_TRANSLATE_NOOP("Messages", "termbase {path} does not exist"),
    "terms.exists": QT_TRANSLATE_NOOP("Messages", "termbase {path} already exists"),
    "terms.damaged": QT_TRANSLATE_NOOP("Messages", "termbase {path} is damaged or not a termbase ({reason})"),
    "terms.newer": QT_TRANSLATE_NOOP(
        "Messages",
        "termbase {path} was written by a newer Briefing Studio (termbase version {version}; this one reads up to {supported})",  # noqa: E501
    ),
    "terms.locked": QT_TRANSLATE_NOOP(
        "Messages",
        "termbase {path} is locked by another program; try again when it is closed",
    ),
    "terms.read_only": QT_TRANSLATE_NOOP("Messages", "termbase {path} is read-only; its entries cannot be changed"),
    "terms.cannot_open": QT_TRANSLATE_NOOP("Messages", "termbase {path} cannot be opened ({reason})"),
    "terms.no_entry": QT_TRANSLATE_NOOP("Messages", "termbase {name} has no entry '{id}'"),
    "terms.duplicate_id": QT_TRANSLATE_NOOP("Messages", "termbase {name} already has an entry '{id}'"),
    "terms.empty_entry": QT_TRANSLATE_NOOP("Messages", "an entry needs at least one term with some text"),
    "terms.shipped_missing": QT_TRANSLATE_NOOP(
        "Messages",
        "the shipped termbase {path} is missing; reinstall Briefing Studio",
    ),
    "terms.shipped_bad": QT_TRANSLATE_NOOP("Messages", "the shipped termbase {path}, line {line}: {reason}"),
    "terms.file_too_large": QT_TRANSLATE_NOOP("Messages", "{file} is larger than {limit} MB, which no glossary is"),
    "terms.bad_encoding": QT_TRANSLATE_NOOP(
        "Messages",
        "{file} is not UTF-8 text, or UTF-16 with a byte order mark ({reason})",
    ),
    "terms.bad_xml": QT_TRANSLATE_NOOP("Messages", "{file}, line {line}: not well-formed XML ({reason})"),
    "terms.xml_entities": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: entity declarations and external references are refused; they can expand without limit or read other files",  # noqa: E501
    ),
    "terms.not_tbx": QT_TRANSLATE_NOOP("Messages", "{file}: not a TBX file (the root element is <{root}>)"),
    "terms.unknown_language": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, line {line}: the language '{language}' is neither Korean nor English",
    ),
    "terms.duplicate_entry": QT_TRANSLATE_NOOP("Messages", "{file}, line {line}: the entry id '{id}' is used twice"),
    "terms.unknown_format": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: unknown glossary format; use .tbx, .csv, .tsv, .txt or .utf8",
    ),
    "terms.cannot_read": QT_TRANSLATE_NOOP("Messages", "{file} cannot be read ({reason})"),
    "terms.cannot_write": QT_TRANSLATE_NOOP("Messages", "{file} cannot be written ({reason})"),
    "terms.bad_row": QT_TRANSLATE_NOOP("Messages", "{file}, line {line}: {reason}"),
    "terms.skip_no_term": QT_TRANSLATE_NOOP("Messages", "no term in this language pair"),
    "terms.skip_exists": QT_TRANSLATE_NOOP("Messages", "already in the termbase"),
    "terms.skip_repeated": QT_TRANSLATE_NOOP("Messages", "the same row again"),
    "terms.no_termbase": QT_TRANSLATE_NOOP(
        "Messages",
        "there is no termbase called {name}; the termbases are: {names}",
    ),
    "qa.acronyms_source_only": QT_TRANSLATE_NOOP("Messages", 'the acronym "{acronym}" is in the source only'),
    "qa.acronyms_target_only": QT_TRANSLATE_NOOP("Messages", 'the acronym "{acronym}" is in the translation only'),
    "qa.completeness_empty": QT_TRANSLATE_NOOP("Messages", "the source has text but the translation is empty"),
    "qa.completeness_untranslated": QT_TRANSLATE_NOOP("Messages", "the translation is still in the source's language"),
    "qa.completeness_source_script": QT_TRANSLATE_NOOP(
        "Messages", 'the English translation still has Korean in it: "{found}"'
    ),
    "qa.completeness_identical": QT_TRANSLATE_NOOP("Messages", "the translation is the same as the source"),
    "qa.completeness_sentences": QT_TRANSLATE_NOOP(
        "Messages", "the source has {source_count} sentences, the translation {target_count}"
    ),
    "qa.completeness_length": QT_TRANSLATE_NOOP(
        "Messages",
        "the English has {ratio} letters per Korean letter; pairs usually have {low} to {high}",
    ),
    "qa.markup_placeholder": QT_TRANSLATE_NOOP("Messages", 'a placeholder "{found}" was left in the text'),
    "qa.markup_emphasis": QT_TRANSLATE_NOOP(
        "Messages", "the source has {source_count} emphasised parts, the translation {target_count}"
    ),
    "qa.markup_links": QT_TRANSLATE_NOOP(
        "Messages", "the source has {source_count} links, the translation {target_count}"
    ),
    "qa.markup_list_items": QT_TRANSLATE_NOOP(
        "Messages", "the source has {source_count} list items, the translation {target_count}"
    ),
    "qa.markup_lines": QT_TRANSLATE_NOOP(
        "Messages", "the source has {source_count} lines, the translation {target_count}"
    ),
    "qa.markup_unbalanced": QT_TRANSLATE_NOOP("Messages", 'the translation opens "{marker}" and never closes it'),
    "qa.numbers_differs": QT_TRANSLATE_NOOP(
        "Messages", 'the source says "{source}" ({source_value}) where the translation says "{target}" ({target_value})'
    ),
    "qa.numbers_missing": QT_TRANSLATE_NOOP(
        "Messages", 'the source says "{source}" ({source_value}); the translation does not'
    ),
    "qa.numbers_extra": QT_TRANSLATE_NOOP(
        "Messages", 'the translation says "{target}" ({target_value}); the source does not'
    ),
    "qa.status_stale_approval": QT_TRANSLATE_NOOP("Messages", "approved, but the source changed after the approval"),
    "qa.status_source_changed": QT_TRANSLATE_NOOP(
        "Messages", "the source changed after the translation was made; it needs another look"
    ),
    "qa.status_machine": QT_TRANSLATE_NOOP("Messages", "machine translation that nobody has reviewed"),
    "qa.status_memory": QT_TRANSLATE_NOOP("Messages", "filled from the translation memory and not reviewed"),
    "qa.status_open_comments": QT_TRANSLATE_NOOP("Messages", "{count} comment(s) still open"),
    "qa.status_flagged": QT_TRANSLATE_NOOP("Messages", "flagged for review"),
    "qa.title_missing": QT_TRANSLATE_NOOP("Messages", "the title “{text}” has no translation"),
    "qa.title_machine": QT_TRANSLATE_NOOP(
        "Messages", "the title “{text}” is a machine translation that nobody has reviewed"
    ),
    "qa.title_review": QT_TRANSLATE_NOOP("Messages", "the title “{text}” needs another look"),
    "qa.terms_missing": QT_TRANSLATE_NOOP(
        "Messages", '"{source_term}" is usually "{expected}"; the translation has no rendering of it'
    ),
    "qa.terms_forbidden": QT_TRANSLATE_NOOP(
        "Messages", '"{found}" should not be used; the termbase says "{preferred}"'
    ),
    "qa.numbers_weekday": QT_TRANSLATE_NOOP("Messages", '{date} is a {actual}, not "{found}"'),
    "qa.meeting_place": QT_TRANSLATE_NOOP(
        "Messages", 'the text says the meeting was held in "{found}"; the meeting card says "{expected}"'
    ),
    "qa.terms_inconsistent": QT_TRANSLATE_NOOP(
        "Messages", '"{source_term}" is "{found}" here but "{first}" in item {other}'
    ),
    "qa.worker_gone": QT_TRANSLATE_NOOP("Messages", "the QA process stopped ({reason}): {error}"),
    "qa.check_failed": QT_TRANSLATE_NOOP("Messages", "a QA check failed in the QA process:\n{details}"),
    "qa.consistency_source": QT_TRANSLATE_NOOP("Messages", "the same source is translated differently in item {other}"),
    "qa.consistency_target": QT_TRANSLATE_NOOP(
        "Messages", "the same translation stands for a different source in item {other}"
    ),
    "qa.consistency_memory": QT_TRANSLATE_NOOP(
        "Messages", 'the translation memory translates this source as "{memory}"'
    ),
    "qa.style_endings": QT_TRANSLATE_NOOP(
        "Messages", 'the sentence ending "{found}" is {style}; most of the document is {usual}'
    ),
    "qa.style_date_form": QT_TRANSLATE_NOOP("Messages", 'the date "{found}" is usually written "{official}"'),
    "qa.meeting_session": QT_TRANSLATE_NOOP(
        "Messages", 'the text says "{found}"; the meeting card says session {session}'
    ),
    "qa.meeting_date": QT_TRANSLATE_NOOP("Messages", 'the text says "{found}"; the meeting card says {expected}'),
    "qa.meeting_name": QT_TRANSLATE_NOOP(
        "Messages", '"{found}" is on one side only; the meeting card writes it "{other}" on the other'
    ),
    "docx.not_a_zip": QT_TRANSLATE_NOOP("Messages", "not a Word file (not a zip archive)"),
    "docx.too_large": QT_TRANSLATE_NOOP("Messages", "larger than the {limit} MB a template may have"),
    "docx.too_many_parts": QT_TRANSLATE_NOOP("Messages", "{count} parts (a template may have {limit})"),
    "docx.part_too_large": QT_TRANSLATE_NOOP("Messages", "{part} unpacks to more than {limit} MB"),
    "docx.duplicate_part": QT_TRANSLATE_NOOP("Messages", "the part {part} is there twice"),
    "docx.missing_part": QT_TRANSLATE_NOOP("Messages", "the part {part} is missing"),
    "docx.bad_part": QT_TRANSLATE_NOOP("Messages", "{part} is not well-formed XML ({reason})"),
    "docx.entities": QT_TRANSLATE_NOOP("Messages", "{part} declares a DOCTYPE or entities, which are refused"),
    "docx.no_body": QT_TRANSLATE_NOOP("Messages", "{part} has no document body"),
    "docx.no_section": QT_TRANSLATE_NOOP(
        "Messages", "{part} has no section properties (w:sectPr: page size, header and footer)"
    ),
    "docx.bad_zip": QT_TRANSLATE_NOOP("Messages", "the zip archive is damaged ({reason})"),
    "import.unknown_format": QT_TRANSLATE_NOOP(
        "Messages", "{path}: not a format that can be imported (.txt, .md, .docx or .hwpx)"
    ),
    "import.binary": QT_TRANSLATE_NOOP("Messages", "{path}: binary data, not text (no encoding reads it)"),
    "import.too_large": QT_TRANSLATE_NOOP(
        "Messages", "{path}: larger than the {limit} MB an imported document may have"
    ),
    "import.damaged": QT_TRANSLATE_NOOP("Messages", "{path}: the document cannot be read ({reason})"),
    "import.encrypted": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: a password-protected document or an old Word .doc, not a .docx; save it unprotected as .docx first",
    ),
    "import.encrypted_hwpx": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: a password-protected HWPX document or an HWP 5 (.hwp) file, not a readable .hwpx; "
        "save it unprotected as .hwpx first",
    ),
    "import.zip_not_a_zip": QT_TRANSLATE_NOOP("Messages", "not a zip archive"),
    "import.zip_too_many_parts": QT_TRANSLATE_NOOP(
        "Messages", "{count} parts, more than the {limit} a document may have"
    ),
    "import.zip_part_too_large": QT_TRANSLATE_NOOP("Messages", "{part} unpacks to more than {limit} MB"),
    "import.zip_too_large": QT_TRANSLATE_NOOP("Messages", "its parts unpack to more than {limit} MB"),
    "import.zip_damaged": QT_TRANSLATE_NOOP("Messages", "the zip archive is damaged ({reason})"),
    "import.zip_entities": QT_TRANSLATE_NOOP(
        "Messages", "{part} declares a DOCTYPE or XML entities, which are refused"
    ),
    "import.empty": QT_TRANSLATE_NOOP("Messages", "{path}: there is no text to import"),
    "import.exists": QT_TRANSLATE_NOOP("Messages", "{path}: already exists; add --force to replace it"),
    "import.same_language": QT_TRANSLATE_NOOP(
        "Messages",
        "{first} and {second} are in the same language ({language}): a bilingual import needs a Korean and an "
        "English version",
    ),
    "import.cannot_pair": QT_TRANSLATE_NOOP(
        "Messages",
        "{first} and {second} cannot be paired: pair an unpaired Korean item with an unpaired English item",
    ),
    "import.not_a_pair": QT_TRANSLATE_NOOP("Messages", "{id}: not an aligned pair of this import"),
    "import.needs_pair": QT_TRANSLATE_NOOP(
        "Messages", "--to-memory needs two documents, a Korean and an English version of the same one"
    ),
    "storage.not_regular": QT_TRANSLATE_NOOP(
        "Messages", "{path}: not a regular file (a pipe, a device or a socket); only files are read"
    ),
    "storage.over_limit": QT_TRANSLATE_NOOP("Messages", "{path}: larger than {limit} MB; not read"),
    "storage.is_link": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: is a link (to {target}); nothing is written through a link. Save to the file itself, "
        "or under another name",
    ),
    "storage.read_only": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: the file is read-only, so it is not replaced. Save under another name, "
        "or make the file writable first",
    ),
    "storage.not_a_file": QT_TRANSLATE_NOOP(
        "Messages", "{path}: not a regular file (a pipe, a device or a socket); nothing is written there"
    ),
    "templates.unusable_document": QT_TRANSLATE_NOOP("Messages", "{where}: {name} cannot be used ({reason})"),
    "templates.stripped": QT_TRANSLATE_NOOP(
        "Messages",
        "template '{key}': {name}: external links and macros were stripped from the copy the export uses: {stripped}",
    ),
    "templates.cannot_clean": QT_TRANSLATE_NOOP(
        "Messages", "{where}: the cleaned copy of {name} cannot be written ({reason})"
    ),
    "export.output_is_link": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: is a link; an export never writes through a link (remove it, or export into another folder)",
    ),
    "export.publish_failed": QT_TRANSLATE_NOOP(
        "Messages",
        "{folder}: the pack could not be put in place ({reason}); its earlier files may be gone. Export again",
    ),
    "pack.no_manifest": QT_TRANSLATE_NOOP("Messages", "{manifest}: missing: the export of this pack did not finish"),
    "pack.bad_manifest": QT_TRANSLATE_NOOP("Messages", "{manifest}: not a pack manifest ({reason})"),
    "pack.missing_file": QT_TRANSLATE_NOOP("Messages", "{file}: listed in the manifest but missing"),
    "pack.not_a_file": QT_TRANSLATE_NOOP("Messages", "{file}: a link or not a regular file"),
    "pack.digest_mismatch": QT_TRANSLATE_NOOP(
        "Messages", "{file}: its contents are not what the manifest lists (SHA-256 differs)"
    ),
    "pack.leftover_staging": QT_TRANSLATE_NOOP(
        "Messages", "{folder}: an export of this pack was interrupted (its staging folder is still there)"
    ),
    "pack.stale_file": QT_TRANSLATE_NOOP("Messages", "{file}: not listed in the manifest (left by an earlier export)"),
    "pack.zip_mismatch": QT_TRANSLATE_NOOP("Messages", "{file}: its copy of {member} differs from the pack's file"),
    "recovery.skipped": QT_TRANSLATE_NOOP(
        "Messages", "{path}: a recovery copy that cannot be opened here ({reason}); left as it is"
    ),
    "store.bad_address": QT_TRANSLATE_NOOP(
        "Messages",
        "{address} is not a PostgreSQL store address (postgresql://user@host:port/database)",
    ),
    "store.conflict": QT_TRANSLATE_NOOP(
        "Messages",
        "entry '{id}' was changed by {who} at {when} after you read it; your change was not saved: reload the entry and make it again",  # noqa: E501
    ),
    "store.connection_lost": QT_TRANSLATE_NOOP(
        "Messages",
        "the connection to the office store {address} was lost ({reason}); the change was not saved",
    ),
    "store.disk_full": QT_TRANSLATE_NOOP(
        "Messages",
        "the office store {address} has no room left on its server; the change was not saved",
    ),
    "store.failed": QT_TRANSLATE_NOOP(
        "Messages",
        "the office store {address} refused the request ({reason})",
    ),
    "store.newer": QT_TRANSLATE_NOOP(
        "Messages",
        "the office store {address} was written by a newer Briefing Studio (store version {version}; this one reads up to {supported})",  # noqa: E501
    ),
    "store.no_trigrams": QT_TRANSLATE_NOOP(
        "Messages",
        "the office store {address} cannot index Korean text (its character type is {ctype}); create the database with a UTF-8 locale such as C.UTF-8",  # noqa: E501
    ),
    "store.none_chosen": QT_TRANSLATE_NOOP(
        "Messages",
        "no office store is chosen (the office_store setting or {variable})",
    ),
    "store.queue_damaged": QT_TRANSLATE_NOOP(
        "Messages",
        "the queue of changes made away from the office store, {path}, cannot be read ({reason}); it was left as it is",
    ),
    "store.copy_without_versions": QT_TRANSLATE_NOOP(
        "Messages",
        "the local copy of the office store was made by an older Briefing Studio and does not know which version of entry '{id}' you read; run `briefing-studio store sync` once on the office network before editing office entries away from it",  # noqa: E501
    ),
    "store.not_queued": QT_TRANSLATE_NOOP(
        "Messages",
        "no change to entry '{id}' is waiting to be sent",
    ),
    "store.queued_edit_conflict": QT_TRANSLATE_NOOP(
        "Messages",
        "your change to entry '{id}' made away from the office store was not sent: {who} changed it at {when} after your copy was made (yours: {mine}; the office's: {theirs}); it stays in the queue: `briefing-studio store resolve {id} --mine` sends yours over theirs, `--theirs` drops yours",  # noqa: E501
    ),
    "store.queued_delete_conflict": QT_TRANSLATE_NOOP(
        "Messages",
        "your deletion of entry '{id}' ({mine}) made away from the office store was not sent: {who} changed it at {when} to {theirs}; it stays in the queue: `briefing-studio store resolve {id} --mine` deletes it all the same, `--theirs` keeps their entry",  # noqa: E501
    ),
    "store.queued_edit_gone": QT_TRANSLATE_NOOP(
        "Messages",
        "your change to entry '{id}' ({mine}) made away from the office store was not sent: the entry was deleted from the office store since; it stays in the queue: `briefing-studio store resolve {id} --mine` adds it again, `--theirs` drops it",  # noqa: E501
    ),
    "store.queued_conflict": QT_TRANSLATE_NOOP(
        "Messages",
        "the term '{ko}' → '{en}' you added away from the office store was not sent: the office store renders '{ko}' as '{office}' (entry '{id}'); it stays in the queue until you resolve it",  # noqa: E501
    ),
    "store.not_set_up": QT_TRANSLATE_NOOP(
        "Messages",
        "{address} holds no Briefing Studio store yet; `briefing-studio store migrate --to ADDRESS` sets one up",
    ),
    "store.password_file_open": QT_TRANSLATE_NOOP(
        "Messages",
        "the password file {path} can be read by other users; make it readable only by you (chmod 600 {path})",
    ),
    "store.password_file_unreadable": QT_TRANSLATE_NOOP(
        "Messages",
        "the password file {path} cannot be read ({reason})",
    ),
    "store.password_in_address": QT_TRANSLATE_NOOP(
        "Messages",
        "the store address {address} holds a password; remove it and put the password in a file only you can read (the office_store_password_file setting), in PGPASSWORD or in a PostgreSQL passfile",  # noqa: E501
    ),
    "store.read_only": QT_TRANSLATE_NOOP(
        "Messages",
        "the office store {address} may only be read by {user}; the change was not made",
    ),
    "store.refused": QT_TRANSLATE_NOOP(
        "Messages",
        "the office store {address} refused the connection ({reason})",
    ),
    "store.same": QT_TRANSLATE_NOOP(
        "Messages",
        "the source and the target are the same store ({address})",
    ),
    "store.unreachable": QT_TRANSLATE_NOOP(
        "Messages",
        "the office store {address} cannot be reached ({reason})",
    ),
    "store.wrong_password": QT_TRANSLATE_NOOP(
        "Messages",
        "the office store {address} refused the password of {user}",
    ),
}


def _language(code: str) -> str:
    names = {
        "ko": QCoreApplication.translate("Messages", "Korean"),
        "en": QCoreApplication.translate("Messages", "English"),
    }
    return names.get(code, code)


def _status(value: str) -> str:
    return status_text(TargetStatus(value))


def _type(value: str) -> str:
    return type_names()[ItemType(value)]


# parameter name → how the window words its values (the same names as the core's `register_values`)
_VALUE_WORDS: dict[str, Callable[[str], str]] = {
    "status": _status,
    "type": _type,
    "from_language": _language,
    "to_language": _language,
    "language": _language,  # a TMX segment's language (a code other than ko/en is shown as it is)
}


def _value(name: str, value: Any) -> Any:
    if isinstance(value, Message):
        return text(value.code, value.params)
    if isinstance(value, list | tuple):
        separator = QCoreApplication.translate("Messages", ", ", "between the entries of a list in a message")
        return separator.join(str(_value(name, element)) for element in value)
    word = _VALUE_WORDS.get(name)
    if word is not None:
        try:
            return word(str(value))
        except (ValueError, KeyError):
            return value  # not a value of that vocabulary (e.g. a damaged file's): shown as it is
    return value


def text(code: str, params: Mapping[str, Any] | None = None) -> str:
    """A message in the interface language; an unknown code falls back to the core's English."""
    params = params or {}
    source = CATALOGUE.get(code)
    if source is None:
        return Message(code, params).english()
    template = QCoreApplication.translate(CONTEXT, source)
    values = {name: _value(name, value) for name, value in params.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template


def problem_text(problem: Problem) -> str:
    """One problem of a file as "path: what is wrong", the path as the file has it."""
    return f"{problem.path}: {text(problem.code, problem.params)}"


def error_text(error: BaseException) -> str:
    """What a dialog says about a failure: a coded error from the catalogue (a file's every problem on its own
    line); any other exception as Python words it."""
    if isinstance(error, BriefingFormatError):
        summary = text(error.code, error.params)
        lines = [f"{error.source}: {summary}" if error.source else summary]
        shown = error.problems[:MAX_PROBLEMS_SHOWN]
        lines += [f"  {problem_text(problem)}" for problem in shown]
        if len(error.problems) > len(shown):
            lines.append("  " + text("file.more_problems", {"count": len(error.problems) - len(shown)}))
        return "\n".join(lines)
    if isinstance(error, BriefingError):
        return text(error.code, error.params)
    return str(error)


def refusal_text(refusal: EditRefused) -> str:
    """Why an edit was not made: each rule it would have broken on a line of its own, as sentences."""
    lines = [text(problem.code, problem.params) for problem in refusal.problems]
    joined = "\n".join(lines) if lines else text(refusal.code, refusal.params)
    return joined[:1].upper() + joined[1:]
