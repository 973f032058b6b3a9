"""Plan structure: 整理番号 follow the order on insert, move and delete; undo snapshots."""

from __future__ import annotations

import pytest

from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.services.changes import undo, undoable
from kyodo_desktop.services.plan import schedule as plan_schedule
from kyodo_desktop.services.plan import structure as ps


def codes(store, plan_id):
    return {a.title: a.code for g in ps.plan_tree(store, plan_id) for m in g.children
            for a in m.children}


def positions_are_dense(store):
    for table, parent in (("plan_goals", "plan_id"), ("plan_measures", "goal_id"),
                          ("plan_actions", "measure_id")):
        for row in store.query(f"SELECT {parent} AS p, group_concat(position) AS ps "
                               f"FROM (SELECT * FROM {table} ORDER BY position) GROUP BY {parent}"):
            numbers = [int(n) for n in row["ps"].split(",")]
            assert numbers == list(range(1, len(numbers) + 1)), (table, row)


def test_codes_of_a_new_plan(store, small):
    assert codes(store, small["plan"]) == {
        "防災訓練": "Ⅰ-(1)-①", "防災マップ": "Ⅰ-(1)-②", "自主防災組織": "Ⅰ-(1)-③",
        "パトロール": "Ⅰ-(2)-①", "ウォーキング": "Ⅱ-(1)-①"}
    tree = ps.plan_tree(store, small["plan"])
    assert [g.numeral for g in tree] == ["Ⅰ", "Ⅱ"]
    assert tree[0].children[1].code == "Ⅰ-(2)"


def test_insert_at_a_position_renumbers_the_later_siblings(store, small):
    ps.add_item(store, "action", small["m11"], "避難所運営", position=2)
    assert codes(store, small["plan"])["避難所運営"] == "Ⅰ-(1)-②"
    assert codes(store, small["plan"])["防災マップ"] == "Ⅰ-(1)-③"
    assert codes(store, small["plan"])["自主防災組織"] == "Ⅰ-(1)-④"
    positions_are_dense(store)


def test_insert_a_goal_first_shifts_every_code_below(store, small):
    ps.add_item(store, "goal", small["plan"], "まちの魅力", position=1)
    found = codes(store, small["plan"])
    assert found["防災訓練"] == "Ⅱ-(1)-①"
    assert found["ウォーキング"] == "Ⅲ-(1)-①"


def test_move_within_a_measure(store, small):
    ps.move_item(store, "action", small["a113"], small["m11"], 1)
    found = codes(store, small["plan"])
    assert (found["自主防災組織"], found["防災訓練"], found["防災マップ"]) == (
        "Ⅰ-(1)-①", "Ⅰ-(1)-②", "Ⅰ-(1)-③")
    positions_are_dense(store)


def test_move_to_another_measure_renumbers_both(store, small):
    ps.move_item(store, "action", small["a111"], small["m21"], 99)
    found = codes(store, small["plan"])
    assert found["防災訓練"] == "Ⅱ-(1)-②"
    assert found["防災マップ"] == "Ⅰ-(1)-①"
    assert found["自主防災組織"] == "Ⅰ-(1)-②"
    positions_are_dense(store)


def test_move_a_measure_carries_its_actions(store, small):
    ps.move_item(store, "measure", small["m12"], small["g2"], 1)
    found = codes(store, small["plan"])
    assert found["パトロール"] == "Ⅱ-(1)-①"
    assert found["ウォーキング"] == "Ⅱ-(2)-①"


def test_delete_renumbers_and_removes_children(store, small):
    plan_schedule.set_cell(store, small["a112"], 2025, "implement")
    ps.delete_item(store, "action", small["a111"])
    found = codes(store, small["plan"])
    assert "防災訓練" not in found and found["防災マップ"] == "Ⅰ-(1)-①"
    ps.delete_item(store, "goal", small["g1"])
    assert codes(store, small["plan"]) == {"ウォーキング": "Ⅰ-(1)-①"}
    assert store.scalar("SELECT count(*) FROM yearly_schedule") == 0
    positions_are_dense(store)


def test_move_into_another_plan_is_refused(store, small):
    from kyodo_desktop.services.plan import plans as plan

    other, _c = plan.create_plan(store, small["council"], {
        "title": "次期計画", "first_year": 2029, "last_year": 2033})
    goal, _c = ps.add_item(store, "goal", other, "別の目標")
    with pytest.raises(UserError):
        ps.move_item(store, "measure", small["m11"], goal, 1)


def test_action_fields_and_targets(store, small):
    ps.update_action(store, small["a111"], {
        "purpose": " 命を守る ", "content": "年1回\n合同で行う", "targets": ["schools", "citizens"],
        "responsible_text": "防災部会・消防団"})
    action = ps.get_action(store, small["a111"])
    assert action["purpose"] == "命を守る"
    assert action["content"] == "年1回\n合同で行う"
    assert action["targets"] == ["citizens", "schools"]  # the seed's column order
    assert action["responsible"] == "防災部会・消防団" and action["code"] == "Ⅰ-(1)-①"
    with pytest.raises(ValidationError):
        ps.update_action(store, small["a111"], {"targets": ["aliens"]})
    with pytest.raises(ValidationError):
        ps.update_action(store, small["a111"], {"title": "  "})


def test_responsible_must_be_of_the_council(demo_store, demo_ids, store, small):
    other_sub = demo_store.scalar("SELECT id FROM subcommittees LIMIT 1")
    assert other_sub is not None
    with store.transaction() as db:
        mine = db["subcommittees"].insert({"council_id": small["council"], "name": "防災部会"}).last_pk
    ps.update_action(store, small["a111"], {"responsible_subcommittee_id": mine})
    assert ps.get_action(store, small["a111"])["responsible"] == "防災部会"
    with pytest.raises(ValidationError):
        ps.update_action(store, small["a111"], {"responsible_subcommittee_id": mine + 100})


def test_undo_of_a_delete_puts_back_the_same_ids_and_links(demo_store, demo_ids):
    council_id, plan_id = demo_ids
    tree = ps.plan_tree(demo_store, plan_id)
    measure = tree[3].children[2]  # Ⅳ-(3): 広報誌 is linked to projects
    before = codes(demo_store, plan_id)
    linked = demo_store.scalar("SELECT count(*) FROM projects WHERE action_id IN "
                               f"({','.join(str(a.id) for a in measure.children)})")
    assert linked > 0
    done = undoable(demo_store, lambda: ps.delete_item(demo_store, "measure", measure.id))
    assert "Ⅳ-(3)-①" not in codes(demo_store, plan_id).values()
    undo(demo_store, done)
    assert codes(demo_store, plan_id) == before
    assert demo_store.scalar("SELECT count(*) FROM projects WHERE action_id IN "
                             f"({','.join(str(a.id) for a in measure.children)})") == linked
