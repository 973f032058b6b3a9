"""提出前の点検 on the demo (a model year: nothing to fix in 2025 or 2026) and on a broken copy
of it, where every rule fires exactly once, at the severity a reviewer expects."""

from __future__ import annotations

from collections import Counter

import pytest

from kyodo_desktop.services.review.findings import RULES
from kyodo_desktop.services.review.run import run_review, summary

from .conftest import ALSO_BROKEN, BROKEN_2025, BROKEN_2026

#: Rules whose violation in the broken copy is a 注意, not an エラー.
NOTES = {"budget_without_initial", "indicator_without_target", "ineligible_expense",
         "missing_receipt"}


@pytest.mark.parametrize("year", [2025, 2026])
def test_the_demo_is_a_model_year(demo_store, council_id, year):
    found = run_review(demo_store, council_id, year)
    assert [f.line() for f in found] == []
    assert summary(found, year).endswith("直すところはありません。")


def test_the_broken_copy_covers_every_rule():
    assert set(BROKEN_2026) | set(BROKEN_2025) | set(ALSO_BROKEN) == set(RULES)


def test_every_rule_fires_once_on_the_broken_copy(broken_demo, council_id):
    found = run_review(broken_demo, council_id, 2025) + run_review(broken_demo, council_id, 2026)
    counts = Counter(f.rule for f in found)
    assert counts == dict.fromkeys(RULES, 1), [f.line() for f in found]
    for f in found:
        assert f.is_error == (f.rule not in NOTES), f.line()
        assert f.where and f.message and f.rule_name in f.line()


def test_findings_come_errors_first_and_in_the_years_they_belong_to(broken_demo, council_id):
    year_2025 = run_review(broken_demo, council_id, 2025)
    assert {f.rule for f in year_2025} == set(BROKEN_2025)
    severities = [f.is_error for f in run_review(broken_demo, council_id, 2026)]
    assert severities == sorted(severities, reverse=True)


def test_messages_name_the_figures_and_dates(broken_demo, council_id):
    lines = {f.rule: f.line() for year in (2025, 2026)
             for f in run_review(broken_demo, council_id, year)}
    assert "令和8年4月6日" in lines["date_order"] and "令和8年4月7日" in lines["date_order"]
    assert "令和9年8月2日" in lines["form_outside_year"]
    assert "会計監査報告書の写し" in lines["attachment_missing"]
    planned = broken_demo.scalar("SELECT sum(budget) FROM projects WHERE fiscal_year = 2025 "
                                 "AND council_id = ?", (council_id,))
    assert f"{planned:,}円" in lines["plan_vs_budget"]
    assert "1,000円" in lines["results_vs_actual"] and "自主財源" not in lines["plan_vs_budget"]
    assert "香典" in lines["ineligible_expense"]
    assert "1 件" in lines["missing_receipt"] and "R8.11.3" in lines["missing_receipt"]
    assert "直す場所: 予算・出納 > 交付金" in lines["date_order"]
    assert "直す場所: 地域づくり計画 > 数値目標" in lines["participants_vs_indicator"]
