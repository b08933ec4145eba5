"""Round trip: the example briefing exported by the project's own DOCX and HWPX writers, in every built-in template
that has a single-language layout, imports back into the same sections, items and meeting card.

What a document does not print cannot come back, and the test says so where it leaves a field out: an item's type
is printed only for notes (* ※) and schedule events (their date); the others are recognised from their wording,
so an imported type is the original's or a plain paragraph, never another type. A briefing pack prints no
release line, contacts, report lines or attachments; a press release no report lines; a report no release line
or contacts; the English press release no banner (the issuer). A report's title is the report title it prints.
"""

from __future__ import annotations

from functools import cache

import pytest

from briefing.export.hwpx_render import render_hwpx
from briefing.export.parts import report_title
from briefing.export.render import render
from briefing.export.templates import ItemStyle, Layout, find_template
from briefing.importers import ImportResult, import_bytes
from briefing.importers.structure import SET_APART_TITLE
from briefing.model import Briefing, ItemType, Language
from briefing.storage import load
from tests.conftest import EXAMPLE

CASES = [
    (fmt, key, layout)
    for fmt in ("docx", "hwpx")
    for key in ("meeting-report", "press-release", "briefing-pack")
    for layout in (Layout.KO, Layout.EN)
]


@cache
def _example() -> Briefing:
    return load(EXAMPLE)


def _exported(fmt: str, key: str, layout: Layout) -> ImportResult:
    template = find_template(key)
    data = (render if fmt == "docx" else render_hwpx)(_example(), template, layout)
    return import_bytes(data, f"scwg-23.{fmt}")


@pytest.mark.parametrize(("fmt", "key", "layout"), CASES, ids=[f"{f}-{k}-{lay.value}" for f, k, lay in CASES])
def test_the_examples_export_imports_back(fmt: str, key: str, layout: Layout) -> None:
    example, lang = _example(), Language(layout.value)
    result = _exported(fmt, key, layout)
    imported = result.briefing
    assert result.report.format == fmt and imported.origin_language is lang

    kept = [s for s in imported.sections if s.title.get(lang) != SET_APART_TITLE.get(lang)]
    assert [s.title.get(lang) for s in kept] == [s.title.get(lang) for s in example.sections]
    for original, back in zip(example.sections, kept, strict=True):
        assert [i.text.get(lang) for i in back.items] == [i.text.get(lang) for i in original.items]
        assert [(i.note_mark, i.when) for i in back.items] == [(i.note_mark, i.when) for i in original.items]
        for was, now in zip(original.items, back.items, strict=True):
            if was.type in (ItemType.NOTE, ItemType.SCHEDULE):
                assert now.type is was.type
            else:  # recognised from the wording: the original's type, or a paragraph — never another type
                assert now.type in (was.type, ItemType.PARAGRAPH), now.text.get(lang)
                if now.type is ItemType.STATEMENT:
                    assert now.statement_kind is was.statement_kind

    card, original = imported.meeting, example.meeting
    style = find_template(key).style
    title = report_title(example, lang) if style is ItemStyle.REPORT else example.title.get(lang)
    assert imported.title.get(lang) == title
    assert (card.session, card.series.code, card.series.name.get(lang)) == (
        original.session,
        original.series.code,
        original.series.name.get(lang),
    )
    assert (card.start_date, card.end_date, card.start_time) == (
        original.start_date,
        original.end_date,
        original.start_time,
    )
    assert card.time_zone_note.get(lang) == original.time_zone_note.get(lang)
    assert card.place.get(lang) == original.place.get(lang)

    def people(c: Briefing) -> list[tuple[str, str, str, str]]:
        return [
            (p.name.get(lang), p.title.get(lang), p.rank.get(lang), p.organisation.get(lang))
            for p in c.meeting.co_chairs()
        ]

    assert people(imported) == people(example)

    def contacts(c: Briefing) -> list[tuple[str, str, str, str]]:
        return [(x.office.get(lang), x.name.get(lang), x.phone, x.email) for x in c.meeting.contacts]

    def attachments(c: Briefing) -> list[str]:
        return [a.title.get(lang) for a in c.meeting.attachments]

    if style is ItemStyle.PRESS:
        assert (card.release.embargo, card.release.zone.get(lang)) == (
            original.release.embargo,
            original.release.zone.get(lang),
        )
        assert contacts(imported) == contacts(example)
        assert attachments(imported) == attachments(example)
        if lang is Language.KO:  # the banner ("국방부 보도자료") is Korean only
            assert card.release.issuer.ko == original.release.issuer.ko
    elif style is ItemStyle.REPORT:
        assert card.report.dated == original.report.dated
        assert card.report.office.get(lang) == original.report.office.get(lang)
        assert card.report.author.get(lang) == original.report.author.get(lang)
        assert attachments(imported) == attachments(example)
        assert card.release.embargo is None and not card.contacts
    else:
        assert not card.attachments and not card.contacts and card.report.dated is None
