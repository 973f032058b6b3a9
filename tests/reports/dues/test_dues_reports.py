"""会費 papers: a 請求書 for every 自治会 and a 領収書 for every payment, one PDF each in 五十音順,
read back; the 納入状況一覧 with its totals; no 収入印紙 box on a receipt."""

from __future__ import annotations

import pytest

from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.domain.text import name_sort_key
from kyodo_desktop.errors import UserError
from kyodo_desktop.reports.dues_papers import build_invoices, build_receipts
from kyodo_desktop.reports.dues_status import build_dues_status
from kyodo_desktop.reports.readback import fonts, page_texts
from kyodo_desktop.reports.registry import ReportRequest, report_kinds
from kyodo_desktop.services.dues import rates
from kyodo_desktop.services.dues.status import dues_status

FY = 2026


@pytest.fixture
def yuda(demo_store) -> int:
    return demo_store.scalar("SELECT id FROM councils WHERE name = '湯田地域づくり協議会'")


def _first_line(page: str, marker: str) -> str:
    lines = page.splitlines()
    return next(line for line in lines if marker in line)


def test_invoices_for_every_association_in_gojuon_order(demo_store, yuda):
    status = dues_status(demo_store, yuda, FY)
    pdf = build_invoices(demo_store, ReportRequest(yuda, FY, options={"date": "R8.4.20"}))
    assert all(fonts(pdf).values())
    pages = page_texts(pdf)
    assert len(pages) == len(status.lines) == 37
    names = [_first_line(page, "様").split()[0] for page in pages]
    assert names == [line.name for line in status.lines]
    kana = [line.name_kana for line in status.lines]
    assert kana == sorted(kana, key=lambda k: name_sort_key("", k))
    for page, line in zip(pages, status.lines, strict=True):
        assert "令和8年度" in page and "会費請求書" in page and "令和8年4月20日" in page
        assert format_yen(line.billed) in page
        assert "湯田地域づくり協議会" in page and "会長" in page
    unpaid = page_texts(build_invoices(demo_store, ReportRequest(yuda, FY, options={
        "unpaid_only": True})))
    assert len(unpaid) == sum(1 for line in status.lines if line.balance > 0) == 4


def test_receipts_for_every_payment_two_to_a_page(demo_store, yuda):
    status = dues_status(demo_store, yuda, FY)
    pdf = build_receipts(demo_store, ReportRequest(yuda, FY))
    assert all(fonts(pdf).values())
    text = "\n".join(page_texts(pdf))
    payments = [p for line in status.lines for p in line.payments]
    assert text.count("領 収 書") == len(payments) == 34
    assert text.count("但し") == len(payments) and "令和8年度" in text and "会費として" in text
    position = 0
    for payment in payments:  # 五十音順, as the list: each receipt after the one before
        position = text.index(f"第{payment.receipt_no}号", position)
        position = text.index(payment.organization, position)
        position = text.index(format_yen(payment.amount), position)
    assert "印紙" not in text
    assert "会長" in text and "湯田地域づくり協議会" in text


def test_the_status_list_prints_the_totals(demo_store, yuda):
    status = dues_status(demo_store, yuda, FY)
    text = "\n".join(page_texts(build_dues_status(demo_store, ReportRequest(yuda, FY))))
    assert "会費納入状況一覧" in text and "300円" in text
    total = [cell.strip() for cell in text[text.index("合計"):].splitlines()[1:5]]
    assert total == [format_yen(v) for v in (
        sum(line.member_households for line in status.lines), status.billed, status.paid,
        status.balance)]
    assert "未納 3" in text and "一部 1" in text


def test_the_papers_are_in_the_registry_and_need_a_rate(demo_store, yuda):
    kinds = report_kinds()
    assert {"dues-invoices", "dues-receipts", "dues-status"} <= set(kinds)
    assert all(kinds[k].scope == "council" for k in ("dues-invoices", "dues-receipts"))
    rates.delete_rate(demo_store, yuda, FY)
    with pytest.raises(UserError, match="会費の額が設定されていません"):
        build_invoices(demo_store, ReportRequest(yuda, FY))
    with pytest.raises(UserError, match="領収書がありません"):
        build_receipts(demo_store, ReportRequest(yuda, 2027))


def _preset_role(monkeypatch, role: str) -> None:
    """The 山口市 preset as if its forms called the 代表者 ``role``."""
    import dataclasses

    from kyodo_desktop.services.council import presets

    real = presets.load_preset("yamaguchi")
    forms = {**real.forms, "common": {**real.forms["common"], "representative_role": role}}
    monkeypatch.setattr(presets, "load_preset", lambda code: dataclasses.replace(
        real, forms=forms))


def test_the_issuer_is_the_applicant_of_the_city_forms(demo_store, yuda, monkeypatch):
    from datetime import date

    from kyodo_desktop.services.dues.papers import issuer
    from kyodo_desktop.services.forms.common import Gate, applicant, wording

    _preset_role(monkeypatch, "理事長")
    day = date(2026, 4, 20)
    block = applicant(demo_store, yuda, day, Gate(), wording(demo_store, yuda, "grant_application"))
    who = issuer(demo_store, yuda, day, Gate())
    assert (who.address, who.name, who.role, who.representative) == (
        block.address, block.name, "理事長", block.representative)
    assert block.representative and block.address.startswith("〒")
    invoice = page_texts(build_invoices(demo_store, ReportRequest(yuda, FY, options={
        "date": "R8.4.20"})))[0]
    receipt = page_texts(build_receipts(demo_store, ReportRequest(yuda, FY)))[0]
    for page in (invoice, receipt):
        assert "理事長" in page and block.representative in page


def test_papers_without_a_president_refuse_unless_drafted(demo_store, yuda):
    from kyodo_desktop.services.forms.common import MissingPrerequisite

    demo_store.conn.execute("DELETE FROM officer_terms WHERE council_id = ? AND role = 'president'",
                       (yuda,))
    for build in (build_invoices, build_receipts):
        with pytest.raises(MissingPrerequisite, match="会長"):
            build(demo_store, ReportRequest(yuda, FY, options={"date": "R8.4.20"}))
        text = "\n".join(page_texts(build(demo_store, ReportRequest(
            yuda, FY, draft=True, options={"date": "R8.4.20"}))))
        assert "未確定" in text and "湯田地域づくり協議会" in text


def test_a_long_address_breaks_between_its_parts_on_the_papers(demo_store, yuda):
    """The issuer block of the 請求書 and 領収書 breaks the address as the city forms do: after
    the house number, never inside 湯田地域交流センター."""
    import re

    with demo_store.transaction() as db:
        db.execute("UPDATE councils SET address = ? WHERE id = ?",
                   ["山口市湯田温泉四丁目1番20号 山口市湯田地域交流センター内", yuda])
    invoice = page_texts(build_invoices(demo_store, ReportRequest(yuda, FY, options={
        "date": "R8.4.20"})))[0]
    receipt = page_texts(build_receipts(demo_store, ReportRequest(yuda, FY)))[0]
    for page in (invoice, receipt):
        lines = [re.sub(r"\s+", "", line) for line in page.splitlines()]
        assert any("山口市湯田地域交流センター内" in line for line in lines), page[:400]
