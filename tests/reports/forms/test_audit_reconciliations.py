"""The 会計監査報告書 states the 年度's 通帳照合: per 口座 how often, the last 帳簿残高 against the
通帳 or the cash counted, the 差額, and every difference with its reason."""

from __future__ import annotations

import re

from kyodo_desktop.reports.readback import page_texts
from kyodo_desktop.reports.registry import ReportRequest, report_kinds


def _text(store, council_id, year) -> str:
    pdf = report_kinds()["audit-report"].build(store, ReportRequest(council_id, year))
    pages = page_texts(pdf)
    assert len(pages) == 1  # the report still fits its one page
    return re.sub(r"\s+", "", "".join(pages))


def test_the_audit_report_states_the_reconciliations_and_the_explained_difference(demo,
                                                                                 council_id):
    text = _text(demo, council_id, 2025)
    assert "預金通帳及び現金の照合" in text
    for name, times in (("現金", 12), ("交付金受入口座", 12), ("定期預金", 1)):
        assert f"{name}{times}回" in text
    assert "差額158,400円" in text and "振込指定日" in text


def test_without_reconciliations_the_report_says_so(demo, council_id):
    with demo.transaction() as db:
        db.execute("DELETE FROM reconciliations")
    assert "照合の記録はありません" in _text(demo, council_id, 2025)
