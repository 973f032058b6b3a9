"""The 総会議案書 of a council that has recorded nothing yet says, under each 議案, what is
missing — it never prints a 収支決算書 or a 収支予算書 of zeros that look like real figures, nor a
事業報告 / 事業計画 heading with nothing under it."""

from __future__ import annotations

import re

from kyodo_desktop.reports.general_assembly import build_general_assembly
from kyodo_desktop.reports.readback import page_texts
from kyodo_desktop.reports.registry import ReportRequest
from kyodo_desktop.services.council.profile import create_council
from kyodo_desktop.store import open_store

from .test_general_assembly_report import between


def _motion(pages, start, end):
    return re.sub(r"\s+", "", between(pages, start, end))


def test_a_new_council_gets_notes_instead_of_zero_tables(tmp_path):
    with open_store(tmp_path / "new.sqlite3") as store:
        council, _changes = create_council(store, "新町地域づくり協議会", district_name="新町")
        pages = page_texts(build_general_assembly(store, ReportRequest(council, 2026)))
    report = _motion(pages, "第1号議案令和7年度事業報告", "第2号議案")
    settlement = _motion(pages, "第2号議案令和7年度収支決算", "令和7年度の会計について")
    plan = _motion(pages, "第4号議案令和8年度事業計画", "第5号議案")
    budget = _motion(pages, "第5号議案令和8年度収支予算", "規約")
    assert "事業の実績は登録されていません" in report
    assert "出納簿の記録がありません" in settlement and "収入合計" not in settlement
    assert "事業計画は登録されていません" in plan
    assert "予算が入力されていません" in budget and "収入合計" not in budget
    assert not re.search(r"合計0", settlement + budget)


def test_the_demo_council_still_prints_its_tables(demo_store):
    council = demo_store.scalar("SELECT id FROM councils WHERE name = '湯田地域づくり協議会'")
    pages = page_texts(build_general_assembly(demo_store, ReportRequest(council, 2026)))
    text = re.sub(r"\s+", "", "\n".join(pages))
    for note in ("実績は登録されていません", "出納簿の記録がありません", "事業計画は登録されていません",
                 "予算が入力されていません"):
        assert note not in text
    assert text.count("収入合計") >= 6
