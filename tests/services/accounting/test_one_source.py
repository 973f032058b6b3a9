"""One source per figure: a 事業's cost, a fund's balance and a grant's 交付済額 agree on every
screen, form and check, for every project, fund and grant of the demo; a 返還金 never counts as a
事業's cost and cannot be linked to one (service and store refuse it)."""

from __future__ import annotations

from datetime import date

import pytest

from kyodo_desktop.domain.accounting import EXPENSE, INCOME, CashBookEntryInput
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.services.accounting import cash_book, checks, figures, grants
from kyodo_desktop.services.accounting.file_checks import check_grant_refunds, check_year_closes
from kyodo_desktop.services.accounting.year_close import close_row
from kyodo_desktop.services.backup.file_check import run_checks
from kyodo_desktop.services.council.overview import council_overview
from kyodo_desktop.services.forms import application, books, results
from kyodo_desktop.services.forms.common import Gate
from kyodo_desktop.services.forms.grants import fund_statements, grant_figures
from kyodo_desktop.services.plan import projects
from kyodo_desktop.store.errors import RefundWithProject

TODAY = date(2026, 11, 20)


def _council_years(store) -> list[tuple[int, int]]:
    return [(r["council_id"], r["fiscal_year"]) for r in store.query(
        "SELECT DISTINCT council_id, fiscal_year FROM cash_book_entries ORDER BY 1, 2")]


def _project_costs_everywhere(store, council_id: int, year: int) -> dict[str, dict[int, int]]:
    """The 事業費 of every project of the council-year as each place shows it."""
    tab = {p["id"]: p["actual_cost"] for p in projects.list_projects(store, council_id, year)}
    printed = application.business_plan_data(store, council_id, year, "business_results").rows
    names = {p["name"]: p["id"] for p in projects.list_projects(store, council_id, year)}
    assert len(names) == len(tab)  # names are unique within a year, so the rows can be matched
    form = {names[row.project]: row.actual for row in printed}
    filtered = {pid: cash_book.entry_totals(store, council_id, year, project_id=pid).expense
                for pid in tab}
    source = figures.project_costs(store, council_id, year)
    return {"事業 tab": tab, "事業実績書": form, "出納簿 filter": filtered,
            "figures": {pid: source.get(pid, 0) for pid in tab}}


def _fund_balances_everywhere(store, council_id: int, year: int) -> dict[str, dict[str, int]]:
    """次年度繰越金 (the year-end 残高) of every fund as each place shows it."""
    overview = council_overview(store, council_id, year, today=TODAY)
    statements = fund_statements(store, council_id, year)
    cash_books = books.cash_books(store, council_id, year)
    rows = cash_book.list_entries(store, council_id, year)
    last = {row.fund_code: row.fund_balance for row in rows}
    opening = figures.opening_balances(store, council_id, year)
    found = {
        "overview": {f.fund_code: f.balance for f in overview.funds},
        "収支決算書": {s.fund_code: s.carried_out for s in statements},
        "収支決算書 收入−支出": {s.fund_code: s.income_total.actual - s.expense_total.actual
                             for s in statements},
        "printed 出納簿": {b.fund_code: b.closing for b in cash_books},
        "printed 出納簿 last row": {b.fund_code: b.rows[-1].balance if b.rows else b.opening
                                  for b in cash_books},
        "出納簿 tab": {fund: last.get(fund, opening[fund]) for fund in opening},
        "figures": figures.fund_balances(store, council_id, year),
    }
    closed = close_row(store, council_id, year)
    if closed is not None:
        found["年度締め"] = closed["carried_out"]
        found["next year's 前年度繰越金"] = figures.opening_balances(store, council_id, year + 1)
    return found


def _received_everywhere(store, council_id: int, year: int) -> dict[str, dict[int, int]]:
    """The 交付済額 of every grant of the council-year as each place shows it."""
    overview = council_overview(store, council_id, year, today=TODAY)
    states = grants.list_grants(store, council_id, year)
    names = {s.program_name: s.grant_id for s in states}
    found = {
        "交付金 tab": {s.grant_id: s.received for s in states},
        "overview": {names[g.program]: g.received for g in overview.grants},
        "forms": {g.grant_id: g.received for g in grant_figures(store, council_id, year)},
        "点検": {g.id: g.received for g in checks.load_ledger(store, council_id, year).grants},
        "figures": figures.received_by_grant(store, council_id, year),
    }
    if close_row(store, council_id, year) is not None:
        gate = Gate(draft=True)
        settlement = results.settlement_data(store, council_id, year, gate).rows[:-1]
        found["精算書"] = {names[row.label]: row.amounts[1] for row in settlement}
        report = results.performance_report_data(store, council_id, year, gate).rows
        found["実績報告書"] = {names[row.label]: row.amounts[1] for row in report}
    return found


def _agree(found: dict[str, dict]) -> None:
    reference = found["figures"]
    assert reference, "nothing to compare"
    for place, values in found.items():
        # the city's forms leave the council's own funds and programmes out (OWN); where a
        # place shows one, it agrees
        assert {k: v for k, v in values.items() if k not in OWN} == {
            k: v for k, v in reference.items() if k not in OWN}, place
        assert all(reference[k] == v for k, v in values.items() if k in OWN), place


#: Keys of the council's own funds and programmes' grants (filled by the test below).
OWN: set = set()


def test_every_figure_agrees_everywhere_in_the_demo(demo_store):
    OWN.clear()
    OWN.update(r["fund_code"] for r in demo_store.query("SELECT fund_code FROM council_funds"))
    OWN.update(r["id"] for r in demo_store.query(
        "SELECT g.id FROM grants g JOIN council_programs c ON c.program_id = g.program_id"))
    council_years = _council_years(demo_store)
    assert council_years
    compared = {"projects": 0, "funds": 0, "grants": 0, "closed": 0}
    for council_id, year in council_years:
        costs = _project_costs_everywhere(demo_store, council_id, year)
        balances = _fund_balances_everywhere(demo_store, council_id, year)
        received = _received_everywhere(demo_store, council_id, year)
        for found in (costs, balances, received):
            if found["figures"]:
                _agree(found)
        compared["projects"] += len(costs["figures"])
        compared["funds"] += len(balances["figures"])
        compared["grants"] += len(received["figures"])
        compared["closed"] += "年度締め" in balances
        income = figures.grant_income(demo_store, council_id, year)
        for state in grants.list_grants(demo_store, council_id, year):
            assert income.get(state.fund_code, 0) == state.received  # 収支決算書's 交付金
    assert compared["projects"] >= 10 and compared["grants"] >= 4 and compared["closed"] >= 1
    assert any(cost > 0 for council_id, year in council_years
               for cost in figures.project_costs(demo_store, council_id, year).values())
    assert run_checks(demo_store) == []
    assert list(check_year_closes(demo_store)) == [] and list(check_grant_refunds(demo_store)) == []


def test_the_recorded_eligible_spending_of_the_demo_is_the_computed_one(demo_store):
    settled = demo_store.query("SELECT id, eligible_spending FROM grants "
                               "WHERE eligible_spending IS NOT NULL")
    assert settled
    for grant in settled:
        assert figures.eligible_cost(demo_store, grant["id"]) == grant["eligible_spending"]


def _open_refund_case(store):
    """An open year's grant, a project of that year and an expense of the project."""
    council_id, year = max(_council_years(store), key=lambda pair: pair[1])
    grant = grants.list_grants(store, council_id, year)[0]
    project = projects.list_projects(store, council_id, year)[0]
    return council_id, year, grant, project


def test_a_refund_linked_to_a_project_is_refused_by_service_and_store(demo_store):
    council_id, year, grant, project = _open_refund_case(demo_store)
    refund = CashBookEntryInput(date(year, 11, 1), grant.fund_code, EXPENSE, "contributions",
                                "返還金", 5_000, "山口市", "R-1", project_id=project["id"],
                                grant_id=grant.grant_id)
    with pytest.raises(ValidationError) as refused:
        cash_book.record_entry(demo_store, council_id, year, refund)
    assert refused.value.field == "project_id" and "返還金" in refused.value.message
    plain_id, _changes = cash_book.record_entry(
        demo_store, council_id, year, CashBookEntryInput(
            date(year, 11, 1), grant.fund_code, EXPENSE, "contributions", "返還金", 5_000,
            "山口市", "R-1", grant_id=grant.grant_id))
    with pytest.raises(ValidationError):
        cash_book.update_entry(demo_store, plain_id, refund)
    with pytest.raises(RefundWithProject) as raw, demo_store.transaction() as db:
        db.execute("UPDATE cash_book_entries SET project_id = ? WHERE id = ?",
                    (project["id"], plain_id))
    assert "返還金" in raw.value.message
    with pytest.raises(RefundWithProject), demo_store.transaction() as db:
        db.execute(
            "INSERT INTO cash_book_entries (council_id, fiscal_year, fund_code, entry_date, "
            "direction, expense_category_code, amount, project_id, grant_id) "
            "VALUES (?, ?, ?, ?, 'expense', 'contributions', 5000, ?, ?)",
            (council_id, year, grant.fund_code, f"{year}-11-02", project["id"], grant.grant_id))
    # a grant's income may name the project it was paid for: it is not a cost either way
    cash_book.record_entry(demo_store, council_id, year, CashBookEntryInput(
        date(year, 11, 3), grant.fund_code, INCOME, "grant", "交付金", 1_000, "山口市",
        project_id=project["id"], grant_id=grant.grant_id))


def test_a_refund_left_linked_by_an_older_version_is_no_project_cost(demo_store):
    """A file written before migration 7 may hold a 返還金 with a project: every place leaves it
    out of the 事業費 (the 35,000 vs 30,000 円 disagreement of issue 11)."""
    council_id, year, grant, project = _open_refund_case(demo_store)
    before = _project_costs_everywhere(demo_store, council_id, year)
    with demo_store.transaction() as db:
        db.execute("DROP TRIGGER cash_book_entries_refund_project_insert")
        db.execute(
            "INSERT INTO cash_book_entries (council_id, fiscal_year, fund_code, entry_date, "
            "direction, expense_category_code, amount, project_id, grant_id) "
            "VALUES (?, ?, ?, ?, 'expense', 'contributions', 5000, ?, ?)",
            (council_id, year, grant.fund_code, f"{year}-11-02", project["id"], grant.grant_id))
    after = _project_costs_everywhere(demo_store, council_id, year)
    for place in ("事業 tab", "事業実績書", "figures"):
        assert after[place] == before[place], place
    assert after["出納簿 filter"][project["id"]] == before["出納簿 filter"][project["id"]] + 5_000
    balances = figures.fund_balances(demo_store, council_id, year)
    assert balances[grant.fund_code] == _fund_balances_everywhere(
        demo_store, council_id, year)["overview"][grant.fund_code]
