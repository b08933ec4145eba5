"""Tables at scale (issue 17 point 11): rows appended in constant time, written exactly as python-docx's
`Table.add_row()` writes them."""

from __future__ import annotations

import io
import time

import docx
from docx.shared import Cm
from lxml import etree

from briefing.export.docx_support import RowAppender


def table_with_widths() -> tuple[docx.document.Document, docx.table.Table]:
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    for column, width in zip(table.columns, (Cm(2), Cm(7), Cm(7)), strict=True):
        column.width = width
    return document, table


def test_appended_rows_are_the_rows_python_docx_adds() -> None:
    _, slow = table_with_widths()
    _, fast = table_with_widths()
    appender = RowAppender(fast)
    for number in range(3):
        for row in (slow.add_row(), appender.add()):  # type: ignore[no-untyped-call]
            for cell, text in zip(row.cells, (str(number), "가", "a"), strict=True):
                cell.paragraphs[0].add_run(text)
    assert etree.tostring(fast._tbl) == etree.tostring(slow._tbl)
    assert [c.text for c in fast.rows[3].cells] == ["2", "가", "a"]


def test_five_thousand_rows_take_linear_time() -> None:
    document, table = table_with_widths()
    appender = RowAppender(table)
    started = time.perf_counter()
    for number in range(5_000):
        appender.add().cells[0].paragraphs[0].add_run(str(number))
    assert time.perf_counter() - started < 8  # add_row() + .cells: about 25 s for 4,000 rows on the same machine
    saved = io.BytesIO()
    document.save(saved)
    reopened = docx.Document(io.BytesIO(saved.getvalue())).tables[0]
    assert len(reopened.rows) == 5_001 and reopened.rows[-1].cells[0].text == "4999"
