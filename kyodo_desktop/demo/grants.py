"""Demo step 6b: 地域づくり交付金 (運営支援 + 活動支援): programmes, grants, 概算払, 精算.

The programmes, their rules and the amount formula come from the city preset
(``resources/presets/yamaguchi.json`` via :mod:`kyodo_desktop.services.council.presets`): 均等割 +
世帯割 × 世帯数 + 人口割 × 人口 of the council (council_year_stats). With ≈ 11,500 世帯 and
≈ 23,300 人 that is ≈ 4.82 M円 運営支援 (≈ 47 %) and ≈ 5.42 M円 活動支援, ≈ 10.24 M円 in all.
概算払 dates come from ``resources/demo/ledger.json``; each installment is at least its even share
and large enough to cover the spending until the next one, so a grant fund never goes negative.
"""

from __future__ import annotations

from datetime import date, timedelta

from kyodo_desktop.demo.common import DemoContext, fy_date, load, nendo, weekday_before
from kyodo_desktop.demo.projects import item
from kyodo_desktop.domain.accounting import REFUND_CATEGORY
from kyodo_desktop.domain.accounting_rules import ProgramRules
from kyodo_desktop.domain.accounting_rules import settle as settlement
from kyodo_desktop.domain.office_days import open_day_before
from kyodo_desktop.services.council.presets import DEFAULT_PRESET, install_programs, load_preset

PAYER = "山口市"
#: (month, day) after the 年度 of the 実績報告 and the 精算 (the 会計監査 is on 4/20, before both).
REPORT_DAY = (4, 24)
SETTLEMENT_DAY = (5, 8)
#: (month, day) after the 年度 by which the 返還金 is paid (the 納付期限 of the city's 納付書 after
#: the 精算): on the open day before it, in the next 年度's 出納簿.
REFUND_DAY = (5, 20)
REFUND_MEMO = "精算による返還金（対象経費に含めない）"


def build_programs(ctx: DemoContext) -> dict[str, tuple[int, ProgramRules]]:
    """Install the preset's grant_programs (idempotent); ``{fund: (program id, rules)}``."""
    ids = install_programs(ctx.store, DEFAULT_PRESET)
    programs = load_preset(DEFAULT_PRESET).programs
    return {rules.fund_code: (program_id, rules)
            for program_id, rules in zip(ids, programs, strict=True)}


def grant_amount(rules: ProgramRules, households: int, population: int) -> int:
    """交付額 in 円 by the programme's formula for the council's 世帯数 and 人口."""
    if rules.formula is None:
        raise RuntimeError(f"demo: programme {rules.code} has no amount formula")
    return rules.formula.proposed_amount(households, population)


def installment_dates(fund: str, year: int) -> list[date]:
    """概算払 days of a fund in 年度 ``year`` (weekdays)."""
    return [weekday_before(fy_date(year, m, d))
            for m, d in load("ledger")["grant_installments"][fund]]


def payments(grant: dict, fund: str, expenses: list[dict], cutoff: date) -> tuple[list, list]:
    """概算払 of ``grant`` (a grants row) paid up to ``cutoff``: (grant_payments rows, income
    entries). Raises RuntimeError when the spending exceeds the decided amount."""
    decided, year = grant["decided_amount"], grant["fiscal_year"]
    days = installment_dates(fund, year)
    rows, entries, paid = [], [], 0
    for index, paid_on in enumerate(days):
        following = days[index + 1] if index + 1 < len(days) else None
        need = sum(e["amount"] for e in expenses if following is None or e["date"] < following)
        if need > decided:
            raise RuntimeError(f"demo: {fund} {year} spends {need} of {decided}")
        share = -(-decided * (index + 1) // len(days) // 1000) * 1000
        target = decided if following is None else min(decided, max(share, -(-need // 1000) * 1000))
        amount = target - paid
        if amount <= 0:
            continue
        if paid_on > cutoff:
            break
        number = len(rows) + 1
        requested = max(open_day_before(paid_on - timedelta(days=10)),
                        date.fromisoformat(grant["decided_on"]))  # never before the 交付決定,
        # on a day the city office is open (not 12/30: 年末年始)
        rows.append({"grant_id": grant["id"], "kind": "advance",
                     "requested_on": requested.isoformat(),
                     "paid_on": paid_on.isoformat(), "amount": amount})
        text = f"{grant['_name']} 概算払（第{number}回）"
        entries.append(dict(item(fund, "income", "grant", paid_on, text, PAYER, amount,
                                 exact=True), grant_id=grant["id"]))
        paid = target
    return rows, entries


def grant_row(ctx: DemoContext, program: tuple[int, ProgramRules], year: int,
              decision_no: int) -> dict:
    """The grants row of one programme and 年度: 申請 on April 1 and 交付決定 a few days later,
    before the first 交付請求 (the legal order the 提出前の点検 checks).

    ``_name`` (the programme's name, for 摘要) is dropped before the row is written.
    """
    program_id, rules = program
    amount = grant_amount(rules, ctx.refs[f"households:{year}"], ctx.refs[f"population:{year}"])
    return {"_name": rules.name, "id": ctx.new_id("grants"), "council_id": ctx.council_id, "fiscal_year": year,
            "program_id": program_id, "proposed_amount": amount, "applied_amount": amount,
            "applied_on": open_day_before(date(year, 4, 1)).isoformat(),
            "decided_amount": amount,
            "decided_on": open_day_before(date(year, 4, 7)).isoformat(),
            "decision_no": f"山協推第{decision_no}号", "change_amount": None,
            "change_requested_on": None, "change_approved_on": None, "reported_on": None,
            "eligible_spending": None, "settled_on": None, "refund_amount": None,
            "carried_forward_amount": None, "refunded_on": None, "notes": ""}


def settle(grant: dict, fund: str, expenses: list[dict], paid: int) -> dict | None:
    """精算 of a closed year: after the 年度締め and the 会計監査 (4/20, books._close_year), the
    実績報告 (with the audit report attached) and then the 精算; 返還金 = max(0, paid − 対象経費),
    paid back after the 精算 fixed it (:data:`REFUND_DAY`), so in the next 年度: the closed
    year's 収支決算書 carries the unspent grant into its 次年度繰越金 and the next year's book
    pays it out on its 返還金 line.

    Returns the 返還金 entry (its own line 返還金, dated in the next 年度, linked to the grant)
    or None.
    """
    year = grant["fiscal_year"]
    eligible = sum(e["amount"] for e in expenses)  # verify() proves every one is eligible
    refund = settlement(paid, eligible, allows_carry_forward=False).refund
    grant.update(reported_on=open_day_before(date(year + 1, *REPORT_DAY)).isoformat(),
                 eligible_spending=eligible,
                 settled_on=open_day_before(date(year + 1, *SETTLEMENT_DAY)).isoformat(),
                 refund_amount=refund, carried_forward_amount=0, notes="精算済み")
    if not refund:
        return None
    refunded = open_day_before(date(year + 1, *REFUND_DAY))
    grant["refunded_on"] = refunded.isoformat()
    short = grant["_name"].removeprefix("地域づくり")
    return dict(item(fund, "expense", REFUND_CATEGORY, refunded,
                     f"{nendo(year)} {short} 返還金", PAYER, refund, exact=True),
                grant_id=grant["id"], memo=REFUND_MEMO)
