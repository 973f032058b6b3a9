"""The figures of the accounts, read in one place. Every screen, printed form, check, export,
the overview and the demo take these numbers from here, so they agree to the yen
(docs/ARCHITECTURE.md, "One source per figure"). Money is int 円; 年度 an int.

=====================  ===================================================================
figure                 rule
=====================  ===================================================================
前年度繰越金            ``opening_balances`` rows; a fund without a row has 0
残高 (fund balance)     前年度繰越金 + Σ収入 − Σ支出 of the fund, up to a day or the 年度's end
口座の繰越金            ``account_opening_balances`` rows; the 現金 account holds the rest of
                       Σ前年度繰越金, so the accounts add up to the funds
口座残高 (account)      口座の繰越金 + Σ収入 − Σ支出 of its entries + Σ振替 in − Σ振替 out
running 残高            the same after every entry, in 出納簿 order ``(entry_date, id)``
決算額 per 費目         Σ amount per fund × direction × category (予算対比, 収支決算書); 返還金 apart
事業費 (project cost)   Σ expenses linked to the 事業 in its 年度; a 返還金 never counts;
                       split by the fund that paid for the 事業実績書
交付金 income booked    Σ income entries of category 交付金 per fund
会費 納入額             Σ amount of the 出納簿 entries linked to a 自治会's 納入 (``dues_payments``)
会費 income             Σ income entries of category 会費 (``membership_fees``), every fund
交付済額 (received)     Σ the grant's payments that have a payment date (``paid_on``)
交付決定額 in force     the approved 変更 amount, else the decided amount
対象経費 (eligible)     the programme's eligible expenses of the fund, caps applied
=====================  ===================================================================

A 振替 (預入 / 引出, ``account_transfers``) moves money between two 口座 of the council: it
changes the two accounts' balances and nothing else (no fund, income, expense or 決算額).

A 返還金 is an expense carrying ``grant_id``: it moves the balance, is never 対象経費 and never
a 事業's cost (it cannot carry a ``project_id``: store trigger, migration 7). The pure arithmetic
is :mod:`kyodo_desktop.domain.accounting` (balances) and
:mod:`kyodo_desktop.domain.accounting_rules` (対象経費, 精算).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from weakref import WeakKeyDictionary

from kyodo_desktop.domain import accounting, reconcile, wareki
from kyodo_desktop.domain.accounting_rules import eligible_spending
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.accounting import common
from kyodo_desktop.services.accounting.cash_book_filters import FILTERED_ENTRIES, filters
from kyodo_desktop.services.accounting.rows import ProjectFundCost
from kyodo_desktop.services.council import presets
from kyodo_desktop.store import Store

_SIGNED = "CASE direction WHEN 'income' THEN amount ELSE -amount END"


def opening_balances(store: Store, council_id: int, fiscal_year: int) -> dict[str, int]:
    """前年度繰越金 per fund (円), every fund listed; funds without a row are 0."""
    found = {r["fund_code"]: r["carried_in"] for r in store.query(
        "SELECT fund_code, carried_in FROM opening_balances WHERE council_id = ? "
        "AND fiscal_year = ?", (council_id, fiscal_year))}
    return {code: found.get(code, 0) for code in common.fund_names(store, council_id)} | found


def fund_balances(store: Store, council_id: int, fiscal_year: int, *,
                  on: date | None = None) -> dict[str, int]:
    """残高 per fund (円) at the end of day ``on`` (None: the whole 年度, i.e. 次年度繰越金):
    前年度繰越金 + 収入 − 支出 of the entries dated up to that day. Every fund is listed."""
    net = dict(store.conn.execute(
        f"SELECT fund_code, sum({_SIGNED}) FROM cash_book_entries WHERE council_id = ? "
        "AND fiscal_year = ? AND (? IS NULL OR entry_date <= ?) GROUP BY fund_code",
        (council_id, fiscal_year, *(2 * [None if on is None else on.isoformat()]))).fetchall())
    return accounting.closing_balances(opening_balances(store, council_id, fiscal_year), net,
                                       common.fund_names(store, council_id))


def account_opening_balances(store: Store, council_id: int, fiscal_year: int
                             ) -> dict[int, int]:
    """口座の前年度繰越金 ``{account_id: 円}``, every account of the council listed (現金 first).
    Accounts without a row have 0; the 現金 account holds Σ :func:`opening_balances` minus the
    other accounts' amounts (its own row, if any, is ignored), so Σ accounts = Σ funds."""
    ids = [r["id"] for r in store.query(
        "SELECT id FROM council_accounts WHERE council_id = ? "
        "ORDER BY kind = 'bank', is_payee DESC, sort_order, id", (council_id,))]
    cash = store.scalar("SELECT id FROM council_accounts WHERE council_id = ? AND kind = 'cash'",
                        (council_id,))
    found = dict(store.conn.execute(
        "SELECT account_id, carried_in FROM account_opening_balances WHERE council_id = ? "
        "AND fiscal_year = ?", (council_id, fiscal_year)).fetchall())
    result = {account: found.get(account, 0) for account in ids if account != cash}
    total = sum(opening_balances(store, council_id, fiscal_year).values())
    return ({cash: total - sum(result.values())} if cash is not None else {}) | result


def account_balances(store: Store, council_id: int, fiscal_year: int, *,
                     on: date | None = None) -> dict[int, int]:
    """残高 per 口座 ``{account_id: 円}`` at the end of day ``on`` (None: the 年度's end): the
    account's 繰越金 + its entries' 収入 − 支出 + 振替 received − 振替 sent, dated up to that
    day. Every account of the council is listed; Σ of them equals Σ :func:`fund_balances`."""
    day = 2 * [None if on is None else on.isoformat()]
    result = account_opening_balances(store, council_id, fiscal_year)
    moves = store.conn.execute(
        f"SELECT account_id, sum({_SIGNED}) FROM cash_book_entries WHERE council_id = ? "
        "AND fiscal_year = ? AND (? IS NULL OR entry_date <= ?) GROUP BY account_id",
        (council_id, fiscal_year, *day)).fetchall()
    moves += store.conn.execute(
        "SELECT from_account_id, -sum(amount) FROM account_transfers WHERE council_id = ? "
        "AND fiscal_year = ? AND (? IS NULL OR transfer_date <= ?) GROUP BY 1 "
        "UNION ALL SELECT to_account_id, sum(amount) FROM account_transfers WHERE "
        "council_id = ? AND fiscal_year = ? AND (? IS NULL OR transfer_date <= ?) GROUP BY 1",
        2 * (council_id, fiscal_year, *day)).fetchall()
    for account, amount in moves:
        result[account] = result.get(account, 0) + amount
    return result


def account_balance(store: Store, council_id: int, account_id: int, on: date) -> int:
    """残高 of one 口座 at the end of day ``on`` (円), in the 年度 that contains ``on``."""
    return account_balances(store, council_id, wareki.fiscal_year_of(on), on=on).get(
        account_id, 0)


def council_balance(store: Store, council_id: int, fiscal_year: int, *,
                    on: date | None = None) -> int:
    """The council's whole 残高 (円) at the end of day ``on``: Σ :func:`fund_balances`."""
    return sum(fund_balances(store, council_id, fiscal_year, on=on).values())


#: Running balances per open store, of its recently listed council-years:
#: (council, 年度, "funds" | "accounts") → (data version, {entry id: balances}).
_BALANCES: WeakKeyDictionary = WeakKeyDictionary()
_BALANCES_KEPT = 8


def running_balances(store: Store, council_id: int, fiscal_year: int
                     ) -> dict[int, tuple[int, int]]:
    """``{entry_id: (fund_balance, balance)}`` of the whole council-year (円), in 出納簿 order:
    the 残高 of the entry's fund and of all funds after it.

    Computed once per data version (the connection's ``total_changes`` and SQLite's
    ``data_version``) and kept for the next calls, so paging and filtering stay cheap.
    """
    def compute() -> dict[int, tuple[int, int]]:
        moves = store.conn.execute(
            f"SELECT id, fund_code, {_SIGNED} FROM cash_book_entries WHERE council_id = ? "
            "AND fiscal_year = ? ORDER BY entry_date, id", (council_id, fiscal_year))
        opening = opening_balances(store, council_id, fiscal_year)
        return {entry_id: (fund, total) for entry_id, fund, total
                in accounting.running_balances(opening, moves)}

    return _kept(store, (council_id, fiscal_year, "funds"), compute)


def account_running_balances(store: Store, council_id: int, fiscal_year: int
                             ) -> dict[int, int]:
    """``{entry_id: 残高 of the entry's 口座 after it}`` of the whole council-year (円), in
    出納簿 order: the 口座's 繰越金 (:func:`account_opening_balances`), its entries so far and
    its 振替 dated up to the entry's day (a day's 振替 count before its entries; rule:
    :func:`kyodo_desktop.domain.reconcile.account_running_balances`). After a day's last entry
    of a 口座 this is :func:`account_balance` of that day. Kept per data version like
    :func:`running_balances`."""
    def compute() -> dict[int, int]:
        entries = ((entry_id, date.fromisoformat(day), account, signed)
                   for entry_id, day, account, signed in store.conn.execute(
                       f"SELECT id, entry_date, account_id, {_SIGNED} FROM cash_book_entries "
                       "WHERE council_id = ? AND fiscal_year = ? ORDER BY entry_date, id",
                       (council_id, fiscal_year)))
        transfers = [(date.fromisoformat(day), source, target, amount)
                     for day, source, target, amount in store.conn.execute(
                         "SELECT transfer_date, from_account_id, to_account_id, amount FROM "
                         "account_transfers WHERE council_id = ? AND fiscal_year = ?",
                         (council_id, fiscal_year))]
        opening = account_opening_balances(store, council_id, fiscal_year)
        return dict(reconcile.account_running_balances(opening, entries, transfers))

    return _kept(store, (council_id, fiscal_year, "accounts"), compute)


def _kept(store: Store, key: tuple, compute):
    """``compute()`` kept per store and ``key`` until the data changes."""
    kept = _BALANCES.setdefault(store, {})
    version = (store.conn.total_changes, store.scalar("PRAGMA data_version"))
    cached = kept.get(key)
    if cached is not None and cached[0] == version:
        return cached[1]
    result = compute()
    if len(kept) >= _BALANCES_KEPT:
        kept.pop(next(iter(kept)))
    kept[key] = (version, result)
    return result


def forget_running_balances() -> None:
    """Drop the kept running balances (benchmarks time a cold start with it)."""
    _BALANCES.clear()


@dataclass(frozen=True)
class EntryTotals:
    """How many 出納簿 rows a filter shows and their 収入 / 支出 totals (円)."""

    count: int = 0
    income: int = 0
    expense: int = 0

    @property
    def net(self) -> int:
        """収入 − 支出 (円)."""
        return self.income - self.expense


def entry_totals(store: Store, council_id: int, fiscal_year: int, *, fund: str | None = None,
                 category: str | None = None, project_id: int | None = None,
                 month: int | None = None, text: str | None = None,
                 account_id: int | None = None) -> EntryTotals:
    """Totals of the 出納簿 rows shown for the same filters (see
    :func:`~kyodo_desktop.services.accounting.cash_book_query.list_entries`). A 振替 is never
    income or expense: it is not a 出納簿 entry (``account_transfers``)."""
    where, params = filters(fiscal_year, fund, category, project_id, month, text, account_id)
    params.update(council=council_id, fiscal_year=fiscal_year)
    count, income, expense = store.conn.execute(
        "SELECT count(*), "
        "coalesce(sum(CASE e.direction WHEN 'income' THEN e.amount END), 0), "
        "coalesce(sum(CASE e.direction WHEN 'expense' THEN e.amount END), 0) "
        f"{FILTERED_ENTRIES} WHERE {where}", params).fetchone()
    return EntryTotals(count, income, expense)


def category_actuals(store: Store, council_id: int, fiscal_year: int
                     ) -> dict[tuple[str, str, str], int]:
    """決算額: ``{(fund, direction, category code): Σ amount}`` of the council-year (円). A 返還金
    (an expense carrying ``grant_id``) counts on the 返還金 line (``REFUND_CATEGORY``), whatever
    費目 it was booked under."""
    return {(r["fund_code"], r["direction"], r["code"]): r["total"] for r in store.query(
        "SELECT fund_code, direction, CASE WHEN direction = 'expense' AND grant_id IS NOT NULL "
        "THEN ? ELSE coalesce(income_category_code, expense_category_code) END AS code, "
        "sum(amount) AS total FROM cash_book_entries WHERE council_id = ? AND fiscal_year = ? "
        "GROUP BY 1, 2, 3", (accounting.REFUND_CATEGORY, council_id, fiscal_year))}


def project_costs_by_paying_fund(store: Store, council_id: int, fiscal_year: int
                                 ) -> dict[int, dict[str, int]]:
    """事業費 ``{project_id: {fund_code: 円}}`` of the 年度's projects split by the fund that paid
    (the 事業実績書's うち交付金 / 自主財源 / その他): Σ of the 出納簿 expenses of that 年度 linked
    to each, per fund (訂正 included). A 返還金 (an expense carrying ``grant_id``) never counts.
    Projects without expenses are absent; :func:`project_costs` is Σ over the funds."""
    result: dict[int, dict[str, int]] = {}
    for r in store.query(
            "SELECT project_id, fund_code, sum(amount) AS cost FROM cash_book_entries "
            "WHERE council_id = ? AND fiscal_year = ? AND direction = 'expense' "
            "AND project_id IS NOT NULL AND grant_id IS NULL GROUP BY project_id, fund_code",
            (council_id, fiscal_year)):
        result.setdefault(r["project_id"], {})[r["fund_code"]] = r["cost"]
    return result


def project_costs(store: Store, council_id: int, fiscal_year: int) -> dict[int, int]:
    """事業費 ``{project_id: 円}`` of the 年度's projects: Σ of the 出納簿 expenses of that 年度
    linked to each (訂正 included), i.e. Σ of :func:`project_costs_by_paying_fund`. A 返還金
    (an expense carrying ``grant_id``) never counts. Projects without expenses are absent
    (their cost is 0)."""
    return {project: sum(paid.values()) for project, paid
            in project_costs_by_paying_fund(store, council_id, fiscal_year).items()}


def refunds_booked(store: Store, grant_id: int, *, fiscal_year: int | None = None) -> int:
    """返還金 of one grant booked in the 出納簿 (円): Σ of the expenses carrying its
    ``grant_id``, in whichever 年度's book they were written (the 精算書's 返還額 should equal
    it once the refund is paid), or with ``fiscal_year`` only in that 年度's book."""
    which = "" if fiscal_year is None else " AND fiscal_year = ?"
    return store.scalar(
        "SELECT coalesce(sum(amount), 0) FROM cash_book_entries WHERE grant_id = ? "
        "AND direction = 'expense'" + which,
        (grant_id, *(() if fiscal_year is None else (fiscal_year,))))


def refunds_by_fund(store: Store, council_id: int, fiscal_year: int) -> dict[str, int]:
    """返還金 ``{fund_code: 円}`` of the council-year: the 収支決算書's 返還金 line of each fund
    (:func:`category_actuals`); funds without a 返還金 are absent."""
    return {fund: amount for (fund, direction, code), amount
            in category_actuals(store, council_id, fiscal_year).items()
            if direction == "expense" and code == accounting.REFUND_CATEGORY}


def planned_project_costs(store: Store, council_id: int, fiscal_year: int) -> dict[str, int]:
    """The 事業計画書's 事業費 (予算) per fund ``{fund_code: 円}`` of the 年度's projects (''
    for projects without a fund); funds without projects are absent."""
    return {r["fund"]: r["total"] for r in store.query(
        "SELECT coalesce(fund_code, '') AS fund, sum(budget) AS total FROM projects "
        "WHERE council_id = ? AND fiscal_year = ? GROUP BY 1", (council_id, fiscal_year))}


def initial_expense_budget(store: Store, council_id: int, fiscal_year: int) -> dict[str, int]:
    """当初予算 of 支出の部 per fund ``{fund_code: 円}`` (Σ ``budget_lines.budget``)."""
    return {r["fund_code"]: r["total"] for r in store.query(
        "SELECT fund_code, sum(budget) AS total FROM budget_lines WHERE council_id = ? AND "
        "fiscal_year = ? AND direction = 'expense' GROUP BY fund_code", (council_id, fiscal_year))}


def project_costs_by_fund(store: Store, council_id: int, fiscal_year: int) -> list[ProjectFundCost]:
    """事業費 split by the project's fund and the fund that paid: rows ``{project_fund,
    paid_from, total}`` (円; '' for projects without a fund). A 返還金 never counts."""
    return store.query(
        "SELECT coalesce(p.fund_code, '') AS project_fund, e.fund_code AS paid_from, "
        "sum(e.amount) AS total FROM cash_book_entries e JOIN projects p ON p.id = e.project_id "
        "WHERE e.council_id = ? AND e.fiscal_year = ? AND e.direction = 'expense' "
        "AND e.grant_id IS NULL GROUP BY 1, 2", (council_id, fiscal_year))


def grant_income(store: Store, council_id: int, fiscal_year: int) -> dict[str, int]:
    """Σ of the 出納簿's 交付金 income per fund (円): the 収支決算書's 交付金 決算額."""
    return {r["fund_code"]: r["total"] for r in store.query(
        "SELECT fund_code, sum(amount) AS total FROM cash_book_entries WHERE council_id = ? "
        "AND fiscal_year = ? AND direction = 'income' AND income_category_code = ? "
        "GROUP BY fund_code", (council_id, fiscal_year, accounting.GRANT_INCOME_CATEGORY))}


def dues_paid(store: Store, council_id: int, fiscal_year: int) -> dict[int, int]:
    """会費 納入額 ``{organization_id: 円}`` of the council-year: Σ of the 出納簿 entries linked to
    each 自治会's payments (``dues_payments``). 自治会 without payments are absent."""
    return dict(store.conn.execute(
        "SELECT p.organization_id, sum(e.amount) FROM dues_payments p "
        "JOIN cash_book_entries e ON e.id = p.entry_id WHERE p.council_id = ? "
        "AND p.fiscal_year = ? GROUP BY p.organization_id", (council_id, fiscal_year)).fetchall())


def category_income(store: Store, council_id: int, fiscal_year: int, category: str) -> int:
    """Σ of the 出納簿's income entries of 収入科目 ``category`` in every fund (円), as the
    決算額 (:func:`category_actuals`) counts them."""
    return sum(amount for (_fund, direction, code), amount
               in category_actuals(store, council_id, fiscal_year).items()
               if direction == "income" and code == category)


def received_by_grant(store: Store, council_id: int, fiscal_year: int) -> dict[int, int]:
    """交付済額 ``{grant_id: 円}`` of every grant of the council-year: Σ of its payments that
    have a payment date (a payment only requested is not received)."""
    return {r["id"]: r["received"] for r in store.query(
        "SELECT g.id, coalesce(sum(p.amount), 0) AS received FROM grants g "
        "LEFT JOIN grant_payments p ON p.grant_id = g.id AND p.paid_on IS NOT NULL "
        "WHERE g.council_id = ? AND g.fiscal_year = ? GROUP BY g.id",
        (council_id, fiscal_year))}


def received(store: Store, grant_id: int, *, paid_only: bool = True) -> int:
    """交付済額 of one grant (円): Σ of its payments with a payment date, or of every payment
    (requested ones too) when ``paid_only`` is False."""
    condition = " AND paid_on IS NOT NULL" if paid_only else ""
    return store.scalar("SELECT coalesce(sum(amount), 0) FROM grant_payments WHERE grant_id = ?"
                        + condition, (grant_id,))


def amount_in_force(grant: Mapping) -> int | None:
    """The 交付決定額 in force (円) of a ``grants`` row: the 変更 amount once approved, else the
    decided amount (None before the 交付決定)."""
    if grant.get("change_approved_on") and grant.get("change_amount") is not None:
        return grant["change_amount"]
    return grant.get("decided_amount")


def eligible_cost(store: Store, grant_id: int) -> int:
    """対象経費 (円) of a grant computed from the 出納簿 of its fund and 年度: expenses in the
    programme's allowed 費目 without a 対象外経費 keyword, capped 費目 limited to their share of
    the amount in force; never a 返還金. Raises UserError when the grant or its programme's
    rules are missing."""
    rows = store.query("SELECT g.*, p.fund_code FROM grants g JOIN grant_programs p "
                       "ON p.id = g.program_id WHERE g.id = ?", (grant_id,))
    if not rows:
        raise UserError(_("This grant no longer exists."))
    grant = rows[0]
    _program_id, rules = presets.program_rules(store, grant["council_id"]).get(
        grant["fund_code"], (None, None))
    if rules is None:
        raise UserError(_("The rules of this grant programme are not available."))
    entries = common.load_entries(store, grant["council_id"], grant["fiscal_year"])
    return eligible_spending(entries, rules, common.category_parents(store),
                             amount_in_force(grant))
