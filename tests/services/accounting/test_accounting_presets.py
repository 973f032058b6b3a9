"""City presets: loading, validation, installing programmes, the council's preset."""

from __future__ import annotations

import json

import pytest

from kyodo_desktop.errors import UserError
from kyodo_desktop.resources import resource_path
from kyodo_desktop.services.council import presets
from kyodo_desktop.store import audit


def _yamaguchi() -> dict:
    return json.loads(resource_path("presets", "yamaguchi.json").read_text(encoding="utf-8"))


def test_the_yamaguchi_preset_is_valid_against_the_schema(store):
    funds = {r["code"] for r in store.query("SELECT code FROM funds")}
    expense = {r["code"] for r in store.query("SELECT code FROM expense_categories")}
    assert presets.preset_problems(_yamaguchi(), funds, expense) == []
    preset = presets.load_preset("yamaguchi")
    assert preset.addressee == "山口市長 様" and preset.city == "山口市"
    assert preset.forms["grant_application"]["form_no"] == "様式第1号"
    assert preset.forms["settlement"]["form_no"] == "様式第5号"
    assert {p.fund_code for p in preset.programs} == {"operating_support", "activity_support"}
    assert not any(p.allows_carry_forward for p in preset.programs)
    assert {"yamaguchi"} <= {p["code"] for p in presets.list_presets()}


@pytest.mark.parametrize("change, fragment", [
    (lambda d: d.pop("addressee"), "addressee"),
    (lambda d: d["forms"].pop("change_request"), "change_request"),
    (lambda d: d["programs"][0].update(fund="nope"), "unknown fund"),
    (lambda d: d["programs"][1]["allowed_expense_categories"].append("beer"), "beer"),
    (lambda d: d["programs"][1].update(code=d["programs"][0]["code"]), "twice"),
    (lambda d: d["programs"][0]["formula"].update(base="2,000,000"), "base"),
    (lambda d: d.update(programs=[]), "at least one"),
])
def test_preset_problems_name_what_is_wrong(store, change, fragment):
    data = _yamaguchi()
    change(data)
    funds = {r["code"] for r in store.query("SELECT code FROM funds")}
    expense = {r["code"] for r in store.query("SELECT code FROM expense_categories")}
    problems = presets.preset_problems(data, funds, expense)
    assert problems and any(fragment in p for p in problems)


def test_an_unknown_preset_is_a_user_error():
    with pytest.raises(UserError) as caught:
        presets.load_preset("atlantis")
    assert "atlantis" in caught.value.message
    with pytest.raises(UserError):
        presets.load_preset("../yamaguchi")


def _change_programs(store, **values) -> None:
    """Change every installed programme as the app does (through the change log)."""
    with store.transaction() as db:
        for program_id, in db.execute("SELECT id FROM grant_programs").fetchall():
            audit.update_row(db, "grant_programs", {"id": program_id}, values)


def test_install_is_idempotent_and_updates_in_place(store):
    first = presets.install_programs(store, "yamaguchi")
    _change_programs(store, name="古い名前", rules="{}")
    assert presets.install_programs(store, "yamaguchi") == first
    assert audit.verify_covered_rows(store) == [] and audit.verify_chain(store) == []
    rows = store.query("SELECT code, name, fund_code, rules FROM grant_programs ORDER BY id")
    assert [r["code"] for r in rows] == ["yamaguchi_operating_support",
                                         "yamaguchi_activity_support"]
    assert rows[0]["name"] == "地域づくり運営支援交付金"
    assert json.loads(rows[1]["rules"])["caps"] == [{"expense_category": "food",
                                                     "max_percent": 10}]


def test_program_rules_fall_back_to_the_preset_for_empty_stored_rules(store, council):
    _change_programs(store, rules="{}")
    rules = presets.program_rules(store, council)
    assert rules["activity_support"][1].name == "地域づくり活動支援交付金"
    assert rules["activity_support"][0] is not None
    assert "own_funds" not in rules


def test_preset_for_council_reads_city_preset(store, council):
    assert presets.preset_for_council(store, council).code == "yamaguchi"
    store.conn.execute("UPDATE councils SET city_preset = 'atlantis' WHERE id = ?", (council,))
    with pytest.raises(UserError):
        presets.preset_for_council(store, council)
    with pytest.raises(UserError):
        presets.preset_for_council(store, 98765)
