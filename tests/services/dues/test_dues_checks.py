"""Unpaid 会費 in the year's checks: a 自治会 with 未納 or 一部 is a warning of the 点検 and the
年度締め naming it and the 円 still to pay; it never blocks the close."""

from __future__ import annotations

from datetime import date

from kyodo_desktop.services.accounting import year_close
from kyodo_desktop.services.accounting.checks import year_findings
from kyodo_desktop.services.dues import payments, rates

from .conftest import FY


def _dues(findings):
    return [f for f in findings if f.code == "dues_unpaid"]


def test_unpaid_and_partly_paid_associations_are_warnings_with_the_amount(dues_council):
    store, council, orgs = dues_council.store, dues_council.council_id, dues_council.orgs
    assert _dues(year_findings(store, council, FY)) == []  # no rate: nothing billed
    rates.set_rate(store, council, FY, 300, 1000)
    payments.record_payment(store, council, FY, orgs["東町自治会"], date(FY, 5, 10), 13_000)
    payments.record_payment(store, council, FY, orgs["あおば自治会"], date(FY, 6, 1), 5000)
    found = _dues(year_findings(store, council, FY))
    assert [f.severity for f in found] == ["warning", "warning"]
    assert [f.message for f in found] == [
        "あおば自治会の令和7年度の会費（8,500円）は5,000円の納入で、3,500円が未納です。",
        "西町自治会の令和7年度の会費が未納です（1,000円）。"]
    assert "会費" in found[0].how_to_fix and "年度は締められます" in found[0].how_to_fix


def test_unpaid_dues_do_not_block_the_close_and_are_reported(dues_council):
    store, council, orgs = dues_council.store, dues_council.council_id, dues_council.orgs
    rates.set_rate(store, council, FY, 300, 0)
    payments.record_payment(store, council, FY, orgs["あおば自治会"], date(FY, 6, 1), 7500)
    result = year_close.close_year(store, council, FY)
    assert [f.message for f in result.warnings if f.code == "dues_unpaid"] == [
        "東町自治会の令和7年度の会費が未納です（12,000円）。"]
