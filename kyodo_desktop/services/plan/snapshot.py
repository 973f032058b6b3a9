"""Undo support for the plan tree: a copy of a goal, measure or action with everything under it,
and putting that copy back with the same ids (so later undo steps that name those ids still work).

:func:`snapshot` is taken before a delete (or right after an add); :func:`restore` re-inserts the
rows at the item's old position, renumbering the siblings, and re-links the 数値目標 and 事業
that pointed at the deleted actions.
"""

from __future__ import annotations

from kyodo_desktop.services.changes import Changes
from kyodo_desktop.services.plan.common import LEVELS, plan_changed, plan_of
from kyodo_desktop.store import Store

#: Tables below each level, parents before children, with the column naming their parent.
_BELOW = {
    "goal": (("plan_measures", "goal_id", "measure"),),
    "measure": (("plan_actions", "measure_id", "action"),),
    "action": (),
}
_ACTION_ROWS = ("plan_action_targets", "yearly_schedule", "evaluations")


def snapshot(store: Store, kind: str, item_id: int) -> dict:
    """Everything a delete of the item removes or unlinks: ``{"kind", "id", "parent_id",
    "position", "council_id", "rows": [(table, row), …], "links": [(table, id, action_id)]}``."""
    table, parent_col, _parent = LEVELS[kind]
    plan = plan_of(store, kind, item_id)
    row = store.query(f"SELECT * FROM {table} WHERE id = ?", (item_id,))[0]
    rows: list[tuple[str, dict]] = [(table, row)]
    actions: list[int] = []
    _collect(store, kind, item_id, rows, actions)
    links = []
    for action_id in actions:
        for linked in ("indicators", "projects"):
            links += [(linked, r["id"], action_id) for r in store.query(
                f"SELECT id FROM {linked} WHERE action_id = ?", (action_id,))]
    return {"kind": kind, "id": item_id, "parent_id": row[parent_col],
            "position": row["position"], "council_id": plan["council_id"], "rows": rows,
            "links": links}


def _collect(store: Store, kind: str, item_id: int, rows: list, actions: list[int]) -> None:
    if kind == "action":
        actions.append(item_id)
        for table in _ACTION_ROWS:
            rows += [(table, r) for r in store.query(
                f"SELECT * FROM {table} WHERE action_id = ?", (item_id,))]
        return
    for table, parent_col, child_kind in _BELOW[kind]:
        for child in store.query(f"SELECT * FROM {table} WHERE {parent_col} = ? "
                                 "ORDER BY position", (item_id,)):
            rows.append((table, child))
            _collect(store, child_kind, child["id"], rows, actions)


def restore(store: Store, snap: dict) -> Changes:
    """Put a :func:`snapshot` back: same ids, the old position (siblings move down), the
    links of 数値目標 and 事業 to its actions. Returns the Changes of the plan area."""
    from kyodo_desktop.services.plan.structure import _sibling_ids, _write_positions

    table, parent_col, _parent = LEVELS[snap["kind"]]
    with store.transaction() as db:
        siblings = _sibling_ids(db, table, parent_col, snap["parent_id"])
        first_table, first_row = snap["rows"][0]
        db[first_table].insert({**first_row, "position": 2_000_000})
        for row_table, row in snap["rows"][1:]:
            db[row_table].insert(row)
        siblings.insert(max(0, min(snap["position"] - 1, len(siblings))), snap["id"])
        _write_positions(db, table, parent_col, snap["parent_id"], siblings)
        for linked, row_id, action_id in snap["links"]:
            db.execute(f"UPDATE {linked} SET action_id = ? WHERE id = ? AND action_id IS NULL",
                       (action_id, row_id))
    return plan_changed(snap["council_id"])
