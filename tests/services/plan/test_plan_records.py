"""Plans, 年次計画, 数値目標, 評価 and 事業: the rules of the plan services."""

from __future__ import annotations

from datetime import date

import pytest

from kyodo_desktop.domain import wareki
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.services.plan import evaluation as plan_evaluation
from kyodo_desktop.services.plan import indicators as plan_indicators
from kyodo_desktop.services.plan import plans as plan
from kyodo_desktop.services.plan import projects
from kyodo_desktop.services.plan import schedule as plan_schedule
from kyodo_desktop.services.plan.common import parse_figure

# Plans -------------------------------------------------------------------------------------------

def test_first_plan_is_current_and_a_new_one_can_take_over(store, small):
    assert plan.current_plan_id(store, small["council"]) == small["plan"]
    newer, _c = plan.create_plan(store, small["council"], {
        "title": "第2次計画", "first_year": "R11", "last_year": 2033,
        "methods": "アンケート、座談会, アンケート", "adopted_on": "R11.3.20"}, make_current=True)
    assert plan.current_plan_id(store, small["council"]) == newer
    got = plan.get_plan(store, newer)
    assert got["first_year"] == 2029 and got["years"] == [2029, 2030, 2031, 2032, 2033]
    assert got["methods"] == ["アンケート", "座談会"]
    assert got["adopted_on"] == date(2029, 3, 20)
    assert not plan.get_plan(store, small["plan"])["is_current"]
    plan.set_current_plan(store, small["plan"])
    assert plan.current_plan_id(store, small["council"]) == small["plan"]


@pytest.mark.parametrize(("values", "field"), [
    ({"title": " "}, "title"),
    ({"last_year": 2020}, "last_year"),
    ({"last_year": 2050}, "last_year"),
    ({"first_year": "昔"}, "first_year"),
    ({"first_year": wareki.MIN_FISCAL_YEAR - 1}, "first_year"),
    ({"last_year": wareki.MAX_FISCAL_YEAR + 1}, "last_year"),
])
def test_bad_plan_values_are_refused(store, small, values, field):
    with pytest.raises(ValidationError) as raised:
        plan.update_plan(store, small["plan"], values)
    assert raised.value.field == field


def test_period_cannot_drop_years_with_schedule(store, small):
    plan_schedule.set_cell(store, small["a111"], 2028, "complete")
    with pytest.raises(ValidationError) as raised:
        plan.update_plan(store, small["plan"], {"last_year": 2027})
    assert raised.value.field == "last_year"
    plan.update_plan(store, small["plan"], {"last_year": 2029})
    assert plan.get_plan(store, small["plan"])["last_year"] == 2029


def test_delete_plan_keeps_projects_unlinked(demo_store, demo_ids):
    council_id, plan_id = demo_ids
    count = demo_store.scalar("SELECT count(*) FROM projects WHERE council_id = ?", (council_id,))
    plan.delete_plan(demo_store, plan_id)
    assert plan.list_plans(demo_store, council_id) == []
    assert demo_store.scalar("SELECT count(*) FROM projects WHERE council_id = ? "
                             "AND action_id IS NULL", (council_id,)) == count


# 年次計画 ---------------------------------------------------------------------------------------

def test_schedule_cells_are_set_cleared_and_parsed(store, small):
    plan_schedule.set_cell(store, small["a111"], 2024, "検討")
    plan_schedule.set_cell(store, small["a111"], 2025, "→")
    plan_schedule.set_cell(store, small["a111"], 2026, "見直し")
    grid = plan_schedule.schedule_grid(store, small["plan"])
    assert grid.years == [2024, 2025, 2026, 2027, 2028]
    row = grid.rows[0]
    assert (row.code, row.cells) == ("Ⅰ-(1)-①", {2024: "study", 2025: "continue",
                                                 2026: "revise"})
    plan_schedule.set_cell(store, small["a111"], 2025, "")
    assert plan_schedule.action_schedule(store, small["a111"]) == {2024: "study", 2026: "revise"}


def test_schedule_outside_the_period_or_unknown_status_is_refused(store, small):
    with pytest.raises(ValidationError):
        plan_schedule.set_cell(store, small["a111"], 2029, "implement")
    with pytest.raises(ValidationError):
        plan_schedule.set_cell(store, small["a111"], 2023, "implement")
    with pytest.raises(ValidationError):
        plan_schedule.set_cell(store, small["a111"], 2025, "たぶん")
    with pytest.raises(ValidationError):  # all or nothing
        plan_schedule.set_cells(store, [(small["a111"], 2025, "実施"),
                                        (small["a112"], 2030, "実施")])
    assert plan_schedule.action_schedule(store, small["a111"]) == {}


@pytest.mark.parametrize(("typed", "code"), [
    ("1", "study"), ("準備", "prepare"), ("実施", "implement"), ("->", "continue"),
    ("見直し・実施", "revise"), ("完了", "complete"), ("  ", None), ("ｃｏｍｐｌｅｔｅ", "complete")])
def test_parse_status(typed, code):
    assert plan_schedule.parse_status(typed) == code


# 数値目標 ---------------------------------------------------------------------------------------

def test_indicator_targets_actuals_and_progress(store, small):
    ind, _c = plan_indicators.add_indicator(store, small["plan"], {
        "name": "訓練参加者数", "unit": "人", "baseline_year": 2023, "baseline": "300人",
        "action_id": small["a111"]})
    mid, final = plan_indicators.milestone_years(plan.get_plan(store, small["plan"]))
    assert (mid, final) == (2026, 2028)
    plan_indicators.set_value(store, ind, mid, target="400")
    plan_indicators.set_value(store, ind, final, target="５００")
    plan_indicators.set_value(store, ind, 2024, actual="350")
    [got] = plan_indicators.list_indicators(store, small["plan"])
    assert got.targets == {2026: 400.0, 2028: 500.0}
    assert got.final_target == 500.0 and got.latest == (2024, 350.0)
    assert got.progress == pytest.approx(0.25)
    plan_indicators.set_value(store, ind, 2024, actual=None)
    assert plan_indicators.get_value(store, ind, 2024) == (None, None)


def test_indicator_year_outside_period_is_refused(store, small):
    ind, _c = plan_indicators.add_indicator(store, small["plan"], {"name": "加入率", "unit": "%"})
    with pytest.raises(ValidationError):
        plan_indicators.set_value(store, ind, 2030, target=90)
    with pytest.raises(ValidationError):
        plan_indicators.update_indicator(store, ind, {"baseline_year": 2029})
    plan_indicators.update_indicator(store, ind, {"baseline_year": 2022})  # before: fine
    with pytest.raises(ValidationError):
        plan_indicators.set_value(store, ind, 2025, actual="多い")


def test_progress_for_lower_is_better():
    assert plan_indicators.progress(48, 25, 39, higher_is_better=False) == pytest.approx(9 / 23)
    assert plan_indicators.progress(None, 4, 4) == 1.0
    assert plan_indicators.progress(10, 20, None) is None


@pytest.mark.parametrize(("typed", "value"), [
    ("45%", 45.0), ("１，４００", 1400.0), ("12.5", 12.5), ("", None), ("120人", 120.0)])
def test_parse_figure(typed, value):
    assert parse_figure(typed) == value


# 評価 ------------------------------------------------------------------------------------------

def test_evaluations_per_year_and_kind(store, small):
    plan_evaluation.set_evaluation(store, small["a111"], 2025, "self",
                                   {"rating": "b", "comment": "概ね予定どおり", "evaluator": "防災部会"})
    plan_evaluation.set_evaluation(store, small["a111"], 2025, "third_party", {"rating": "C"})
    plan_evaluation.set_evaluation(store, small["a111"], 2026, "self", {"rating": "A"})
    rows = {r.code: r for r in plan_evaluation.year_evaluations(store, small["plan"], 2025)}
    assert rows["Ⅰ-(1)-①"].evaluations["self"]["rating"] == "B"
    assert rows["Ⅰ-(1)-①"].evaluations["third_party"]["rating"] == "C"
    assert rows["Ⅰ-(1)-②"].evaluations == {}
    counts = plan_evaluation.rating_counts(store, small["plan"], 2025)
    assert counts["B"] == 1 and counts[""] == 4
    with pytest.raises(ValidationError):
        plan_evaluation.set_evaluation(store, small["a111"], 2030, "self", {"rating": "A"})
    with pytest.raises(ValidationError):
        plan_evaluation.set_evaluation(store, small["a111"], 2025, "self", {"rating": "Z"})


def test_council_rating_preset(store, small):
    plan_evaluation.set_rating_scale(store, small["council"], {"◎": "順調", "○": "概ね順調",
                                                               "△": "遅れ"})
    assert list(plan_evaluation.rating_scale(store, small["council"])) == ["◎", "○", "△"]
    plan_evaluation.set_evaluation(store, small["a111"], 2025, "self", {"rating": "△"})
    with pytest.raises(ValidationError):
        plan_evaluation.set_evaluation(store, small["a111"], 2025, "self", {"rating": "A"})
    plan_evaluation.set_rating_scale(store, small["council"], None)
    assert plan_evaluation.rating_scale(store, small["council"])["A"] == "達成"


def test_review_feeds_next_years_schedule(store, small):
    plan_schedule.set_cells(store, [(small["a111"], 2026, "continue"),
                                    (small["a112"], 2026, "complete")])
    plan_evaluation.set_evaluation(store, small["a111"], 2025, "self",
                                   {"rating": "D", "next_step": "時期を変える"})
    plan_evaluation.set_evaluation(store, small["a112"], 2025, "self", {"rating": "C"})
    plan_evaluation.set_evaluation(store, small["a113"], 2025, "self", {"rating": "A"})
    review = plan_evaluation.review_for_next_year(store, small["plan"], 2025)
    assert [(r["action_id"], r["rating"], r["next_step"]) for r in review] == [
        (small["a111"], "D", "時期を変える"), (small["a112"], "C", "")]
    plan_evaluation.apply_review(store, small["plan"], 2025)
    assert plan_schedule.action_schedule(store, small["a111"])[2026] == "revise"
    assert plan_schedule.action_schedule(store, small["a112"])[2026] == "complete"
    with pytest.raises(ValidationError):
        plan_evaluation.apply_review(store, small["plan"], 2028)


# 事業 ------------------------------------------------------------------------------------------

def test_projects_link_actions_and_subcommittees(store, small):
    with store.transaction() as db:
        sub = db["subcommittees"].insert({"council_id": small["council"], "name": "防災部会"}).last_pk
    pid, _c = projects.create_project(store, small["council"], 2025, {
        "name": "防災訓練", "action_id": small["a111"], "subcommittee_id": sub,
        "starts_on": "R7.11.8", "expected_participants": "400人", "budget": "150,000"})
    got = projects.get_project(store, pid)
    assert got["action_code"] == "Ⅰ-(1)-①" and got["subcommittee_name"] == "防災部会"
    assert got["starts_on"] == date(2025, 11, 8) and got["budget"] == 150000
    assert got["expected_participants"] == 400 and got["actual_cost"] == 0
    assert [p["id"] for p in projects.list_projects(store, small["council"], 2025,
                                                    action_id=small["a111"])] == [pid]


@pytest.mark.parametrize(("values", "field"), [
    ({"name": ""}, "name"),
    ({"name": "x", "starts_on": "2026-04-01"}, "starts_on"),
    ({"name": "x", "starts_on": "2025-06-01", "ends_on": "2025-05-01"}, "ends_on"),
    ({"name": "x", "budget": -5}, "budget"),
    ({"name": "x", "actual_participants": "たくさん"}, "actual_participants"),
    ({"name": "x", "collaboration_form": "magic"}, "collaboration_form"),
])
def test_bad_projects_are_refused(store, small, values, field):
    with pytest.raises(ValidationError) as raised:
        projects.create_project(store, small["council"], 2025, values)
    assert raised.value.field == field


def test_project_of_another_councils_action_is_refused(demo_store, demo_ids):
    council_id, plan_id = demo_ids
    other = demo_store.scalar("SELECT id FROM councils WHERE id <> ? LIMIT 1", (council_id,))
    action = demo_store.scalar("SELECT id FROM plan_actions LIMIT 1")
    with pytest.raises(ValidationError):
        projects.create_project(demo_store, other, 2025, {"name": "x", "action_id": action})


def test_demo_projects_point_at_plan_actions_and_costs_come_from_the_cash_book(
        demo_store, demo_ids):
    council_id, _plan = demo_ids
    for year in (2025, 2026):
        rows = projects.list_projects(demo_store, council_id, year)
        assert rows and all(r["action_code"] and r["subcommittee_name"] for r in rows)
    rows = projects.list_projects(demo_store, council_id, 2025)
    expected = demo_store.scalar(
        "SELECT sum(amount) FROM cash_book_entries WHERE project_id = ? AND direction = 'expense'",
        (rows[0]["id"],))
    assert rows[0]["actual_cost"] == expected > 0
