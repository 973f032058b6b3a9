"""評価 (PDS の See): per action per 年度 a rating, comments, the 見直し for next year and who
evaluated — 自己評価 ``self``, 相互評価 ``mutual``, 第三者評価 ``third_party`` (seed 001 第5章4).

The rating scale is A 達成 / B 概ね達成 / C 一部未達 / D 未着手 unless the council chose its own
preset (stored in ``settings``, scope ``council:<id>``, key ``plan.rating_scale``). The year's
evaluation feeds the next year's plan: :func:`review_for_next_year` lists the actions rated
C or D (or with a 見直し written) and :func:`apply_review` marks them 見直し・実施 next year.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from kyodo_desktop.domain import labels
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.services.plan.common import (
    clean_date,
    clean_text,
    plan_changed,
    plan_of,
    require_plan,
    require_year_in_plan,
)
from kyodo_desktop.services.plan.rows import ActionEvaluation, NextYearReview
from kyodo_desktop.services.plan.schedule import schedule_grid, set_cells
from kyodo_desktop.store import Store

KINDS = tuple(labels.EVALUATOR_KIND_LABELS)
EVALUATION_FIELDS = ("rating", "comment", "next_step", "evaluator", "evaluated_on")
SCALE_KEY = "plan.rating_scale"
#: Ratings that call for 見直し next year on the default scale.
NEEDS_REVIEW = ("C", "D")


@dataclass
class EvaluationRow:
    """One action in a year's 評価シート: ``status`` its 年次計画 that year (code or None) and
    ``evaluations`` ``{kind: dict of EVALUATION_FIELDS}`` for the kinds entered."""

    action_id: int
    code: str
    title: str
    status: str | None
    evaluations: dict[str, dict] = field(default_factory=dict)


def rating_scale(store: Store, council_id: int) -> dict[str, str]:
    """``{rating code: label}`` of the council (default A 達成 … D 未着手)."""
    raw = store.scalar("SELECT value FROM settings WHERE scope = ? AND key = ?",
                       (f"council:{council_id}", SCALE_KEY))
    try:
        pairs = json.loads(raw) if raw else None
        scale = {str(code): str(label) for code, label in pairs} if pairs else {}
    except (ValueError, TypeError):
        scale = {}
    return scale or dict(labels.RATING_LABELS)


def set_rating_scale(store: Store, council_id: int, scale: dict[str, str] | None) -> Changes:
    """Store the council's own scale ``{code: label}`` (None = back to A–D)."""
    key = (f"council:{council_id}", SCALE_KEY)
    with store.transaction() as db:
        db.execute("DELETE FROM settings WHERE scope = ? AND key = ?", key)
        if scale:
            pairs = [[clean_text(c), clean_text(lbl)] for c, lbl in scale.items() if clean_text(c)]
            if not pairs:
                raise ValidationError(_("Give at least one rating."), field="rating")
            db["settings"].insert({"scope": key[0], "key": key[1],
                                   "value": json.dumps(pairs, ensure_ascii=False)})
    return plan_changed(council_id)


def year_evaluations(store: Store, plan_id: int, fiscal_year: int) -> list[EvaluationRow]:
    """Every action of the plan (in code order) with its evaluations of ``fiscal_year``."""
    grid = schedule_grid(store, plan_id)
    found: dict[int, dict[str, dict]] = {}
    for r in store.query(
            "SELECT e.* FROM evaluations e JOIN plan_actions a ON a.id = e.action_id "
            "JOIN plan_measures m ON m.id = a.measure_id JOIN plan_goals g ON g.id = m.goal_id "
            "WHERE g.plan_id = ? AND e.fiscal_year = ?", (plan_id, fiscal_year)):
        found.setdefault(r["action_id"], {})[r["evaluator_kind"]] = {
            k: r[k] for k in EVALUATION_FIELDS}
    return [EvaluationRow(row.action_id, row.code, row.title, row.cells.get(fiscal_year),
                          found.get(row.action_id, {})) for row in grid.rows]


def set_evaluation(store: Store, action_id: int, fiscal_year: int, kind: str,
                   values: dict) -> Changes:
    """Enter (or replace) the evaluation of ``kind`` for an action in a 年度 of its plan.

    ``values``: any of :data:`EVALUATION_FIELDS`; ``rating`` must be on the council's scale
    (or ""). Raises ValidationError for a year outside the plan period, an unknown kind or rating.
    """
    plan = plan_of(store, "action", action_id)
    require_year_in_plan(plan, fiscal_year)
    if kind not in KINDS:
        raise ValidationError(_("Choose who evaluated: self, mutual or third-party."),
                              field="evaluator_kind")
    clean = _clean(store, plan["council_id"], values)
    key = {"action_id": action_id, "fiscal_year": fiscal_year, "evaluator_kind": kind}
    with store.transaction() as db:
        existing = db.execute("SELECT id FROM evaluations WHERE action_id = ? AND fiscal_year = ? "
                              "AND evaluator_kind = ?", tuple(key.values())).fetchone()
        if existing:
            if clean:
                db["evaluations"].update(existing[0], clean)
        else:
            db["evaluations"].insert({**key, **clean})
    return plan_changed(plan["council_id"])


def get_evaluation(store: Store, action_id: int, fiscal_year: int,
                   kind: str) -> ActionEvaluation | None:
    """The stored evaluation (dict of EVALUATION_FIELDS) or None."""
    rows = store.query("SELECT rating, comment, next_step, evaluator, evaluated_on FROM "
                       "evaluations WHERE action_id = ? AND fiscal_year = ? AND evaluator_kind = ?",
                       (action_id, fiscal_year, kind))
    return rows[0] if rows else None


def delete_evaluation(store: Store, action_id: int, fiscal_year: int, kind: str) -> Changes:
    """Remove one evaluation (nothing happens when there is none)."""
    plan = plan_of(store, "action", action_id)
    with store.transaction() as db:
        db.execute("DELETE FROM evaluations WHERE action_id = ? AND fiscal_year = ? "
                   "AND evaluator_kind = ?", (action_id, fiscal_year, kind))
    return plan_changed(plan["council_id"])


def rating_counts(store: Store, plan_id: int, fiscal_year: int, kind: str = "self"
                  ) -> dict[str, int]:
    """``{rating: number of actions}`` of one kind in a 年度 (ratings of the scale, in order,
    then any others; "" counts actions not yet evaluated)."""
    plan = require_plan(store, plan_id)
    counts = dict.fromkeys(rating_scale(store, plan["council_id"]), 0)
    counts[""] = 0
    for row in year_evaluations(store, plan_id, fiscal_year):
        rating = row.evaluations.get(kind, {}).get("rating", "")
        counts[rating] = counts.get(rating, 0) + 1
    return counts


def review_for_next_year(store: Store, plan_id: int, fiscal_year: int) -> list[NextYearReview]:
    """Actions whose evaluation of ``fiscal_year`` calls for 見直し: rated C/D by any kind, or
    with a 見直し (``next_step``) of a C/D rating. Dicts: ``action_id``, ``code``, ``title``,
    ``rating`` (the worst), ``next_step``, ``next_status`` (next year's 年次計画 or None),
    ``next_in_plan`` (whether next year is in the plan period)."""
    plan = require_plan(store, plan_id)
    grid = {row.action_id: row for row in schedule_grid(store, plan_id).rows}
    result = []
    for row in year_evaluations(store, plan_id, fiscal_year):
        bad = [e for e in row.evaluations.values() if e["rating"] in NEEDS_REVIEW]
        if not bad:
            continue
        worst = max(bad, key=lambda e: e["rating"])
        steps = [e["next_step"] for e in bad if e["next_step"]]
        result.append({"action_id": row.action_id, "code": row.code, "title": row.title,
                       "rating": worst["rating"], "next_step": "／".join(steps),
                       "next_status": grid[row.action_id].cells.get(fiscal_year + 1),
                       "next_in_plan": fiscal_year + 1 <= plan["last_year"]})
    return result


def apply_review(store: Store, plan_id: int, fiscal_year: int,
                 action_ids: list[int] | None = None) -> Changes:
    """Mark next year's 年次計画 of the reviewed actions (default: all of
    :func:`review_for_next_year`) as 見直し・実施. Completed actions are left alone.
    Raises ValidationError when next year is outside the plan period."""
    plan = require_plan(store, plan_id)
    require_year_in_plan(plan, fiscal_year + 1)
    chosen = [r for r in review_for_next_year(store, plan_id, fiscal_year)
              if (action_ids is None or r["action_id"] in action_ids)
              and r["next_status"] != "complete"]
    if not chosen:
        return Changes()
    return set_cells(store, [(r["action_id"], fiscal_year + 1, "revise") for r in chosen])


def _clean(store: Store, council_id: int, values: dict) -> dict:
    clean: dict = {}
    for key, value in values.items():
        if key not in EVALUATION_FIELDS:
            raise ValueError(f"not an evaluation field: {key}")
        if key == "evaluated_on":
            clean[key] = clean_date(value, key)
        elif key == "rating":
            rating = clean_text(value).upper() if clean_text(value).isascii() else clean_text(value)
            scale = rating_scale(store, council_id)
            if rating and rating not in scale:
                raise ValidationError(_("Choose a rating of the list: {choices}.").format(
                    choices="、".join(f"{c} {lbl}" for c, lbl in scale.items())), field="rating")
            clean[key] = rating
        else:
            clean[key] = clean_text(value, multiline=key != "evaluator")
    return clean
