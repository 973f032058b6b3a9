"""Plain data of the council's own books: 出納簿 per fund, 会計監査報告書, 予算執行状況表.

The 出納簿 rows come from :func:`~kyodo_desktop.services.accounting.cash_book.list_entries`
(running balance per fund); the audit report's figures from the same 予算対比 as the 収支決算書,
so its 収入決算額 / 支出決算額 / 次年度繰越金 agree with it to the yen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kyodo_desktop.domain import wareki
from kyodo_desktop.domain.accounting import EXPENSE, REFUND_CATEGORY
from kyodo_desktop.i18n import _
from kyodo_desktop.services.accounting import attachments, common, figures, funders
from kyodo_desktop.services.accounting.cash_book import list_entries
from kyodo_desktop.services.council import councils
from kyodo_desktop.services.forms import common as fd
from kyodo_desktop.services.forms.grants import FundStatement, fund_statements
from kyodo_desktop.services.forms.results import require_closed
from kyodo_desktop.store import Store


@dataclass(frozen=True)
class CashRow:
    """One 出納簿 line: 日付, 摘要, 費目 (or 収入科目), 収入 / 支出 (円 or None), 残高 after it,
    領収書番号."""

    entry_date: date
    description: str
    category: str
    income: int | None
    expense: int | None
    balance: int
    voucher_no: str


@dataclass(frozen=True)
class CashBook:
    """The 出納簿 of one fund for a 年度: ``opening`` 前年度繰越金, ``rows`` in 出納簿 order,
    ``closing`` = opening + Σ収入 − Σ支出 (円; both from
    :mod:`~kyodo_desktop.services.accounting.figures`); ``closed`` False while the 年度 is open
    (its closing figure is the 現在残高, not yet the 次年度繰越金)."""

    fiscal_year: int
    fund_code: str
    fund_name: str
    council: str
    opening: int
    rows: tuple[CashRow, ...]
    closing: int
    closed: bool = True


def cash_books(store: Store, council_id: int, fiscal_year: int) -> list[CashBook]:
    """The 出納簿 of every fund (in fund order) of a council-year, the council's own funds with
    entries or a 前年度繰越金 among them; a 返還金 (an expense carrying ``grant_id``) shows 返還金
    as its 費目."""
    council = councils.council_row(store, council_id)["name"]
    opening = figures.opening_balances(store, council_id, fiscal_year)
    closing = figures.fund_balances(store, council_id, fiscal_year)
    refund = {c.code: c.name for c in common.expense_categories(store)}[REFUND_CATEGORY]
    closed = common.is_closed(store, council_id, fiscal_year)
    books = []
    for fund_code, fund_name in common.fund_names(store, council_id).items():
        rows = tuple(
            CashRow(r.entry_date, r.description,
                    refund if r.grant_id is not None and r.direction == EXPENSE
                    else r.category_name or "", r.income,
                    r.expense, r.fund_balance, r.voucher_no)
            for r in list_entries(store, council_id, fiscal_year, fund=fund_code))
        if funders.is_council_code(fund_code) and not rows and not opening.get(fund_code):
            continue  # a fund the council added later has no book in the years before
        books.append(CashBook(fiscal_year, fund_code, fund_name, council,
                              opening.get(fund_code, 0), rows, closing[fund_code], closed))
    return books


@dataclass(frozen=True)
class AuditData:
    """The 会計監査報告書: addressee (協議会 and 会長), date (和暦 or blank), the statement,
    the opinion, the audited period, per-fund figures and the 監事 names (one signature line
    each)."""

    title: str
    addressee: str
    date_text: str
    statement: str
    opinion: str
    period: str
    funds: tuple[FundStatement, ...]
    auditors: tuple[str, ...]
    words: fd.Wording


def audit_data(store: Store, council_id: int, fiscal_year: int, gate: fd.Gate) -> AuditData:
    """The 会計監査報告書 of a closed 年度. Requires the 年度締め and at least one 監事 on record
    on the audit day (or the last day of the 年度); the period defaults to the whole 年度."""
    words = fd.wording(store, council_id, "audit_report")
    require_closed(store, council_id, fiscal_year, gate)
    council = councils.council_row(store, council_id)["name"]
    rows = store.query("SELECT * FROM audits WHERE council_id = ? AND fiscal_year = ?",
                       (council_id, fiscal_year))
    audit = rows[0] if rows else {}
    audited_on = fd.iso(audit.get("audited_on"))
    start = fd.iso(audit.get("period_from")) or wareki.fiscal_year_start(fiscal_year)
    end = fd.iso(audit.get("period_to")) or wareki.fiscal_year_end(fiscal_year)
    on = audited_on or end
    auditors = fd.officers(store, council_id, "auditor", on)
    gate.require(bool(auditors), _(
        "No auditor (監事) is on record on {date}. Enter the auditors in Member groups and "
        "officers.").format(date=wareki.format_wareki(on)))
    presidents = fd.officers(store, council_id, "president", on)
    period = f"{wareki.format_wareki(start)}〜{wareki.format_wareki(end)}"
    statement = words.get("statement").format(
        period_from=wareki.format_wareki(start), period_to=wareki.format_wareki(end),
        fiscal_year=fd.fiscal_year_text(fiscal_year), council=council)
    opinion = (audit.get("opinion") or "").strip() or words.get("default_opinion")
    return AuditData(
        words.title, words.get("addressee").format(
            council=council, president=presidents[0] if presidents else ""),
        fd.date_text(audited_on, words), statement, opinion, period,
        tuple(fund_statements(store, council_id, fiscal_year)), tuple(auditors), words)


@dataclass(frozen=True)
class BudgetStatus:
    """予算執行状況表: per fund the 予算対比 (当初, 補正・流用, 予算現額, 執行済額, 残額, 執行率,
    with the 補正 and 流用 in force), dated the last 出納簿 entry, 補正 or 流用 (``as_of`` None
    when there is none)."""

    title: str
    fiscal_year: str
    council: str
    as_of: date | None
    funds: tuple[FundStatement, ...]
    words: fd.Wording


def budget_status_data(store: Store, council_id: int, fiscal_year: int,
                       gate: fd.Gate) -> BudgetStatus:
    """The 予算執行状況表 of a council-year. Requires a budget (MissingPrerequisite)."""
    words = fd.wording(store, council_id, "budget_status")
    gate.require(bool(store.scalar(
        "SELECT count(*) FROM budget_lines WHERE council_id = ? AND fiscal_year = ?",
        (council_id, fiscal_year))), _(
        "No budget is entered for {fiscal_year}. Enter the budget in Budget and cash book.")
        .format(fiscal_year=fd.fiscal_year_text(fiscal_year)))
    last = store.scalar(
        "SELECT max(day) FROM (SELECT max(entry_date) AS day FROM cash_book_entries "
        "WHERE council_id = ?1 AND fiscal_year = ?2 UNION ALL SELECT max(transferred_on) "
        "FROM budget_transfers WHERE council_id = ?1 AND fiscal_year = ?2 UNION ALL "
        "SELECT max(decided_on) FROM budget_revisions WHERE council_id = ?1 AND fiscal_year = ?2)",
        (council_id, fiscal_year))
    as_of = fd.iso(last)
    return BudgetStatus(words.title, fd.fiscal_year_text(fiscal_year),
                        councils.council_row(store, council_id)["name"], as_of,
                        tuple(fund_statements(store, council_id, fiscal_year, as_of)), words)


@dataclass(frozen=True)
class Receipt:
    """One line of the 領収書総括表: 領収書番号, 日付, 支払先, 摘要, 費目 and 金額 (円), and
    whether the entry has 証拠書類 attached (``has_evidence``)."""

    voucher_no: str
    entry_date: date
    payee: str
    description: str
    category: str
    amount: int
    has_evidence: bool = False


@dataclass(frozen=True)
class ReceiptsSummary:
    """領収書総括表: per 交付金 fund (運営支援, 活動支援) the expenses paid from it with their
    receipts, in 出納簿 order (返還金 left out: not spending); totals are Σ of the lines."""

    title: str
    fiscal_year: str
    council: str
    funds: tuple[tuple[str, tuple[Receipt, ...]], ...]
    words: fd.Wording


def receipts_summary_data(store: Store, council_id: int, fiscal_year: int,
                          _gate: fd.Gate) -> ReceiptsSummary:
    """The 領収書総括表 of a council-year (attached to the 実績報告書): the 出納簿 expenses of
    each 交付金 fund with 領収書番号 and 支払先, each marked when its 証拠書類 are attached."""
    words = fd.wording(store, council_id, "receipts_summary")
    grant_funds = {r["code"] for r in store.query("SELECT code FROM funds WHERE is_grant = 1")}
    funds = []
    evidence = attachments.attachment_counts(store, council_id, fiscal_year)
    for fund_code, fund_name in common.fund_names(store).items():
        if fund_code not in grant_funds:
            continue
        receipts = tuple(
            Receipt(r.voucher_no, r.entry_date, r.payee, r.description,
                    r.category_name or "", r.amount, r.id in evidence)
            for r in list_entries(store, council_id, fiscal_year, fund=fund_code)
            if r.direction == EXPENSE and r.grant_id is None)
        funds.append((fund_name, receipts))
    return ReceiptsSummary(words.title, fd.fiscal_year_text(fiscal_year),
                           councils.council_row(store, council_id)["name"], tuple(funds), words)
