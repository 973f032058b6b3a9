"""Printing truthfully: cells wrap instead of cutting or shrinking (every 摘要 and 費目 of the demo
is whole in the 出納簿), the open year's 出納簿 ends with 現在残高 and carries 「未確定」, 禁則
holds in every wrapped line, the 評価シート shows a 目標値 for the year and △ for negatives."""

from __future__ import annotations

import re

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.platypus import Paragraph

from kyodo_desktop.domain.formatting import format_percent
from kyodo_desktop.reports.fonts import GOTHIC, register_fonts
from kyodo_desktop.reports.readback import page_texts
from kyodo_desktop.reports.registry import ReportRequest, report_kinds
from kyodo_desktop.services.plan import indicators, plans
from kyodo_desktop.services.plan.common import format_figure


def _texts(store, kind, council_id, year) -> list[str]:
    return page_texts(report_kinds()[kind].build(store, ReportRequest(council_id, year)))


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("year", [2025, 2026])
def test_every_description_and_category_of_the_demo_is_whole_in_the_cash_book(
        demo, council_id, year):
    text = _flat("".join(_texts(demo, "cash-book", council_id, year)))
    rows = demo.query(
        "SELECT e.description, coalesce(i.name, x.name) AS category FROM cash_book_entries e "
        "LEFT JOIN income_categories i ON i.code = e.income_category_code "
        "LEFT JOIN expense_categories x ON x.code = e.expense_category_code "
        "WHERE e.council_id = ? AND e.fiscal_year = ? AND e.grant_id IS NULL", (council_id, year))
    assert len(rows) > 300
    missing = sorted({r["description"] for r in rows if _flat(r["description"]) not in text}
                     | {r["category"] for r in rows if _flat(r["category"]) not in text})
    assert missing == []
    assert "…" not in text
    assert "負担金補助及び交付金" in text or not any(
        r["category"] == "負担金補助及び交付金" for r in rows)


def test_the_open_year_ends_with_the_current_balance_and_is_marked_unconfirmed(demo, council_id):
    open_year = _texts(demo, "cash-book", council_id, 2026)
    assert all("未確定" in page for page in open_year)
    assert sum("現在残高" in page for page in open_year) == 4  # one per fund (共同募金配分金 too)
    assert any("共同募金配分金" in page for page in open_year)
    assert not any("次年度繰越金" in page for page in open_year)
    closed = _texts(demo, "cash-book", council_id, 2025)
    assert not any("未確定" in page for page in closed)
    assert sum("次年度繰越金" in page for page in closed) == 3
    assert not any("現在残高" in page for page in closed)


TEXT = ("【自己】おおむね計画どおり実施できたが、参加者の広がりに課題が残った。（環境部会 R8.3.19）"
        "【相互】「広報誌」の配布（月1回）を続ける。『地域の声』〔要望〕《新規》")


@pytest.mark.parametrize("markup", [False, True])
def test_no_line_starts_or_ends_with_a_forbidden_character(markup):
    register_fonts()
    style = ParagraphStyle("test", fontName=GOTHIC, fontSize=9, leading=12, wordWrap="CJK")
    text = TEXT.replace("【相互】", "<b>【相互】</b>") if markup else TEXT
    checked = 0
    for width in range(40, 260, 3):
        paragraph = Paragraph(text, style)
        paragraph.wrap(width, 10_000)
        lines = ["".join(line[1]) if isinstance(line, tuple) else
                 "".join(word.text for word in line.words) for line in paragraph.blPara.lines]
        assert "".join(lines).replace(" ", "") == TEXT.replace(" ", "")  # nothing lost
        for line in lines[:-1]:
            assert line[-1] not in ALL_CANNOT_END, (width, lines)
        for line in lines[1:]:
            assert line[0] not in ALL_CANNOT_START, (width, lines)
        checked += len(lines)
    assert checked > 500


def test_the_evaluation_sheet_shows_a_target_for_the_year_and_signed_figures(demo, council_id):
    text = "\n".join(_texts(demo, "plan-evaluation", council_id, 2025))
    table = text[text.index("数値目標の実績"):]
    plan = plans.current_plan_id(demo, council_id)
    listed = indicators.list_indicators(demo, plan)
    assert len(listed) == 8 and all(ind.targets for ind in listed)
    for ind in listed:
        row = [cell.strip() for cell in table[table.index(ind.name):].split("\n")]
        figure = re.fullmatch(r"([\d,.]+)(（R\d+年度）)?", row[3])  # 指標, 単位, 現状値, 目標値
        assert figure, row
        assert figure.group(1) in {format_figure(t) for t in ind.targets.values()}
    booklet = _flat("".join(_texts(demo, "plan", council_id, None)))
    behind = [i for i in indicators.list_indicators(demo, plan)
              if i.progress is not None and i.progress < 0]
    assert behind  # the demo has a 数値目標 below its 現状値
    for ind in behind:
        shown = format_percent(ind.progress, 0)
        assert shown.startswith("△") and shown in booklet
        assert f"-{shown[1:]}" not in booklet


def test_every_description_is_whole_in_the_year_end_set(demo, council_id):
    text = _flat("".join(_texts(demo, "year-end", council_id, 2025)))
    descriptions = {r["description"] for r in demo.query(
        "SELECT description FROM cash_book_entries WHERE council_id = ? AND fiscal_year = 2025",
        (council_id,))}
    assert len(descriptions) > 100
    assert sorted(d for d in descriptions if _flat(d) not in text) == []
