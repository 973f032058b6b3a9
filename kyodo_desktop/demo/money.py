"""Demo step 6b: 湯田's 口座 — a 現金 box, the 普通預金 the city pays into, a 定期預金.

Every 出納簿 entry is put on an account by :func:`account_of` (交付金, wages and larger payments
through the 普通預金; small purchases and cash collections through the 現金 box); 引出 from the
普通預金 keep the box above zero every day and 預入 take surplus cash to the bank. The 定期預金
holds part of the 自主財源 and receives one 預入 in March 2026. Each month ends with a 通帳照合 of
the 普通預金 and a 現金 count (金種表); the 定期預金 is checked at the 年度 end. All of them
show 0 difference except one: a 振込 booked at a month's end that the bank carried out on its
指定日 in the next month (:data:`LATE_TRANSFER_REASON`). None of this moves a fund, income
or expense figure: 振替 are not 出納簿 entries.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

from kyodo_desktop.demo.common import CLOSED_YEAR, TODAY, DemoContext, weekday_before
from kyodo_desktop.domain import reconcile, wareki
from kyodo_desktop.services.accounting import figures

#: The 定期預金 (a fictional account at the same bank as the 振込先).
TIME_DEPOSIT = {"kind": "bank", "label": "定期預金", "bank_name": "やまぐち中央信用金庫",
                "branch_name": "湯田温泉支店", "account_type": "time", "account_number": "0456789",
                "holder": "湯田地域づくり協議会 会長",
                "holder_kana": "ゆだちいきづくりきょうぎかい かいちょう", "fund_code": None,
                "is_payee": 0, "sort_order": 2, "notes": "満期 毎年3月（自動継続）"}
#: 前年度繰越金 of the bank accounts on 2025-04-01 (the 現金 box holds the rest).
OPENING = {"ordinary": 250_000, "time": 100_000}
#: 預入 into the 定期預金 at the end of 2025 (March 2026).
TIME_TOP_UP = 100_000
CASH_FLOOR, CASH_TARGET, CASH_CEILING = 10_000, 50_000, 120_000
_BANK_EXPENSES = {"wages", "remuneration", "contributions", "equipment", "commissions",
                  "refund", "insurance", "fees"}
LATE_TRANSFER_REASON = ("{day}に依頼した{payee}への振込 {amount}円は、振込指定日（翌月）に"
                        "引き落とされたため、月末の通帳にはまだ載っていません。"
                        "翌月の通帳で引落しを確認しました。")


def add_accounts(ctx: DemoContext) -> None:
    """The 現金 box and the 定期預金 beside the 振込先 (written by places); ``refs`` gets
    ``account:cash``, ``account:ordinary``, ``account:time``."""
    ctx.refs["account:ordinary"] = ctx.db.execute(
        "SELECT id FROM council_accounts WHERE council_id = ? AND is_payee = 1",
        [ctx.council_id]).fetchone()[0]
    for key, row in (("cash", {"kind": "cash", "label": "現金", "sort_order": 0}),
                     ("time", TIME_DEPOSIT)):
        ctx.refs[f"account:{key}"] = account_id = ctx.new_id("council_accounts")
        ctx.db["council_accounts"].insert(dict(row, id=account_id, council_id=ctx.council_id))
    ctx.insert("account_opening_balances", [
        {"council_id": ctx.council_id, "fiscal_year": CLOSED_YEAR,
         "account_id": ctx.refs[f"account:{key}"], "carried_in": amount}
        for key, amount in OPENING.items()])


def account_of(row: dict) -> str:
    """'cash' or 'ordinary': where a 出納簿 row of the demo moved its money."""
    category = row["income_category_code"] or row["expense_category_code"]
    amount = row["amount"]
    if row["direction"] == "income":
        if category in ("grant", "miscellaneous_income"):  # 交付金, 預金利息
            return "ordinary"
        return "cash" if category == "donations" or amount < 50_000 else "ordinary"
    return "ordinary" if category in _BANK_EXPENSES or amount >= 30_000 else "cash"


def place_entries(ctx: DemoContext, year: int, rows: list[dict]) -> None:
    """Set ``account_id`` on the year's 出納簿 rows (before they are written)."""
    for row in rows:
        row["account_id"] = ctx.refs[f"account:{account_of(row)}"]


def add_transfers(ctx: DemoContext, year: int, rows: list[dict]) -> None:
    """Write the year's 引出 / 預入 (after its entries, before its 年度締め): each month one
    引出 on its first entry day when the box would fall below :data:`CASH_FLOOR`, one 預入 on
    its last when it holds more than :data:`CASH_CEILING`; then the 定期 預入 in March of the
    closed year. Raises RuntimeError when an account would go below zero on a day."""
    cash, bank = ctx.refs["account:cash"], ctx.refs["account:ordinary"]
    balance = figures.account_opening_balances(ctx.store, ctx.council_id, year)
    transfers = []
    for month_rows in _by_month(rows):
        moves = [r["amount"] if r["direction"] == "income" else -r["amount"]
                 for r in month_rows if r["account_id"] == cash]
        low = min([0, *_running(moves)])
        first, last = month_rows[0]["entry_date"], month_rows[-1]["entry_date"]
        if balance[cash] + low < CASH_FLOOR:
            amount = _round_up(CASH_TARGET - (balance[cash] + low), 10_000)
            transfers.append(_transfer(ctx, year, first, bank, cash, amount, "小口現金の引出"))
            balance[cash] += amount
        balance[cash] += sum(moves)
        if balance[cash] > CASH_CEILING:
            amount = (balance[cash] - CASH_TARGET) // 10_000 * 10_000
            transfers.append(_transfer(ctx, year, last, cash, bank, amount, "現金の預入"))
            balance[cash] -= amount
    if year == CLOSED_YEAR:
        transfers.append(_transfer(ctx, year, weekday_before(date(year + 1, 3, 16)).isoformat(),
                                   bank, ctx.refs["account:time"], TIME_TOP_UP,
                                   "定期預金への預入（自主財源の積立）"))
    ctx.insert("account_transfers", transfers)
    _refuse_overdrafts(ctx, year, rows, transfers)


def _by_month(rows: list[dict]) -> list[list[dict]]:
    months: dict[str, list[dict]] = {}
    for row in sorted(rows, key=lambda r: (r["entry_date"], r["id"])):
        months.setdefault(row["entry_date"][:7], []).append(row)
    return list(months.values())


def _running(moves: list[int]) -> list[int]:
    total, result = 0, []
    for move in moves:
        total += move
        result.append(total)
    return result


def _round_up(amount: int, step: int) -> int:
    return -(-amount // step) * step


def _transfer(ctx: DemoContext, year: int, day: str, source: int, target: int, amount: int,
              description: str) -> dict:
    return {"id": ctx.new_id("account_transfers"), "council_id": ctx.council_id,
            "fiscal_year": year, "transfer_date": day, "from_account_id": source,
            "to_account_id": target, "amount": amount, "description": description, "memo": "",
            "created_at": f"{day}T17:00:00"}


def _refuse_overdrafts(ctx: DemoContext, year: int, rows: list[dict],
                       transfers: list[dict]) -> None:
    days = sorted({r["entry_date"] for r in rows} | {t["transfer_date"] for t in transfers})
    for day in days:
        balances = figures.account_balances(ctx.store, ctx.council_id, year,
                                            on=date.fromisoformat(day))
        if min(balances.values()) < 0:
            raise RuntimeError(f"demo account below zero on {day}: {balances}")


def carry_accounts(ctx: DemoContext, year: int) -> None:
    """Next 年度's 口座の繰越金 of the bank accounts: their 残高 at the end of ``year``."""
    closing = figures.account_balances(ctx.store, ctx.council_id, year)
    ctx.insert("account_opening_balances", [
        {"council_id": ctx.council_id, "fiscal_year": year + 1, "account_id": account,
         "carried_in": closing[account]}
        for account in (ctx.refs["account:ordinary"], ctx.refs["account:time"])])


def add_reconciliations(ctx: DemoContext, year: int, rows: list[dict]) -> None:
    """Monthly 通帳照合 (普通預金) and 現金 counts of ``year`` up to :data:`TODAY`, the 定期預金 at
    the 年度 end; one 普通預金 month differs by a 振込 the bank made the next business day."""
    checker = ctx.names[ctx.refs["officer:treasurer"]]
    late = _late_transfer(ctx, rows) if year == CLOSED_YEAR else None
    records = []
    for month_end in _month_ends(year):
        balances = figures.account_balances(ctx.store, ctx.council_id, year, on=month_end)
        for key in ("ordinary", "cash"):
            account = ctx.refs[f"account:{key}"]
            book = bank = balances[account]
            reason, count = "", ""
            if key == "cash":
                count = json.dumps(reconcile.count_for(book), sort_keys=True)
            elif late is not None and late["entry_date"][:7] == month_end.isoformat()[:7]:
                bank = book + late["amount"]
                reason = LATE_TRANSFER_REASON.format(
                    day=wareki.format_wareki(date.fromisoformat(late["entry_date"])),
                    payee=late["payee"] or late["description"], amount=f"{late['amount']:,}")
            records.append(_reconciliation(ctx, account, month_end, book, bank, reason, count,
                                           checker))
        if month_end == wareki.fiscal_year_end(year):
            account = ctx.refs["account:time"]
            records.append(_reconciliation(ctx, account, month_end, balances[account],
                                           balances[account], "", "", checker))
    ctx.insert("reconciliations", records)


def _month_ends(year: int) -> list[date]:
    ends = []
    for month in range(12):
        first_next = date(year + (month + 4) // 12, (month + 4) % 12 + 1, 1)
        end = first_next - timedelta(days=1)
        if end <= TODAY:
            ends.append(end)
    return ends


def _late_transfer(ctx: DemoContext, rows: list[dict]) -> dict:
    """The first 普通預金 payment of 30,000 円 or more booked in the last three days of a month
    from September on: the 振込 the bank carried out on its 指定日 in the next month."""
    bank = ctx.refs["account:ordinary"]
    for row in sorted(rows, key=lambda r: (r["entry_date"], r["id"])):
        day = date.fromisoformat(row["entry_date"])
        month_end = date(day.year + day.month // 12, day.month % 12 + 1, 1) - timedelta(days=1)
        if (row["account_id"] == bank and row["direction"] == "expense" and day.month >= 9
                and row["amount"] >= 30_000 and (month_end - day).days < 3):
            return row
    raise RuntimeError("demo: no 普通預金 payment in the last days of a month")


def _reconciliation(ctx: DemoContext, account: int, day: date, book: int, bank: int,
                    reason: str, count: str, checker: str) -> dict:
    return {"id": ctx.new_id("reconciliations"), "council_id": ctx.council_id,
            "account_id": account, "reconciled_on": day.isoformat(), "book_balance": book,
            "bank_balance": bank, "reason": reason, "cash_count": count, "checked_by": checker,
            "created_at": f"{day.isoformat()}T18:00:00"}
