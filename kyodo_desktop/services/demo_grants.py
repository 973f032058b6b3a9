"""Demo step 6b: 地域づくり交付金 (運営支援 + 活動支援): programmes, grants, 概算払, 精算.

The demo's formula (fictional, shaped like 山口市's): 交付額 = base + per_household × 世帯数 of
the council (council_year_stats), rounded down to 1,000円; with ≈ 11,530 世帯 it gives
≈ 4,823,000円 運営支援 (≈ 47 %) and ≈ 5,438,000円 活動支援 (≈ 53 %), ≈ 10,261,000円 in all.
概算払 dates come from ``resources/demo/ledger.json``; each installment is at least its even share
and large enough to cover the spending until the next one, so a grant fund never goes negative.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

from kyodo_desktop.services.demo_common import DemoContext, fy_date, load, weekday_before
from kyodo_desktop.services.demo_projects import item

INELIGIBLE_KEYWORDS = ["飲食を伴う懇親会", "慶弔費", "交際費", "宗教活動", "政治活動", "個人への給付"]
PAYER = "山口市"
PROGRAMS = {
    "operating_support": {
        "code": "yamaguchi_operating_support", "name": "地域づくり運営支援交付金",
        "formula": {"base": 2_517_000, "per_household": 200, "round_to": 1000},
        "allowed": ["remuneration", "wages", "travel", "consumables", "postage", "fees",
                    "insurance", "rentals", "equipment"]},
    "activity_support": {
        "code": "yamaguchi_activity_support", "name": "地域づくり活動支援交付金",
        "formula": {"base": 3_132_000, "per_household": 200, "round_to": 1000},
        "allowed": ["honoraria", "travel", "consumables", "food", "printing", "postage", "fees",
                    "insurance", "commissions", "rentals", "materials", "equipment",
                    "contributions"]},
}


def build_programs(ctx: DemoContext) -> dict[str, int]:
    """The two grant_programs (reused when a preset already loaded them); ``{fund: id}``."""
    ids = {}
    rows = []
    for fund, spec in PROGRAMS.items():
        found = ctx.db.execute("SELECT id FROM grant_programs WHERE code = ?",
                               (spec["code"],)).fetchone()
        if found:
            ids[fund] = found[0]
            continue
        ids[fund] = ctx.new_id("grant_programs")
        rules = {"formula": spec["formula"], "ineligible_keywords": INELIGIBLE_KEYWORDS,
                 "allowed_expense_categories": spec["allowed"],
                 "advance_payments": len(load("ledger")["grant_installments"][fund]),
                 "refund_unused": True}
        rows.append({"id": ids[fund], "code": spec["code"], "name": spec["name"],
                     "fund_code": fund, "city_preset": "yamaguchi", "allows_carry_forward": 0,
                     "rules": json.dumps(rules, ensure_ascii=False)})
    ctx.insert("grant_programs", rows)
    return ids


def grant_amount(fund: str, households: int) -> int:
    """交付額 in 円 of the demo formula for ``households`` 世帯."""
    formula = PROGRAMS[fund]["formula"]
    raw = formula["base"] + formula["per_household"] * households
    return raw // formula["round_to"] * formula["round_to"]


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
        rows.append({"grant_id": grant["id"], "kind": "advance",
                     "requested_on": weekday_before(paid_on - timedelta(days=10)).isoformat(),
                     "paid_on": paid_on.isoformat(), "amount": amount})
        text = f"{PROGRAMS[fund]['name']} 概算払（第{number}回）"
        entries.append(dict(item(fund, "income", "grant", paid_on, text, PAYER, amount,
                                 exact=True), grant_id=grant["id"]))
        paid = target
    return rows, entries


def grant_row(ctx: DemoContext, program_id: int, fund: str, year: int, households: int,
              decision_no: int) -> dict:
    """The grants row of one programme and 年度: 申請 and 交付決定 in early April."""
    amount = grant_amount(fund, households)
    return {"id": ctx.new_id("grants"), "council_id": ctx.council_id, "fiscal_year": year,
            "program_id": program_id, "proposed_amount": amount, "applied_amount": amount,
            "applied_on": weekday_before(date(year, 4, 2)).isoformat(),
            "decided_amount": amount,
            "decided_on": weekday_before(date(year, 4, 11)).isoformat(),
            "decision_no": f"山協推第{decision_no}号", "change_amount": None,
            "change_requested_on": None, "change_approved_on": None, "reported_on": None,
            "eligible_spending": None, "settled_on": None, "refund_amount": None,
            "carried_forward_amount": None, "refunded_on": None, "notes": ""}


def settle(grant: dict, fund: str, expenses: list[dict], paid: int) -> dict | None:
    """精算 of a closed year: 実績報告 3/27, 精算 3/30; 返還金 = max(0, paid − 対象経費).

    Returns the 返還金 entry (負担金補助及び交付金, 3/31, linked to the grant) or None.
    """
    year = grant["fiscal_year"]
    eligible = sum(e["amount"] for e in expenses)
    refund = max(0, paid - eligible)
    grant.update(reported_on=f"{year + 1}-03-27", eligible_spending=eligible,
                 settled_on=f"{year + 1}-03-30", refund_amount=refund, carried_forward_amount=0,
                 notes="精算済み")
    if not refund:
        return None
    grant["refunded_on"] = f"{year + 1}-03-31"
    short = PROGRAMS[fund]["name"].removeprefix("地域づくり")
    return dict(item(fund, "expense", "contributions", date(year + 1, 3, 31),
                     f"{short} 返還金", PAYER, refund, exact=True),
                grant_id=grant["id"])
