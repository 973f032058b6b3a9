"""Fields the real forms have, entered once and printed where the city's forms have them: the
担当者 and フリガナ on the letters, the 振込先 on the 交付請求書 (one per 概算払), the 領収書総括表
in the performance-report set, the 事業計画書's 実施場所 / 対象者 / 参加見込 / 連携団体, and the
印 boxes only when the city preset asks for seals."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.reports.readback import page_texts
from kyodo_desktop.reports.registry import ReportRequest, report_kinds
from kyodo_desktop.services.backup import handover_package as handover
from kyodo_desktop.services.council import accounts, profile
from kyodo_desktop.services.forms import application as fa
from kyodo_desktop.services.forms import common as fd
from kyodo_desktop.services.plan import projects

CONTACT = {"contact_name": "試験 花子", "contact_kana": "シケン ハナコ",
           "contact_phone": "０８３－９９９－０１２３", "contact_email": "tantou@example.jp",
           "name_kana": "ゆだちいきづくりきょうぎかい"}
ACCOUNT = {"bank_name": "試験信用金庫", "branch_name": "本店営業部", "account_type": "current",
           "account_number": "７６５４３２１", "holder": "湯田地域づくり協議会 会長",
           "holder_kana": "ユダチイキ", "is_payee": True}


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _print(store, kind, council_id, year, **options) -> str:
    request = ReportRequest(council_id, year, options=options)
    return _flat("".join(page_texts(report_kinds()[kind].build(store, request))))


@pytest.fixture
def entered(demo, council_id):
    """The 担当者, フリガナ and 振込先 entered once on the 協議会 page's services."""
    profile.update_profile(demo, council_id, CONTACT)
    with demo.transaction() as db:  # the demo's own 振込先 steps aside
        db.execute("UPDATE council_accounts SET is_payee = 0 WHERE council_id = ?", [council_id])
    accounts.save_account(demo, council_id, ACCOUNT)
    return demo


@pytest.mark.parametrize(("kind", "year"), [("application", 2026), ("payment-request", 2026),
                                            ("performance-report", 2025), ("settlement", 2025)])
def test_contact_and_kana_are_on_every_letter_to_the_city(entered, council_id, kind, year):
    text = _print(entered, kind, council_id, year)
    for value in ("試験花子", "シケンハナコ", "083-999-0123", "tantou@example.jp",
                  "ユダチイキヅクリキョウギカイ"):
        assert value in text, (kind, value)


def test_the_payment_request_prints_the_payee_account(entered, council_id):
    text = _print(entered, "payment-request", council_id, 2026)
    for value in ("試験信用金庫", "本店営業部", "当座", "7654321", "湯田地域づくり協議会会長",
                  "ユダチイキ"):
        assert value in text
    assert "やまぐち中央信用金庫" not in text  # only the 振込先, not every account


def test_one_payment_request_per_advance_payment(demo, council_id):
    days = fa.request_days(demo, council_id, 2025)
    assert len(days) >= 3
    pages = page_texts(report_kinds()["payment-request"].build(
        demo, ReportRequest(council_id, 2025, options={"payment": "all"})))
    assert len(pages) == len(days)
    for number, (day, page) in enumerate(zip(days, pages, strict=True), start=1):
        requested = demo.scalar(
            "SELECT sum(p.amount) FROM grant_payments p JOIN grants g ON g.id = p.grant_id "
            "WHERE g.council_id = ? AND g.fiscal_year = 2025 AND p.requested_on = ?",
            (council_id, day.isoformat()))
        flat = _flat(page)
        assert f"第{number}回" in flat and format_yen(requested) in flat
    second = _print(demo, "payment-request", council_id, 2025, payment="2")
    assert "第2回" in second and second == _flat(pages[1])
    latest = _print(demo, "payment-request", council_id, 2025)
    assert f"第{len(days)}回" in latest


def test_a_payment_request_that_does_not_exist_is_refused(demo, council_id):
    from kyodo_desktop.errors import UserError

    with pytest.raises(UserError, match="9"):
        _print(demo, "payment-request", council_id, 2025, payment="9")


def test_the_receipts_summary_is_in_the_performance_report_set(demo, council_id):
    text = _print(demo, "performance-report", council_id, 2025)
    assert "領収書総括表" in text
    spent = demo.query(
        "SELECT fund_code, sum(amount) AS total FROM cash_book_entries WHERE council_id = ? "
        "AND fiscal_year = 2025 AND direction = 'expense' AND grant_id IS NULL AND fund_code "
        "IN ('operating_support', 'activity_support') GROUP BY fund_code", (council_id,))
    alone = _print(demo, "receipts-summary", council_id, 2025)
    for row in spent:
        assert f"合計{format_yen(row['total'])}" in alone
    vouchers = [r["voucher_no"] for r in demo.query(
        "SELECT voucher_no FROM cash_book_entries WHERE council_id = ? AND fiscal_year = 2025 "
        "AND direction = 'expense' AND fund_code = 'activity_support' AND grant_id IS NULL",
        (council_id,))]
    assert vouchers and all(v in alone for v in vouchers)


def test_the_business_plan_prints_place_audience_expected_and_partners(demo, council_id):
    rows = projects.list_projects(demo, council_id, 2026)
    target = rows[0]
    projects.update_project(demo, target["id"], {
        "place": "試験会場", "audience": "試験対象者", "expected_participants": "321",
        "partners": "試験連携団体"})
    text = _print(demo, "application-set", council_id, 2026)
    for word in ("実施場所", "対象者", "参加見込", "連携団体", "試験会場", "試験対象者", "321人",
                 "試験連携団体"):
        assert word in text
    assert all(_flat(r["audience"]) in text for r in rows[1:] if r["audience"])


def test_seal_boxes_follow_the_preset(demo, council_id, monkeypatch):
    text = _print(demo, "application", council_id, 2026)
    assert "印" not in text.replace("印刷", "")  # yamaguchi: no 押印
    original = fd.wording

    def sealed(store, council, key):
        words = original(store, council, key)
        return replace(words, common={**words.common, "seal": True})

    monkeypatch.setattr(fd, "wording", sealed)
    president = fd.officers(demo, council_id, "president", fa.request_days(
        demo, council_id, 2026)[0])[0]
    assert f"会長{_flat(president)}印" in _print(demo, "application", council_id, 2026)


def test_bad_account_fields_are_refused_with_the_field(demo, council_id):
    for field, value in (("account_number", "12-34a"), ("bank_name", ""),
                         ("account_type", "gold")):
        with pytest.raises(ValidationError) as error:
            accounts.save_account(demo, council_id, {**ACCOUNT, field: value})
        assert error.value.field == field
    with pytest.raises(ValidationError) as error:
        profile.update_profile(demo, council_id, {"contact_phone": "12"})
    assert error.value.field == "contact_phone"


def test_only_one_payee(entered, council_id):
    listed = accounts.list_accounts(entered, council_id)
    # the demo's 普通預金 (the former 振込先) and its 定期預金 stay, unmarked
    assert len(listed) == 3 and [a.is_payee for a in listed] == [True, False, False]
    assert accounts.payee_account(entered, council_id).bank_name == "試験信用金庫"


def test_contact_and_accounts_travel_in_the_handover_package(entered, council_id, store,
                                                             tmp_path):
    package = handover.export_council(entered, council_id, tmp_path / "pkg.sqlite3")
    result = handover.import_package(store, package.path)
    moved = profile.get_profile(store, result.council_id)
    assert (moved["contact_name"], moved["contact_phone"]) == ("試験 花子", "083-999-0123")
    assert [(a.bank_name, a.account_number, a.is_payee)
            for a in accounts.list_accounts(store, result.council_id)] == [
        ("試験信用金庫", "7654321", True), ("やまぐち中央信用金庫", "0123456", False),
        ("やまぐち中央信用金庫", "0456789", False)]


def test_the_business_results_print_the_grant_share_of_each_project(demo, council_id):
    data = fa.business_plan_data(demo, council_id, 2025, "business_results")
    shares = {r["project_id"]: r["spent"] for r in demo.query(
        "SELECT project_id, sum(amount) AS spent FROM cash_book_entries WHERE council_id = ? "
        "AND fiscal_year = 2025 AND direction = 'expense' AND project_id IS NOT NULL AND "
        "fund_code IN ('operating_support', 'activity_support') GROUP BY project_id",
        (council_id,))}
    names = {r["name"]: r["id"] for r in projects.list_projects(demo, council_id, 2025)}
    assert data.rows and any(r.grant_share < r.actual for r in data.rows)  # some own funds
    for row in data.rows:
        assert row.grant_share == shares.get(names[row.project], 0)
        assert row.grant_share <= row.actual
    text = _print(demo, "performance-report", council_id, 2025)
    total = sum(r.grant_share for r in data.rows)
    assert "うち交付金充当額" in text and format_yen(total) in text
