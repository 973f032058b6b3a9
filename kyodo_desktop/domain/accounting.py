"""出納簿 (cash book) rules: the entry a user types, findings, running balances, 次年度繰越金.

Pure Python, no SQL. Money is ``int`` 円; an entry's ``amount`` is positive and its ``direction``
('income' 収入 / 'expense' 支出) gives the sign; only a 訂正 entry (``correction_of_id`` set) may
carry a negative amount (a reversal). The balance of a fund is
``前年度繰越金 + Σ収入 − Σ支出`` (the 収支決算書's 次年度繰越金); entries are ordered by
``(entry_date, id)``.

A :class:`Finding` is what a check reports (the 点検 panel): severity 'warning' never blocks
saving, 'error' blocks the 年度締め; only a closed year blocks saving (store trigger).
Programme rules (allowed 費目, 対象外経費, caps, formula, settlement) live in
:mod:`kyodo_desktop.domain.accounting_rules`; the checks over a whole year in
:mod:`kyodo_desktop.domain.accounting_checks`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from kyodo_desktop.domain import wareki
from kyodo_desktop.domain.formatting import format_date
from kyodo_desktop.i18n import _

INCOME = "income"
EXPENSE = "expense"
DIRECTIONS = (INCOME, EXPENSE)
WARNING = "warning"
ERROR = "error"
#: The 会計区分 codes (table ``funds``); the first two are 交付金.
FUNDS = ("operating_support", "activity_support", "own_funds")
GRANT_FUNDS = FUNDS[:2]  # 運営支援, 活動支援: the 交付金 funds
OWN_FUNDS = FUNDS[2]  # 自主財源: 会費, 寄付金, 事業収入, 雑収入
GRANT_INCOME_CATEGORY = "grant"  # 交付金 (income_categories)
CARRIED_IN_CATEGORY = "carried_in"  # 前年度繰越金: kept in opening_balances, not in the 出納簿
REFUND_CATEGORY = "refund"  # 返還金: its own line in 支出の部, never inside a 費目 (migration 4)
K = TypeVar("K")


@dataclass(frozen=True)
class CashBookEntryInput:
    """One 出納簿 line as typed or imported.

    ``entry_date`` 日付; ``fund_code`` 会計区分; ``direction`` 'income'|'expense';
    ``category_code`` an income_categories code for income, an expense_categories (費目) code for
    expense; ``description`` 摘要; ``amount`` 円 (> 0; a 訂正 may be negative, never 0);
    ``payee`` 支払先/収入元; ``voucher_no`` 領収書番号; ``project_id`` 事業; ``grant_id`` 交付金;
    ``account_id`` the 口座 it moved (None: the council's 現金).
    """

    entry_date: date
    fund_code: str
    direction: str
    category_code: str
    description: str
    amount: int
    payee: str = ""
    voucher_no: str = ""
    project_id: int | None = None
    grant_id: int | None = None
    memo: str = ""
    account_id: int | None = None


@dataclass(frozen=True)
class CashBookEntry:
    """A stored 出納簿 entry (glossary: cash_book): a :class:`CashBookEntryInput`'s fields plus
    ``id`` and ``correction_of_id`` (the entry a 訂正 corrects). The checks read it; the 出納簿
    view reads its subclass with the running 残高
    (:class:`~kyodo_desktop.services.accounting.cash_book_query.CashBookRow`)."""

    id: int
    entry_date: date
    fund_code: str
    direction: str
    category_code: str
    description: str
    amount: int
    payee: str = ""
    voucher_no: str = ""
    project_id: int | None = None
    grant_id: int | None = None
    memo: str = ""
    correction_of_id: int | None = None
    account_id: int | None = None

    @property
    def signed(self) -> int:
        """The amount as it moves the balance: + for income, − for expense (円)."""
        return self.amount if self.direction == INCOME else -self.amount


@dataclass(frozen=True)
class Finding:
    """What a check found. ``severity`` 'warning'|'error'; ``code`` a stable id (e.g.
    'missing_voucher'); ``message`` and ``how_to_fix`` plain Japanese; ``entry_id`` the 出納簿
    entry concerned (None for a finding about a budget line, a grant or a fund)."""

    severity: str
    code: str
    message: str
    how_to_fix: str
    entry_id: int | None = None

    @property
    def is_error(self) -> bool:
        """True when the finding blocks the 年度締め."""
        return self.severity == ERROR


def validate_entry(entry: CashBookEntryInput | CashBookEntry, fiscal_year: int, *,
                   rules=None, category_parents: Mapping[str, str | None] | None = None,
                   entry_id: int | None = None) -> list[Finding]:
    """Findings about one entry on its own, as the user types it (no other entries needed).

    Checks: amount not above 0 (error); date outside 年度 ``fiscal_year`` (error); expense without
    領収書番号 (warning); a line without 摘要 (warning); income booked as 前年度繰越金 (warning). With ``rules`` (an
    :class:`~kyodo_desktop.domain.accounting_rules.ProgramRules` of the entry's fund) and
    ``category_parents`` (費目 code → parent code), also the 費目 allowed by the programme (error)
    and the 対象外経費 keywords (warning). Source: issue 5 item 5, the city's 交付要綱 (preset).
    """
    from kyodo_desktop.domain import accounting_rules

    is_correction = getattr(entry, "correction_of_id", None) is not None
    found = entry_refusals(entry, fiscal_year, allow_negative=is_correction, entry_id=entry_id)
    if entry.direction == EXPENSE and not entry.voucher_no.strip() and not is_correction:
        found.append(Finding(
            WARNING, "missing_voucher",
            _("This expense has no receipt number."),
            _("Number the receipt and enter its number. If there is no receipt, keep a payment "
              "note (支払証明書) and enter its number."), entry_id))
    if not entry.description.strip():
        found.append(Finding(
            WARNING, "missing_description",
            _("This line has no description."),
            _("Write what the money was for in the description (for example: copy paper, "
              "electricity for April), so that the audit and the report can explain it."),
            entry_id))
    if entry.direction == INCOME and entry.category_code == CARRIED_IN_CATEGORY:
        found.append(Finding(
            WARNING, "carried_in_entry",
            _("The carry-over from the previous year is entered as a cash book entry."),
            _("Enter the carry-over as the opening balance of the fund instead (it is set "
              "automatically when the previous year is closed), and delete this entry."),
            entry_id))
    if rules is not None and entry.direction == EXPENSE:
        found.extend(accounting_rules.eligibility_findings(
            entry, rules, category_parents or {}, entry_id))
    return found


def entry_refusals(entry: CashBookEntryInput | CashBookEntry, fiscal_year: int, *,
                   allow_negative: bool = False, entry_id: int | None = None) -> list[Finding]:
    """The errors that refuse storing an entry at all (the 出納簿's hard rules): an amount of 0,
    or below 0 unless ``allow_negative`` (a 訂正); a date outside 年度 ``fiscal_year``. The same
    rules hold in the service (:func:`kyodo_desktop.services.accounting.cash_book.check_entry`),
    the entry panel, the import and the store's triggers (migration 8). Source: issue 13."""
    found: list[Finding] = []
    if entry.amount == 0 or (entry.amount < 0 and not allow_negative):
        found.append(Finding(
            ERROR, "amount_not_positive",
            _("The amount must be at least 1 yen."),
            _("Enter the amount without a minus sign. To take back an entry, delete it or make a "
              "correction entry."), entry_id))
    if not wareki.fiscal_year_contains(fiscal_year, entry.entry_date):
        found.append(outside_year_finding(entry.entry_date, fiscal_year, entry_id))
    return found


def refusal_text(finding: Finding) -> str:
    """What the entry panel and the service say when ``finding`` refuses an entry: the
    message followed by how to fix it."""
    return f"{finding.message} {finding.how_to_fix}"


def outside_year_finding(entry_date: date, fiscal_year: int, entry_id: int | None) -> Finding:
    """The error for an entry dated outside its 年度 (April 1 – March 31)."""
    return Finding(
        ERROR, "outside_fiscal_year",
        _("The date {date} is outside the fiscal year {fiscal_year}.").format(
            date=format_date(entry_date), fiscal_year=wareki.format_fiscal_year(fiscal_year)),
        _("Correct the date, or record the entry in the fiscal year it belongs to "
          "(April 1 to March 31)."), entry_id)


def sort_key(entry: CashBookEntry) -> tuple[date, int]:
    """The 出納簿 order: by date, then by the order of entry (id)."""
    return entry.entry_date, entry.id


def signed_moves(entries: Iterable[CashBookEntry]) -> list[tuple[CashBookEntry, str, int]]:
    """``[(entry, fund_code, signed amount)]`` in 出納簿 order: what :func:`running_balances`
    takes."""
    return [(e, e.fund_code, e.signed) for e in sorted(entries, key=sort_key)]


def running_balances(opening: Mapping[str, int], moves: Iterable[tuple[K, str, int]]
                     ) -> Iterator[tuple[K, int, int]]:
    """The one running-balance rule: ``(key, fund_balance, total_balance)`` per move (円).

    ``moves`` are ``(key, fund_code, signed amount)`` already in 出納簿 order (``(entry_date,
    id)``; see :func:`signed_moves`); ``fund_balance`` is the fund's 残高 after the move
    (opening[fund] + Σ signed so far), ``total_balance`` the same over all funds.
    """
    fund_balance = dict(opening)
    total = sum(opening.values())
    for key, fund, signed in moves:
        balance = fund_balance.get(fund, 0) + signed
        fund_balance[fund] = balance
        total += signed
        yield key, balance, total


def closing_balances(opening: Mapping[str, int], net: Mapping[str, int],
                     funds: Iterable[str] = FUNDS) -> dict[str, int]:
    """次年度繰越金 per fund: ``{fund_code: 前年度繰越金 + (収入 − 支出)}`` (円), every fund of
    ``funds``, ``opening`` and ``net`` listed. ``net`` is Σ signed amounts per fund."""
    result = {fund: opening.get(fund, 0) for fund in funds}
    for fund, value in opening.items():
        result.setdefault(fund, value)
    for fund, value in net.items():
        result[fund] = result.get(fund, 0) + value
    return result


def daily_balances(opening: Mapping[str, int], entries: Iterable[CashBookEntry]
                   ) -> dict[str, list[tuple[date, int]]]:
    """Per fund, the 残高 at the end of each day with entries: ``{fund: [(day, yen)]}``."""
    days: dict[str, list[tuple[date, int]]] = {}
    for entry, balance, _total in running_balances(opening, signed_moves(entries)):
        series = days.setdefault(entry.fund_code, [])
        if series and series[-1][0] == entry.entry_date:
            series[-1] = (entry.entry_date, balance)
        else:
            series.append((entry.entry_date, balance))
    return days
