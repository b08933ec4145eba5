"""Each office template is checked on its own: a malformed one is listed with its problem and the others keep
working; external links and macros are stripped from the copy the export uses, and said."""

from __future__ import annotations

import io
import json
import os
import shutil
import time
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest

from briefing.cli.main import run as cli
from briefing.export import docx_safety
from briefing.export.docx_safety import UnusableDocx, clean
from briefing.export.pack import make_pack
from briefing.export.templates import (
    Layout,
    available_templates,
    find_template,
    template_errors,
    template_notices,
    user_templates_folder,
)
from tests.helpers import small_briefing

BUILT_IN = {"briefing-pack", "meeting-report", "press-release"}
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def office(name: str, manifest: Callable[[dict[str, Any]], object] | None = None) -> Path:
    """A copy of the press release template in the office's folder, its manifest changed by `manifest`."""
    folder = user_templates_folder() / name
    shutil.copytree(find_template("press-release").folder, folder)
    if manifest is not None:
        data = json.loads((folder / "manifest.json").read_text("utf-8"))
        manifest(data)
        (folder / "manifest.json").write_text(json.dumps(data), "utf-8")
    return folder


def rewrite(path: Path, changes: dict[str, bytes], *, duplicate: str | None = None) -> None:
    """The Word file at `path` with parts replaced or added (and one part written twice, if asked)."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    parts.update(changes)
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name the test writes on purpose
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bundle:
            for name, data in parts.items():
                bundle.writestr(name, data)
            if duplicate:
                bundle.writestr(duplicate, parts[duplicate])
    path.write_bytes(out.getvalue())


def part(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as bundle:
        return bundle.read(name)


def set_key(key: str, value: object) -> Callable[[dict[str, Any]], object]:
    return lambda data: data.__setitem__(key, value)


BAD_MANIFESTS: dict[str, tuple[Callable[[dict[str, Any]], object], str]] = {
    "name-list": (set_key("name", []), "name must be"),
    "name-number": (set_key("name", {"ko": 1, "en": "x"}), "name must be"),
    "layouts-string": (set_key("layouts", "ko"), "layouts must be"),
    "documents-escape": (set_key("documents", {"ko": "../../document.docx"}), "documents must map"),
    "fonts-none": (set_key("fonts", None), "fonts.east_asian"),
    "style-list": (set_key("style", ["press"]), "style must be"),
    "date-style-number": (set_key("date_style", {"ko": 3}), "date_style must"),
    "not-an-object": (lambda data: data.clear(), "name must be"),
}


def test_malformed_templates_are_listed_and_the_others_keep_working(tmp_path: Path) -> None:
    for name, (change, _) in BAD_MANIFESTS.items():
        office(name, change)
    (office("deep") / "manifest.json").write_text('{"name": ' + "[" * 50_000 + "]" * 50_000 + "}", "utf-8")
    (office("huge-manifest") / "manifest.json").write_text(json.dumps({"name": "x" * 400_000}), "utf-8")
    (office("binary-manifest") / "manifest.json").write_bytes(b"\xff\xfe\x00garbage")
    folder = office("no-section")
    body = part(folder / "document.docx", "word/document.xml")
    without = body[: body.index(b"<w:sectPr")] + body[body.index(b"</w:body>") :]
    rewrite(folder / "document.docx", {"word/document.xml": without})
    (office("not-a-zip") / "bilingual.docx").write_bytes(b"PK\x03\x04 but nothing after")
    folder = office("duplicate-part")
    rewrite(folder / "document.docx", {}, duplicate="word/styles.xml")
    folder = office("entities")
    body = part(folder / "document.docx", "word/document.xml")
    bomb = b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
    rewrite(folder / "document.docx", {"word/document.xml": bomb + body[body.index(b"<w:document") :]})
    folder = office("no-main-document")
    rewrite(
        folder / "document.docx",
        {
            "_rels/.rels": part(folder / "document.docx", "_rels/.rels").replace(
                b"officeDocument/2006/relationships/officeDocument", b"officeDocument/2006/relationships/other"
            )
        },
    )

    started = time.process_time()
    usable = available_templates()
    errors = {error.params["where"].split("'")[1]: str(error) for error in template_errors()}
    elapsed = time.process_time() - started
    assert set(usable) == BUILT_IN  # the built-in templates are untouched by the office's bad ones
    expected = set(BAD_MANIFESTS) | {
        "deep",
        "huge-manifest",
        "binary-manifest",
        "no-section",
        "not-a-zip",
        "duplicate-part",
        "entities",
        "no-main-document",
    }
    assert set(errors) == expected
    for name, (_, reason) in BAD_MANIFESTS.items():
        assert reason in errors[name], errors[name]
    assert "nested too deeply" in errors["deep"]
    assert "larger than 0.25 MB" in errors["huge-manifest"]
    assert "no section properties (w:sectPr" in errors["no-section"]
    assert "bilingual.docx cannot be used (not a Word file" in errors["not-a-zip"]
    assert "the part word/styles.xml is there twice" in errors["duplicate-part"]
    assert "declares a DOCTYPE or entities" in errors["entities"]
    assert "the part word/document.xml is missing" in errors["no-main-document"]
    assert elapsed < 10
    make_pack(small_briefing(), usable["press-release"], tmp_path, "m", [Layout.KO], draft=True)  # still exports


def test_the_templates_command_lists_the_bad_ones_and_succeeds(capsys: pytest.CaptureFixture[str]) -> None:
    office("broken", set_key("name", []))
    assert cli(["templates"]) == 0
    captured = capsys.readouterr()
    assert "press-release" in captured.out and "broken" not in captured.out
    assert "warning: template 'broken'" in captured.err and "name must be" in captured.err


def test_a_template_with_a_picture_over_the_cap_is_refused_quickly() -> None:
    folder = office("big-picture")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bundle:  # 60 MB of zeros deflate to ~60 kB
        bundle.writestr("word/media/image1.png", bytes(docx_safety.MAX_PART_BYTES + 12 * 2**20))
    with zipfile.ZipFile(out) as bundle:
        picture = bundle.read("word/media/image1.png")
    rewrite(folder / "document.docx", {"word/media/image1.png": picture})
    assert (folder / "document.docx").stat().st_size < 2**20  # small on disk: the cap is on what it unpacks to
    started = time.process_time()
    errors = [str(error) for error in template_errors()]
    assert time.process_time() - started < 2
    assert any("word/media/image1.png unpacks to more than 48 MB" in error for error in errors), errors


def test_a_template_file_over_the_size_cap_is_refused(tmp_path: Path) -> None:
    folder = office("big-file")
    with (folder / "bilingual.docx").open("r+b") as stream:
        stream.truncate(docx_safety.MAX_DOCX_BYTES + 1)  # sparse: nothing is written
    errors = [str(error) for error in template_errors()]
    assert any("bilingual.docx cannot be used" in error and "larger than 32 MB" in error for error in errors)


def test_a_document_that_is_a_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    folder = office("pipe")
    (folder / "bilingual.docx").unlink()
    os.mkfifo(folder / "bilingual.docx")
    errors = [str(error) for error in template_errors()]
    assert any("bilingual.docx cannot be used" in error and "not a regular file" in error for error in errors)


SETTINGS_LINK = (
    b'<w:attachedTemplate xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdTemplate"/>'
)
HEADER_PICTURE = (
    b'<w:p><w:r><w:pict><v:shape><v:imagedata r:id="rIdLogo" o:title="logo"/></v:shape></w:pict></w:r></w:p>'
    b'<w:p><w:hyperlink r:id="rIdShare"><w:r><w:t>share</w:t></w:r></w:hyperlink>'
    b'<w:hyperlink r:id="rIdWeb"><w:r><w:t>web</w:t></w:r></w:hyperlink></w:p>'
)


def rels(*entries: tuple[str, str, str, bool]) -> bytes:
    body = "".join(
        f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"'
        + (' TargetMode="External"' if external else "")
        + "/>"
        for rid, kind, target, external in entries
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{body}</Relationships>'
    ).encode()


def hostile_links(path: Path) -> None:
    """A linked header picture on a web server, a UNC hyperlink, a web hyperlink, an attachedTemplate URL, an OLE
    link to /etc/passwd and a macro project: what issue 17 found templates carrying into every DOCX."""
    header = part(path, "word/header1.xml").replace(b"</w:hdr>", HEADER_PICTURE + b"</w:hdr>")
    settings = part(path, "word/settings.xml")
    settings = settings.replace(b"</w:settings>", SETTINGS_LINK + b"</w:settings>")
    document_rels = part(path, "word/_rels/document.xml.rels").replace(
        b"</Relationships>",
        b'<Relationship Id="rIdOle" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject"'
        b' Target="file:///etc/passwd" TargetMode="External"/>'
        b'<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject"'
        b' Target="vbaProject.bin"/></Relationships>',
    )
    types = part(path, "[Content_Types].xml").replace(
        b"</Types>",
        b'<Override PartName="/word/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
    )
    rewrite(
        path,
        {
            "word/header1.xml": header,
            "word/_rels/header1.xml.rels": rels(
                ("rIdLogo", f"{R}/image", "http://127.0.0.1:9/logo.png", True),
                ("rIdShare", f"{R}/hyperlink", "\\\\server\\share\\x.docx", True),
                ("rIdWeb", f"{R}/hyperlink", "https://www.mnd.go.kr/", True),
            ),
            "word/settings.xml": settings,
            "word/_rels/settings.xml.rels": rels(
                ("rIdTemplate", f"{R}/attachedTemplate", "http://127.0.0.1:9/evil.dotm", True)
            ),
            "word/_rels/document.xml.rels": document_rels,
            "word/vbaProject.bin": b"\xd0\xcf\x11\xe0 a macro project",
            "[Content_Types].xml": types,
        },
    )


def test_external_links_and_macros_are_stripped_and_said(tmp_path: Path) -> None:
    folder = office("linked")
    hostile_links(folder / "document.docx")
    template = find_template("linked")
    notices = [str(notice) for notice in template_notices()]
    assert len(notices) == 1
    notice = notices[0]
    assert notice.startswith("template 'linked': document.docx: external links and macros were stripped")
    for said in (
        "image → http://127.0.0.1:9/logo.png",
        "hyperlink → \\\\server\\share",
        "attachedTemplate",
        "oleObject → file:///etc/passwd",
        "vbaProject (word/vbaProject.bin)",
    ):
        assert said in notice, notice
    assert "mnd.go.kr" not in notice  # a web hyperlink is harmless and stays
    copy = template.document(Layout.KO)
    assert copy != folder / "document.docx" and copy.is_file()
    assert template.document(Layout.BILINGUAL) == folder / "bilingual.docx"  # a clean file is used as it is
    with zipfile.ZipFile(copy) as bundle:
        names = bundle.namelist()
        everything = b"".join(bundle.read(name) for name in names)
    assert "word/vbaProject.bin" not in names
    assert b"127.0.0.1" not in everything and b"/etc/passwd" not in everything and b"\\\\server" not in everything
    assert b"vbaProject" not in everything and b"attachedTemplate" not in everything
    assert b"https://www.mnd.go.kr/" in everything and b">share<" in everything  # the unlinked text stays
    docx.Document(str(copy))  # still a Word document
    result = make_pack(small_briefing(), template, tmp_path, "m", [Layout.KO], draft=True)
    written = b"".join(part(result.files[0], name) for name in zipfile.ZipFile(result.files[0]).namelist())
    assert b"127.0.0.1" not in written and b"vbaProject" not in written and b"/etc/passwd" not in written
    # the original stays as the office made it
    assert b"vbaProject" in part(folder / "document.docx", "word/_rels/document.xml.rels")


def test_a_macro_enabled_main_document_becomes_a_plain_one() -> None:
    source = find_template("press-release").document(Layout.KO).read_bytes()
    with zipfile.ZipFile(io.BytesIO(source)) as bundle:
        types = bundle.read("[Content_Types].xml")
    assert docx_safety.WML_MAIN.encode() in types
    path = user_templates_folder() / "x.docx"
    path.parent.mkdir(parents=True)
    path.write_bytes(source)
    rewrite(
        path,
        {
            "[Content_Types].xml": types.replace(
                docx_safety.WML_MAIN.encode(), b"application/vnd.ms-word.document.macroEnabled.main+xml"
            )
        },
    )
    cleaned = clean(path.read_bytes())
    assert cleaned.stripped == ("word/document.xml: application/vnd.ms-word.document.macroEnabled.main+xml",)
    docx.Document(io.BytesIO(cleaned.data))


@pytest.mark.parametrize("data", [b"", b"PK", b"\x00" * 100, b"not a zip at all"])
def test_damaged_word_files_are_refused_with_a_code(data: bytes) -> None:
    with pytest.raises(UnusableDocx) as caught:
        clean(data)
    assert caught.value.code == "docx.not_a_zip"


def test_the_built_in_templates_need_no_cleaning() -> None:
    for template in available_templates().values():
        assert template.stripped == ()
        for layout in template.layouts:
            assert clean(template.document(layout).read_bytes()).stripped == ()


def test_cleaned_copies_no_template_uses_are_removed_after_a_day() -> None:
    folder = office("linked")
    hostile_links(folder / "document.docx")
    in_use = find_template("linked").document(Layout.KO)
    fresh, stale = in_use.with_name("0" * 64 + ".docx"), in_use.with_name("1" * 64 + ".docx")
    for leftover in (fresh, stale):  # copies of templates since fixed or removed
        leftover.write_bytes(in_use.read_bytes())
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(stale, (two_days_ago, two_days_ago))
    os.utime(in_use, (two_days_ago, two_days_ago))  # old, but still what the template exports from
    available_templates()
    assert in_use.is_file() and fresh.is_file()  # a copy another running export may have just made stays
    assert not stale.exists()
    shutil.rmtree(folder)  # the template is gone: its copy goes too, once old
    available_templates()
    assert not in_use.exists() and fresh.is_file()
