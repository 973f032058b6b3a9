"""The structure of a plan: 推進方針 (goals Ⅰ, Ⅱ …) → 推進施策 (measures (1), (2) …) → 推進項目
(actions ①, ② …), and the 整理番号 ``Ⅰ-(2)-③`` derived from the positions (seed 001 第2編).

Positions are 1, 2, 3 … without gaps under each parent; every insert, delete and move renumbers
the siblings, so the codes always follow the order on screen. The fields of an action (目的,
現状と課題, 推進内容, 完了の目安, 担当, 対象) are edited with :func:`update_action`; its 年次計画
is :mod:`kyodo_desktop.services.plan.schedule`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kyodo_desktop.domain import labels
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.services.plan.common import (
    LEVELS,
    clean_text,
    plan_changed,
    plan_of,
    require_title,
)
from kyodo_desktop.services.plan.rows import ActionRow, PlanItem, ResponsibleChoices
from kyodo_desktop.store import Store

#: 対象 codes in the order of the seed's columns (市民 … その他).
TARGETS = tuple(labels.PLAN_TARGET_LABELS)
#: Editable text columns of an action.
ACTION_TEXT_FIELDS = ("title", "purpose", "current_state", "content", "completion_criterion",
                      "responsible_text")
ACTION_FIELDS = (*ACTION_TEXT_FIELDS, "responsible_subcommittee_id", "responsible_organization_id", "targets")
_OFFSET = 1_000_000  # positions are parked above this while siblings are renumbered


@dataclass
class Node:
    """One line of the plan tree: ``kind`` goal/measure/action, its ``id``, ``position`` (1…),
    ``code`` (「Ⅰ」, 「Ⅰ-(2)」, 「Ⅰ-(2)-③」), ``numeral`` (「Ⅰ」, 「(2)」, 「③」), ``title`` and
    ``children`` (measures of a goal, actions of a measure)."""

    kind: str
    id: int
    position: int
    code: str
    numeral: str
    title: str
    children: list[Node] = field(default_factory=list)


def plan_tree(store: Store, plan_id: int) -> list[Node]:
    """The goals of a plan with their measures and actions, in order, with their codes."""
    goals = store.query("SELECT id, position, title FROM plan_goals WHERE plan_id = ? "
                        "ORDER BY position", (plan_id,))
    measures = store.query(
        "SELECT m.id, m.goal_id, m.position, m.title FROM plan_measures m "
        "JOIN plan_goals g ON g.id = m.goal_id WHERE g.plan_id = ? ORDER BY m.position",
        (plan_id,))
    actions = store.query(
        "SELECT a.id, a.measure_id, a.position, a.title FROM plan_actions a "
        "JOIN plan_measures m ON m.id = a.measure_id JOIN plan_goals g ON g.id = m.goal_id "
        "WHERE g.plan_id = ? ORDER BY a.position", (plan_id,))
    tree = []
    for g in goals:
        gn = labels.goal_numeral(g["position"])
        goal = Node("goal", g["id"], g["position"], gn, gn, g["title"])
        for m in (m for m in measures if m["goal_id"] == g["id"]):
            mn = labels.measure_numeral(m["position"])
            measure = Node("measure", m["id"], m["position"], f"{gn}-{mn}", mn, m["title"])
            for a in (a for a in actions if a["measure_id"] == m["id"]):
                an = labels.action_numeral(a["position"])
                measure.children.append(Node("action", a["id"], a["position"],
                                             f"{gn}-{mn}-{an}", an, a["title"]))
            goal.children.append(measure)
        tree.append(goal)
    return tree


def action_codes(store: Store, plan_id: int) -> dict[int, str]:
    """``{action_id: 整理番号}`` of every action of a plan."""
    return {a.id: a.code for g in plan_tree(store, plan_id) for m in g.children
            for a in m.children}


def get_item(store: Store, kind: str, item_id: int) -> PlanItem:
    """A goal or measure row, or an action as :func:`get_action`; UserError when missing."""
    if kind == "action":
        return get_action(store, item_id)
    table = _level(kind)[0]
    rows = store.query(f"SELECT * FROM {table} WHERE id = ?", (item_id,))
    if not rows:
        raise UserError(_("This item of the plan no longer exists. It may have been deleted."))
    return rows[0]


def get_action(store: Store, action_id: int) -> ActionRow:
    """An action: its columns, ``code`` (整理番号), ``targets`` (list of 対象 codes in seed order)
    and ``responsible`` (the 実施主体 text to print). Raises UserError when missing."""
    rows = store.query(
        "SELECT a.*, s.name AS subcommittee_name, o.name AS organization_name "
        "FROM plan_actions a LEFT JOIN subcommittees s ON s.id = a.responsible_subcommittee_id "
        "LEFT JOIN member_organizations o ON o.id = a.responsible_organization_id "
        "WHERE a.id = ?", (action_id,))
    if not rows:
        raise UserError(_("This item of the plan no longer exists. It may have been deleted."))
    action = rows[0]
    chosen = {r["target"] for r in store.query(
        "SELECT target FROM plan_action_targets WHERE action_id = ?", (action_id,))}
    action["targets"] = [t for t in TARGETS if t in chosen]
    action["code"] = action_codes(store, plan_of(store, "action", action_id)["id"])[action_id]
    action["responsible"] = responsible_text(action)
    return action


def responsible_text(action: dict) -> str:
    """実施主体 as printed: the typed text, else the 部会 and organisation names joined by 「・」."""
    if action.get("responsible_text"):
        return action["responsible_text"]
    names = [action.get("subcommittee_name"), action.get("organization_name")]
    return "・".join(n for n in names if n)


def responsible_choices(store: Store, council_id: int) -> ResponsibleChoices:
    """What may carry out an action: ``{"subcommittees": [{id, name, is_office}],
    "organizations": [{id, name}]}`` of the council (current member organisations)."""
    subcommittees = store.query(
        "SELECT id, name, is_office FROM subcommittees WHERE council_id = ? "
        "ORDER BY is_office, sort_order, id", (council_id,))
    organizations = store.query(
        "SELECT id, name FROM member_organizations WHERE council_id = ? AND left_on IS NULL "
        "AND kind <> 'neighborhood_association' ORDER BY sort_order, name_kana, id",
        (council_id,))
    return {"subcommittees": subcommittees, "organizations": organizations}


# Adding -----------------------------------------------------------------------------------------

def add_item(store: Store, kind: str, parent_id: int, title: str, *,
             position: int | None = None, values: dict | None = None) -> tuple[int, Changes]:
    """Add a goal (parent: plan), measure (parent: goal) or action (parent: measure) at
    ``position`` (1…; default last); later siblings move down and their codes follow.
    ``values`` are further fields (``description``; for an action :data:`ACTION_FIELDS`).

    Returns ``(new id, Changes)``. Raises ValidationError for an empty title.
    """
    table, parent_col, parent_kind = _level(kind)
    plan = plan_of(store, parent_kind, parent_id)
    row = {"title": require_title(title)}
    extra = dict(values or {})
    targets = extra.pop("targets", None)
    row.update(_clean_action(store, plan, extra) if kind == "action" else _clean_plain(extra))
    with store.transaction() as db:
        siblings = _sibling_ids(db, table, parent_col, parent_id)
        item_id = db[table].insert({**row, parent_col: parent_id,
                                    "position": 2 * _OFFSET}).last_pk
        at = len(siblings) + 1 if position is None else max(1, min(position, len(siblings) + 1))
        siblings.insert(at - 1, item_id)
        _write_positions(db, table, parent_col, parent_id, siblings)
        if targets is not None:
            _write_targets(db, item_id, targets)
    return item_id, plan_changed(plan["council_id"])


# Editing ----------------------------------------------------------------------------------------

def update_item(store: Store, kind: str, item_id: int, values: dict) -> Changes:
    """Change ``title``/``description`` of a goal or measure, or :data:`ACTION_FIELDS` of an
    action (``targets`` a list of 対象 codes replaces the marks). ValidationError on bad input."""
    table = _level(kind)[0]
    plan = plan_of(store, kind, item_id)
    values = dict(values)
    targets = values.pop("targets", None) if kind == "action" else None
    clean = _clean_action(store, plan, values) if kind == "action" else _clean_plain(values)
    if "title" in values:
        clean["title"] = require_title(values["title"])
    with store.transaction() as db:
        if clean:
            db[table].update(item_id, clean)
        if targets is not None:
            _write_targets(db, item_id, targets)
    return plan_changed(plan["council_id"])


def update_action(store: Store, action_id: int, values: dict) -> Changes:
    """:func:`update_item` for an action."""
    return update_item(store, "action", action_id, values)


def delete_item(store: Store, kind: str, item_id: int) -> Changes:
    """Delete a goal, measure or action with everything under it; later siblings move up.
    事業 and 数値目標 linked to deleted actions keep existing, unlinked."""
    table, parent_col, _parent = _level(kind)
    plan = plan_of(store, kind, item_id)
    with store.transaction() as db:
        parent_id = db.execute(f"SELECT {parent_col} FROM {table} WHERE id = ?",
                               (item_id,)).fetchone()[0]
        db.execute(f"DELETE FROM {table} WHERE id = ?", (item_id,))
        _write_positions(db, table, parent_col, parent_id,
                         _sibling_ids(db, table, parent_col, parent_id))
    return plan_changed(plan["council_id"])


def move_item(store: Store, kind: str, item_id: int, parent_id: int, position: int) -> Changes:
    """Move a goal, measure or action to ``position`` (1…) under ``parent_id`` (a plan, goal or
    measure of the same plan). Both the old and the new siblings are renumbered, so every code
    (整理番号) follows. Raises UserError for a parent of another plan."""
    table, parent_col, parent_kind = _level(kind)
    plan = plan_of(store, kind, item_id)
    if plan_of(store, parent_kind, parent_id)["id"] != plan["id"]:
        raise UserError(_("An item can only be moved within its own plan."))
    with store.transaction() as db:
        old_parent = db.execute(f"SELECT {parent_col} FROM {table} WHERE id = ?",
                                (item_id,)).fetchone()[0]
        siblings = [i for i in _sibling_ids(db, table, parent_col, parent_id) if i != item_id]
        at = max(1, min(position, len(siblings) + 1))
        siblings.insert(at - 1, item_id)
        _write_positions(db, table, parent_col, parent_id, siblings)
        if old_parent != parent_id:
            _write_positions(db, table, parent_col, old_parent,
                             _sibling_ids(db, table, parent_col, old_parent))
    return plan_changed(plan["council_id"])


def locate(store: Store, kind: str, item_id: int) -> tuple[int, int]:
    """``(parent_id, position)`` of an item (to move it back on undo)."""
    table, parent_col, _parent = _level(kind)
    rows = store.query(f"SELECT {parent_col} AS parent, position FROM {table} WHERE id = ?",
                       (item_id,))
    if not rows:
        raise UserError(_("This item of the plan no longer exists. It may have been deleted."))
    return rows[0]["parent"], rows[0]["position"]


# Helpers ----------------------------------------------------------------------------------------

def _level(kind: str) -> tuple[str, str, str]:
    if kind not in LEVELS:
        raise ValueError(f"unknown plan level: {kind!r}")
    return LEVELS[kind]


def _sibling_ids(db, table: str, parent_col: str, parent_id: int) -> list[int]:
    return [row[0] for row in db.execute(
        f"SELECT id FROM {table} WHERE {parent_col} = ? ORDER BY position, id", (parent_id,))]


def _write_positions(db, table: str, parent_col: str, parent_id: int, ordered: list[int]) -> None:
    """Give ``ordered`` the positions 1, 2, … under ``parent_id`` (UNIQUE-safe in two passes)."""
    db.execute(f"UPDATE {table} SET position = position + ? WHERE {parent_col} = ? "
               "AND position < ?", (_OFFSET, parent_id, _OFFSET))
    for number, item_id in enumerate(ordered, start=1):
        db.execute(f"UPDATE {table} SET {parent_col} = ?, position = ? WHERE id = ?",
                   (parent_id, number, item_id))


def _write_targets(db, action_id: int, targets) -> None:
    unknown = [t for t in targets if t not in TARGETS]
    if unknown:
        raise ValidationError(_("Unknown target group: {code}.").format(code=unknown[0]),
                              field="targets")
    db.execute("DELETE FROM plan_action_targets WHERE action_id = ?", (action_id,))
    for target in TARGETS:
        if target in targets:
            db["plan_action_targets"].insert({"action_id": action_id, "target": target})


def _clean_plain(values: dict) -> dict:
    clean = {}
    for key, value in values.items():
        if key == "description":
            clean[key] = clean_text(value, multiline=True)
        elif key != "title":
            raise ValueError(f"not a field of a goal or measure: {key}")
    return clean


def _clean_action(store: Store, plan: dict, values: dict) -> dict:
    clean = {}
    for key, value in values.items():
        if key in ("title", "targets"):
            continue
        if key in ACTION_TEXT_FIELDS:
            clean[key] = clean_text(value, multiline=key != "responsible_text")
        elif key == "responsible_subcommittee_id":
            clean[key] = _own(store, "subcommittees", value, plan["council_id"], key)
        elif key == "responsible_organization_id":
            clean[key] = _own(store, "member_organizations", value, plan["council_id"], key)
        else:
            raise ValueError(f"not a field of an action: {key}")
    return clean


def _own(store: Store, table: str, value, council_id: int, field: str) -> int | None:
    if value in (None, ""):
        return None
    if not store.scalar(f"SELECT 1 FROM {table} WHERE id = ? AND council_id = ?",
                        (value, council_id)):
        raise ValidationError(_("Choose who carries out the action from the list."), field=field)
    return int(value)
