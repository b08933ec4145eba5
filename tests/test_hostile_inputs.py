"""Hostile inputs (issue 17): texts that would hang or crash the Markdown parsers, files that validate but
could not be written, terminal escapes. Each attack of the issue is kept here as a test."""

from __future__ import annotations

import io
import json
import re
import time
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.cli.main import run
from briefing.cli.terminal import neutralise
from briefing.export import markdown_docx
from briefing.export.markdown_docx import is_plain, parse
from briefing.export.render import render
from briefing.export.templates import Layout, find_template
from briefing.fileformat import CURRENT_VERSION, BriefingFormatError, dumps, loads
from briefing.language.dates import DateError, PartialDate
from briefing.model import Briefing, Language
from briefing.schema import SchemaChecker, checker
from briefing.storage import save
from briefing.translation.markup import extract
from tests.conftest import EXAMPLE
from tests.helpers import item, small_briefing

# The cases (61 s, > 60 s, RecursionError) and their relatives.
HANGING = [
    "[" * 20000,
    "[" * 50000,
    "![" * 20000,
    "- " * 1000 + "x",
    "1. " * 3000,
    "> " * 3000 + "x",
    "[](" * 5000,
    "\n".join(" " * (4 * level) + "- x" for level in range(300)),
    "**a " * 5000,
    "_" * 10000,
    "[a]: b\n" * 10000,
]
SECONDS = 3.0  # generous for a loaded machine: the cases took 61 s or more before


def _letters(text: str) -> Counter[str]:
    return Counter(re.findall(r"[^\W_]", text))


def _tree_letters(text: str) -> Counter[str]:
    root, resolve = parse.__wrapped__(text)  # uncached: time the work
    shown = Counter(re.findall(r"[^\W_]", resolve("".join(root.itertext()))))
    for element in root.iter():
        for value in element.attrib.values():
            shown.update(re.findall(r"[^\W_]", resolve(value)))
    return shown


@pytest.mark.parametrize("text", HANGING, ids=lambda text: repr(text[:8]))
def test_hostile_markdown_is_parsed_quickly_and_loses_nothing(text: str) -> None:
    started = time.process_time()
    shown = _tree_letters(text)
    extract(text)
    assert time.process_time() - started < SECONDS
    wanted = _letters(re.sub(r"^(?:[-+*> ]|\d+\.)+", "", text, flags=re.MULTILINE))
    assert all(shown[letter] >= count for letter, count in wanted.items() if letter != "1")


def test_plain_text_keeps_paragraphs_and_lines() -> None:
    text = "[" * 3000 + "\nsecond line\n\n\nnext paragraph"
    assert is_plain(text)
    root, _resolve = parse(text)
    assert [child.tag for child in root] == ["p", "p"]
    assert root[0].text == "[" * 3000 and root[0][0].tag == "br" and root[0][0].tail == "second line"
    assert root[1].text == "next paragraph"


def test_ordinary_markdown_is_still_markdown() -> None:
    text = "Intro with [a link](https://example.org) and **bold**.\n\n- one\n    - two\n        - three"
    assert not is_plain(text)
    root, _resolve = parse(text)
    assert [child.tag for child in root] == ["p", "ul"]
    assert root.find(".//a") is not None and root.find(".//strong") is not None
    assert not is_plain("- " * markdown_docx.MAX_NESTING + "x")
    assert is_plain("- " * (markdown_docx.MAX_NESTING + 1) + "x")
    assert is_plain("x" * (markdown_docx.MAX_MARKDOWN_CHARS + 1))
    assert not is_plain("[a](b) " * 2000)  # many balanced links are fine


def test_a_briefing_with_hostile_items_exports() -> None:
    briefing: Briefing = small_briefing()
    section = briefing.sections[0]
    for text in ("[" * 20000, "- " * 1000 + "x", "1. " * 3000):
        briefing.add_item(section.id, item(text))
    started = time.process_time()
    data = render(briefing, find_template("meeting-report"), Layout.EN)
    assert time.process_time() - started < 2 * SECONDS
    body = "".join(t.text or "" for t in docx.Document(io.BytesIO(data)).element.body.iter(qn("w:t")))
    assert "[" * 20000 in body and "1. " * 5 in body


MARKUP = st.sampled_from(
    ["[", "]", "(", ")", "!", "*", "**", "_", "`", "<", ">", "- ", "1. ", "\n", "    ", " ", "a", "한"]
)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(MARKUP, st.integers(1, 3000)), min_size=1, max_size=4))
def test_property_repeated_markup_is_bounded_and_keeps_every_letter(runs: list[tuple[str, int]]) -> None:
    text = "".join(token * count for token, count in runs)
    started = time.process_time()
    shown = _tree_letters(text)
    extract(text)
    assert time.process_time() - started < SECONDS
    source = re.sub(r"^(?:[-+*> \t]|\d+[.)])+", "", text, flags=re.MULTILINE)
    assert all(shown[letter] >= count for letter, count in _letters(source).items() if letter != "1")


@given(st.text(st.sampled_from("[]()!*_`<>-1. \na한"), max_size=200))
def test_property_any_short_markup_parses(text: str) -> None:
    root, _resolve = parse(text)
    assert root.tag == "div"
    assert extract(text).assemble(extract(text).segments)[0] == text


# -- files that validate but could not be written (point 7) ---------------------------------------


def example_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text("utf-8"))
    return data


def refused(text: str) -> list[str]:
    with pytest.raises(BriefingFormatError) as raised:
        loads(text)
    return [str(problem) for problem in raised.value.problems]


def with_change(change: Callable[[dict[str, Any]], None]) -> str:
    data = example_data()
    change(data)
    return json.dumps(data, ensure_ascii=False)


def _set(path: str, value: object) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split("/")
        node: Any = data
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        node[int(last) if last.isdigit() else last] = value

    return change


LONG = "가" * 130
UNWRITABLE_CASES = [
    ("title/ko", LONG + "\n" + "x" * 130, "$.title: is longer than 255 characters in both languages together"),
    ("title/en", "Talks\x00", "$.title.en: contains U+0000, which cannot be written here"),
    ("title/ko", "회의\x1b]0;pwned\x07", "$.title.ko: contains U+001B"),
    ("title/en", "Talks \ufffe", "$.title.en: contains U+FFFE"),
    ("author", "Kim\uffff", "$.author: contains U+FFFF"),
    ("author", "K" * 256, "$.author: is longer than 255 characters"),
    ("meeting/series/code", "SC\x0bWG", "$.meeting.series.code: contains U+000B"),
    ("meeting/series/name/en", "W" * 240, "$.meeting.series.name: is longer than 255 characters in both languages"),
    ("created", "0001-01-01T00:00:00+01:00", '$.created: "0001-01-01T00:00:00+01:00" is outside the years 1000'),
    ("modified", "9999-12-31T23:59:59-01:00", '$.modified: "9999-12-31T23:59:59-01:00" is outside the years'),
    ("created", "0999-12-31T00:00:00Z", '$.created: "0999-12-31T00:00:00Z" is outside the years 1000 to 9999'),
    ("sections/2/items/2/comments/0/created", "0001-01-01T00:30:00+01:00", '.comments[0].created: "0001-01-01'),
    ("meeting/start_date", "٢٠٢٤-١١-٠٧", '$.meeting.start_date: "٢٠٢٤-١١-٠٧" is not'),
    ("sections/0/id", "s1\n", '$.sections[0].id: "s1\\n" is not'),
    ("sections/0/items/0/basis", "0123456789abcdef\n", '$.sections[0].items[0].basis: "0123456789abcdef\\n"'),
    ("version", True, "$.version: expected a whole number from 1, found true"),
]


@pytest.mark.parametrize(
    ("path", "value", "expected"), UNWRITABLE_CASES, ids=[c[0] + repr(c[1])[:12] for c in UNWRITABLE_CASES]
)
def test_the_reader_refuses_what_the_writers_cannot_write_with_its_path(
    path: str, value: object, expected: str
) -> None:
    problems = refused(with_change(_set(path, value)))
    assert any(expected in problem for problem in problems), problems


def test_a_lone_surrogate_escaped_in_json_is_refused_with_its_path() -> None:
    text = with_change(_set("sections/0/items/0/text/en", "PLACEHOLDER")).replace("PLACEHOLDER", "broken \\ud800 text")
    assert refused(text) == ["$.sections[0].items[0].text.en: contains U+D800, which cannot be written here; remove it"]


def test_arabic_indic_digits_in_a_partial_date_are_refused() -> None:
    with pytest.raises(DateError):
        PartialDate.parse("٢٠٢٥-٠١")
    with pytest.raises(DateError):
        PartialDate.parse("2025-01\n")
    assert PartialDate.parse("2025-01").isoformat() == "2025-01"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"format": "briefing-studio/briefing", "format": "x", "version": 3}', ["$.format"]),
        (None, ["$.title.status"]),
    ],
)
def test_duplicate_keys_are_refused_with_their_path(text: str | None, expected: list[str]) -> None:
    if text is None:  # a real file with one field (the title's status, the first status in it) given twice
        original = EXAMPLE.read_text("utf-8")
        text = original.replace('"status": ', '"status": "approved",\n"status": ', 1)
        assert text != original
    problems = refused(text)
    assert problems == [
        f"{path}: this field is given twice (a reader would silently keep only the last)" for path in expected
    ]


def test_the_schema_checker_tells_true_from_one() -> None:
    assert [p.code for p in checker(CURRENT_VERSION).problems({**example_data(), "version": True})] == ["schema.const"]
    schema = SchemaChecker({"enum": [1, 2]})
    assert [p.code for p in schema.problems(True)] == ["schema.enum"]
    assert schema.problems(1) == []


def test_what_the_reader_accepts_at_the_limits_exports() -> None:
    """The converse: a title of exactly 255 characters in both languages, control characters in an item's
    text (shown as control pictures), the earliest and latest moments: all written and read back."""
    briefing = loads(
        with_change(
            lambda data: (
                _set("title/ko", "가" * 126)(data),
                _set("title/en", "T" * 126)(data),
                _set("created", "1000-01-01T00:00:00Z")(data),
                _set("modified", "9999-12-31T23:59:59Z")(data),
                _set("sections/0/items/0/text/en", "Bell\x07 and\x1b[2J escape \ufffe")(data),
            )
        )
    )
    data = render(briefing, find_template("meeting-report"), Layout.BILINGUAL)
    document = docx.Document(io.BytesIO(data))
    assert document.core_properties.title == "가" * 126 + " / " + "T" * 126
    assert document.core_properties.created is not None and document.core_properties.created.year == 1000
    body = "".join(t.text or "" for t in document.element.body.iter(qn("w:t")))
    assert "Bell␇ and␛[2J escape" in body
    assert loads(dumps(briefing)) == briefing


# -- terminal output (point 9) ----------------------------------------------------------------------

RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\u2066")


def test_show_escapes_c1_and_bidirectional_controls_in_titles_and_items(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A title may hold C1 controls and bidirectional overrides (XML can); a terminal must not obey them."""
    briefing = loads(EXAMPLE.read_text("utf-8"))
    briefing.title.en = "Talks \x9b2J \u202eevil\u2066 end"
    briefing.items()[0].set_text(Language.EN, "\x1b]8;;https://evil.example\x07click\x1b]8;;\x07")
    path = tmp_path / "hostile.briefing"
    save(briefing, path)
    assert run(["show", str(path), "--text", "en"]) == 0
    out = capsys.readouterr().out
    assert not any(raw in out for raw in RAW)
    assert "Talks \\x9b2J \\u202eevil\\u2066 end" in out and "\\x1b]8;;https://evil.example\\x07click" in out


def test_packages_list_escapes_a_hostile_package_name(
    package_files: dict[tuple[str, str], Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "translate-en_ko-1_0.argosmodel"
    with zipfile.ZipFile(package_files[("en", "ko")]) as source, zipfile.ZipFile(archive, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith("metadata.json"):
                metadata = json.loads(data)
                metadata["from_name"] = "Eng\x1b]0;pwned\x07lish\x1b[2J"
                metadata["to_name"] = "Kor\u202eean"
                data = json.dumps(metadata).encode()
            target.writestr(info, data)
    assert run(["packages", "install", str(archive)]) == 0
    assert run(["packages", "list"]) == 0
    out = capsys.readouterr().out
    assert not any(raw in out for raw in RAW)
    assert "Eng\\x1b]0;pwned\\x07lish\\x1b[2J" in out and "Kor\\u202eean" in out


def test_neutralise_keeps_tabs_and_line_breaks() -> None:
    assert neutralise("a\tb\r\nc\u200bd한") == "a\tb\r\nc\u200bd한"
    assert neutralise("\x00\x7f\x85\u202a\u2069") == "\\x00\\x7f\\x85\\u202a\\u2069"
