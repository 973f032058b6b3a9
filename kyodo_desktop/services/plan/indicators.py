"""数値目標 (成果指標): a measured figure with unit, 現状値 (baseline, with its 年度), 目標値 per 年度
(at least 中間 and 最終) and the 実績値 entered each year, with progress against the target.

Seed 001 第2章3 prints 「現状値 (H18年度) / 目標値 (H24年度) / 目標値 (H29年度)」. Rules: a target or
actual year must lie in the plan period; the baseline year may precede the period but not
follow its end. Figures are floats (percentages, counts, people); money would be int yen.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.services.plan.common import (
    clean_fiscal_year,
    clean_text,
    parse_figure,
    plan_changed,
    plan_of,
    require_plan,
    require_title,
    require_year_in_plan,
)
from kyodo_desktop.store import Store

INDICATOR_FIELDS = ("name", "unit", "baseline_year", "baseline", "higher_is_better", "action_id")
_UNSET = object()


@dataclass
class Indicator:
    """One 数値目標: ``values`` maps 年度 → ``(target, actual)`` (either may be None);
    ``final_target`` is the target of the last year that has one; ``latest`` the last
    ``(年度, actual)`` entered; ``progress`` the share of the way from baseline to the final
    target reached by the latest actual (1.0 = reached; None when unknown)."""

    id: int
    position: int
    name: str
    unit: str
    baseline_year: int | None
    baseline: float | None
    higher_is_better: bool
    action_id: int | None
    values: dict[int, tuple[float | None, float | None]] = field(default_factory=dict)

    @property
    def targets(self) -> dict[int, float]:
        return {y: t for y, (t, _a) in sorted(self.values.items()) if t is not None}

    @property
    def actuals(self) -> dict[int, float]:
        return {y: a for y, (_t, a) in sorted(self.values.items()) if a is not None}

    @property
    def final_target(self) -> float | None:
        targets = self.targets
        return targets[max(targets)] if targets else None

    @property
    def latest(self) -> tuple[int, float] | None:
        actuals = self.actuals
        return (max(actuals), actuals[max(actuals)]) if actuals else None

    @property
    def progress(self) -> float | None:
        latest = self.latest
        return progress(self.baseline, self.final_target, latest[1] if latest else None,
                        self.higher_is_better)


def progress(baseline: float | None, target: float | None, actual: float | None,
             higher_is_better: bool = True) -> float | None:
    """How far ``actual`` has come from ``baseline`` towards ``target``: 0.0 at the baseline,
    1.0 at the target (more when beyond, negative when it went the wrong way). Without a
    baseline (or when target = baseline) it is 1.0 once the target is met, else actual/target.
    None when target or actual is missing."""
    if target is None or actual is None:
        return None
    if baseline is None or baseline == target:
        met = actual >= target if higher_is_better else actual <= target
        if met:
            return 1.0
        return actual / target if target and higher_is_better else None
    return (actual - baseline) / (target - baseline)


def list_indicators(store: Store, plan_id: int) -> list[Indicator]:
    """The plan's 数値目標 in their order, with their values."""
    rows = store.query("SELECT * FROM indicators WHERE plan_id = ? ORDER BY position, id",
                       (plan_id,))
    values: dict[int, dict] = {}
    for v in store.query(
            "SELECT v.* FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id "
            "WHERE i.plan_id = ?", (plan_id,)):
        values.setdefault(v["indicator_id"], {})[v["fiscal_year"]] = (v["target"], v["actual"])
    return [Indicator(r["id"], r["position"], r["name"], r["unit"], r["baseline_year"],
                      r["baseline"], bool(r["higher_is_better"]), r["action_id"],
                      values.get(r["id"], {})) for r in rows]


def milestone_years(plan: dict) -> tuple[int, int]:
    """(中間, 最終) 年度 of a plan: the middle year and the last year (2024–2028 → 2026, 2028)."""
    return (plan["first_year"] + plan["last_year"]) // 2, plan["last_year"]


def add_indicator(store: Store, plan_id: int, values: dict) -> tuple[int, Changes]:
    """Add a 数値目標 at the end; ``values`` has ``name`` and any of :data:`INDICATOR_FIELDS`.
    Returns ``(indicator_id, Changes)``. Raises ValidationError for a bad field."""
    plan = require_plan(store, plan_id)
    clean = _clean(store, plan, {"name": values.get("name", ""), **values})
    with store.transaction() as db:
        position = (db.execute("SELECT coalesce(max(position), 0) FROM indicators "
                               "WHERE plan_id = ?", (plan_id,)).fetchone()[0]) + 1
        indicator_id = db["indicators"].insert(
            {**clean, "plan_id": plan_id, "position": position}).last_pk
    return indicator_id, plan_changed(plan["council_id"])


def update_indicator(store: Store, indicator_id: int, values: dict) -> Changes:
    """Change fields of :data:`INDICATOR_FIELDS` of a 数値目標."""
    plan = _plan_of_indicator(store, indicator_id)
    clean = _clean(store, plan, values)
    if clean:
        with store.transaction() as db:
            db["indicators"].update(indicator_id, clean)
    return plan_changed(plan["council_id"])


def delete_indicator(store: Store, indicator_id: int) -> Changes:
    """Delete a 数値目標 and its values."""
    plan = _plan_of_indicator(store, indicator_id)
    with store.transaction() as db:
        db.execute("DELETE FROM indicators WHERE id = ?", (indicator_id,))
    return plan_changed(plan["council_id"])


def set_value(store: Store, indicator_id: int, fiscal_year: int, *, target=_UNSET,
              actual=_UNSET) -> Changes:
    """Set the 目標値 and/or 実績値 of a 年度 (a number, text like 「45%」, or None to clear).

    Raises ValidationError when the 年度 is outside the plan period or a value is not a number.
    """
    plan = _plan_of_indicator(store, indicator_id)
    require_year_in_plan(plan, fiscal_year)
    row = {"indicator_id": indicator_id, "fiscal_year": fiscal_year}
    if target is not _UNSET:
        row["target"] = parse_figure(target, "target")
    if actual is not _UNSET:
        row["actual"] = parse_figure(actual, "actual")
    with store.transaction() as db:
        db["indicator_values"].upsert(row, pk=("indicator_id", "fiscal_year"))
        db.execute("DELETE FROM indicator_values WHERE indicator_id = ? AND fiscal_year = ? "
                   "AND target IS NULL AND actual IS NULL", (indicator_id, fiscal_year))
    return plan_changed(plan["council_id"])


def get_value(store: Store, indicator_id: int, fiscal_year: int) -> tuple:
    """``(target, actual)`` of a 年度 (None for what is not entered)."""
    rows = store.query("SELECT target, actual FROM indicator_values WHERE indicator_id = ? "
                       "AND fiscal_year = ?", (indicator_id, fiscal_year))
    return (rows[0]["target"], rows[0]["actual"]) if rows else (None, None)


def _plan_of_indicator(store: Store, indicator_id: int) -> dict:
    plan_id = store.scalar("SELECT plan_id FROM indicators WHERE id = ?", (indicator_id,))
    if plan_id is None:
        raise UserError(_("The numeric target was not found. It may have been deleted."))
    return require_plan(store, plan_id)


def _clean(store: Store, plan: dict, values: dict) -> dict:
    clean: dict = {}
    for key, value in values.items():
        if key not in INDICATOR_FIELDS:
            raise ValueError(f"not an indicator field: {key}")
        if key == "name":
            clean[key] = require_title(value, "name")
        elif key == "unit":
            clean[key] = clean_text(value)
        elif key == "baseline":
            clean[key] = parse_figure(value, "baseline")
        elif key == "higher_is_better":
            clean[key] = 1 if value else 0
        elif key == "baseline_year":
            clean[key] = None if value in (None, "") else clean_fiscal_year(value, key)
            if clean[key] is not None and clean[key] > plan["last_year"]:
                raise ValidationError(_("The baseline year must come before the end of the "
                                        "plan period."), field=key)
        else:  # action_id
            clean[key] = None if value in (None, "") else int(value)
            if clean[key] is not None and plan_of(store, "action", clean[key])["id"] != plan["id"]:
                raise ValidationError(_("Choose an action of this plan."), field=key)
    return clean
