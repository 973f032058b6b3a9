"""構成団体 (member organisations) of a council: list, totals, editing, 世帯数 per 年度, deletion.

Rules: an organisation belongs to the council in a 年度 when ``joined_on`` ≤ 3月31日 and
``left_on`` is empty or ≥ 4月1日 of that 年度. 世帯数 / 加入世帯数 are as of 4月1日 of the 年度
(glossary), one row per 自治会 and 年度; 加入世帯数 ≤ 世帯数 (schema CHECK, and a Japanese message
here). 加入率 = 加入世帯数 ÷ 世帯数 over the 自治会 of the year that have figures. Lists are in
五十音順 of the ふりがな (:func:`kyodo_desktop.domain.text.name_sort_key`). The 代表者 shown is
the 会長 whose 任期 covers the reference date (:func:`officers.reference_date`).
Every write returns ``Changes.of(ROSTER, council_id=…)``.
"""

from __future__ import annotations

from datetime import date

from kyodo_desktop.domain import text, wareki
from kyodo_desktop.domain.labels import ORGANIZATION_KIND_LABELS
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.changes import ROSTER, Changes
from kyodo_desktop.services.roster.officers import reference_date
from kyodo_desktop.services.roster.rows import HouseholdYear, OrganizationListRow, OrganizationRow
from kyodo_desktop.services.roster.totals import (
    NEIGHBORHOOD,
    RosterTotals,
    belongs_sql,
    membership_history,
    membership_rate,
    roster_totals,
)
from kyodo_desktop.services.roster.usage import usage_lines
from kyodo_desktop.services.roster.validate import (
    CONTACT_CLEANERS,
    RosterValidationError,
    clean_count,
    clean_date,
    clean_fields,
    clean_kana,
    clean_name,
    clean_notes,
    clean_plain,
    to_date,
)
from kyodo_desktop.store import Store

__all__ = ["NEIGHBORHOOD", "ORGANIZATION_FIELDS", "RosterTotals", "clean_household_figures",
           "clean_kind", "create_organization", "delete_organization", "get_organization",
           "household_history", "list_organizations", "membership_history",
           "organization_kinds", "organization_usage", "roster_totals", "set_households",
           "update_organization"]

#: Columns of ``member_organizations`` the editor sets.
ORGANIZATION_FIELDS = ("kind", "name", "name_kana", "postal_code", "address", "phone", "email",
                       "joined_on", "left_on", "notes")


def clean_kind(value: object) -> str:
    """団体種別: a code or its Japanese label → the code. Raises ValidationError (field "kind")."""
    code = clean_plain(value)
    by_label = {label: key for key, label in ORGANIZATION_KIND_LABELS.items()}
    code = by_label.get(code, code)
    if code not in ORGANIZATION_KIND_LABELS:
        raise ValidationError(_("Choose the kind of group from the list."), field="kind")
    return code


_CLEANERS = {
    "kind": clean_kind,
    "name": lambda v: clean_name(v, _("Enter the group's name.")),
    "name_kana": clean_kana, **CONTACT_CLEANERS,
    "joined_on": lambda v: clean_date(v, "joined_on"),
    "left_on": lambda v: clean_date(v, "left_on"), "notes": clean_notes,
}


def organization_kinds() -> list[tuple[str, str]]:
    """``[(code, 団体種別 label)]`` in the glossary's order (自治会 first, その他 last)."""
    return list(ORGANIZATION_KIND_LABELS.items())


def list_organizations(store: Store, council_id: int, fiscal_year: int, *, kind: str | None = None,
                       search: str = "", include_left: bool = False,
                       today: date | None = None) -> list[OrganizationListRow]:
    """The council's organisations as dicts, in 五十音順.

    Keys: the ``member_organizations`` columns (dates as ISO text), ``kind_name`` (団体種別),
    ``belongs`` (bool: member in ``fiscal_year``), ``representative`` / ``representative_id``
    (the 会長 on the reference date, "" / None), ``households`` / ``member_households`` (int or
    None: the year's figures) and ``membership_rate`` (float or None). Filters: ``kind`` code;
    ``search`` matched against name and ふりがな (全角/半角, カタカナ/ひらがな alike);
    ``include_left`` also lists groups not belonging in the year.
    """
    on = reference_date(fiscal_year, today).isoformat()
    params = {"council": council_id, "fy": fiscal_year, "on": on,
              "fy_start": wareki.fiscal_year_start(fiscal_year).isoformat(),
              "fy_end": wareki.fiscal_year_end(fiscal_year).isoformat()}
    rows = store.query(
        f"SELECT o.*, {belongs_sql()} AS belongs, h.households, h.member_households, "
        "(SELECT p.id FROM officer_terms t JOIN people p ON p.id = t.person_id "
        " WHERE t.organization_id = o.id AND t.role = 'president' AND t.starts_on <= :on "
        " AND coalesce(t.ends_on, '9999') >= :on ORDER BY t.starts_on DESC LIMIT 1) "
        "AS representative_id FROM member_organizations o LEFT JOIN organization_households h "
        "ON h.organization_id = o.id AND h.fiscal_year = :fy WHERE o.council_id = :council",
        params)
    names = _person_names(store, {r["representative_id"] for r in rows})
    needle = text.to_hiragana(clean_plain(search)).replace(" ", "")
    found = []
    for row in rows:
        row["belongs"] = bool(row["belongs"])
        if (kind and row["kind"] != kind) or (not include_left and not row["belongs"]):
            continue
        haystack = text.to_hiragana(clean_plain(row["name"] + row["name_kana"])).replace(" ", "")
        if needle and needle not in haystack:
            continue
        row["kind_name"] = ORGANIZATION_KIND_LABELS.get(row["kind"], row["kind"])
        row["representative"] = names.get(row["representative_id"], "")
        row["membership_rate"] = membership_rate(row["households"], row["member_households"])
        found.append(row)
    return sorted(found, key=lambda r: (text.name_sort_key(r["name"], r["name_kana"]), r["id"]))


def _person_names(store: Store, ids: set) -> dict[int, str]:
    ids = [i for i in ids if i is not None]
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    return {r["id"]: r["name"] for r in store.query(
        f"SELECT id, name FROM people WHERE id IN ({marks})", tuple(ids))}


def get_organization(store: Store, organization_id: int) -> OrganizationRow:
    """The organisation's row (``joined_on`` / ``left_on`` as ``date`` or None) plus
    ``kind_name``. Raises UserError when it no longer exists."""
    rows = store.query("SELECT * FROM member_organizations WHERE id = ?", (organization_id,))
    if not rows:
        raise UserError(_("This group no longer exists in the data file."))
    row = rows[0]
    row["joined_on"], row["left_on"] = to_date(row["joined_on"]), to_date(row["left_on"])
    row["kind_name"] = ORGANIZATION_KIND_LABELS.get(row["kind"], row["kind"])
    return row


def _validated(values: dict, *, creating: bool) -> dict:
    clean = clean_fields(values, _CLEANERS)
    if creating:
        clean.setdefault("kind", NEIGHBORHOOD)
        if "name" not in clean:
            raise RosterValidationError({"name": _("Enter the group's name.")})
    joined, left = clean.get("joined_on"), clean.get("left_on")
    if joined and left and left < joined:
        raise RosterValidationError({"left_on": _("The date of leaving is before the date of "
                                                  "joining.")})
    return clean


def create_organization(store: Store, council_id: int, values: dict) -> tuple[int, Changes]:
    """Add an organisation; ``values`` keys from :data:`ORGANIZATION_FIELDS` (``kind`` defaults
    to 自治会; a 団体種別 label is accepted too). Returns ``(id, Changes)``.

    Raises RosterValidationError (name missing, bad phone, postal code, date …).
    """
    clean = _validated(values, creating=True)
    order = store.scalar("SELECT coalesce(max(sort_order), 0) + 1 FROM member_organizations "
                         "WHERE council_id = ?", (council_id,))
    with store.transaction() as db:
        new_id = db["member_organizations"].insert(
            {**clean, "council_id": council_id, "sort_order": order}).last_pk
    return new_id, Changes.of(ROSTER, council_id=council_id)


def update_organization(store: Store, organization_id: int, values: dict) -> Changes:
    """Save the given fields of an organisation. Raises RosterValidationError or UserError
    (gone)."""
    current = get_organization(store, organization_id)
    clean = _validated({**{k: current[k] for k in ("joined_on", "left_on")}, **values},
                       creating=False)
    if clean:
        with store.transaction() as db:
            db["member_organizations"].update(organization_id, clean)
    return Changes.of(ROSTER, council_id=current["council_id"])


def set_households(store: Store, organization_id: int, fiscal_year: int,
                   households: object, member_households: object) -> Changes:
    """Store 世帯数 and 加入世帯数 (as of 4月1日 of ``fiscal_year``); both empty removes the year's
    figures. Text with 全角 digits or 「世帯」 is accepted.

    Raises RosterValidationError: one figure missing, not a whole number, or 加入世帯数 > 世帯数.
    """
    council_id = get_organization(store, organization_id)["council_id"]
    figures = clean_household_figures(households, member_households)
    with store.transaction() as db:
        db.execute("DELETE FROM organization_households WHERE organization_id = ? "
                   "AND fiscal_year = ?", (organization_id, fiscal_year))
        if figures is not None:
            db["organization_households"].insert({
                "organization_id": organization_id, "fiscal_year": fiscal_year,
                "households": figures[0], "member_households": figures[1]})
    return Changes.of(ROSTER, council_id=council_id)


def clean_household_figures(households: object, member_households: object
                            ) -> tuple[int, int] | None:
    """``(世帯数, 加入世帯数)`` as ints, or None when both are empty.

    Raises RosterValidationError (fields ``households`` / ``member_households``).
    """
    errors: dict[str, str] = {}
    values: dict[str, int | None] = {}
    for field, value in (("households", households), ("member_households", member_households)):
        try:
            values[field] = clean_count(value, field)
        except ValidationError as error:
            errors[field] = error.message
    if errors:
        raise RosterValidationError(errors)
    total, members = values["households"], values["member_households"]
    if total is None and members is None:
        return None
    if total is None:
        raise RosterValidationError({"households": _("Enter the number of households too.")})
    if members is None:
        raise RosterValidationError({"member_households": _(
            "Enter the number of member households too.")})
    if members > total:
        raise RosterValidationError({"member_households": _(
            "Member households ({members}) cannot exceed households ({households}).").format(
            members=members, households=total)})
    return total, members


def household_history(store: Store, organization_id: int) -> list[HouseholdYear]:
    """``[{"fiscal_year", "households", "member_households"}]`` of an organisation, newest
    first."""
    return store.query("SELECT fiscal_year, households, member_households FROM "
                       "organization_households WHERE organization_id = ? "
                       "ORDER BY fiscal_year DESC", (organization_id,))


def organization_usage(store: Store, organization_id: int) -> list[str]:
    """What refers to the organisation, as Japanese lines for the delete confirmation ([] when
    nothing does): 任期, 専門部会 memberships, 推進項目 it carries out, years of 世帯数."""
    counts = [
        (_("{count} officer terms (history included)"),
         "SELECT count(*) FROM officer_terms WHERE organization_id = ?"),
        (_("member of {count} subcommittees"),
         "SELECT count(*) FROM subcommittee_organizations WHERE organization_id = ?"),
        (_("responsible for {count} plan actions"),
         "SELECT count(*) FROM plan_actions WHERE responsible_organization_id = ?"),
        (_("household figures of {count} fiscal years"),
         "SELECT count(*) FROM organization_households WHERE organization_id = ?"),
        (_("{count} membership fee payments"),
         "SELECT count(*) FROM dues_payments WHERE organization_id = ?"),
    ]
    return usage_lines(store, counts, organization_id)


def delete_organization(store: Store, organization_id: int) -> Changes:
    """Delete an organisation with its 世帯数, 任期 and 部会 memberships (the schema cascades);
    推進項目 it carried out keep their other 実施主体. Undoable through
    :func:`kyodo_desktop.services.changes.undoable`. Raises UserError when it is gone or has
    会費 payments (booked in the 出納簿: record 退会日 instead)."""
    council_id = get_organization(store, organization_id)["council_id"]
    if store.scalar("SELECT 1 FROM dues_payments WHERE organization_id = ? LIMIT 1",
                    (organization_id,)):
        raise UserError(_("This association has membership fee payments in the cash book and "
                          "cannot be deleted. Enter the date it left instead."))
    with store.transaction() as db:
        db.execute("DELETE FROM member_organizations WHERE id = ?", (organization_id,))
    return Changes.of(ROSTER, council_id=council_id)
