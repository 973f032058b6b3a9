"""Plain data of the year-end forms to the city: 実績報告書 (the letter; 事業実績書 and 収支決算書
come from :mod:`kyodo_desktop.services.forms.application`) and 精算書.

Prerequisites: the 年度締め for the 実績報告書 (final figures); the recorded 精算 for the 精算書;
for both, the 交付金 received (概算払 with a payment date) must equal the 交付金 income booked in
the 出納簿, so the 精算書's 交付済額 equals the 収支決算書's 交付金 決算額 to the yen.
"""

from __future__ import annotations

from dataclasses import replace

from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.i18n import _
from kyodo_desktop.services.accounting import common, figures, funders
from kyodo_desktop.services.accounting.year_close import close_row
from kyodo_desktop.services.forms import common as fd
from kyodo_desktop.services.forms.application import (
    AmountRow,
    FundUse,
    LetterData,
    PlanData,
    business_plan_data,
    decision_words,
)
from kyodo_desktop.services.forms.grants import GrantFigures, fund_statements, grant_figures
from kyodo_desktop.store import Store


def require_closed(store: Store, council_id: int, fiscal_year: int, gate: fd.Gate) -> bool:
    """Check (through ``gate``) that the 年度 is closed: final forms print closed figures."""
    return gate.require(close_row(store, council_id, fiscal_year) is not None, _(
        "{fiscal_year} is not closed yet. Close the year in Budget and cash book (年度締め) "
        "before printing the final forms, or print a draft.").format(
            fiscal_year=fd.fiscal_year_text(fiscal_year)))


def _checked_grants(store: Store, council_id: int, fiscal_year: int,
                    gate: fd.Gate) -> list[GrantFigures]:
    grants = grant_figures(store, council_id, fiscal_year)
    year = fd.fiscal_year_text(fiscal_year)
    gate.require(bool(grants), _(
        "No grant is recorded for {fiscal_year}. Enter the grant application in Budget and cash "
        "book > Grants.").format(fiscal_year=year))
    booked = figures.grant_income(store, council_id, fiscal_year)
    for g in grants:
        gate.require(g.in_force is not None, _(
            "No grant decision (交付決定) is recorded for {program} ({fiscal_year}). Enter the "
            "decided amount, date and number in Budget and cash book > Grants.").format(
                program=g.program_name, fiscal_year=year))
        gate.require(g.received == booked.get(g.fund_code, 0), _(
            "The payments received for {program} ({received} yen) differ from the grant income "
            "in the cash book ({booked} yen). Enter the missing payment or cash book entry so "
            "that the forms agree.").format(program=g.program_name,
                                            received=format_yen(g.received),
                                            booked=format_yen(booked.get(g.fund_code, 0))))
    return grants


def eligible_of(store: Store, grant: GrantFigures) -> int:
    """対象経費 (円) of a grant: the recorded 実績 figure, else
    :func:`~kyodo_desktop.services.accounting.figures.eligible_cost` from the 出納簿."""
    if grant.eligible_spending is not None:
        return grant.eligible_spending
    return figures.eligible_cost(store, grant.grant_id)


def performance_report_data(store: Store, council_id: int, fiscal_year: int,
                            gate: fd.Gate) -> LetterData:
    """The 実績報告書: per programme 交付決定額 (in force), 交付済額 and 対象経費の額 (円),
    dated the recorded 実績報告 day. Requires the 年度締め and agreeing 交付金 figures."""
    words = fd.wording(store, council_id, "performance_report")
    require_closed(store, council_id, fiscal_year, gate)
    grants = _checked_grants(store, council_id, fiscal_year, gate)
    rows = tuple(AmountRow(g.program_name, (g.in_force, g.received,
                                            eligible_of(store, g)))
                 for g in grants)
    days = [g.reported_on for g in grants if g.reported_on is not None]
    year = fd.fiscal_year_text(fiscal_year)
    return LetterData(
        fd.letterhead(store, council_id, words, max(days) if days else None, gate, fiscal_year),
        words.title, fd.format_sentence(words, store, council_id, fiscal_year=year,
                                        **decision_words(grants, words)),
        None, rows, tuple(words.get("attachments")), words)


def settlement_data(store: Store, council_id: int, fiscal_year: int,
                    gate: fd.Gate) -> LetterData:
    """The 精算書: per programme 交付決定額, 交付済額, 対象経費の額, 返還額 and 繰越額 (円) with
    a total row; ``amount`` is the total 返還額. Requires the 年度締め and the recorded 精算 of
    every grant."""
    words = fd.wording(store, council_id, "settlement")
    require_closed(store, council_id, fiscal_year, gate)
    grants = _checked_grants(store, council_id, fiscal_year, gate)
    year = fd.fiscal_year_text(fiscal_year)
    for g in grants:
        gate.require(g.settled_on is not None, _(
            "The settlement (精算) of {program} ({fiscal_year}) is not recorded yet. Record it in "
            "Budget and cash book > Grants.").format(program=g.program_name, fiscal_year=year))
    rows = [AmountRow(g.program_name, (
        g.in_force, g.received, eligible_of(store, g),
        g.refund_amount, g.carried_forward_amount)) for g in grants]
    columns = len(rows[0].amounts) if rows else 5
    # a column with a grant not settled yet (a draft) has no total: blank, never a 0 that
    # reads as 「返還なし」
    totals = tuple(None if any(r.amounts[i] is None for r in rows)
                   else sum(r.amounts[i] for r in rows) for i in range(columns))
    rows.append(AmountRow(words.get("total"), totals))
    days = [g.settled_on for g in grants if g.settled_on is not None]
    return LetterData(
        fd.letterhead(store, council_id, words, max(days) if days else None, gate, fiscal_year),
        words.title, fd.format_sentence(words, store, council_id, fiscal_year=year,
                                        **decision_words(grants, words)),
        totals[3], tuple(rows), (), words)


def result_fund_uses(store: Store, council_id: int, fiscal_year: int) -> tuple[FundUse, ...]:
    """Per fund of the 収支決算書 (then each council fund that paid anything) the 事業費 paid
    from it, the rest of its 支出, its 返還金 and its 支出合計 (決算額), with the 対象経費の額 of
    the city's 交付金 of the fund as the 実績報告書 prints it: the 事業実績書's うち交付金 /
    自主財源 / その他 totals matched, fund by fund, with the 収支決算書."""
    paid: dict[str, int] = {}
    for by_fund in figures.project_costs_by_paying_fund(store, council_id, fiscal_year).values():
        for fund, amount in by_fund.items():
            paid[fund] = paid.get(fund, 0) + amount
    refunds = figures.refunds_by_fund(store, council_id, fiscal_year)
    eligible: dict[str, int] = {}
    for g in grant_figures(store, council_id, fiscal_year):
        eligible[g.fund_code] = eligible.get(g.fund_code, 0) + eligible_of(store, g)
    own = [c for c in common.fund_names(store, council_id) if funders.is_council_code(c)]
    statements = fund_statements(store, council_id, fiscal_year) + [
        f for f in fund_statements(store, council_id, fiscal_year, fund_codes=tuple(own))
        if f.expense_total.actual or paid.get(f.fund_code)]
    result = []
    for f in statements:
        projects, refund = paid.get(f.fund_code, 0), refunds.get(f.fund_code, 0)
        result.append(FundUse(f.fund_name, projects, f.expense_total.actual - projects - refund,
                              f.expense_total.actual, refund, eligible.get(f.fund_code)))
    return tuple(result)


def business_results_data(store: Store, council_id: int, fiscal_year: int) -> PlanData:
    """The 事業実績書: the 事業 with their 事業費 split by who paid, and the funds matched with
    the 収支決算書 (:func:`result_fund_uses`)."""
    return replace(business_plan_data(store, council_id, fiscal_year, "business_results"),
                   funds=result_fund_uses(store, council_id, fiscal_year))
