"""Demo step 4: 第2次湯田地域づくり計画 (令和6〜10年度) with goals, measures, actions and the PDS.

The text is in ``resources/demo/plan.json``. Every action gets a 年次計画 cell for 2024–2028, 1–4
対象; indicators have a 現状値 of 2023, 目標値 for every year (2026 中間 and 2028 最終 as given,
the others on the line between) and 実績値 for 2024 and 2025 (2025's, for people counted at 事業,
equal to the 事業実績's participants: :func:`match_indicator_results`). Evaluations: 自己評価 of every action for 2024 and 2025, 相互評価 of some, 第三者評価 of
a few (2025). ``ctx.refs["action:g-m-a"]`` gives the id of action ①… of goal g, measure m.
"""

from __future__ import annotations

import json

from kyodo_desktop.demo.common import CLOSED_YEAR, DemoContext, load

EVALUATED_YEARS = (2024, 2025)
MUTUAL_PER_YEAR = 6
THIRD_PARTY_COUNT = 4
_EARLY = ("study", "prepare")


def build_plan(ctx: DemoContext) -> None:
    """Write community_plans and everything below it; count ``plan_actions``."""
    plan = load("plan")
    plan_id = ctx.new_id("community_plans")
    ctx.insert("community_plans", [{
        "id": plan_id, "council_id": ctx.council_id, "title": plan["title"],
        "first_year": plan["first_year"], "last_year": plan["last_year"],
        "vision": plan["vision"], "current_state": plan["current_state"],
        "strengths": plan["strengths"], "issues": plan["issues"],
        "adopted_on": plan["adopted_on"],
        "methods": json.dumps(plan["methods"], ensure_ascii=False), "is_current": 1,
        "notes": plan["notes"]}])
    years = list(range(plan["first_year"], plan["last_year"] + 1))
    goals, measures, actions, targets, schedule = [], [], [], [], []
    for g, goal in enumerate(plan["goals"], start=1):
        goal_id = ctx.new_id("plan_goals")
        goals.append({"id": goal_id, "plan_id": plan_id, "position": g, "title": goal["title"],
                      "description": goal["description"]})
        for m, measure in enumerate(goal["measures"], start=1):
            measure_id = ctx.new_id("plan_measures")
            measures.append({"id": measure_id, "goal_id": goal_id, "position": m,
                             "title": measure["title"], "description": measure["description"]})
            for a, action in enumerate(measure["actions"], start=1):
                action_id = ctx.new_id("plan_actions")
                ctx.refs[f"action:{g}-{m}-{a}"] = action_id
                actions.append(_action_row(ctx, action_id, measure_id, a, action))
                targets += [{"action_id": action_id, "target": t} for t in action["targets"]]
                schedule += [{"action_id": action_id, "fiscal_year": y, "status": s}
                             for y, s in zip(years, action["schedule"], strict=True)]
    ctx.insert("plan_goals", goals)
    ctx.insert("plan_measures", measures)
    ctx.counts["plan_actions"] = ctx.insert("plan_actions", actions)
    ctx.insert("plan_action_targets", targets)
    ctx.insert("yearly_schedule", schedule)
    _indicators(ctx, plan_id, plan["indicators"], plan["first_year"], plan["last_year"])
    _evaluations(ctx, plan, actions, {(r["action_id"], r["fiscal_year"]): r["status"]
                                      for r in schedule})


def _action_row(ctx: DemoContext, action_id: int, measure_id: int, position: int,
                action: dict) -> dict:
    organization = action.get("organization")
    return {"id": action_id, "measure_id": measure_id, "position": position,
            "title": action["title"], "purpose": action["purpose"],
            "current_state": action["current_state"], "content": action["content"],
            "completion_criterion": action["completion_criterion"],
            "responsible_subcommittee_id": ctx.refs[f"sub:{action['subcommittee']}"],
            "responsible_organization_id": ctx.refs[f"org:{organization}"]
            if organization else None,
            "responsible_text": action["text"]}


def _indicators(ctx: DemoContext, plan_id: int, specs: list[dict], first: int,
                last: int) -> None:
    """数値目標 with a 目標値 for every 年度 ``first`` … ``last`` of the plan; 自治会加入率's figures
    come from the demo's own 世帯数 (as of 4月1日)."""
    rows, values = [], []
    for position, spec in enumerate(specs, start=1):
        indicator_id = ctx.new_id("indicators")
        baseline, actuals = spec["baseline"], {int(y): v for y, v in spec["actuals"].items()}
        if spec["unit"] == "%":
            rate = round(100 * ctx.refs[f"members:{CLOSED_YEAR}"]
                         / ctx.counts["households"][CLOSED_YEAR], 1)
            actuals = {2024: round(rate + 0.7, 1), 2025: rate}
            baseline = round(rate + 1.4, 1)
        action = spec["action"]
        rows.append({"id": indicator_id, "plan_id": plan_id,
                     "action_id": ctx.refs["action:{}-{}-{}".format(*action)] if action else None,
                     "position": position, "name": spec["name"], "unit": spec["unit"],
                     "baseline_year": 2023, "baseline": float(baseline),
                     "higher_is_better": 1 if spec.get("higher_is_better", True) else 0})
        targets = yearly_targets({int(y): v for y, v in spec["targets"].items()},
                                 2023, baseline, range(first, last + 1), spec["unit"])
        for year in sorted(set(targets) | set(actuals)):
            values.append({"indicator_id": indicator_id, "fiscal_year": year,
                           "target": _real(targets.get(year)), "actual": _real(actuals.get(year))})
    ctx.counts["indicators"] = ctx.insert("indicators", rows)
    ctx.insert("indicator_values", values)


def yearly_targets(given: dict[int, float], base_year: int, baseline: float,
                   years: range, unit: str) -> dict[int, float]:
    """目標値 for every year of ``years``: the ``given`` ones, the others on the straight line
    from the 現状値 (``baseline`` of ``base_year``) through the given ones; rounded to 0.1 for
    %, to whole numbers otherwise."""
    points = sorted({base_year: baseline, **given}.items())
    result = {}
    for year in years:
        if year in given:
            result[year] = given[year]
            continue
        low = max((p for p in points if p[0] < year), default=points[0])
        high = min((p for p in points if p[0] > year), default=points[-1])
        share = 0 if high[0] == low[0] else (year - low[0]) / (high[0] - low[0])
        value = low[1] + (high[1] - low[1]) * share
        result[year] = round(value, 1) if unit == "%" else round(value)
    return result


def match_indicator_results(ctx: DemoContext, year: int) -> None:
    """The 実績値 of year ``year`` of every indicator counted in people (人) whose 推進項目 has
    事業 with actual participants becomes their sum: the 評価シート and the 事業実績書 report
    the same people."""
    ctx.db.execute(
        "UPDATE indicator_values SET actual = (SELECT sum(p.actual_participants) FROM projects p "
        "JOIN indicators i ON i.action_id = p.action_id WHERE i.id = indicator_values.indicator_id "
        "AND p.fiscal_year = indicator_values.fiscal_year) "
        "WHERE fiscal_year = ? AND actual IS NOT NULL AND indicator_id IN (SELECT i.id FROM "
        "indicators i JOIN projects p ON p.action_id = i.action_id WHERE i.unit = '人' AND "
        "p.fiscal_year = ? AND p.actual_participants IS NOT NULL)", (year, year))


def _real(value: float | None) -> float | None:
    return None if value is None else float(value)


def _rating(ctx: DemoContext, status: str) -> str:
    weights = (1, 5, 4, 0) if status in _EARLY else (9, 9, 2, 0)
    if ctx.rng.random() < 0.02:
        return "D"
    return ctx.rng.choices("ABCD", weights=weights)[0]


def _evaluations(ctx: DemoContext, plan: dict, actions: list[dict],
                 status: dict[tuple[int, int], str]) -> None:
    rng, texts, steps = ctx.rng, plan["evaluation_texts"], plan["next_steps"]
    subcommittee_names = {v: k[4:] for k, v in sorted(ctx.refs.items()) if k.startswith("sub:")}
    rows = []

    def add(action: dict, year: int, kind: str, evaluator: str, on: str) -> None:
        rating = _rating(ctx, status[(action["id"], year)])
        rows.append({"id": ctx.new_id("evaluations"), "action_id": action["id"],
                     "fiscal_year": year, "evaluator_kind": kind, "rating": rating,
                     "comment": rng.choice(texts[rating]), "next_step": rng.choice(steps[rating]),
                     "evaluator": evaluator, "evaluated_on": on})

    for year in EVALUATED_YEARS:
        for action in actions:
            add(action, year, "self", subcommittee_names[action["responsible_subcommittee_id"]],
                f"{year + 1}-03-{rng.randint(10, 20):02d}")
        for action in sorted(rng.sample(actions, MUTUAL_PER_YEAR), key=lambda a: a["id"]):
            add(action, year, "mutual", "部会長会議（相互評価）", f"{year + 1}-04-{rng.randint(18, 26)}")
    for action in sorted(rng.sample(actions, THIRD_PARTY_COUNT), key=lambda a: a["id"]):
        add(action, CLOSED_YEAR, "third_party", "湯田地域づくり評価委員会（学識経験者・市職員）",
            f"{CLOSED_YEAR + 1}-06-{rng.randint(10, 20)}")
    ctx.counts["evaluations"] = ctx.insert("evaluations", rows)
