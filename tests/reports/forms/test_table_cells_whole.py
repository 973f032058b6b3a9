"""The words a reviewer reads in the tables of the printed sets are not cut: no column heading
leaves one character alone on its last line (「うち自主財」 over 「源」), and every 科目 of the
収支予算書, 収支決算書 and 予算執行状況表 (「負担金補助及び交付金」, 「使用料及び賃借料」) stands on
one line. Measured on the tables as laid out (reportlab's line breaking with the 禁則 rules) for
both years of the demo: the application set, the year-end set and the 予算執行状況表."""

from __future__ import annotations

import pytest
from reportlab.platypus import KeepTogether, Paragraph, Table

from kyodo_desktop.reports.budget_status import budget_status_section
from kyodo_desktop.reports.bundles import bundle_sections
from kyodo_desktop.services.forms import common as fd

#: LEFTPADDING + RIGHTPADDING of the ruled tables (reports/tables.GRID_COMMANDS).
PADDING = 6


def _tables(flowables) -> list[Table]:
    found = []
    for flowable in flowables:
        if isinstance(flowable, Table):
            found.append(flowable)
        elif isinstance(flowable, KeepTogether):
            found += _tables(flowable._content)
    return found


def _lines(paragraph: Paragraph, width: float) -> list[str]:
    paragraph.wrap(width - PADDING, 10_000)
    lines = paragraph.blPara.lines
    if paragraph.blPara.kind == 0:
        return ["".join(words) for _space, words in lines]
    return ["".join(frag.text for frag in line.words) for line in lines]


def _indent(paragraph: Paragraph) -> float:
    return paragraph.style.leftIndent


def _sections(store, council_id, year):
    gate = fd.Gate(draft=True)
    return [*bundle_sections(store, council_id, year, "application_set", gate),
            *bundle_sections(store, council_id, year, "year_end_set", gate),
            budget_status_section(store, council_id, year, gate)]


@pytest.mark.parametrize("year", [2025, 2026])
def test_no_heading_and_no_category_is_cut(demo, council_id, year):
    checked = {"headings": 0, "categories": 0}
    for section in _sections(demo, council_id, year):
        for table in _tables(section.story):
            widths = table._argW
            header = table._cellvalues[0]
            for cell, width in zip(header, widths, strict=True):
                if isinstance(cell, Paragraph):
                    lines = _lines(cell, width)
                    checked["headings"] += 1
                    assert all(len(line) > 1 for line in lines) or len(lines) == 1, (
                        section.furniture.title, lines)
            if not (isinstance(header[0], Paragraph) and header[0].text == "科目"):
                continue
            for row in table._cellvalues[1:]:
                cell = row[0]
                if isinstance(cell, Paragraph) and cell.text:
                    lines = _lines(cell, widths[0] - _indent(cell))
                    checked["categories"] += 1
                    assert len(lines) == 1, (section.furniture.title, lines)
    assert checked["headings"] > 100 and checked["categories"] > 50
