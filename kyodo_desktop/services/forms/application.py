"""Plain data of the application set and the requests: 交付申請書 (with 事業計画書 and
収支予算書), 交付請求書 (概算払) and 変更承認申請書.

Prerequisites (refused with a message naming what to enter, or collected for a draft): a
recorded 申請 (申請額) for the 交付申請書, whose 申請額 must equal the 交付金 line of the
収支予算書; a 交付決定 for the 交付請求書; a recorded 変更申請 for the 変更承認申請書; a 会長 on
record for every applicant block.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TypedDict

from kyodo_desktop.domain import labels, text
from kyodo_desktop.domain.accounting import GRANT_FUNDS, OWN_FUNDS
from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.accounting import figures
from kyodo_desktop.services.council import councils
from kyodo_desktop.services.council.accounts import payee_account
from kyodo_desktop.services.forms import common as fd
from kyodo_desktop.services.forms.grants import (
    FundStatement,
    GrantFigures,
    budgeted_grant_income,
    fund_statements,
    grant_figures,
)
from kyodo_desktop.store import Store


@dataclass(frozen=True)
class AmountRow:
    """A row of a grant table: ``label`` (the programme) and its amounts (円 or None = blank)."""

    label: str
    amounts: tuple[int | None, ...]


@dataclass(frozen=True)
class LetterData:
    """A letter to the city: letterhead, title, the request sentence, the amount in figures
    (円, None = blank), the table rows under 「記」, attachments, the words to print, the 振込先
    rows (label, value) and the request's ordinal (第2回) where the form has them."""

    letterhead: fd.Letterhead
    title: str
    sentence: str
    amount: int | None
    rows: tuple[AmountRow, ...]
    attachments: tuple[str, ...]
    words: fd.Wording
    bank: tuple[tuple[str, str], ...] = ()
    ordinal: str = ""


def _grants(store: Store, council_id: int, fiscal_year: int, gate: fd.Gate) -> list[GrantFigures]:
    grants = grant_figures(store, council_id, fiscal_year)
    gate.require(bool(grants), _(
        "No grant is recorded for {fiscal_year}. Enter the grant application in Budget and cash "
        "book > Grants.").format(fiscal_year=fd.fiscal_year_text(fiscal_year)))
    return grants


def application_data(store: Store, council_id: int, fiscal_year: int,
                     gate: fd.Gate) -> LetterData:
    """The 交付申請書: 申請額 per programme and in all (= Σ rows), dated the first 申請日.

    Raises MissingPrerequisite (unless drafting) when no 申請額 is recorded or a 申請額 differs
    from the 交付金 income line of the budget.
    """
    words = fd.wording(store, council_id, "grant_application")
    grants = _grants(store, council_id, fiscal_year, gate)
    year = fd.fiscal_year_text(fiscal_year)
    budgeted = budgeted_grant_income(store, council_id, fiscal_year)
    for g in grants:
        if gate.require(g.applied_amount is not None, _(
                "The amount applied for is not recorded for {program} ({fiscal_year}). Enter it "
                "in Budget and cash book > Grants.").format(program=g.program_name,
                                                           fiscal_year=year)):
            gate.require(budgeted.get(g.fund_code) == g.applied_amount, _(
                "The amount applied for {program} ({applied} yen) differs from the grant income "
                "in the budget ({budget} yen). Correct one of them so that the forms agree.")
                .format(program=g.program_name, applied=format_yen(g.applied_amount),
                        budget=format_yen(budgeted.get(g.fund_code, 0))))
    rows = tuple(AmountRow(g.program_name, (g.applied_amount,)) for g in grants)
    amounts = [g.applied_amount for g in grants if g.applied_amount is not None]
    days = [g.applied_on for g in grants if g.applied_on is not None]
    day = min(days) if days else None
    return LetterData(
        fd.letterhead(store, council_id, words, day, gate, fiscal_year), words.title,
        fd.format_sentence(words, store, council_id, fiscal_year=year),
        sum(amounts) if amounts else None, rows, tuple(words.get("attachments")), words)


@dataclass(frozen=True)
class PlanRow:
    """A row of the 事業計画書 / 事業実績書: 整理番号 and 推進項目 ("" outside the plan), the
    事業, 実施主体, 実施時期, participants, outcome and 円 amounts, and the 事業's 実施場所,
    対象者, 参加見込 (people, None = not set) and 連携団体; ``grant_share`` is the part of the
    事業費 paid from the 交付金 funds (うち交付金充当額, 円), ``own_share`` from the 自主財源
    and ``other_share`` from the council's other funds (助成金 of other funders …), so
    ``grant_share + own_share + other_share == actual``."""

    code: str
    action: str
    project: str
    responsible: str
    period: str
    budget: int
    participants: int | None = None
    outcome: str = ""
    actual: int = 0
    place: str = ""
    audience: str = ""
    expected: int | None = None
    partners: str = ""
    grant_share: int = 0
    own_share: int = 0
    other_share: int = 0


_PROJECTS_SQL = """
SELECT p.id, p.name, p.starts_on, p.ends_on, p.budget, p.actual_participants, p.outcome,
    p.place, p.audience, p.expected_participants, p.partners,
    a.title AS action_title, a.position AS a_pos, m.position AS m_pos, g.position AS g_pos,
    coalesce(s.name, a.responsible_text, '') AS responsible
FROM projects p
LEFT JOIN plan_actions a ON a.id = p.action_id
LEFT JOIN plan_measures m ON m.id = a.measure_id
LEFT JOIN plan_goals g ON g.id = m.goal_id
LEFT JOIN subcommittees s ON s.id = p.subcommittee_id
WHERE p.council_id = ? AND p.fiscal_year = ?
ORDER BY g.position IS NULL, g.position, m.position, a.position, p.sort_order, p.id
"""


def project_rows(store: Store, council_id: int, fiscal_year: int,
                 words: fd.Wording) -> list[PlanRow]:
    """The 事業 of a council-year by 推進項目 (整理番号 order; 事業 outside the plan last).

    ``actual`` is the 事業費 (円) and ``grant_share`` / ``own_share`` / ``other_share`` its
    parts paid from the 交付金 funds, the 自主財源 and the other funds, all from
    :func:`~kyodo_desktop.services.accounting.figures.project_costs_by_paying_fund`.
    """
    paid = figures.project_costs_by_paying_fund(store, council_id, fiscal_year)
    rows = []
    for r in store.query(_PROJECTS_SQL, (council_id, fiscal_year)):
        by_fund = paid.get(r["id"], {})
        actual = sum(by_fund.values())
        share = sum(v for fund, v in by_fund.items() if fund in GRANT_FUNDS)
        own = by_fund.get(OWN_FUNDS, 0)
        planned = r["g_pos"] is not None
        rows.append(PlanRow(
            labels.action_code(r["g_pos"], r["m_pos"], r["a_pos"]) if planned else "",
            r["action_title"] if planned else words.get("unplanned"), r["name"],
            r["responsible"] or "",
            fd.period_text(fd.iso(r["starts_on"]), fd.iso(r["ends_on"]), fiscal_year, words),
            r["budget"], r["actual_participants"], r["outcome"], actual, r["place"],
            r["audience"], r["expected_participants"], r["partners"], share, own,
            actual - share - own))
    return rows


@dataclass(frozen=True)
class FundUse:
    """One 会計区分 under the 事業計画書 / 事業実績書, so its totals can be matched with the
    収支予算書 / 収支決算書: ``projects`` the Σ of the 事業 (予算額, or 事業費 paid from the fund),
    ``other`` the rest of the fund's 支出, ``refund`` its 返還金 (None on the 事業計画書),
    ``total`` the statement's 支出合計 of the fund (projects + other + refund) and ``eligible``
    the 対象経費の額 of the fund's 交付金 as the 実績報告書 prints it (None: no 交付金). The 事業
    without a 会計区分 come as one more use with ``fund_name`` "" (no fund: ``other`` and
    ``total`` None), so the ``projects`` add up to the form's 合計."""

    fund_name: str
    projects: int
    other: int | None
    total: int | None
    refund: int | None = None
    eligible: int | None = None


def plan_fund_uses(store: Store, council_id: int, fiscal_year: int) -> tuple[FundUse, ...]:
    """Per fund of the 収支予算書 the 事業計画書's 予算額 of the 事業 of that fund and the rest of
    the fund's 支出合計 (当初予算額), from the same figures the two forms print."""
    planned = figures.planned_project_costs(store, council_id, fiscal_year)
    statements = fund_statements(store, council_id, fiscal_year)
    uses = [FundUse(f.fund_name, planned.get(f.fund_code, 0),
                    f.expense_total.budget - planned.get(f.fund_code, 0), f.expense_total.budget)
            for f in statements]
    shown = {f.fund_code for f in statements}
    elsewhere = sum(amount for fund, amount in planned.items() if fund not in shown)
    if elsewhere:  # 事業 without a fund or of the council's own funds (not on the 収支予算書)
        uses.append(FundUse("", elsewhere, None, None))
    return tuple(uses)


#: What each of the preset's ``columns`` of the 事業計画書 / 事業実績書 holds, in their order
#: (the order reports/grant_projects.py fills them): the 総会議案書 names a column by this key and
#: prints the council's own word for it.
COLUMN_KEYS: dict[str, tuple[str, ...]] = {
    "business_plan": ("code", "action", "project", "responsible", "period", "place", "audience",
                      "expected", "partners", "budget"),
    "business_results": ("code", "project", "responsible", "period", "participants", "outcome",
                         "actual", "grant_share", "own_share", "other_share"),
}


@dataclass(frozen=True)
class PlanData:
    """事業計画書 / 事業実績書: title, 年度 text, council name, rows and the words."""

    title: str
    fiscal_year: str
    council: str
    rows: tuple[PlanRow, ...]
    words: fd.Wording
    funds: tuple[FundUse, ...] = ()

    def column(self, key: str) -> str:
        """The printed heading of the column holding ``key`` (:data:`COLUMN_KEYS`), e.g.
        「参加者数」 for 'participants' of the 事業実績書."""
        return self.words.get("columns")[COLUMN_KEYS[self.words.key].index(key)]


def business_plan_data(store: Store, council_id: int, fiscal_year: int,
                       key: str = "business_plan") -> PlanData:
    """The 事業計画書 with its funds matched to the 収支予算書 (``key`` 'business_results' gives
    the 事業実績書's words and rows; its funds come from
    :func:`kyodo_desktop.services.forms.results.business_results_data`)."""
    words = fd.wording(store, council_id, key)
    funds = plan_fund_uses(store, council_id, fiscal_year) if key == "business_plan" else ()
    return PlanData(words.title, fd.fiscal_year_text(fiscal_year),
                    councils.council_row(store, council_id)["name"],
                    tuple(project_rows(store, council_id, fiscal_year, words)), words, funds)


@dataclass(frozen=True)
class StatementData:
    """収支予算書 / 収支決算書: title, 年度 text, council name, per-fund statements, words."""

    title: str
    fiscal_year: str
    council: str
    funds: tuple[FundStatement, ...]
    words: fd.Wording


def statement_data(store: Store, council_id: int, fiscal_year: int,
                   key: str = "budget_statement") -> StatementData:
    """The 収支予算書 (``key`` 'settlement_statement' gives the 収支決算書's words)."""
    words = fd.wording(store, council_id, key)
    return StatementData(words.title, fd.fiscal_year_text(fiscal_year),
                         councils.council_row(store, council_id)["name"],
                         tuple(fund_statements(store, council_id, fiscal_year)), words)


class DecisionWords(TypedDict):
    """The 交付決定 as the application's sentences cite it: dates and numbers as text."""

    decided_on: str
    decision_no: str


def decision_words(grants: list[GrantFigures], words: fd.Wording) -> DecisionWords:
    """``decided_on`` and ``decision_no`` texts of the grants (joined by 及び; blanks when
    not recorded) for the sentences that cite the 交付決定."""
    days = sorted({g.decided_on for g in grants if g.decided_on is not None})
    blank = words.get("blank_date")
    return {"decided_on": fd.joined([fd.date_text(d, words) for d in days], words) or blank,
            "decision_no": fd.joined([g.decision_no for g in grants], words)
            or words.get("blank")}


def request_days(store: Store, council_id: int, fiscal_year: int) -> list[date]:
    """The days of the council-year's 交付請求 (概算払), in order: 第1回, 第2回 …"""
    grants = grant_figures(store, council_id, fiscal_year)
    return sorted({p[0] for g in grants for p in g.payments if p[0] is not None})


def bank_rows(store: Store, council_id: int, words: fd.Wording) -> tuple[tuple[str, str], ...]:
    """The 振込先 of the forms: (label, value) for 金融機関名, 支店名, 預金種目, 口座番号 and
    口座名義 (with its フリガナ); values blank when no account is entered."""
    account = payee_account(store, council_id)
    labels_ = words.get("bank_fields")
    if account is None:
        return tuple((label, "") for label in labels_)
    holder = account.holder + (f"（{text.to_katakana(account.holder_kana)}）"
                               if account.holder_kana else "")
    values = (account.bank_name, account.branch_name, account.type_label,
              account.account_number, holder)
    return tuple(zip(labels_, values, strict=True))


def payment_request_data(store: Store, council_id: int, fiscal_year: int,
                         gate: fd.Gate, number: int | None = None) -> LetterData:
    """The 交付請求書 (概算払) of the ``number``-th request (1 = 第1回, by request date; None =
    the latest): per programme 交付決定額, 既受領額, 今回請求額 and 残額 (円), and the 振込先.
    Without recorded payments the whole amount in force is requested and the date is left
    blank. Requires the 交付決定 (MissingPrerequisite otherwise); UserError for a request
    number that does not exist."""
    words = fd.wording(store, council_id, "payment_request")
    grants = _grants(store, council_id, fiscal_year, gate)
    for g in grants:
        gate.require(g.in_force is not None, _(
            "No grant decision (交付決定) is recorded for {program} ({fiscal_year}). Enter the "
            "decided amount, date and number in Budget and cash book > Grants.").format(
                program=g.program_name, fiscal_year=fd.fiscal_year_text(fiscal_year)))
    days = request_days(store, council_id, fiscal_year)
    if number is not None and not 1 <= number <= max(len(days), 1):
        raise UserError(_("There is no payment request number {number} in {fiscal_year} "
                          "(requests recorded: {count}).").format(
            number=number, fiscal_year=fd.fiscal_year_text(fiscal_year), count=len(days)))
    day: date | None = (days[number - 1] if number else days[-1]) if days else None
    rows = []
    for g in grants:
        decided = g.in_force or 0
        if day is None:
            before, now = 0, decided
        else:
            before = sum(a for req, _paid, a in g.payments if req is not None and req < day)
            now = sum(a for req, _paid, a in g.payments if req == day)
        rows.append(AmountRow(g.program_name, (g.in_force, before, now, decided - before - now)))
    ordinal = words.get("installment").format(number=days.index(day) + 1) if day else ""
    return LetterData(
        fd.letterhead(store, council_id, words, day, gate, fiscal_year), words.title,
        fd.format_sentence(words, store, council_id, fiscal_year=fd.fiscal_year_text(fiscal_year),
                           **decision_words(grants, words)),
        sum(r.amounts[2] for r in rows), tuple(rows), (), words,
        bank_rows(store, council_id, words), ordinal)


def change_request_data(store: Store, council_id: int, fiscal_year: int,
                        gate: fd.Gate) -> LetterData:
    """The 変更承認申請書: per programme with a 変更申請 the 既交付決定額, 変更後の額 and 増減額
    (円). Requires a 交付決定 and a recorded 変更申請 (MissingPrerequisite otherwise)."""
    words = fd.wording(store, council_id, "change_request")
    grants = _grants(store, council_id, fiscal_year, gate)
    year = fd.fiscal_year_text(fiscal_year)
    changed = [g for g in grants if g.change_amount is not None and g.decided_amount is not None]
    gate.require(bool(changed), _(
        "No change of the grant amount is recorded for {fiscal_year}. Enter the new amount as a "
        "change request in Budget and cash book > Grants.").format(fiscal_year=year))
    shown = changed or grants
    rows = tuple(AmountRow(g.program_name, (g.decided_amount, g.change_amount,
                                            None if g.change_amount is None
                                            else g.change_amount - (g.decided_amount or 0)))
                 for g in shown)
    days = [g.change_requested_on for g in changed if g.change_requested_on is not None]
    return LetterData(
        fd.letterhead(store, council_id, words, max(days) if days else None, gate, fiscal_year),
        words.title, fd.format_sentence(words, store, council_id, fiscal_year=year,
                                        **decision_words(shown, words)),
        None, rows, tuple(words.get("attachments")), words)
