"""専門部会 (and the 事務局, ``is_office``): list, edit, order, members and the work assigned.

People are members through 任期 (部会長 ``chair``, 副部会長 ``vice_chair``, 部員 ``member``: see
:mod:`kyodo_desktop.services.roster.officers`); 構成団体 through ``subcommittee_organizations``. The
推進項目 and 事業 assigned to a 部会 come from the plan (``plan_actions.responsible_subcommittee_id``,
``projects.subcommittee_id``) and are shown when present. 部会名 is required and unique in the
council. Every write returns ``Changes.of(ROSTER, council_id=…)``.
"""

from __future__ import annotations

from datetime import date

from kyodo_desktop.domain import labels, text
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.changes import ROSTER, Changes
from kyodo_desktop.services.roster import officers
from kyodo_desktop.services.roster.rows import (
    AssignedWork,
    SubcommitteeListRow,
    SubcommitteeMembers,
    SubcommitteeRow,
)
from kyodo_desktop.services.roster.usage import usage_lines
from kyodo_desktop.services.roster.validate import (
    RosterValidationError,
    clean_fields,
    clean_name,
    clean_notes,
)
from kyodo_desktop.store import Store

SUBCOMMITTEE_FIELDS = ("name", "purpose", "is_office")
_CLEANERS = {
    "name": lambda v: clean_name(v, _("Enter the subcommittee's name.")),
    "purpose": clean_notes, "is_office": lambda v: 1 if v else 0,
}


def list_subcommittees(store: Store, council_id: int, *,
                       on: date | None = None) -> list[SubcommitteeListRow]:
    """The council's 部会 in their order (``sort_order``), the 事務局 among them.

    Keys: ``id, name, purpose, is_office, sort_order``, ``chair`` (部会長's name on ``on``,
    default today; "" if none), ``people`` and ``organizations`` (member counts on ``on``),
    ``actions`` and ``projects`` (how many are assigned).
    """
    on_text = (on or date.today()).isoformat()
    return store.query(
        "SELECT s.id, s.name, s.purpose, s.is_office, s.sort_order, "
        "coalesce((SELECT p.name FROM officer_terms t JOIN people p ON p.id = t.person_id "
        " WHERE t.subcommittee_id = s.id AND t.role = 'chair' AND t.starts_on <= :on "
        " AND coalesce(t.ends_on, '9999') >= :on ORDER BY t.starts_on DESC LIMIT 1), '') AS chair, "
        "(SELECT count(DISTINCT t.person_id) FROM officer_terms t WHERE t.subcommittee_id = s.id "
        " AND t.starts_on <= :on AND coalesce(t.ends_on, '9999') >= :on) AS people, "
        "(SELECT count(*) FROM subcommittee_organizations g WHERE g.subcommittee_id = s.id) "
        "AS organizations, (SELECT count(*) FROM plan_actions a "
        " WHERE a.responsible_subcommittee_id = s.id) AS actions, "
        "(SELECT count(*) FROM projects j WHERE j.subcommittee_id = s.id) AS projects "
        "FROM subcommittees s WHERE s.council_id = :council ORDER BY s.sort_order, s.id",
        {"council": council_id, "on": on_text})


def get_subcommittee(store: Store, subcommittee_id: int) -> SubcommitteeRow:
    """The 部会's row. Raises UserError when it no longer exists."""
    rows = store.query("SELECT * FROM subcommittees WHERE id = ?", (subcommittee_id,))
    if not rows:
        raise UserError(_("This subcommittee no longer exists in the data file."))
    return rows[0]


def _check_unique(store: Store, council_id: int, name: str, own_id: int | None) -> None:
    if store.scalar("SELECT id FROM subcommittees WHERE council_id = ? AND name = ? "
                    "AND id IS NOT ?", (council_id, name, own_id)) is not None:
        raise RosterValidationError({"name": _("A subcommittee named 「{name}」 already "
                                               "exists.").format(name=name)})


def create_subcommittee(store: Store, council_id: int, values: dict) -> tuple[int, Changes]:
    """Add a 部会 at the end of the order; ``values`` keys of :data:`SUBCOMMITTEE_FIELDS`.
    Returns ``(id, Changes)``. Raises RosterValidationError (name missing or taken)."""
    clean = clean_fields(values, _CLEANERS)
    if "name" not in clean:
        raise RosterValidationError({"name": _("Enter the subcommittee's name.")})
    _check_unique(store, council_id, clean["name"], None)
    order = store.scalar("SELECT coalesce(max(sort_order), 0) + 1 FROM subcommittees "
                         "WHERE council_id = ?", (council_id,))
    with store.transaction() as db:
        new_id = db["subcommittees"].insert(
            {**clean, "council_id": council_id, "sort_order": order}).last_pk
    return new_id, Changes.of(ROSTER, council_id=council_id)


def update_subcommittee(store: Store, subcommittee_id: int, values: dict) -> Changes:
    """Save the given fields. Raises RosterValidationError or UserError (gone)."""
    council_id = get_subcommittee(store, subcommittee_id)["council_id"]
    clean = clean_fields(values, _CLEANERS)
    if "name" in clean:
        _check_unique(store, council_id, clean["name"], subcommittee_id)
    if clean:
        with store.transaction() as db:
            db["subcommittees"].update(subcommittee_id, clean)
    return Changes.of(ROSTER, council_id=council_id)


def move_subcommittee(store: Store, subcommittee_id: int, step: int) -> Changes:
    """Move a 部会 ``step`` places (−1 up, +1 down) in the order; the order is renumbered 1…n.
    Moving past either end leaves it there."""
    council_id = get_subcommittee(store, subcommittee_id)["council_id"]
    ids = [r["id"] for r in list_subcommittees(store, council_id)]
    index = ids.index(subcommittee_id)
    target = max(0, min(len(ids) - 1, index + step))
    ids.insert(target, ids.pop(index))
    with store.transaction() as db:
        for order, row_id in enumerate(ids, start=1):
            db["subcommittees"].update(row_id, {"sort_order": order})
    return Changes.of(ROSTER, council_id=council_id)


def members(store: Store, subcommittee_id: int, *, on: date | None = None) -> SubcommitteeMembers:
    """``{"people": [term dicts of officers.list_terms, current on ``on``], "organizations":
    [{"id", "name", "name_kana", "kind"}]}`` — organisations in 五十音順."""
    council_id = get_subcommittee(store, subcommittee_id)["council_id"]
    people = officers.list_terms(store, council_id, on=on, current_only=True,
                                 body=officers.Body(officers.SUBCOMMITTEE, subcommittee_id))
    groups = store.query(
        "SELECT o.id, o.name, o.name_kana, o.kind FROM subcommittee_organizations g "
        "JOIN member_organizations o ON o.id = g.organization_id WHERE g.subcommittee_id = ?",
        (subcommittee_id,))
    groups.sort(key=lambda r: text.name_sort_key(r["name"], r["name_kana"]))
    return {"people": people, "organizations": groups}


def add_organization(store: Store, subcommittee_id: int, organization_id: int) -> Changes:
    """Make a 構成団体 a member of the 部会 (no-op when it is one). Raises UserError when either
    is gone or they belong to different councils."""
    council_id = get_subcommittee(store, subcommittee_id)["council_id"]
    owner = store.scalar("SELECT council_id FROM member_organizations WHERE id = ?",
                         (organization_id,))
    if owner != council_id:
        raise UserError(_("This group no longer exists in the data file."))
    with store.transaction() as db:
        db["subcommittee_organizations"].insert(
            {"subcommittee_id": subcommittee_id, "organization_id": organization_id},
            ignore=True)
    return Changes.of(ROSTER, council_id=council_id)


def remove_organization(store: Store, subcommittee_id: int, organization_id: int) -> Changes:
    """Take a 構成団体 out of the 部会."""
    council_id = get_subcommittee(store, subcommittee_id)["council_id"]
    with store.transaction() as db:
        db.execute("DELETE FROM subcommittee_organizations WHERE subcommittee_id = ? "
                   "AND organization_id = ?", (subcommittee_id, organization_id))
    return Changes.of(ROSTER, council_id=council_id)


def assigned_work(store: Store, subcommittee_id: int) -> AssignedWork:
    """The plan's work of the 部会: ``{"actions": [{"id", "code", "title", "plan"}], "projects":
    [{"id", "fiscal_year", "name"}]}`` — actions by 整理番号 (Ⅰ-(2)-③), projects newest year
    first. Empty lists when the plan has none."""
    actions = store.query(
        "SELECT a.id, a.title, a.position AS a_pos, m.position AS m_pos, g.position AS g_pos, "
        "p.title AS plan FROM plan_actions a JOIN plan_measures m ON m.id = a.measure_id "
        "JOIN plan_goals g ON g.id = m.goal_id JOIN community_plans p ON p.id = g.plan_id "
        "WHERE a.responsible_subcommittee_id = ? ORDER BY p.first_year DESC, g.position, "
        "m.position, a.position", (subcommittee_id,))
    for row in actions:
        row["code"] = labels.action_code(row.pop("g_pos"), row.pop("m_pos"), row.pop("a_pos"))
    projects = store.query("SELECT id, fiscal_year, name FROM projects WHERE subcommittee_id = ? "
                           "ORDER BY fiscal_year DESC, sort_order, id", (subcommittee_id,))
    return {"actions": actions, "projects": projects}


def subcommittee_usage(store: Store, subcommittee_id: int) -> list[str]:
    """What refers to the 部会, as Japanese lines for the delete confirmation ([] if nothing)."""
    counts = [
        (_("{count} officer terms (history included)"),
         "SELECT count(*) FROM officer_terms WHERE subcommittee_id = ?"),
        (_("{count} member groups"),
         "SELECT count(*) FROM subcommittee_organizations WHERE subcommittee_id = ?"),
        (_("responsible for {count} plan actions"),
         "SELECT count(*) FROM plan_actions WHERE responsible_subcommittee_id = ?"),
        (_("{count} projects"), "SELECT count(*) FROM projects WHERE subcommittee_id = ?"),
    ]
    return usage_lines(store, counts, subcommittee_id)


def delete_subcommittee(store: Store, subcommittee_id: int) -> Changes:
    """Delete a 部会 with its 任期 and member groups; its 推進項目 and 事業 lose the 部会. Undoable
    through :func:`kyodo_desktop.services.changes.undoable`. Raises UserError when gone."""
    council_id = get_subcommittee(store, subcommittee_id)["council_id"]
    with store.transaction() as db:
        db.execute("DELETE FROM subcommittees WHERE id = ?", (subcommittee_id,))
    return Changes.of(ROSTER, council_id=council_id)
