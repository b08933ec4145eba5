"""Scale (issue 17 point 11): the work of reading, checking, saving and rendering a briefing grows linearly with its
items. Each test times the same work at n and 4n items and compares the two, not absolute times (machines differ):
linear work takes about 4× as long, quadratic work 16×. Times are CPU times of this process, the best of two runs,
so that other programs on a busy machine disturb them less. bench/scale_bench.py measures the real sizes."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import docx
import pytest

from briefing import fileformat
from briefing.export import docx_support as ox
from briefing.export.render import render
from briefing.export.templates import Layout, find_template
from briefing.model import Bilingual, Briefing, Item, Language, Section, TargetOrigin

# Linear: 4; a quadratic part of a tenth of the time at the smaller size already gives 5.2, of a quarter 7.
LIMIT = 6.0


def large_briefing(items: int) -> Briefing:
    """Sections of 25 items, English originals with Korean machine translations (so a draft shades and tags them),
    every text distinct."""
    briefing = Briefing(title=Bilingual(ko="대형 브리핑", en="Large briefing"))
    for start in range(0, items, 25):
        section = Section(title=Bilingual(ko=f"{start // 25 + 1}절", en=f"Part {start // 25 + 1}"))
        for number in range(start, min(start + 25, items)):
            item = Item(source=Language.EN)
            item.set_text(Language.EN, f"Point {number}: the two sides agreed to expand cooperation. Talks went on.")
            item.set_text(
                Language.KO, f"{number}항: 양측은 협력 확대에 합의했다. 회담은 계속되었다.", TargetOrigin.MACHINE
            )
            section.items.append(item)
        briefing.sections.append(section)
    return briefing


def cpu_seconds(work: Callable[[], object]) -> float:
    """The best of two runs, with Python's cyclic garbage collector held off: a collection walks every object the
    whole test session keeps alive, so its cost depends on what ran before, not on the work measured here."""
    best = float("inf")
    for _ in range(2):
        gc.collect()
        gc.disable()
        try:
            started = time.process_time()
            work()
            best = min(best, time.process_time() - started)
        finally:
            gc.enable()
    return best


def growth(make: Callable[[int], Callable[[], object]], small: int) -> float:
    """How many times longer the work takes at 4× the items."""
    small_work, large_work = make(small), make(4 * small)
    return cpu_seconds(large_work) / max(cpu_seconds(small_work), 1e-3)


def test_opening_saving_and_finding_items_grow_linearly() -> None:
    def work(items: int) -> Callable[[], object]:
        briefing = large_briefing(items)
        text = fileformat.dumps_checked(briefing)
        ids = [item.id for item in briefing.items()]

        def run() -> None:
            opened = fileformat.loads(text)
            for item_id in ids:
                opened.locate(item_id)
            fileformat.dumps_checked(opened)

        return run

    assert growth(work, 2_000) < LIMIT


def test_adding_items_one_at_a_time_grows_linearly() -> None:
    """Items added through the briefing's methods, as an import, a bench building its briefing or undoing a
    removal does: each is checked for a duplicate id without a scan of every item (that scan made building n
    items quadratic), and so is each item of a whole section added."""

    def work(items: int) -> Callable[[], object]:
        loose = [Item(id=f"item-{n}") for n in range(items)]
        sections = [Section(items=[Item(id=f"whole-{n}-{k}") for k in range(25)]) for n in range(items // 25)]

        def run() -> None:
            for _ in range(4):  # a few milliseconds once: built four times, so that timer noise does not decide
                briefing = Briefing()
                for start in range(0, items, 25):
                    section = briefing.add_section()
                    for item in loose[start : start + 25]:
                        briefing.add_item(section.id, item)
                for section in sections:
                    briefing.add_section(section)
                assert briefing.statistics().items == 2 * items

        return run

    assert growth(work, 2_000) < LIMIT


@pytest.mark.parametrize("layout", [Layout.KO, Layout.BILINGUAL])
def test_rendering_a_draft_grows_linearly(layout: Layout) -> None:
    template = find_template("press-release")

    def work(items: int) -> Callable[[], object]:
        briefing = large_briefing(items)
        return lambda: render(briefing, template, layout, draft=True)

    assert growth(work, 250) < LIMIT


def test_word_document_building_blocks_grow_linearly() -> None:
    """Paragraphs appended to the body, rows to a table, and the styles a document uses: python-docx's own ways
    (`add_paragraph`, `add_row`, an XPath union over the document) are quadratic."""

    def work(paragraphs: int) -> Callable[[], object]:
        def run() -> None:
            document = docx.Document()
            body = ox.BodyAppender(document)
            table = document.add_table(rows=1, cols=2)
            rows = ox.RowAppender(table)
            for number in range(paragraphs):
                ox.set_paragraph_style(body.add_paragraph(), f"Style{number % 7}")
                ox.set_paragraph_style(rows.add().cells[0].paragraphs[0], "Style8")
            assert {*(f"Style{n}" for n in range(7)), "Style8"} <= ox.used_style_ids(document)

        return run

    assert growth(work, 2_000) < LIMIT


def test_the_qa_run_an_export_makes_grows_linearly() -> None:
    """Every check over every item (values read in both languages; every text distinct, and the values read
    again in each run: the reader keeps what it read), then the findings split into open and waived."""
    from briefing.language import values
    from briefing.qa import run as run_qa
    from briefing.qa.waivers import review

    def work(items: int) -> Callable[[], object]:
        briefing = large_briefing(items)

        def run() -> None:
            values._values.cache_clear()
            assert review(briefing, run_qa(briefing)).open

        return run

    assert growth(work, 500) < LIMIT


def test_finding_terms_in_distinct_texts_grows_linearly() -> None:
    """The shipped termbase's terms in every text of a briefing whose texts all differ (bench/distinct_texts.py:
    real Korean and English, many terms), through the QA checks that ask for them: nothing per text is reused, and
    nothing the run keeps (the hits it caches per text) may make a later text slower."""
    from bench.distinct_texts import distinct_briefing
    from briefing.qa import run as run_qa
    from briefing.terms.stack import Terminology

    terminology = Terminology.load()
    terminology.index  # noqa: B018 - built once, outside the timing, as an export builds it before the checks

    def work(items: int) -> Callable[[], object]:
        briefing = distinct_briefing(items)
        return lambda: run_qa(briefing, terminology=terminology, checks=["acronyms", "terminology", "term_consistency"])

    try:
        assert growth(work, 600) < LIMIT  # 150 items took 50 ms: timer noise decided (6.3× once in a full run)
    finally:
        terminology.close()
