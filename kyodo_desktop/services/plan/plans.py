"""地域づくり計画: the plans of a council (several over time, one current) and their front matter.

A plan has a title, a period (first and last 年度, at most 20 years), 目指す姿 (``vision``),
現状と課題 (``current_state``, ``strengths``, ``issues``), the date it was adopted and how it was
made (``methods``: アンケート, 座談会, 策定委員会 …). Its structure (goals → measures → actions) is
:mod:`kyodo_desktop.services.plan.structure`. Seed 001 第2章・第4章 shows what councils copy.
"""

from __future__ import annotations

import json
from datetime import date

from kyodo_desktop.domain import wareki
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.services.council import councils
from kyodo_desktop.services.plan.common import (
    clean_date,
    clean_fiscal_year,
    clean_text,
    plan_changed,
    require_plan,
    require_title,
)
from kyodo_desktop.services.plan.rows import Plan, PlanListItem
from kyodo_desktop.store import Store

#: Columns of ``community_plans`` a user edits (``methods`` is a list of str).
PLAN_FIELDS = ("title", "first_year", "last_year", "vision", "current_state", "strengths",
               "issues", "adopted_on", "methods", "notes")
_MULTILINE = {"vision", "current_state", "strengths", "issues", "notes"}
#: How a plan is typically made (seed 001; councils may add their own).
DEFAULT_METHODS = ("アンケート", "座談会", "策定委員会", "ワークショップ", "パブリックコメント")
MAX_YEARS = 20


def list_plans(store: Store, council_id: int) -> list[PlanListItem]:
    """The council's plans, newest period first: dicts with ``id``, ``title``, ``first_year``,
    ``last_year`` (年度), ``is_current`` (bool)."""
    rows = store.query(
        "SELECT id, title, first_year, last_year, is_current FROM community_plans "
        "WHERE council_id = ? ORDER BY first_year DESC, id DESC", (council_id,))
    return [{**row, "is_current": bool(row["is_current"])} for row in rows]


def current_plan_id(store: Store, council_id: int) -> int | None:
    """The plan marked current, else the newest one, else None."""
    plans = list_plans(store, council_id)
    for plan in plans:
        if plan["is_current"]:
            return plan["id"]
    return plans[0]["id"] if plans else None


def get_plan(store: Store, plan_id: int) -> Plan:
    """The plan as a dict: the :data:`PLAN_FIELDS` plus ``id``, ``council_id``, ``is_current``
    (bool) and ``years`` (list of 年度); ``adopted_on`` is a date or None, ``methods`` a list.

    Raises UserError when the plan does not exist.
    """
    row = require_plan(store, plan_id)
    plan = dict(row)
    plan["is_current"] = bool(row["is_current"])
    plan["adopted_on"] = date.fromisoformat(row["adopted_on"]) if row["adopted_on"] else None
    try:
        methods = json.loads(row["methods"] or "[]")
    except ValueError:
        methods = []
    plan["methods"] = [str(m) for m in methods] if isinstance(methods, list) else []
    plan["years"] = wareki.fiscal_years_between(row["first_year"], row["last_year"])
    return plan


def create_plan(store: Store, council_id: int, values: dict, *,
                make_current: bool | None = None) -> tuple[int, Changes]:
    """Add a plan; return ``(plan_id, Changes)``. ``values`` needs ``title``, ``first_year`` and
    ``last_year``; the rest of :data:`PLAN_FIELDS` is optional. The first plan of a council is
    current; ``make_current=True`` makes a later one current (the old one stays as history).

    Raises ValidationError (field named) for a bad value, UserError for an unknown council.
    """
    councils.ensure_council(store, council_id)
    missing = [key for key in ("title", "first_year", "last_year") if key not in values]
    if missing:
        raise ValidationError(_("Enter the title and the first and last fiscal year of the plan."),
                              field=missing[0])
    clean = _validate(values)
    _check_period(clean["first_year"], clean["last_year"])
    current = make_current if make_current is not None else not list_plans(store, council_id)
    with store.transaction() as db:
        if current:
            db.execute("UPDATE community_plans SET is_current = 0 WHERE council_id = ?",
                       (council_id,))
        plan_id = db["community_plans"].insert(
            {**clean, "council_id": council_id, "is_current": int(current)}).last_pk
    return plan_id, plan_changed(council_id)


def update_plan(store: Store, plan_id: int, values: dict) -> Changes:
    """Change fields of :data:`PLAN_FIELDS` of a plan.

    Shortening the period is refused while 年次計画 cells, 目標値/実績値 or 評価 lie in the years
    it would drop (ValidationError, field ``first_year`` or ``last_year``).
    """
    plan = require_plan(store, plan_id)
    clean = _validate(values)
    first = clean.get("first_year", plan["first_year"])
    last = clean.get("last_year", plan["last_year"])
    _check_period(first, last)
    if (first, last) != (plan["first_year"], plan["last_year"]):
        _check_nothing_outside(store, plan_id, first, last)
    if clean:
        with store.transaction() as db:
            db["community_plans"].update(plan_id, clean)
    return plan_changed(plan["council_id"])


def set_current_plan(store: Store, plan_id: int) -> Changes:
    """Make ``plan_id`` its council's current plan (the others become history)."""
    plan = require_plan(store, plan_id)
    with store.transaction() as db:
        db.execute("UPDATE community_plans SET is_current = 0 WHERE council_id = ? AND id <> ?",
                   (plan["council_id"], plan_id))
        db.execute("UPDATE community_plans SET is_current = 1 WHERE id = ?", (plan_id,))
    return plan_changed(plan["council_id"])


def delete_plan(store: Store, plan_id: int) -> Changes:
    """Delete a plan with its goals, measures, actions, 年次計画, 数値目標 and 評価. 事業 stay and
    lose their link to the plan's actions. The newest remaining plan becomes current."""
    plan = require_plan(store, plan_id)
    with store.transaction() as db:
        db.execute("DELETE FROM community_plans WHERE id = ?", (plan_id,))
        if plan["is_current"]:
            db.execute(
                "UPDATE community_plans SET is_current = 1 WHERE id = (SELECT id FROM "
                "community_plans WHERE council_id = ? ORDER BY first_year DESC, id DESC LIMIT 1)",
                (plan["council_id"],))
    return plan_changed(plan["council_id"])


def period_text(plan: dict) -> str:
    """「令和6年度〜令和10年度（5年間）」 for a plan dict or row with first/last_year."""
    first, last = plan["first_year"], plan["last_year"]
    return _("{first} to {last} ({years} years)").format(
        first=wareki.format_fiscal_year(first), last=wareki.format_fiscal_year(last),
        years=last - first + 1)


# Validation -------------------------------------------------------------------------------------

def _validate(values: dict) -> dict:
    clean: dict = {}
    for key, value in values.items():
        if key not in PLAN_FIELDS:
            raise ValueError(f"not a plan field: {key}")
        if key == "title":
            clean[key] = require_title(value)
        elif key in ("first_year", "last_year"):
            clean[key] = clean_fiscal_year(value, key)
        elif key == "adopted_on":
            clean[key] = clean_date(value, key)
        elif key == "methods":
            clean[key] = json.dumps(_methods(value), ensure_ascii=False)
        else:
            clean[key] = clean_text(value, multiline=key in _MULTILINE)
    return clean


def _methods(value) -> list[str]:
    items = value.replace("、", ",").split(",") if isinstance(value, str) else list(value or [])
    result: list[str] = []
    for item in items:
        method = clean_text(item)
        if method and method not in result:
            result.append(method)
    return result


def _check_period(first: int, last: int) -> None:
    if last < first:
        raise ValidationError(_("The last fiscal year of the plan cannot come before the first."),
                              field="last_year")
    if last - first + 1 > MAX_YEARS:
        raise ValidationError(_("A plan covers at most {years} fiscal years.").format(
            years=MAX_YEARS), field="last_year")


def _check_nothing_outside(store: Store, plan_id: int, first: int, last: int) -> None:
    params = {"p": plan_id, "first": first, "last": last}
    actions = ("SELECT a.id FROM plan_actions a JOIN plan_measures m ON m.id = a.measure_id "
               "JOIN plan_goals g ON g.id = m.goal_id WHERE g.plan_id = :p")
    outside = "fiscal_year NOT BETWEEN :first AND :last"
    count = store.scalar(
        f"SELECT (SELECT count(*) FROM yearly_schedule WHERE action_id IN ({actions}) "
        f"AND {outside}) + (SELECT count(*) FROM evaluations WHERE action_id IN ({actions}) "
        f"AND {outside}) + (SELECT count(*) FROM indicator_values WHERE indicator_id IN "
        f"(SELECT id FROM indicators WHERE plan_id = :p) AND {outside})", params)
    if count:
        field = "first_year" if store.scalar(
            f"SELECT 1 FROM yearly_schedule WHERE action_id IN ({actions}) "
            "AND fiscal_year < :first", params) else "last_year"
        raise ValidationError(_(
            "The plan period cannot be shortened: {count} schedule cells, targets or evaluations "
            "lie in the years it would drop. Clear them first.").format(count=count), field=field)
