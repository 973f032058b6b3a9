"""年次計画: a status per action and 年度 of the plan period (seed 001 第2編 「年次計画」 row).

Statuses (``yearly_schedule.status``): 検討 ``study``, 準備 ``prepare``, 実施 ``implement``,
継続 ``continue`` (printed 「→」), 見直し・実施 ``revise``, 完了 ``complete``; an empty cell has no
row. A cell outside the plan period is refused.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from kyodo_desktop.domain import labels, wareki
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.services.plan.common import (
    plan_changed,
    plan_of,
    require_plan,
    require_year_in_plan,
)
from kyodo_desktop.services.plan.structure import plan_tree
from kyodo_desktop.store import Store

#: The statuses in the order a year usually goes through them.
STATUSES = tuple(labels.SCHEDULE_STATUS_LABELS)
#: What a user may type for a status (besides the code): labels, marks, short forms.
_ALIASES = {
    **{label: code for code, label in labels.SCHEDULE_STATUS_LABELS.items()},
    **{mark: code for code, mark in labels.SCHEDULE_STATUS_MARKS.items()},
    "→": "continue", "->": "continue", "継": "continue", "検": "study", "準": "prepare",
    "実": "implement", "見": "revise", "見直": "revise", "完": "complete",
    **{str(number): code for number, code in enumerate(STATUSES, start=1)},
}


@dataclass
class ScheduleRow:
    """One action of the grid: ``action_id``, ``code`` (整理番号), ``title`` and ``cells``
    ``{年度: status code}`` (years without a status are absent)."""

    action_id: int
    code: str
    title: str
    cells: dict[int, str] = field(default_factory=dict)


@dataclass
class ScheduleGrid:
    """The 年次計画 of a plan: ``years`` (the period's 年度) and one row per action in code order."""

    years: list[int]
    rows: list[ScheduleRow]


def schedule_grid(store: Store, plan_id: int) -> ScheduleGrid:
    """The grid of actions × 年度 of a plan."""
    plan = require_plan(store, plan_id)
    cells: dict[int, dict[int, str]] = {}
    for row in store.query(
            "SELECT s.action_id, s.fiscal_year, s.status FROM yearly_schedule s "
            "JOIN plan_actions a ON a.id = s.action_id JOIN plan_measures m ON m.id = a.measure_id "
            "JOIN plan_goals g ON g.id = m.goal_id WHERE g.plan_id = ?", (plan_id,)):
        cells.setdefault(row["action_id"], {})[row["fiscal_year"]] = row["status"]
    rows = [ScheduleRow(a.id, a.code, a.title, cells.get(a.id, {}))
            for g in plan_tree(store, plan_id) for m in g.children for a in m.children]
    return ScheduleGrid(wareki.fiscal_years_between(plan["first_year"], plan["last_year"]), rows)


def action_schedule(store: Store, action_id: int) -> dict[int, str]:
    """``{年度: status}`` of one action."""
    return {r["fiscal_year"]: r["status"] for r in store.query(
        "SELECT fiscal_year, status FROM yearly_schedule WHERE action_id = ?", (action_id,))}


def parse_status(value) -> str | None:
    """A status typed or chosen: a code, 「検討」, 「→」, 「見直し」, 「3」 (the 3rd status) …;
    ""/None → None (empty cell). Raises ValidationError for anything else."""
    if value is None:
        return None
    raw = unicodedata.normalize("NFKC", str(value)).strip()
    if not raw:
        return None
    if raw in STATUSES:
        return raw
    code = _ALIASES.get(raw) or _ALIASES.get(unicodedata.normalize("NFKC", raw))
    if code is None:
        raise ValidationError(_("Choose one of: {choices}, or leave the cell empty.").format(
            choices="、".join(labels.SCHEDULE_STATUS_LABELS.values())), field="status")
    return code


def set_cell(store: Store, action_id: int, fiscal_year: int, status: str | None) -> Changes:
    """Set (or clear, with None/"") the status of an action in a 年度 of its plan.

    Raises ValidationError for a year outside the plan period or an unknown status.
    """
    return set_cells(store, [(action_id, fiscal_year, status)])


def set_cells(store: Store, cells: list[tuple[int, int, str | None]]) -> Changes:
    """Set many cells ``(action_id, 年度, status or None)`` in one transaction (all or none)."""
    checked = []
    council_id = None
    for action_id, fiscal_year, status in cells:
        plan = plan_of(store, "action", action_id)
        require_year_in_plan(plan, fiscal_year)
        checked.append((action_id, fiscal_year, parse_status(status)))
        council_id = plan["council_id"]
    with store.transaction() as db:
        for action_id, fiscal_year, status in checked:
            if status is None:
                db.execute("DELETE FROM yearly_schedule WHERE action_id = ? AND fiscal_year = ?",
                           (action_id, fiscal_year))
            else:
                db["yearly_schedule"].upsert({"action_id": action_id, "fiscal_year": fiscal_year,
                                              "status": status}, pk=("action_id", "fiscal_year"))
    return plan_changed(council_id)


def status_label(status: str | None, *, mark: bool = False) -> str:
    """「検討」… for a status code (「→」 for 継続 when ``mark``); "" for None."""
    table = labels.SCHEDULE_STATUS_MARKS if mark else labels.SCHEDULE_STATUS_LABELS
    return labels.label_of(table, status)
