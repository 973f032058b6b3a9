"""store.check: a consistent file passes; each planted inconsistency is found, and only it."""

from __future__ import annotations

import json
import sqlite3

import pytest

from kyodo_desktop.services.accounting.figures import fund_balances as computed_balances
from kyodo_desktop.services.backup.file_check import all_checks
from kyodo_desktop.services.backup.file_check import run_checks as run_all_checks
from kyodo_desktop.store import audit, open_store
from kyodo_desktop.store.check import Problem, check_audit_log, fiscal_year_sql
from kyodo_desktop.store.errors import UnexpectedSchema

CLOSED_2025 = {"activity_support": 150_000, "own_funds": 8_000}


def run_checks(store, checks=None):
    """The checks under test here: all but the change log's, which the rows planted with raw SQL
    bypass on purpose (the change log has its own test below)."""
    if checks is None:
        checks = [c for c in all_checks() if c is not check_audit_log]
    return run_all_checks(store, checks)


def test_rows_written_behind_the_change_log_are_reported(store, council):
    kinds = {p.kind for p in run_all_checks(store)}
    assert "audit_rows" in kinds
    from kyodo_desktop.store.audit import baseline

    baseline(store)
    assert run_all_checks(store) == []


def _entry(db, council, year, fund, day, direction, amount, **extra):
    category = ({"income_category_code": extra.pop("category", "grant")} if direction == "income"
                else {"expense_category_code": extra.pop("category", "consumables")})
    return db["cash_book_entries"].insert({
        "council_id": council, "fiscal_year": year, "fund_code": fund, "entry_date": day,
        "direction": direction, "amount": amount, **category, **extra}).last_pk


def _populate(store) -> dict:
    """A small consistent council: terms, plans, a settled grant, a closed 2025 and an open 2026."""
    with store.transaction() as db:
        c1 = db["councils"].insert({"name": "大殿地域づくり協議会", "name_kana": "おおどの"}).last_pk
        c2 = db["councils"].insert({"name": "湯田地域づくり協議会", "name_kana": "ゆだ"}).last_pk
        person = db["people"].insert({"council_id": c1, "name": "山田太郎"}).last_pk
        db["officer_terms"].insert_all([
            {"person_id": person, "role": "president", "council_id": c1,
             "starts_on": "2022-04-01", "ends_on": "2024-04-01"},
            {"person_id": person, "role": "president", "council_id": c1,  # touches: accepted
             "starts_on": "2024-04-01", "ends_on": None},
            {"person_id": person, "role": "treasurer", "council_id": c1,  # another role
             "starts_on": "2023-04-01", "ends_on": None}])
        db["community_plans"].insert_all([
            {"council_id": c1, "title": "第2次計画", "first_year": 2026, "last_year": 2030,
             "is_current": 1},
            {"council_id": c1, "title": "第1次計画", "first_year": 2021, "last_year": 2025,
             "is_current": 0}])
        program = audit.insert_row(db, "grant_programs", {
            "code": "activity", "name": "活動支援", "fund_code": "activity_support",
            "city_preset": "yamaguchi"})["id"]
        grant = db["grants"].insert({
            "council_id": c1, "fiscal_year": 2025, "program_id": program,
            "eligible_spending": 900_000, "refund_amount": 100_000}).last_pk
        db["grant_payments"].insert_all([
            {"grant_id": grant, "amount": 600_000, "kind": "advance", "paid_on": "2025-04-10"},
            {"grant_id": grant, "amount": 400_000, "kind": "final", "paid_on": "2025-10-10"}])
        carrying = audit.insert_row(db, "grant_programs", {
            "code": "carrying", "name": "繰越できる交付金", "fund_code": "activity_support",
            "city_preset": "test", "allows_carry_forward": 1})["id"]
        carried = db["grants"].insert({  # 100,000 unspent, carried forward: 返還金 0
            "council_id": c1, "fiscal_year": 2026, "program_id": carrying,
            "eligible_spending": 400_000, "refund_amount": 0,
            "carried_forward_amount": 100_000}).last_pk
        db["grant_payments"].insert({"grant_id": carried, "amount": 500_000,
                                     "paid_on": "2026-04-10"})
        db["opening_balances"].insert(
            {"council_id": c1, "fiscal_year": 2025, "fund_code": "activity_support",
             "carried_in": 50_000})
        _entry(db, c1, 2025, "activity_support", "2025-04-10", "income", 1_000_000)
        _entry(db, c1, 2025, "activity_support", "2026-03-31", "expense", 900_000)
        _entry(db, c1, 2025, "own_funds", "2025-06-01", "income", 10_000,
               category="membership_fees")
        expense = _entry(db, c1, 2025, "own_funds", "2025-06-02", "expense", 3_000)
        _entry(db, c1, 2025, "own_funds", "2025-06-03", "expense", -1_000,
               correction_of_id=expense)
        db["year_closes"].insert({"council_id": c1, "fiscal_year": 2025,
                                  "closed_at": "2026-05-01T10:00:00",
                                  "carried_out": json.dumps(CLOSED_2025)})
        db["opening_balances"].insert_all(
            {"council_id": c1, "fiscal_year": 2026, "fund_code": fund, "carried_in": amount,
             "source": "year_close"} for fund, amount in CLOSED_2025.items())
        _entry(db, c1, 2026, "own_funds", "2027-03-31", "income", 5_000,
               category="donations")
        other = _entry(db, c2, 2026, "own_funds", "2026-05-01", "expense", 2_000)
        db["projects"].insert({"council_id": c1, "fiscal_year": 2026, "name": "夏祭り",
                               "starts_on": "2026-04-01", "ends_on": "2027-04-02"})
        db["budget_lines"].insert({"council_id": c1, "fiscal_year": 2026,
                                   "fund_code": "own_funds", "direction": "expense",
                                   "expense_category_code": "consumables", "budget": 10_000})
    return {"c1": c1, "c2": c2, "person": person, "expense": expense, "other": other}


@pytest.fixture
def council(store):
    return _populate(store)


def test_a_consistent_file_has_no_problem(store, council):
    assert run_checks(store) == []


def test_an_empty_file_has_no_problem(store):
    assert run_checks(store) == []


def test_fiscal_year_sql_matches_the_april_start(store):
    for day, year in [("2026-03-31", 2025), ("2026-04-01", 2026), ("2027-01-15", 2026),
                      ("2019-04-30", 2019), ("not a date", None)]:
        assert store.scalar(f"SELECT {fiscal_year_sql('d')} FROM (SELECT ? AS d)", (day,)) == year


def test_balances_per_fund(store, council):
    assert computed_balances(store, council["c1"], 2025) == {
        "operating_support": 0, **CLOSED_2025}
    assert computed_balances(store, council["c1"], 2026)["own_funds"] == 8_000 + 5_000


def _sql(*statements):
    def plant(store, ids):
        with store.transaction() as db:
            for statement in statements:
                db.execute(statement.format(**ids))
    return plant


def _legacy(statement):
    """A row written before the 出納簿's entry rules existed (migration 8's triggers bypassed)."""
    def plant(store, ids):
        ids["legacy_rows"](store, statement.format(**ids))
    return plant


def _without_foreign_keys(statement):
    def plant(store, ids):
        store.conn.execute("PRAGMA foreign_keys = OFF")
        try:
            _sql(statement)(store, ids)
        finally:
            store.conn.execute("PRAGMA foreign_keys = ON")
    return plant


PLANTED = {
    "foreign_key": _without_foreign_keys(
        "INSERT INTO people (council_id, name) VALUES (999, '幽霊')"),
    "application_id": _sql("PRAGMA application_id = 0"),
    "user_version": _sql("PRAGMA user_version = 0"),
    "fiscal_year_range": _sql(
        "INSERT INTO budget_lines (council_id, fiscal_year, fund_code, direction, "
        "income_category_code) VALUES ({c1}, 3026, 'own_funds', 'income', 'donations')"),
    "cash_book_fiscal_year": _legacy(
        "INSERT INTO cash_book_entries (council_id, fiscal_year, fund_code, entry_date, "
        "direction, income_category_code, amount) "
        "VALUES ({c1}, 2026, 'own_funds', '2027-04-01', 'income', 'donations', 100)"),
    "project_fiscal_year": _sql(
        "UPDATE projects SET starts_on = '2027-04-01', ends_on = NULL"),
    "correction_council": _sql(
        "INSERT INTO cash_book_entries (council_id, fiscal_year, fund_code, entry_date, "
        "direction, expense_category_code, amount, correction_of_id) "
        "VALUES ({c1}, 2026, 'own_funds', '2026-05-02', 'expense', 'consumables', -2000, "
        "{other})"),
    "officer_term_overlap": _sql(
        "INSERT INTO officer_terms (person_id, role, council_id, starts_on, ends_on) "
        "VALUES ({person}, 'president', {c1}, '2023-04-01', '2025-03-31')"),
    "current_plan": _sql(
        "DROP INDEX community_plans_one_current",
        "UPDATE community_plans SET is_current = 1"),
    "grant_refund": _sql("UPDATE grants SET refund_amount = 50000 WHERE fiscal_year = 2025"),
    "grant_refund_carried": _sql(  # refunded although the programme carries forward
        "UPDATE grants SET refund_amount = 100000, carried_forward_amount = 0 "
        "WHERE fiscal_year = 2026"),
    "year_close_carried_out": _sql(  # a close that got its sums wrong, carried in as such
        "DROP TRIGGER year_closes_fixed",  # only a file edited by hand has such a close
        "UPDATE year_closes SET carried_out = "
        "json_set(carried_out, '$.activity_support', 140000)",
        "UPDATE opening_balances SET carried_in = 140000 "
        "WHERE fiscal_year = 2026 AND fund_code = 'activity_support'"),
    "carried_in": _sql(
        "UPDATE opening_balances SET carried_in = 149000 "
        "WHERE fiscal_year = 2026 AND fund_code = 'activity_support'"),
}


#: Plants that change the schema (a dropped index or trigger): that is reported too.
SCHEMA_CHANGED = {"current_plan": ("schema_missing",), "year_close_carried_out": ("schema_missing",)}


@pytest.mark.parametrize("plant", sorted(PLANTED))
def test_a_planted_problem_is_found(store, council, plant, legacy_rows):
    PLANTED[plant](store, council | {"legacy_rows": legacy_rows})
    problems = run_checks(store)
    assert {p.kind for p in problems} == {plant.removesuffix("_carried"),
                                          *SCHEMA_CHANGED.get(plant, ())}
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.message and problem.message.isascii() is False  # translated Japanese
        assert problem.detail


def test_an_invalid_date_and_a_wrong_year_get_different_messages(store, council, legacy_rows):
    _sql("INSERT INTO cash_book_entries (council_id, fiscal_year, fund_code, entry_date, "
         "direction, income_category_code, amount) "
         "VALUES ({c1}, 2026, 'own_funds', '2026/05/01', 'income', 'donations', 100)")(
        store, council)
    PLANTED["cash_book_fiscal_year"](store, council | {"legacy_rows": legacy_rows})
    messages = [p.message for p in run_checks(store)]
    assert len(messages) == 2
    assert any("2026/05/01" in m and "日付が正しくありません" in m for m in messages)
    assert any("2027 年度" in m and "2026 年度に記帳" in m for m in messages)


def _besides_the_dropped_trigger(problems):
    """The problems but the schema's: the plant dropped the trigger year_closes_fixed."""
    assert [p.detail for p in problems if p.kind.startswith("schema_")] == [
        "missing trigger year_closes_fixed"]
    return [p for p in problems if not p.kind.startswith("schema_")]


def test_an_unreadable_year_close_is_reported_once(store, council):
    _sql("DROP TRIGGER year_closes_fixed",
         "UPDATE year_closes SET carried_out = 'not json'")(store, council)
    problems = _besides_the_dropped_trigger(run_checks(store))
    assert [p.kind for p in problems] == ["year_close_carried_out"]
    assert "読み取れません" in problems[0].message


def test_a_year_close_reopened_is_not_checked(store, council):
    _sql("UPDATE year_closes SET reopened_at = '2026-06-01T09:00:00', reopen_reason = '訂正'",
         "UPDATE opening_balances SET source = 'manual'",
         "INSERT INTO cash_book_entries (council_id, fiscal_year, fund_code, entry_date, "
         "direction, expense_category_code, amount) "
         "VALUES ({c1}, 2025, 'activity_support', '2026-03-30', 'expense', 'consumables', 500)",
         )(store, council)
    assert computed_balances(store, council["c1"], 2025)["activity_support"] == 149_500
    assert run_checks(store) == []


def test_the_year_close_message_shows_the_fund_and_amounts(store, council):
    PLANTED["year_close_carried_out"](store, council)
    (problem,) = _besides_the_dropped_trigger(run_checks(store))
    assert "活動支援" in problem.message
    assert "140,000" in problem.message and "150,000" in problem.message


def test_a_changed_index_is_refused_by_name(db_path):
    with open_store(db_path) as store:
        _populate(store)
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX people_council ON people(name)' "
                 "WHERE name = 'people_council'")
    conn.commit()
    conn.close()
    with pytest.raises(UnexpectedSchema) as caught:  # its contents no longer match either
        open_store(db_path)
    assert "people_council" in caught.value.message


def test_a_damaged_index_is_found_by_integrity_check(db_path):
    with open_store(db_path) as store:
        _populate(store)
    conn = sqlite3.connect(db_path)  # an index built for another column under the right name
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'people_council'").fetchone()[0]
    conn.execute("DROP INDEX people_council")
    conn.execute("CREATE INDEX people_council ON people(name)")
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'people_council'", (sql,))
    conn.commit()
    conn.close()
    with open_store(db_path) as store:  # quick_check does not look at index contents
        kinds = {p.kind for p in run_checks(store)}
    assert "integrity" in kinds


def test_a_check_that_cannot_run_becomes_a_problem(store):
    def broken(_store):
        raise sqlite3.OperationalError("no such table: gone")
        yield  # pragma: no cover

    (problem,) = run_checks(store, [broken])
    assert problem.kind == "check_failed"
    assert "broken" in problem.detail and "gone" in problem.detail
