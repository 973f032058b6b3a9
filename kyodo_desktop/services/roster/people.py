"""People of a council (役員, 自治会長, 部員 …): list in 五十音順, edit, find, delete.

氏名 is required; ふりがな is stored in hiragana and decides the order everywhere
(:func:`kyodo_desktop.domain.text.name_sort_key`). 郵便番号, 住所, 電話番号 and メール are
personal (:data:`PERSONAL_FIELDS`): public prints (the handbook's public edition …) call
:func:`public_view` to leave them out. Every write returns ``Changes.of(ROSTER, council_id=…)``.
"""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar, cast

from kyodo_desktop.domain import text
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.changes import ROSTER, Changes
from kyodo_desktop.services.roster.officers import body_name_sql, role_title
from kyodo_desktop.services.roster.rows import PersonListRow, PersonRow, PresidentContact
from kyodo_desktop.services.roster.validate import (
    CONTACT_CLEANERS,
    RosterValidationError,
    clean_fields,
    clean_kana,
    clean_name,
    clean_notes,
    clean_plain,
)
from kyodo_desktop.store import Store

#: Columns of ``people`` the editor sets.
PERSON_FIELDS = ("name", "name_kana", "postal_code", "address", "phone", "email", "notes")
#: Personal fields: omitted from public prints.
PERSONAL_FIELDS = ("postal_code", "address", "phone", "email")

#: A row shape of this area (public_view keeps the shape it is given).
Row = TypeVar("Row", PersonRow, PersonListRow, PresidentContact)

_CLEANERS = {
    "name": lambda v: clean_name(v, _("Enter the person's name.")),
    "name_kana": clean_kana, **CONTACT_CLEANERS, "notes": clean_notes,
}


def public_view(person: Row) -> Row:
    """A copy of a person's row (any of this area's row shapes) with the
    :data:`PERSONAL_FIELDS` emptied (for public prints); the keys stay the same."""
    return cast(Row, {**person, **dict.fromkeys((f for f in PERSONAL_FIELDS if f in person), "")})


def list_people(store: Store, council_id: int, *, search: str = "",
                on: date | None = None) -> list[PersonListRow]:
    """The council's people in 五十音順 of ふりがな.

    Keys: the ``people`` columns plus ``roles`` — the offices held on ``on`` (default today) as
    Japanese text, e.g. 「自治会長（湯田温泉一丁目自治会）、理事」. ``search`` matches name,
    ふりがな or phone (全角/半角, カタカナ/ひらがな alike).
    """
    rows = store.query("SELECT * FROM people WHERE council_id = ?", (council_id,))
    roles = _roles_on(store, council_id, (on or date.today()).isoformat())
    needle = text.to_hiragana(clean_plain(search)).replace(" ", "")
    found = []
    for row in rows:
        haystack = text.to_hiragana(clean_plain(row["name"] + row["name_kana"] + row["phone"]))
        if needle and needle not in haystack.replace(" ", ""):
            continue
        row["roles"] = "、".join(roles.get(row["id"], []))
        found.append(row)
    return sorted(found, key=lambda r: (text.name_sort_key(r["name"], r["name_kana"]), r["id"]))


def _roles_on(store: Store, council_id: int, on: str) -> dict[int, list[str]]:
    rows = store.query(
        f"SELECT t.person_id, t.role, o.kind AS org_kind, {body_name_sql()} AS body_name, "
        "t.council_id IS NOT NULL AS of_council FROM officer_terms t "
        "JOIN people p ON p.id = t.person_id "
        "LEFT JOIN member_organizations o ON o.id = t.organization_id "
        "LEFT JOIN subcommittees s ON s.id = t.subcommittee_id "
        "WHERE p.council_id = ? AND t.starts_on <= ? AND coalesce(t.ends_on, '9999') >= ? "
        "ORDER BY t.council_id IS NULL, t.role, t.id", (council_id, on, on))
    found: dict[int, list[str]] = {}
    for row in rows:
        title = role_title(row["role"], row["org_kind"])
        label = title if row["of_council"] else f"{title}（{row['body_name']}）"
        found.setdefault(row["person_id"], []).append(label)
    return found


def people_by_id(store: Store, council_id: int) -> dict[int, PersonRow]:
    """Every person of the council as ``{id: row}`` (personal fields included: staff use only)."""
    return {p["id"]: p for p in store.query("SELECT * FROM people WHERE council_id = ?",
                                            (council_id,))}


def names(store: Store, council_id: int, *, organizations: bool = False) -> list[tuple[str, str]]:
    """``[(name, ふりがな)]`` of the council's people, or of its member organisations (left ones
    too): what an import compares new rows against to find duplicates."""
    table = "member_organizations" if organizations else "people"
    return [(r["name"], r["name_kana"]) for r in store.query(
        f"SELECT name, name_kana FROM {table} WHERE council_id = ?", (council_id,))]


def get_person(store: Store, person_id: int) -> PersonRow:
    """The person's row. Raises UserError when they are no longer in the data file."""
    rows = store.query("SELECT * FROM people WHERE id = ?", (person_id,))
    if not rows:
        raise UserError(_("This person no longer exists in the data file."))
    return rows[0]


def find_person(store: Store, council_id: int, name: str, name_kana: str = "") -> int | None:
    """The id of the council's person with this 氏名 (compared without spaces, 全角/半角 alike)
    and, when both are known, this ふりがな; None when there is none. The oldest wins."""
    key = clean_plain(name).replace(" ", "")
    kana = text.to_hiragana(clean_plain(name_kana)).replace(" ", "")
    for row in store.query("SELECT id, name, name_kana FROM people WHERE council_id = ? "
                           "ORDER BY id", (council_id,)):
        if clean_plain(row["name"]).replace(" ", "") != key:
            continue
        stored = text.to_hiragana(clean_plain(row["name_kana"])).replace(" ", "")
        if not kana or not stored or stored == kana:
            return row["id"]
    return None


def clean_person(values: dict, *, creating: bool) -> dict[str, Any]:
    """Validated ``people`` values (keys of :data:`PERSON_FIELDS`). Raises
    RosterValidationError (name missing when ``creating``, bad kana, phone, e-mail …)."""
    clean = clean_fields(values, _CLEANERS)
    if creating and "name" not in clean:
        raise RosterValidationError({"name": _("Enter the person's name.")})
    return clean


def create_person(store: Store, council_id: int, values: dict) -> tuple[int, Changes]:
    """Add a person; returns ``(id, Changes)``. Raises RosterValidationError."""
    clean = clean_person(values, creating=True)
    with store.transaction() as db:
        new_id = db["people"].insert({**clean, "council_id": council_id}).last_pk
    return new_id, Changes.of(ROSTER, council_id=council_id)


def update_person(store: Store, person_id: int, values: dict) -> Changes:
    """Save the given fields of a person. Raises RosterValidationError or UserError (gone)."""
    council_id = get_person(store, person_id)["council_id"]
    clean = clean_person(values, creating=False)
    if clean:
        with store.transaction() as db:
            db["people"].update(person_id, clean)
    return Changes.of(ROSTER, council_id=council_id)


def person_usage(store: Store, person_id: int) -> list[str]:
    """What refers to the person, as Japanese lines for the delete confirmation ([] if none)."""
    count = store.scalar("SELECT count(*) FROM officer_terms WHERE person_id = ?", (person_id,))
    return [_("{count} officer terms (history included)").format(count=count)] if count else []


def delete_person(store: Store, person_id: int) -> Changes:
    """Delete a person with their 任期 (the caller confirmed it with :func:`person_usage`).
    Undoable through :func:`kyodo_desktop.services.changes.undoable`. Raises UserError when
    gone."""
    council_id = get_person(store, person_id)["council_id"]
    with store.transaction() as db:
        db.execute("DELETE FROM officer_terms WHERE person_id = ?", (person_id,))
        db.execute("DELETE FROM people WHERE id = ?", (person_id,))
    return Changes.of(ROSTER, council_id=council_id)
