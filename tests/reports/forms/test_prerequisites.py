"""Missing prerequisites refuse a form with a message naming what to enter, or print it as a
draft marked 「未確定」."""

from __future__ import annotations

import pytest

from kyodo_desktop.reports.readback import page_texts
from kyodo_desktop.reports.registry import ReportRequest, report_kinds
from kyodo_desktop.services.forms import application as fa
from kyodo_desktop.services.forms import common as fd


def _build(store, kind, council_id, year, draft=False) -> bytes:
    return report_kinds()[kind].build(store, ReportRequest(council_id, year, draft=draft))


def test_payment_request_needs_the_grant_decision(demo, council_id):
    with demo.transaction() as db:
        db.execute("UPDATE grants SET decided_amount = NULL, decided_on = NULL "
                   "WHERE council_id = ? AND fiscal_year = 2026", [council_id])
    with pytest.raises(fd.MissingPrerequisite) as raised:
        _build(demo, "payment-request", council_id, 2026)
    assert "交付決定" in raised.value.message
    draft = page_texts(_build(demo, "payment-request", council_id, 2026, draft=True))
    assert "未確定" in draft[0]


def test_final_forms_need_the_closed_year(demo, council_id):
    for kind in ("performance-report", "settlement", "audit-report", "year-end"):
        with pytest.raises(fd.MissingPrerequisite) as raised:
            _build(demo, kind, council_id, 2026)
        assert "年度締め" in raised.value.message, kind
    texts = page_texts(_build(demo, "year-end", council_id, 2026, draft=True))
    assert all("未確定" in text for text in texts)


def test_a_draft_settlement_leaves_the_unknown_refund_blank(demo, council_id):
    """令和8年度 is not settled: the draft 精算書 prints no 返還額 (「金　　円」) and no 0 in the
    合計 of the 返還額 and 繰越額 columns, whose rows are blank."""
    from kyodo_desktop.services.forms.results import settlement_data

    data = settlement_data(demo, council_id, 2026, fd.Gate(draft=True))
    assert data.amount is None
    assert data.rows[-1].amounts[3:] == (None, None)
    assert data.rows[-1].amounts[0] == sum(r.amounts[0] for r in data.rows[:-1])
    text = page_texts(_build(demo, "settlement", council_id, 2026, draft=True))[0]
    total = text[text.rindex("合計"):text.index("返還額は")].split()
    assert total == ["合計", *[f"{v:,}" for v in data.rows[-1].amounts[:3]]]  # nothing after
    settled = settlement_data(demo, council_id, 2025, fd.Gate())
    assert settled.amount == sum(r.amounts[3] for r in settled.rows[:-1]) > 0


def test_audit_report_needs_an_auditor(demo, council_id):
    with demo.transaction() as db:
        db.execute("DELETE FROM officer_terms WHERE role = 'auditor' AND council_id = ?",
                   [council_id])
    with pytest.raises(fd.MissingPrerequisite) as raised:
        _build(demo, "audit-report", council_id, 2025)
    assert "監事" in raised.value.message
    text = page_texts(_build(demo, "audit-report", council_id, 2025, draft=True))[0]
    assert "未確定" in text and "監事" in text


def test_applicant_block_needs_a_president(demo, council_id):
    with demo.transaction() as db:
        db.execute("DELETE FROM officer_terms WHERE role = 'president' AND council_id = ?",
                   [council_id])
    with pytest.raises(fd.MissingPrerequisite) as raised:
        _build(demo, "application", council_id, 2026)
    assert "会長" in raised.value.message


def test_application_refuses_an_amount_that_differs_from_the_budget(demo, council_id):
    with demo.transaction() as db:
        db.execute("UPDATE grants SET applied_amount = applied_amount + 1000 "
                   "WHERE council_id = ? AND fiscal_year = 2026", [council_id])
    with pytest.raises(fd.MissingPrerequisite) as raised:
        fa.application_data(demo, council_id, 2026, fd.Gate())
    assert "一致しません" in raised.value.message
    gate = fd.Gate(draft=True)
    fa.application_data(demo, council_id, 2026, gate)
    assert len(gate.missing) == 2


def test_change_request_needs_a_recorded_change(demo, council_id):
    with pytest.raises(fd.MissingPrerequisite) as raised:
        _build(demo, "change-request", council_id, 2026)
    assert "変更" in raised.value.message
    with demo.transaction() as db:
        db.execute("UPDATE grants SET change_amount = decided_amount - 200000, "
                   "change_requested_on = '2026-12-01' WHERE council_id = ? AND fiscal_year = 2026 "
                   "AND program_id = (SELECT min(program_id) FROM grants)", [council_id])
    text = page_texts(_build(demo, "change-request", council_id, 2026))[0]
    assert "令和8年12月1日" in text and "△200,000" in text


def test_bundle_names_every_missing_prerequisite_at_once(demo, council_id):
    with pytest.raises(fd.MissingPrerequisite) as raised:
        _build(demo, "year-end", council_id, 2026)
    assert raised.value.message.count("精算") >= 2
