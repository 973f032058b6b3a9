"""The demo data builder: the shape the brief asks for and the accounting rules the app checks."""

from __future__ import annotations

import json
import re
import shutil
import time
import unicodedata
from collections import defaultdict
from datetime import date

import pytest

from kyodo_desktop import i18n
from kyodo_desktop.demo.build import build_demo
from kyodo_desktop.errors import UserError
from kyodo_desktop.store import open_store

YAMAGUCHI_DISTRICTS = ["大殿", "白石", "湯田", "仁保", "小鯖", "大内", "宮野", "吉敷", "平川", "大歳",
                       "陶", "鋳銭司", "名田島", "秋穂二島", "嘉川", "佐山", "小郡", "秋穂", "阿知須",
                       "徳地", "阿東"]
CURRENT_OFFICERS = {"president": 1, "vice_president": 4, "director": 12, "auditor": 2,
                    "treasurer": 1, "secretary_general": 1, "office_staff": 2}
LAST_DAY = "2026-11-20"
GRANT_TOTAL = 10_261_000
INELIGIBLE = ["飲食を伴う懇親会", "慶弔費", "交際費", "宗教活動", "政治活動", "個人への給付"]
HIRAGANA_NAME = re.compile(r"^[\u3041-\u3096ー]+ [\u3041-\u3096ー]+$")


@pytest.fixture
def demo(store):
    """The store with the default demo built into it, and the summary."""
    started = time.perf_counter()
    summary = build_demo(store)
    print(f"build_demo: {time.perf_counter() - started:.3f} s")
    return store, summary


def _open_copy(template_db, tmp_path, name):
    target = tmp_path / name
    shutil.copy(template_db, target)
    return open_store(target)


def _dump(store) -> dict[str, list[tuple]]:
    tables = [r["name"] for r in store.query(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {t: store.conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall()
            for t in tables}


def test_summary_counts_match_the_tables(demo):
    store, summary = demo
    for key, table in [("councils", "councils"), ("people", "people"),
                       ("officer_terms", "officer_terms"), ("subcommittees", "subcommittees"),
                       ("plan_actions", "plan_actions"), ("projects", "projects"),
                       ("grants", "grants"), ("organizations", "member_organizations")]:
        assert summary[key] == store.scalar(f"SELECT count(*) FROM {table}"), key
    for year in (2025, 2026):
        assert summary["cash_book_entries"][year] == store.scalar(
            "SELECT count(*) FROM cash_book_entries WHERE fiscal_year = ?", (year,))


def test_every_table_but_the_handbook_is_filled(demo):
    store, _summary = demo
    empty = [t for t, rows in _dump(store).items() if not rows]
    # the demo imports no file; returns fill only a city file (demo --city)
    assert sorted(empty) == ["city_returns", "handbook_chapters", "imported_files"]


def test_change_log_covers_every_accounting_row(demo):
    from kyodo_desktop.store.audit import verify_chain, verify_covered_rows

    store, _summary = demo
    logged = store.scalar("SELECT count(*) FROM audit_log WHERE table_name = 'cash_book_entries'")
    assert logged == store.scalar("SELECT count(*) FROM cash_book_entries")
    assert verify_chain(store) == [] and verify_covered_rows(store) == []


def test_21_districts_with_centers_and_councils(demo):
    store, _summary = demo
    rows = store.query("SELECT d.name, d.name_kana, c.name AS council, cc.name AS center, "
                       "cc.phone FROM districts d JOIN councils c ON c.district_id = d.id "
                       "JOIN community_centers cc ON cc.id = c.community_center_id "
                       "ORDER BY d.sort_order")
    assert [r["name"] for r in rows] == YAMAGUCHI_DISTRICTS
    for row in rows:
        assert row["council"] == f"{row['name']}地域づくり協議会"
        assert row["center"] == f"{row['name']}地域交流センター"
        assert re.fullmatch(r"083-9\d\d-\d{4}", row["phone"])
        assert re.fullmatch(r"[\u3041-\u3096]+", row["name_kana"])
    profiles = store.query("SELECT name FROM councils WHERE address <> ''")
    assert [p["name"] for p in profiles] == ["湯田地域づくり協議会"]


def test_yuda_profile_and_yearly_figures(demo):
    store, _summary = demo
    council = store.query("SELECT * FROM councils WHERE name = '湯田地域づくり協議会'")[0]
    assert council["established_on"] and council["phone"] and council["notes"]
    stats = store.query("SELECT * FROM council_year_stats WHERE council_id = ? "
                        "ORDER BY fiscal_year", (council["id"],))
    assert [s["fiscal_year"] for s in stats] == [2024, 2025, 2026]
    for row in stats:
        assert 21_000 <= row["population"] <= 25_000
        assert 10_500 <= row["households"] <= 12_500


def test_neighborhood_associations_and_member_rate(demo):
    store, summary = demo
    count = store.scalar("SELECT count(*) FROM member_organizations "
                         "WHERE kind = 'neighborhood_association'")
    assert 35 <= count <= 40
    for year in (2025, 2026):
        rows = store.query("SELECT h.* FROM organization_households h JOIN member_organizations o "
                           "ON o.id = h.organization_id WHERE h.fiscal_year = ? "
                           "AND o.kind = 'neighborhood_association'", (year,))
        assert len(rows) == count
        assert all(0 < r["member_households"] <= r["households"] for r in rows)
        assert sum(80 <= r["households"] <= 700 for r in rows) >= count - 2
        total = sum(r["households"] for r in rows)
        members = sum(r["member_households"] for r in rows)
        assert 0.75 <= members / total <= 0.85
        assert summary["member_households"][year] == members
    kinds = {r["kind"] for r in store.query("SELECT DISTINCT kind FROM member_organizations")}
    assert {"neighborhood_federation", "womens_association", "senior_club", "pta", "npo",
            "fire_brigade", "volunteer_group", "social_welfare_council"} <= kinds


def test_people_are_named_with_hiragana_readings(demo):
    store, _summary = demo
    people = store.query("SELECT name, name_kana, address, phone, email FROM people")
    assert len(people) >= 60
    for person in people:
        assert HIRAGANA_NAME.match(person["name_kana"]), person
        for field in ("name", "name_kana", "address"):
            assert unicodedata.normalize("NFKC", person[field]) == person[field]
        assert person["address"].startswith("山口市")
        assert re.fullmatch(r"083-92\d-\d{4}", person["phone"])
    assert len({p["name"] for p in people}) == len(people)
    surnames = [p["name"].split(" ")[0] for p in people]
    assert len(set(surnames)) < len(surnames)  # some share a surname
    assert any(p["email"] for p in people)


def _current(store, where: str, params=()) -> list[dict]:
    return store.query(f"SELECT * FROM officer_terms WHERE {where} AND starts_on <= ? "
                       "AND (ends_on IS NULL OR ends_on >= ?)", (*params, LAST_DAY, LAST_DAY))


def test_council_officers_now_and_before(demo):
    store, _summary = demo
    counts = defaultdict(int)
    for term in _current(store, "council_id IS NOT NULL"):
        counts[term["role"]] += 1
    assert dict(counts) == CURRENT_OFFICERS
    closed = store.query("SELECT * FROM officer_terms WHERE council_id IS NOT NULL "
                         "AND ends_on < '2025-04-01'")
    assert {t["role"] for t in closed} >= {"president", "director"}


def test_every_association_has_one_current_president(demo):
    store, _summary = demo
    associations = store.query("SELECT id FROM member_organizations "
                               "WHERE kind = 'neighborhood_association'")
    for org in associations:
        presidents = _current(store, "organization_id = ? AND role = 'president'", (org["id"],))
        assert len(presidents) == 1
    history = store.query("SELECT t.organization_id FROM officer_terms t JOIN officer_terms n "
                          "ON n.organization_id = t.organization_id AND n.role = 'president' "
                          "AND n.starts_on > t.starts_on AND n.person_id <> t.person_id "
                          "WHERE t.role = 'president' AND t.ends_on < ?", (LAST_DAY,))
    assert 2 <= len({h["organization_id"] for h in history}) < len(associations) // 2


def test_subcommittees_with_chairs_and_members(demo):
    store, _summary = demo
    subs = store.query("SELECT * FROM subcommittees ORDER BY sort_order")
    assert sum(s["is_office"] == 0 for s in subs) == 5
    assert [s["name"] for s in subs if s["is_office"]] == ["事務局"]
    for sub in subs:
        roles = defaultdict(int)
        for term in _current(store, "subcommittee_id = ?", (sub["id"],)):
            roles[term["role"]] += 1
        assert roles["chair"] == 1 and roles["vice_chair"] == 1, sub["name"]
        assert 4 <= roles["member"] <= 8, sub["name"]
    assert store.scalar("SELECT count(DISTINCT subcommittee_id) FROM "
                        "subcommittee_organizations") >= 5


def test_the_current_plan(demo):
    store, _summary = demo
    plans = store.query("SELECT * FROM community_plans WHERE is_current = 1")
    assert len(plans) == 1
    plan = plans[0]
    assert (plan["first_year"], plan["last_year"]) == (2024, 2028)
    assert json.loads(plan["methods"]) == ["アンケート", "座談会", "策定委員会"]
    assert 3 <= store.scalar("SELECT count(*) FROM plan_goals") <= 5
    actions = store.query("SELECT * FROM plan_actions")
    assert 18 <= len(actions) <= 24
    for action in actions:
        years = [r["fiscal_year"] for r in store.query(
            "SELECT fiscal_year FROM yearly_schedule WHERE action_id = ? ORDER BY fiscal_year",
            (action["id"],))]
        assert years == [2024, 2025, 2026, 2027, 2028]
        targets = store.scalar("SELECT count(*) FROM plan_action_targets WHERE action_id = ?",
                               (action["id"],))
        assert 1 <= targets <= 4
        assert action["responsible_subcommittee_id"] and action["completion_criterion"]
        kinds = {r["fiscal_year"] for r in store.query(
            "SELECT fiscal_year FROM evaluations WHERE action_id = ? AND evaluator_kind = 'self'",
            (action["id"],))}
        assert kinds == {2024, 2025}
    assert store.scalar("SELECT count(*) FROM evaluations WHERE evaluator_kind = 'mutual'") > 0
    assert store.scalar("SELECT count(*) FROM evaluations WHERE evaluator_kind = 'third_party'") > 0


def test_indicators_have_baseline_targets_and_actuals(demo):
    store, _summary = demo
    indicators = store.query("SELECT * FROM indicators")
    assert 6 <= len(indicators) <= 8
    for indicator in indicators:
        assert indicator["baseline_year"] == 2023 and indicator["baseline"] is not None
        values = {r["fiscal_year"]: r for r in store.query(
            "SELECT * FROM indicator_values WHERE indicator_id = ?", (indicator["id"],))}
        assert values[2026]["target"] is not None and values[2028]["target"] is not None
        assert values[2024]["actual"] is not None and values[2025]["actual"] is not None


def test_projects_of_both_years(demo):
    store, _summary = demo
    for year in (2025, 2026):
        projects = store.query("SELECT * FROM projects WHERE fiscal_year = ?", (year,))
        assert 13 <= len(projects) <= 22
        for project in projects:
            assert project["action_id"] and project["subcommittee_id"]
            assert date.fromisoformat(project["starts_on"]) >= date(year, 4, 1)
            assert date.fromisoformat(project["ends_on"]) <= date(year + 1, 3, 31)
            if project["ends_on"] > LAST_DAY:
                assert project["actual_participants"] is None and project["outcome"] == ""
        assert sum(p["name"].startswith("広報誌「ゆだ」") for p in projects) == 4
    assert store.scalar("SELECT count(*) FROM projects WHERE fiscal_year = 2025 "
                        "AND outcome = ''") == 0
    linked = store.scalar("SELECT count(DISTINCT project_id) FROM cash_book_entries")
    assert linked >= 25


def test_grants_add_up_to_the_community_grant(demo):
    store, _summary = demo
    for year in (2025, 2026):
        rows = {r["fund_code"]: r for r in store.query(
            "SELECT g.*, p.fund_code FROM grants g JOIN grant_programs p ON p.id = g.program_id "
            "WHERE g.fiscal_year = ?", (year,))}
        total = rows["operating_support"]["decided_amount"] + \
            rows["activity_support"]["decided_amount"]
        assert abs(total - GRANT_TOTAL) <= GRANT_TOTAL // 100
        assert 0.45 <= rows["operating_support"]["decided_amount"] / total <= 0.49
    for grant in store.query("SELECT * FROM grants"):
        paid = store.scalar("SELECT sum(amount) FROM grant_payments WHERE grant_id = ?",
                            (grant["id"],))
        received = store.scalar("SELECT sum(amount) FROM cash_book_entries WHERE grant_id = ? "
                                "AND direction = 'income'", (grant["id"],))
        assert paid == received > 0
    settled = store.query("SELECT g.*, p.fund_code FROM grants g JOIN grant_programs p "
                          "ON p.id = g.program_id WHERE g.fiscal_year = 2025")
    refunds = {g["fund_code"]: g["refund_amount"] for g in settled}
    assert refunds["operating_support"] == 0 and 0 < refunds["activity_support"] < 300_000


def test_cash_book_size_dates_and_vouchers(demo):
    store, _summary = demo
    assert 550 <= store.scalar("SELECT count(*) FROM cash_book_entries "
                               "WHERE fiscal_year = 2025") <= 650
    assert 350 <= store.scalar("SELECT count(*) FROM cash_book_entries "
                               "WHERE fiscal_year = 2026") <= 450
    assert store.scalar("SELECT max(entry_date) FROM cash_book_entries") <= LAST_DAY
    rows = store.query("SELECT entry_date, fiscal_year, voucher_no, direction "
                       "FROM cash_book_entries")
    for row in rows:
        day = date.fromisoformat(row["entry_date"])
        assert row["fiscal_year"] == (day.year if day.month >= 4 else day.year - 1)
        assert re.fullmatch(r"R[78]-\d{4}", row["voucher_no"])
    vouchers = [r["voucher_no"] for r in rows]
    assert len(set(vouchers)) == len(vouchers)


def test_no_fund_is_ever_negative(demo):
    store, _summary = demo
    for year in (2025, 2026):
        balance = defaultdict(int)
        for row in store.query("SELECT fund_code, carried_in FROM opening_balances "
                               "WHERE fiscal_year = ?", (year,)):
            balance[row["fund_code"]] = row["carried_in"]
        by_day = defaultdict(list)
        for e in store.query("SELECT * FROM cash_book_entries WHERE fiscal_year = ?", (year,)):
            by_day[e["entry_date"]].append(e)
        for day in sorted(by_day):
            for e in by_day[day]:
                sign = 1 if e["direction"] == "income" else -1
                balance[e["fund_code"]] += sign * e["amount"]
            assert min(balance.values()) >= 0, (year, day, dict(balance))
        if year == 2025:  # a grant fund closes with its unspent grant, refunded after the 精算
            refunds = {r["fund_code"]: r["refund_amount"] for r in store.query(
                "SELECT p.fund_code, g.refund_amount FROM grants g JOIN grant_programs p "
                "ON p.id = g.program_id WHERE g.fiscal_year = 2025 AND g.settled_on IS NOT NULL")}
            assert balance["operating_support"] == refunds["operating_support"] == 0
            assert balance["activity_support"] == refunds["activity_support"] > 0


def test_spending_stays_within_budget(demo):
    store, _summary = demo
    rows = store.query(
        "SELECT b.fiscal_year, b.fund_code, b.expense_category_code AS category, "
        "coalesce(b.revised_budget, b.budget) AS budget, (SELECT sum(amount) FROM "
        "cash_book_entries e WHERE e.fiscal_year = b.fiscal_year AND e.fund_code = b.fund_code "
        "AND e.expense_category_code = b.expense_category_code) AS spent "
        "FROM budget_lines b WHERE b.direction = 'expense'")
    assert all((r["spent"] or 0) <= r["budget"] for r in rows), rows
    unbudgeted = store.scalar(
        "SELECT count(*) FROM cash_book_entries e WHERE direction = 'expense' AND NOT EXISTS "
        "(SELECT 1 FROM budget_lines b WHERE b.fiscal_year = e.fiscal_year AND b.fund_code = "
        "e.fund_code AND b.expense_category_code = e.expense_category_code)")
    assert unbudgeted == 0
    assert store.scalar("SELECT count(*) FROM budget_lines WHERE revised_budget IS NOT NULL") >= 2
    assert store.scalar("SELECT count(*) FROM budget_transfers WHERE fiscal_year = 2025") == 1


def test_grant_spending_is_eligible_under_the_city_preset(demo):
    store, _summary = demo
    from kyodo_desktop.services.council.presets import program_rules

    council = store.scalar("SELECT id FROM councils WHERE name = '湯田地域づくり協議会'")
    programs = program_rules(store, council)
    assert all(program_id is not None for program_id, _rules in programs.values())
    parents = dict(store.conn.execute("SELECT code, parent_code FROM expense_categories"))
    entries = store.query("SELECT * FROM cash_book_entries WHERE direction = 'expense' "
                          "AND fund_code IN ('operating_support', 'activity_support') "
                          "AND grant_id IS NULL")  # a 返還金 is not spending
    assert entries
    for e in entries:
        _id, rules = programs[e["fund_code"]]
        assert rules.allows(e["expense_category_code"], parents), e
        assert rules.ineligible_match(e["description"], e["payee"], e["memo"]) is None, e
        assert not any(word in e["description"] for word in INELIGIBLE)
    for row in store.query("SELECT rules FROM grant_programs WHERE city_preset <> ''"):  # the city's
        names = {rule["name"] for rule in json.loads(row["rules"])["ineligible"]}
        assert set(INELIGIBLE) <= names


def test_year_close_carries_into_2026_and_checks_pass(demo):
    store, _summary = demo
    from kyodo_desktop.services.backup.file_check import run_checks

    close = store.query("SELECT * FROM year_closes WHERE fiscal_year = 2025")[0]
    carried = json.loads(close["carried_out"])
    opening = {r["fund_code"]: r["carried_in"] for r in store.query(
        "SELECT * FROM opening_balances WHERE fiscal_year = 2026 AND source = 'year_close'")}
    assert opening == carried and carried["own_funds"] > 0
    assert store.query("SELECT audited_on FROM audits WHERE fiscal_year = 2025") == [
        {"audited_on": "2026-04-20"}]
    assert run_checks(store) == []


def test_same_seed_same_file_other_seed_other_people(template_db, tmp_path):
    dumps, people = [], []
    for name, seed in [("a.sqlite3", 7), ("b.sqlite3", 7), ("c.sqlite3", 8)]:
        with _open_copy(template_db, tmp_path, name) as opened:
            build_demo(opened, seed=seed)
            dumps.append(_dump(opened))
            people.append(dumps[-1]["people"])
    assert dumps[0] == dumps[1]
    assert people[0] != people[2]


def test_building_twice_is_refused(store):
    i18n.set_language("ja")
    build_demo(store)
    before = store.scalar("SELECT count(*) FROM people")
    with pytest.raises(UserError) as raised:
        build_demo(store)
    assert "協議会" in raised.value.message
    assert store.scalar("SELECT count(*) FROM people") == before


def test_progress_reports_japanese_steps(store):
    i18n.set_language("ja")
    calls = []
    build_demo(store, progress=lambda percent, label: calls.append((percent, label)))
    percents = [p for p, _label in calls]
    assert 3 <= len(calls) <= 10 and percents == sorted(percents) and percents[-1] == 100
    assert all(any(ord(ch) > 0x3000 for ch in label) for _p, label in calls)
