"""Demo step 6: the accounts of 2025 (closed, audited) and 2026 (open up to :data:`TODAY`).

Per 年度: grants and 概算払, budget_lines (income and expense per fund × 費目), the 出納簿 with
voucher numbers ``R7-0001`` … in date order, and for the closed year the 精算, one 予算の流用,
年度締め and 会計監査 (its 次年度繰越金 are
:func:`kyodo_desktop.services.accounting.figures.fund_balances`: the unspent grant is among them).
The 返還金 the 精算 fixed is paid after it, in the next 年度 (on its own 返還金 line, from the
前年度繰越金), which budgets both by a 補正 (補正第1号, dated after the 精算).
Before writing,
:func:`verify` asserts the rules the app's checks enforce (no fund below zero on any day,
no overspent 費目, no ineligible words in grant spending, entries within their 年度).
"""

from __future__ import annotations

import json
from datetime import date, timedelta

from kyodo_desktop.demo import dues, money
from kyodo_desktop.demo import funder as funder_step
from kyodo_desktop.demo import grants as grants_step
from kyodo_desktop.demo.common import (
    CLOSED_YEAR,
    TODAY,
    YEARS,
    DemoContext,
    nendo,
    reiwa,
)
from kyodo_desktop.demo.ledger import (
    ACTIVITY,
    OPERATING,
    OWN,
    Budget,
    activity_items,
    operating_items,
    own_items,
    realise,
)
from kyodo_desktop.domain import wareki
from kyodo_desktop.domain.accounting import REFUND_CATEGORY, running_balances
from kyodo_desktop.domain.accounting_rules import ProgramRules
from kyodo_desktop.services.accounting import figures

FUNDS = (OPERATING, ACTIVITY, OWN)
OPENING_OWN_FUNDS = 412_380
AUDIT_OPINION = ("{year}の会計について、出納簿、領収書等の証拠書類及び預金通帳を照合した結果、"
                 "適正に処理されていることを認めます。")


def build_accounts(ctx: DemoContext, planned: dict[int, list[dict]]) -> None:
    """Write every accounting table for the demo years; counts ``cash_book_entries`` per year."""
    programs = grants_step.build_programs(ctx)
    ctx.refs["funder_program"] = funder_step.build_fund(ctx)
    money.add_accounts(ctx)
    opening = {OWN: OPENING_OWN_FUNDS}
    ctx.insert("opening_balances", [{"council_id": ctx.council_id, "fiscal_year": YEARS[0],
                                     "fund_code": OWN, "carried_in": OPENING_OWN_FUNDS,
                                     "source": "manual"}])
    ctx.counts["cash_book_entries"] = {}
    ctx.counts["grants"] = 0
    for year in YEARS:
        closing = _build_year(ctx, year, programs, planned[year], opening)
        ctx.counts["grants"] += len(programs) + (year != CLOSED_YEAR)
        if year == CLOSED_YEAR:
            _close_year(ctx, year, closing)
            opening = closing


def _build_year(ctx: DemoContext, year: int, programs: dict, planned: list[dict],
                opening: dict[str, int]) -> dict[str, int]:
    closed = year == CLOSED_YEAR
    cutoff = wareki.fiscal_year_end(year) if closed else TODAY
    number = ctx.rng.randint(100, 400)
    grants = {fund: grants_step.grant_row(ctx, programs[fund], year, number + offset)
              for offset, fund in enumerate((OPERATING, ACTIVITY))}
    last_grant_day = wareki.fiscal_year_end(year) - timedelta(days=6 if closed else 0)
    windows = {fund: (grants_step.installment_dates(fund, year)[0] + timedelta(days=1),
                      last_grant_day) for fund in grants}
    windows[OWN] = (wareki.fiscal_year_start(year), wareki.fiscal_year_end(year))
    budgets: Budget = {}
    for fund, grant in grants.items():
        budgets[(fund, "income", "grant")] = {"budget": grant["decided_amount"],
                                              "revised": None, "notes": ""}
    items = operating_items(ctx, year, grants[OPERATING]["decided_amount"], windows[OPERATING],
                            budgets)
    items += activity_items(ctx, year, grants[ACTIVITY]["decided_amount"], windows[ACTIVITY],
                            planned, budgets)
    items += own_items(ctx, year, planned, opening.get(OWN, 0), budgets)
    entries = realise(ctx, items, windows, cutoff)
    payment_rows = []
    for fund, grant in grants.items():
        spent = [e for e in entries if e["fund"] == fund and e["direction"] == "expense"]
        rows, receipts = grants_step.payments(grant, fund, spent, cutoff)
        payment_rows += rows
        entries += receipts
        if closed:
            refund = grants_step.settle(grant, fund, spent, sum(r["amount"] for r in rows))
            if refund:  # paid in the next 年度, after the 精算
                ctx.refs.setdefault("refunds", []).append(
                    (refund, date.fromisoformat(grant["settled_on"])))
    settled = []
    for refund, settled_on in () if closed else ctx.refs.pop("refunds", ()):
        entries.append(refund)
        _budget_refund(budgets, refund["fund"], refund["amount"])
        settled.append(settled_on)
    if not closed:  # 湯田's own 共同募金配分金 (demo/funder.py)
        own_grant, own_payments, own_entries = funder_step.year_rows(
            ctx, year, ctx.refs["funder_program"], budgets)
        grants[funder_step.FUND_CODE] = own_grant
        payment_rows += own_payments
        entries += own_entries
    transfers = _transfer(ctx, year, budgets, entries) if closed else []
    verify(year, entries, budgets, transfers, opening,
           {fund: rules for fund, (_id, rules) in programs.items()}, _parents(ctx))
    ctx.insert("grants", [{k: v for k, v in g.items() if k != "_name"} for g in grants.values()])
    ctx.insert("grant_payments", [dict(r, id=ctx.new_id("grant_payments")) for r in payment_rows])
    lines = _budget_rows(ctx, year, budgets)
    ctx.insert("budget_lines", lines)
    revised = [line for line in lines if line["revised_budget"] is not None]
    if revised:
        revision = revision_row(ctx, year, max(settled))
        ctx.insert("budget_revisions", [revision])
        ctx.insert("budget_line_revisions", [{"budget_line_id": line["id"],
                                              "revision_id": revision["id"]} for line in revised])
    ctx.insert("budget_transfers", transfers)
    rows = _entry_rows(ctx, year, entries)
    money.place_entries(ctx, year, rows)
    ctx.counts["cash_book_entries"][year] = ctx.insert("cash_book_entries", rows)
    dues.add_dues(ctx, year, entries)
    money.add_transfers(ctx, year, rows)
    money.add_reconciliations(ctx, year, rows)
    if year == CLOSED_YEAR:
        money.carry_accounts(ctx, year)
    return figures.fund_balances(ctx.store, ctx.council_id, year)


def _spent(entries: list[dict], fund: str) -> dict[str, int]:
    totals: dict[str, int] = {}
    for e in entries:
        if e["fund"] == fund and e["direction"] == "expense":
            totals[e["category"]] = totals.get(e["category"], 0) + e["amount"]
    return totals


def _budget_refund(budgets: Budget, fund: str, refund: int) -> None:
    """補正第1号 (:func:`revision_row`) for the previous 年度's 返還金: the fund's 前年度繰越金
    (the unspent grant it carried in) and a 返還金 line, both raised by the refund, so the
    revised 支出 still equals the 収入 (the 収支予算書 balances). The 当初予算 stays as decided
    at the start of the year (neither line had one: the 精算 came later)."""
    for direction, category in (("income", "carried_in"), ("expense", REFUND_CATEGORY)):
        line = budgets.setdefault((fund, direction, category),
                                  {"budget": 0, "revised": None, "notes": ""})
        line.update(revised=(line["revised"] or line["budget"]) + refund)


def revision_row(ctx: DemoContext, year: int, settled_on: date) -> dict:
    """補正第1号 of ``year``: decided by the 理事会 on the first Thursday after the 精算 of the
    previous 年度's grant (``settled_on``) fixed the 返還金, before it is paid."""
    decided = settled_on + timedelta(days=(3 - settled_on.weekday()) % 7 or 7)
    return {"id": ctx.new_id("budget_revisions"), "council_id": ctx.council_id,
            "fiscal_year": year, "number": 1, "decided_on": decided.isoformat(),
            "reason": f"{nendo(year - 1)}交付金の精算による返還金の計上"}


def _transfer(ctx: DemoContext, year: int, budgets: Budget, entries: list[dict]) -> list[dict]:
    """One 予算の流用 in 自主財源 (to 食糧費, from the line with most money left)."""
    spent = _spent(entries, OWN)
    spare = sorted((v["budget"] - spent.get(k[2], 0), k[2]) for k, v in budgets.items()
                   if k[0] == OWN and k[1] == "expense" and k[2] != "food")
    headroom, source = spare[-1]
    amount = min(30_000, headroom // 1000 * 1000)
    if amount <= 0:
        return []
    return [{"id": ctx.new_id("budget_transfers"), "council_id": ctx.council_id,
             "fiscal_year": year, "fund_code": OWN, "from_category_code": source,
             "to_category_code": "food", "amount": amount,
             "transferred_on": date(year + 1, 1, 6).isoformat(),
             "reason": "新年互礼会の参加者増に備えるため"}]


def _parents(ctx: DemoContext) -> dict[str, str | None]:
    return dict(ctx.db.execute("SELECT code, parent_code FROM expense_categories").fetchall())


def verify(year: int, entries: list[dict], budgets: Budget, transfers: list[dict],
           opening: dict[str, int], rules: dict[str, ProgramRules],
           parents: dict[str, str | None]) -> None:
    """Raise RuntimeError (a bug in the demo data) when an accounting rule is broken.

    ``rules`` are the grant programmes by fund: their spending must use allowed 費目 and carry no
    対象外経費 keyword in 摘要, 支払先 or メモ.
    """
    problems = []
    ordered = sorted(entries, key=lambda e: e["date"])
    moves = ((e["date"], e["fund"], e["amount"] if e["direction"] == "income" else -e["amount"])
             for e in ordered)
    low: dict[tuple[date, str], int] = {}
    for day_fund, balance, _total in running_balances(opening, (
            ((day, fund), fund, signed) for day, fund, signed in moves)):
        low[day_fund] = balance  # the fund's balance at the end of the day
    problems += [f"{fund} below zero on {day}" for (day, fund), value in low.items() if value < 0]
    moved_out = {(t["fund_code"], t["from_category_code"]): t["amount"] for t in transfers}
    for fund in FUNDS:
        for category, amount in _spent(entries, fund).items():
            line = budgets.get((fund, "expense", category))
            limit = 0 if line is None else line["revised"] or line["budget"]
            if amount > limit - moved_out.get((fund, category), 0):
                problems.append(f"{fund}/{category} spends {amount} of {limit}")
    for e in entries:
        if wareki.fiscal_year_of(e["date"]) != year:
            problems.append(f"entry outside {year}: {e['date']}")
        program = rules.get(e["fund"])
        if program and e["direction"] == "expense" and e.get("grant_id") is None and (
                not program.allows(e["category"], parents)
                or program.ineligible_match(e["description"], e["payee"], e.get("memo", ""))):
            problems.append(f"ineligible: {e['category']} {e['description']}")
    if problems:
        raise RuntimeError("demo data breaks its rules: " + "; ".join(problems[:5]))


def _budget_rows(ctx: DemoContext, year: int, budgets: Budget) -> list[dict]:
    order = _sort_orders(ctx)
    keys = sorted(budgets, key=lambda k: (order[k[0]], k[1] != "income", order[k[2]]))
    return [{"id": ctx.new_id("budget_lines"), "council_id": ctx.council_id,
             "fiscal_year": year, "fund_code": fund, "direction": direction,
             "income_category_code": category if direction == "income" else None,
             "expense_category_code": category if direction == "expense" else None,
             "budget": budgets[(fund, direction, category)]["budget"],
             "revised_budget": budgets[(fund, direction, category)]["revised"],
             "notes": budgets[(fund, direction, category)]["notes"]}
            for fund, direction, category in keys]


def _sort_orders(ctx: DemoContext) -> dict[str, int]:
    rows = ctx.db.execute("SELECT code, sort_order FROM funds UNION ALL "
                          "SELECT code, sort_order FROM income_categories UNION ALL "
                          "SELECT code, sort_order FROM expense_categories").fetchall()
    return dict(rows)


def _entry_rows(ctx: DemoContext, year: int, entries: list[dict]) -> list[dict]:
    """The 出納簿 rows in date order with voucher numbers R<令和>-0001 …"""
    order = _sort_orders(ctx)
    ranked = sorted(enumerate(entries), key=lambda pair: (
        pair[1]["date"], pair[1]["direction"] != "income", order[pair[1]["fund"]], pair[0]))
    rows = []
    for number, (_index, e) in enumerate(ranked, start=1):
        income = e["direction"] == "income"
        e["entry_id"] = ctx.new_id("cash_book_entries")  # the 会費 payments link to it
        rows.append({
            "id": e["entry_id"], "council_id": ctx.council_id,
            "fiscal_year": year, "fund_code": e["fund"], "entry_date": e["date"].isoformat(),
            "direction": e["direction"],
            "income_category_code": e["category"] if income else None,
            "expense_category_code": None if income else e["category"],
            "description": e["description"], "amount": e["amount"], "payee": e["payee"],
            "voucher_no": f"R{reiwa(year)}-{number:04d}", "project_id": e["project_id"],
            "grant_id": e["grant_id"], "correction_of_id": None, "memo": e.get("memo", ""),
            "created_at": f"{e['date'].isoformat()}T{9 + number % 8:02d}:{number * 7 % 60:02d}:00"})
    return rows


def _close_year(ctx: DemoContext, year: int, closing: dict[str, int]) -> None:
    """年度締め of ``year`` on 4/15 (carried_out = closing balances), 会計監査 on 4/20 (before the
    実績報告 that attaches its report, see grants.REPORT_DAY), next year's 繰越金. The receipts
    are attached first: a closed year's 証拠書類 cannot change (migration 20)."""
    from kyodo_desktop.demo.receipts import add_receipts

    add_receipts(ctx, year)
    treasurer = ctx.names[ctx.refs["officer:treasurer"]]
    ctx.insert("year_closes", [{
        "id": ctx.new_id("year_closes"), "council_id": ctx.council_id, "fiscal_year": year,
        "closed_at": f"{year + 1}-04-15T16:30:00", "closed_by": treasurer,
        "carried_out": json.dumps(closing, ensure_ascii=False), "reopened_at": None,
        "reopen_reason": ""}])
    ctx.insert("audits", [{
        "id": ctx.new_id("audits"), "council_id": ctx.council_id, "fiscal_year": year,
        "audited_on": f"{year + 1}-04-20", "period_from": f"{year}-04-01",
        "period_to": f"{year + 1}-03-31",
        "opinion": AUDIT_OPINION.format(year=nendo(year))}])
    ctx.insert("opening_balances", [
        {"council_id": ctx.council_id, "fiscal_year": year + 1, "fund_code": fund,
         "carried_in": amount, "source": "year_close"} for fund, amount in closing.items()])
