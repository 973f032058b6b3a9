"""The 年度報告ファイル: only a closed year, sealed, no contact data, the figures of the forms."""

from __future__ import annotations

import json
import re
from datetime import datetime

import pytest

from kyodo_desktop.errors import UserError
from kyodo_desktop.services.city import seal
from kyodo_desktop.services.city.annual_return import build_return
from kyodo_desktop.services.forms.common import Gate
from kyodo_desktop.services.forms.results import performance_report_data, settlement_data
from kyodo_desktop.store import audit

YUDA = "湯田地域づくり協議会"


def _yuda(store) -> int:
    return store.scalar("SELECT id FROM councils WHERE name = ?", (YUDA,))


def test_open_year_is_refused_with_how_to_close_it(demo_store):
    with pytest.raises(UserError, match="年度締め"):
        build_return(demo_store, _yuda(demo_store), 2026)


def test_return_is_canonical_and_sealed_with_the_closing_audit_head(demo_store, yuda_return):
    document = json.loads(yuda_return)
    assert seal.canonical_bytes(document) == yuda_return
    assert seal.seal_matches(document)
    close_id = demo_store.scalar("SELECT id FROM year_closes WHERE council_id = ? AND "
                                 "fiscal_year = 2025", (_yuda(demo_store),))
    head = demo_store.scalar("SELECT hash FROM audit_log WHERE table_name = 'year_closes' "
                             "AND row_key = ? ORDER BY id DESC", (str(close_id),))
    assert document["seal"]["audit_head"] == head
    assert document["manifest"] | {"source_file": ""} == {
        "council": YUDA, "district": "湯田", "fiscal_year": 2025,
        "closed_at": "2026-04-15T16:30:00", "created_at": "2026-11-21T09:00:00",
        "app_version": document["manifest"]["app_version"], "source_file": "",
        "sections": ["profile", "organizations", "roster", "officers", "plan", "projects",
                     "collaboration", "budget", "cash_book", "grants", "review", "summary"]}


def test_a_later_change_to_the_log_after_closing_does_not_move_the_head(demo_store):
    council = _yuda(demo_store)
    first = json.loads(build_return(demo_store, council, 2025, now=datetime(2026, 11, 21)))
    with demo_store.transaction() as db:  # an entry in the open year appends to the log
        audit.record(db, "cash_book_entries", "999999", "insert", None, {"id": 999999})
    second = json.loads(build_return(demo_store, council, 2025, now=datetime(2026, 11, 21)))
    assert first == second


def test_a_damaged_change_history_is_refused(demo_store):
    demo_store.conn.execute("UPDATE audit_log SET actor = 'someone' WHERE id = 3")
    with pytest.raises(UserError, match="change history|変更履歴"):
        build_return(demo_store, _yuda(demo_store), 2025)


def test_grants_equal_the_settlement_and_performance_report(demo_store, yuda_return):
    grants = json.loads(yuda_return)["content"]["grants"]
    council = _yuda(demo_store)
    settlement = settlement_data(demo_store, council, 2025, Gate())
    report = performance_report_data(demo_store, council, 2025, Gate())
    assert [(g["program"], (g["in_force"], g["received"], g["eligible"], g["refund_amount"],
                            g["carried_forward_amount"])) for g in grants] == [
        (r.label, r.amounts) for r in settlement.rows[:-1]]
    assert [(g["in_force"], g["received"], g["eligible"]) for g in grants] == [
        r.amounts for r in report.rows]
    summary = json.loads(yuda_return)["content"]["summary"]
    assert summary["refund_amount"] == settlement.amount > 0
    assert summary["decided_amount"] == settlement.rows[-1].amounts[0]


def test_no_phone_number_address_or_email_of_the_demo_is_in_the_return(demo_store,
                                                                        yuda_return):
    text = yuda_return.decode("utf-8")
    secrets = set()
    for table, columns in {"people": ("phone", "address", "email"),
                           "councils": ("phone", "fax", "address", "email", "contact_phone",
                                        "contact_email", "postal_code"),
                           "member_organizations": ("phone", "address", "email"),
                           "community_centers": ("phone", "fax", "address", "email",
                                                 "postal_code")}.items():
        present = {r["name"] for r in demo_store.query(f"PRAGMA table_info({table})")}
        for column in columns:
            if column in present:
                secrets |= {r[0] for r in demo_store.conn.execute(
                    f"SELECT {column} FROM {table} WHERE coalesce({column}, '') <> ''")}
    assert len(secrets) > 50
    assert [s for s in secrets if s in text] == []
    assert not re.search(r"\d{2,4}-\d{2,4}-\d{4}", text)
    assert "@" not in text


def test_officers_carry_names_and_roles_only(yuda_return):
    officers = json.loads(yuda_return)["content"]["officers"]
    assert officers and all(set(o) == {"name", "role", "role_name"} for o in officers)
    assert [o["role_name"] for o in officers if o["role"] == "president"] == ["会長"]


def test_content_carries_every_section_from_the_one_source(demo_store, yuda_return):
    from kyodo_desktop.services.accounting import figures
    from kyodo_desktop.services.roster.totals import roster_totals

    content = json.loads(yuda_return)["content"]
    council = _yuda(demo_store)
    totals = roster_totals(demo_store, council, 2025)
    assert (content["roster"]["households"], content["roster"]["member_households"]) == (
        totals.households, totals.member_households) == (11293, 9087)
    actuals = figures.category_actuals(demo_store, council, 2025)
    assert {(c["fund"], c["direction"], c["category"]): c["amount"]
            for c in content["cash_book"]["categories"]} == actuals
    costs = figures.project_costs(demo_store, council, 2025)
    assert sum(p["actual"] for p in content["projects"]) == sum(costs.values())
    assert len(content["projects"]) == content["summary"]["projects"] == 20
    plan = content["plan"]
    assert plan["actions"] and all(a["code"] for a in plan["actions"])
    assert any(a["status"] for a in plan["actions"])
    assert content["summary"]["indicators_judged"] == sum(
        i["achieved"] is not None for i in plan["indicators"]) > 0
    balances = figures.fund_balances(demo_store, council, 2025)
    budget = {b["fund"]: b["carried_out"] for b in content["budget"]}
    assert budget == {fund: balance for fund, balance in balances.items() if fund in budget}
    # a fund left out is the council's own fund without entries that year: nothing is lost
    assert {balance for fund, balance in balances.items() if fund not in budget} <= {0}
    assert {"operating_support", "activity_support", "own_funds"} <= set(budget)


def test_every_project_carries_its_collaboration(yuda_return):
    content = json.loads(yuda_return)["content"]
    collaboration = content["collaboration"]
    assert sorted(c["name"] for c in collaboration) == sorted(p["name"] for p in content["projects"])
    assert all(c["forms"] and c["partners"] for c in collaboration)
    assert all(set(c["reviews"]) == {"equality", "mutual_understanding", "shared_purpose",
                                     "autonomy", "transparency", "roles", "evaluation"}
               for c in collaboration)  # every 令和7年度 event was held and reviewed
