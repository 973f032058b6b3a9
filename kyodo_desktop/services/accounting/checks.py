"""点検: load a council-year and run the domain check engine
(:mod:`kyodo_desktop.domain.accounting_checks`), for the 点検 panel, the entry form (as the user
types) and the 年度締め.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from kyodo_desktop.domain import text
from kyodo_desktop.domain.accounting import (
    EXPENSE,
    CashBookEntry,
    CashBookEntryInput,
    Finding,
    validate_entry,
)
from kyodo_desktop.domain.accounting_checks import GrantFacts, Ledger, run_checks
from kyodo_desktop.domain.formatting import format_date, format_yen
from kyodo_desktop.domain.reconcile import first_overdrafts
from kyodo_desktop.i18n import _
from kyodo_desktop.services.accounting import accounts, common, figures, transfers
from kyodo_desktop.services.accounting.budget import budget_vs_actual
from kyodo_desktop.services.council import councils, presets
from kyodo_desktop.services.dues import checks as dues_checks
from kyodo_desktop.store import Store


def _grant_facts(store: Store, council_id: int, fiscal_year: int) -> tuple[GrantFacts, ...]:
    rows = store.query(
        "SELECT g.*, p.name AS program_name, p.fund_code FROM grants g "
        "JOIN grant_programs p ON p.id = g.program_id "
        "WHERE g.council_id = ? AND g.fiscal_year = ? ORDER BY g.id", (council_id, fiscal_year))
    received = figures.received_by_grant(store, council_id, fiscal_year)
    return tuple(GrantFacts(r["id"], r["program_name"], r["fund_code"],
                            figures.amount_in_force(r), received[r["id"]]) for r in rows)


def load_ledger(store: Store, council_id: int, fiscal_year: int) -> Ledger:
    """Everything the checks need about a council-year (entries, 繰越, 予算対比, rules, grants).

    Raises UserError when the council does not exist or its preset is unavailable.
    """
    councils.ensure_council(store, council_id)
    rules = {fund: pair[1] for fund, pair in presets.program_rules(store, council_id).items()}
    return Ledger(
        fiscal_year=fiscal_year,
        entries=tuple(common.load_entries(store, council_id, fiscal_year)),
        opening=figures.opening_balances(store, council_id, fiscal_year),
        budget_rows=budget_vs_actual(store, council_id, fiscal_year).rows,
        rules=rules, category_parents=common.category_parents(store),
        category_names=common.category_names(store), fund_names=common.fund_names(store, council_id),
        grants=_grant_facts(store, council_id, fiscal_year))


def year_findings(store: Store, council_id: int, fiscal_year: int) -> list[Finding]:
    """Every finding of the council-year, errors first (the 点検 panel's list and the 年度締め);
    an 口座 whose 残高 falls below zero on a day is a warning (:func:`account_findings`), and so
    is a 自治会 that has not paid its 会費 in full
    (:func:`kyodo_desktop.services.dues.checks.unpaid_findings`)."""
    ledger = load_ledger(store, council_id, fiscal_year)
    return (run_checks(ledger) + account_findings(store, council_id, fiscal_year, ledger.entries)
            + dues_checks.unpaid_findings(store, council_id, fiscal_year))


def account_findings(store: Store, council_id: int, fiscal_year: int,
                     entries: Sequence[CashBookEntry]) -> list[Finding]:
    """A warning per 口座 (現金 or a bank account) whose 残高 at the end of a day falls below 0:
    a cash box or a 通帳 cannot, so an entry is on the wrong 口座 or a 振替 is missing."""
    names = accounts.account_names(store, council_id)
    moves = [(e.entry_date, e.account_id, e.signed) for e in entries]
    for t in transfers.list_transfers(store, council_id, fiscal_year):
        moves += [(t.transfer_date, t.from_account_id, -t.amount),
                  (t.transfer_date, t.to_account_id, t.amount)]
    opening = figures.account_opening_balances(store, council_id, fiscal_year)
    return [Finding(
        "warning", "account_below_zero",
        _("The balance of the account {account} falls below zero on {date} ({amount} yen).")
        .format(account=names.get(account, ""), date=format_date(day),
                amount=format_yen(balance)),
        _("Check the 口座 of that day's entries, or record the 引出 or 預入 that moved the money "
          "between the accounts (振替)."))
        for account, (day, balance) in first_overdrafts(opening, moves).items()]


def entry_findings(store: Store, council_id: int, fiscal_year: int, entry: CashBookEntryInput,
                   *, entry_id: int | None = None) -> list[Finding]:
    """Findings about one entry being typed (before or after saving): its own checks, the
    programme rules of its fund, and a 領収書番号 already used by another entry of the year."""
    pair = presets.program_rules(store, council_id).get(entry.fund_code)
    found = validate_entry(entry, fiscal_year, rules=pair[1] if pair else None,
                           category_parents=common.category_parents(store), entry_id=entry_id)
    number = text.normalize(entry.voucher_no)
    if entry.direction == EXPENSE and number:
        other = store.query(
            "SELECT entry_date, description FROM cash_book_entries WHERE council_id = ? AND "
            "fiscal_year = ? AND direction = 'expense' AND voucher_no = ? AND id IS NOT ? "
            "AND correction_of_id IS NULL ORDER BY entry_date, id LIMIT 1",
            (council_id, fiscal_year, number, entry_id))
        if other:
            found.append(Finding(
                "warning", "duplicate_voucher",
                _("The receipt number {number} is already used by the entry of {date} "
                  "({description}).").format(number=number, date=format_date(date.fromisoformat(other[0]["entry_date"])),
                                            description=other[0]["description"]),
                _("Check the receipt: if it was entered twice, delete one entry; otherwise "
                  "correct the receipt number."), entry_id))
    return found
