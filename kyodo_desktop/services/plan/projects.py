"""事業: the concrete activities of a 年度, each tied to a plan action (推進項目) and a 専門部会.

A project has a name, dates inside its 年度, a place, an audience (対象者), expected and actual
participants, a budget (int 円) and an outcome; its actual cost (決算額, int 円) is
:func:`kyodo_desktop.services.accounting.figures.project_costs` (the 出納簿 expenses linked to it,
corrections included, never a 返還金). These rows are what 事業計画書
and 事業実績書 print; the 活動支援 grant pays for activities that trace back to the plan.
"""

from __future__ import annotations

from datetime import date

from kyodo_desktop.domain import labels, wareki
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.accounting import figures
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.services.council import councils
from kyodo_desktop.services.plan.common import (
    clean_date,
    clean_fiscal_year,
    clean_text,
    plan_changed,
    plan_of,
)
from kyodo_desktop.services.plan.rows import ProjectRow
from kyodo_desktop.store import Store, audit

PROJECT_FIELDS = ("name", "action_id", "subcommittee_id", "fund_code", "starts_on", "ends_on",
                  "place", "audience", "expected_participants", "actual_participants",
                  "budget",
                  "collaboration_form", "partners", "description", "outcome")
_MULTILINE = {"partners", "description", "outcome"}


def project_names(store: Store, council_id: int,
                  fiscal_year: int | None = None) -> list[tuple[int, str]]:
    """``[(id, name)]`` of the council's projects (of one 年度 when given), in their order: for
    choosers and for labelling 出納簿 rows."""
    return [(r["id"], r["name"]) for r in store.query(
        "SELECT id, name FROM projects WHERE council_id = ? AND (? IS NULL OR fiscal_year = ?) "
        "ORDER BY fiscal_year, sort_order, id", (council_id, fiscal_year, fiscal_year))]


def list_projects(store: Store, council_id: int, fiscal_year: int, *,
                  action_id: int | None = None) -> list[ProjectRow]:
    """The projects of a 年度 in their order (optionally of one action). Each dict has the
    columns plus ``starts_on``/``ends_on`` as dates, ``actual_cost`` (円), ``action_code``
    (整理番号 or "") and ``action_title``, ``subcommittee_name``, ``collaboration_label``."""
    from kyodo_desktop.services.plan.structure import action_codes

    rows = store.query(
        "SELECT p.*, a.title AS action_title, s.name AS subcommittee_name, g.plan_id "
        "FROM projects p LEFT JOIN plan_actions a ON a.id = p.action_id "
        "LEFT JOIN plan_measures m ON m.id = a.measure_id LEFT JOIN plan_goals g ON g.id = m.goal_id "
        "LEFT JOIN subcommittees s ON s.id = p.subcommittee_id "
        "WHERE p.council_id = ? AND p.fiscal_year = ? AND (? IS NULL OR p.action_id = ?) "
        "ORDER BY p.sort_order, p.starts_on, p.id", (council_id, fiscal_year, action_id, action_id))
    costs = figures.project_costs(store, council_id, fiscal_year)
    codes: dict[int, dict[int, str]] = {}
    for row in rows:
        if row["plan_id"] is not None and row["plan_id"] not in codes:
            codes[row["plan_id"]] = action_codes(store, row["plan_id"])
        row["action_code"] = codes.get(row["plan_id"], {}).get(row["action_id"], "")
        row["action_title"] = row["action_title"] or ""
        row["subcommittee_name"] = row["subcommittee_name"] or ""
        row["actual_cost"] = costs.get(row["id"], 0)
        row["collaboration_label"] = labels.label_of(labels.COLLABORATION_FORM_LABELS,
                                                     row["collaboration_form"])
        for key in ("starts_on", "ends_on"):
            row[key] = date.fromisoformat(row[key]) if row[key] else None
    return rows


def get_project(store: Store, project_id: int) -> ProjectRow:
    """One project as in :func:`list_projects`. Raises UserError when it does not exist."""
    found = store.query("SELECT council_id, fiscal_year FROM projects WHERE id = ?", (project_id,))
    if not found:
        raise UserError(_("The project was not found. It may have been deleted."))
    for row in list_projects(store, found[0]["council_id"], found[0]["fiscal_year"]):
        if row["id"] == project_id:
            return row
    raise UserError(_("The project was not found. It may have been deleted."))


def create_project(store: Store, council_id: int, fiscal_year: int,
                   values: dict) -> tuple[int, Changes]:
    """Add a project to a 年度 (at the end of its order); ``values`` needs ``name`` and may have
    any of :data:`PROJECT_FIELDS`. Returns ``(project_id, Changes)``.

    Raises ValidationError (field named): no name, a date outside the 年度, end before start,
    participants or budget not a whole number ≥ 0, an action of another council.
    """
    councils.ensure_council(store, council_id)
    fiscal_year = clean_fiscal_year(fiscal_year)
    clean = _clean(store, council_id, fiscal_year, {"name": values.get("name", ""), **values})
    _check_dates(clean.get("starts_on"), clean.get("ends_on"))
    with store.transaction() as db:
        order = db.execute("SELECT coalesce(max(sort_order), 0) + 1 FROM projects WHERE "
                           "council_id = ? AND fiscal_year = ?", (council_id, fiscal_year)
                           ).fetchone()[0]
        project_id = db["projects"].insert({**clean, "council_id": council_id,
                                            "fiscal_year": fiscal_year,
                                            "sort_order": order}).last_pk
    return project_id, plan_changed(council_id)


def update_project(store: Store, project_id: int, values: dict) -> Changes:
    """Change fields of :data:`PROJECT_FIELDS` (same rules as :func:`create_project`)."""
    row = _row(store, project_id)
    clean = _clean(store, row["council_id"], row["fiscal_year"], values)
    _check_dates(clean.get("starts_on", row["starts_on"]), clean.get("ends_on", row["ends_on"]))
    if clean:
        with store.transaction() as db:
            db["projects"].update(project_id, clean)
    return plan_changed(row["council_id"])


def delete_project(store: Store, project_id: int) -> Changes:
    """Delete a project; its 出納簿 entries stay and lose the link — through the change log
    (store/audit.py), so ``check`` does not report them as changed outside the app. Raises
    YearClosed when one of them is in a closed 年度."""
    row = _row(store, project_id)
    with store.transaction() as db:
        for (entry_id,) in db.execute("SELECT id FROM cash_book_entries WHERE project_id = ?",
                                      (project_id,)).fetchall():
            audit.update_row(db, "cash_book_entries", {"id": entry_id}, {"project_id": None})
        db.execute("DELETE FROM projects WHERE id = ?", (project_id,))
    return plan_changed(row["council_id"])


def _row(store: Store, project_id: int) -> dict:
    rows = store.query("SELECT * FROM projects WHERE id = ?", (project_id,))
    if not rows:
        raise UserError(_("The project was not found. It may have been deleted."))
    return rows[0]


def _clean(store: Store, council_id: int, fiscal_year: int, values: dict) -> dict:
    clean: dict = {}
    for key, value in values.items():
        if key not in PROJECT_FIELDS:
            raise ValueError(f"not a project field: {key}")
        if key == "name":
            clean[key] = clean_text(value)
            if not clean[key]:
                raise ValidationError(_("Enter the project's name."), field=key)
        elif key in ("starts_on", "ends_on"):
            clean[key] = _date_in_year(value, fiscal_year, key)
        elif key in ("expected_participants", "actual_participants", "budget"):
            clean[key] = _count(value, key, allow_none=key != "budget")
        elif key == "action_id":
            clean[key] = _action(store, council_id, value)
        elif key == "subcommittee_id":
            clean[key] = _subcommittee(store, council_id, value)
        elif key == "fund_code":
            clean[key] = value or None
        elif key == "collaboration_form":
            if value and value not in labels.COLLABORATION_FORM_LABELS:
                raise ValidationError(_("Choose the form of collaboration from the list."),
                                      field=key)
            clean[key] = value or None
        else:
            clean[key] = clean_text(value, multiline=key in _MULTILINE)
    return clean


def _date_in_year(value, fiscal_year: int, field: str) -> str | None:
    iso = clean_date(value, field)
    if iso and not wareki.fiscal_year_contains(fiscal_year, date.fromisoformat(iso)):
        raise ValidationError(_("Enter a date within {fiscal_year} (April 1 to March 31).")
                              .format(fiscal_year=wareki.format_fiscal_year(fiscal_year)),
                              field=field)
    return iso


def _check_dates(starts_on: str | None, ends_on: str | None) -> None:
    if starts_on and ends_on and ends_on < starts_on:
        raise ValidationError(_("The end date cannot come before the start date."),
                              field="ends_on")


def _count(value, field: str, *, allow_none: bool) -> int | None:
    if value in (None, "") and allow_none:
        return None
    if isinstance(value, str):
        from kyodo_desktop.domain.money import parse_yen

        try:
            value = parse_yen(value.replace("人", ""))
        except ValidationError as error:
            raise ValidationError(error.message, field=field) from error
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValidationError(_("Enter a whole number, 0 or more."), field=field)
    return value


def _action(store: Store, council_id: int, value) -> int | None:
    if value in (None, ""):
        return None
    if plan_of(store, "action", int(value))["council_id"] != council_id:
        raise ValidationError(_("Choose an action of this council's plan."), field="action_id")
    return int(value)


def _subcommittee(store: Store, council_id: int, value) -> int | None:
    if value in (None, ""):
        return None
    if not store.scalar("SELECT 1 FROM subcommittees WHERE id = ? AND council_id = ?",
                        (value, council_id)):
        raise ValidationError(_("Choose the subcommittee from the list."), field="subcommittee_id")
    return int(value)
