"""The printed plan and the 評価シート, read back: codes, titles, ■/□ marks, 年次計画 cells."""

from __future__ import annotations

import re

import pytest

from kyodo_desktop.errors import UserError
from kyodo_desktop.reports.readback import fonts, page_texts
from kyodo_desktop.reports.registry import ReportRequest, report_kinds
from kyodo_desktop.services.plan import schedule as plan_schedule
from kyodo_desktop.services.plan import structure as plan_structure


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def booklet(plan_demo_template):
    """The demo council's plan booklet (built once for this module) and its flattened pages."""
    from kyodo_desktop.store import open_store

    with open_store(plan_demo_template, lock=False) as store:
        council_id = store.scalar("SELECT id FROM councils WHERE name = '湯田地域づくり協議会'")
        pdf = report_kinds()["plan"].build(store, ReportRequest(council_id))
    return pdf, [_flat(t) for t in page_texts(pdf)]


def test_booklet_has_every_action_code_title_and_chapter(booklet, demo_store, demo_ids):
    pdf, pages = booklet
    whole = "".join(pages)
    for chapter in ("目次", "目指す姿", "現状と課題", "推進項目一覧表", "年度別実行計画", "数値目標"):
        assert chapter in whole
    codes = plan_structure.action_codes(demo_store, demo_ids[1])
    assert len(codes) == demo_store.scalar("SELECT count(*) FROM plan_actions") > 10
    for action_id, code in codes.items():
        title = plan_structure.get_action(demo_store, action_id)["title"]
        assert whole.count(_flat(code)) >= 2, code  # in the list and on its card
        assert _flat(title) in whole
    assert all(embedded for embedded in fonts(pdf).values())


def test_list_table_marks_match_the_targets(booklet, demo_store, demo_ids):
    _pdf, pages = booklet
    page = next(p for p in pages if p.startswith("第4章推進項目一覧表"))
    first = plan_structure.get_action(demo_store, plan_structure.plan_tree(
        demo_store, demo_ids[1])[0].children[0].children[0].id)
    marks = "".join("■" if t in first["targets"] else "□" for t in plan_structure.TARGETS)
    assert _flat(first["code"] + "①" + first["title"]) + marks in page


def test_card_shows_the_yearly_schedule_row(booklet, demo_store, demo_ids):
    _pdf, pages = booklet
    grid = plan_schedule.schedule_grid(demo_store, demo_ids[1])
    row = grid.rows[2]  # 防災マップ: 検討 準備 実施 → 完了
    cells = "".join("→" if s == "continue" else plan_schedule.status_label(s)
                    for s in (row.cells.get(y) for y in grid.years))
    heads = "年次計画" + "".join(f"R{y - 2018}年度" for y in grid.years)
    card_page = next(p for p in pages if "整理番号" + _flat(row.code) in p)
    assert heads + cells in card_page
    assert cells == "検討準備実施→完了"


def test_table_of_contents_has_page_numbers(booklet):
    _pdf, pages = booklet
    contents = next(p for p in pages if p.startswith("目次"))
    numbers = [int(n) for n in re.findall(r"第\d章[^\d]+?(\d+)", contents)]
    assert len(numbers) == 6 and numbers == sorted(numbers)
    listed = numbers[3]
    assert "推進項目一覧表" in pages[listed - 1]


def test_evaluation_sheet(demo_store, demo_ids):
    council_id, _plan = demo_ids
    pdf = report_kinds()["plan-evaluation"].build(demo_store, ReportRequest(council_id, 2025))
    whole = "".join(_flat(t) for t in page_texts(pdf))
    assert "令和7年度地域づくり計画評価シート" in whole
    assert "自己評価の集計" in whole and "次年度の計画への反映" in whole
    assert "Ⅳ-(3)-①" in whole and "自治会加入率" in whole
    with pytest.raises(UserError):
        report_kinds()["plan-evaluation"].build(demo_store, ReportRequest(council_id, 2030))


def test_council_without_plan_gets_a_clear_message(demo_store, demo_ids):
    other = demo_store.scalar("SELECT id FROM councils WHERE id <> ? LIMIT 1", (demo_ids[0],))
    with pytest.raises(UserError) as raised:
        report_kinds()["plan"].build(demo_store, ReportRequest(other))
    assert "計画" in raised.value.message


def test_cli_writes_the_plan_pdf(demo_store, demo_ids, tmp_path, capsys):
    from kyodo_desktop.cli import main

    path = demo_store.path
    demo_store.close()
    out = tmp_path / "plan.pdf"
    code = main(["report", "plan", "--db", str(path), "--council", "湯田地域づくり協議会",
                 "--fiscal-year", "2026", "-o", str(out)])
    assert code == 0
    assert "整理番号" in "".join(page_texts(out.read_bytes()))
