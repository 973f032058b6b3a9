"""役員 and their 任期: who holds which role in the council, a 構成団体 or a 専門部会, and when.

History is never overwritten (glossary: 任期): a change of holder closes the running term on the
day before the change (:func:`change_holder`) and opens a new one. A person may hold several
roles. Rules checked here (Japanese ValidationError): the role must suit the body
(:data:`ROLES_BY_BODY`), ``ends_on`` ≥ ``starts_on``, a person's terms in one role of one body do
not overlap, and a single-holder role (:data:`SINGLE_HOLDER_ROLES`: 会長, 事務局長, 会計, 部会長)
has one holder at a time. 監事 may not also be 会長 or 会計 of the council (監事 audits them):
that is a warning (:func:`auditor_warnings`), not a refusal, because councils sometimes must live
with it for a while. Every write returns ``Changes.of(ROSTER, council_id=…)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from kyodo_desktop.domain import text, wareki
from kyodo_desktop.domain.labels import ROLE_LABELS
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.changes import ROSTER, Changes
from kyodo_desktop.services.roster.rows import OfficerTerm, OfficerTermListRow
from kyodo_desktop.services.roster.validate import clean_notes, iso, to_date
from kyodo_desktop.store import Store

COUNCIL, ORGANIZATION, SUBCOMMITTEE = "council", "organization", "subcommittee"
ROLES_BY_BODY = {
    COUNCIL: ("president", "vice_president", "secretary_general", "treasurer", "auditor",
              "director", "office_staff", "advisor"),
    ORGANIZATION: ("president", "vice_president", "secretary_general", "treasurer", "auditor",
                   "director", "advisor"),
    SUBCOMMITTEE: ("chair", "vice_chair", "member", "advisor"),
}
SINGLE_HOLDER_ROLES = ("president", "secretary_general", "treasurer", "chair")
#: Council roles a 監事 must not hold at the same time (監事 audits them).
AUDITED_ROLES = ("president", "treasurer")
_COLUMN = {COUNCIL: "council_id", ORGANIZATION: "organization_id", SUBCOMMITTEE: "subcommittee_id"}
_FAR = "9999-12-31"


@dataclass(frozen=True)
class Body:
    """Where a role is held: ``kind`` one of council / organization / subcommittee, ``id``."""

    kind: str
    id: int

    @property
    def column(self) -> str:
        """The ``officer_terms`` column naming this body."""
        return _COLUMN[self.kind]


def reference_date(fiscal_year: int, today: date | None = None) -> date:
    """The day whose holders a 年度's lists show: today within the year, 3月31日 of a past year,
    4月1日 of a future one."""
    today = today or date.today()
    return max(wareki.fiscal_year_start(fiscal_year),
               min(today, wareki.fiscal_year_end(fiscal_year)))


def role_title(role: str, org_kind: str | None = None) -> str:
    """The role as people say it: 「会長」, but 「自治会長」 for the 会長 of a 自治会."""
    if role == "president" and org_kind == "neighborhood_association":
        return "自治会長"
    return ROLE_LABELS.get(role, role)


def body_name_sql() -> str:
    """SQL of a term's body name, given the aliases ``o`` (member_organizations) and ``s``
    (subcommittees) joined to the term; "" for a council term."""
    return "coalesce(o.name, s.name, '')"


def council_of(store: Store, body: Body) -> int:
    """The council id that ``body`` belongs to. Raises UserError when the body is gone."""
    if body.kind == COUNCIL:
        found = store.scalar("SELECT id FROM councils WHERE id = ?", (body.id,))
    else:
        table = "member_organizations" if body.kind == ORGANIZATION else "subcommittees"
        found = store.scalar(f"SELECT council_id FROM {table} WHERE id = ?", (body.id,))
    if found is None:
        raise UserError(_("This group or subcommittee no longer exists in the data file."))
    return found


def list_terms(store: Store, council_id: int, *, body: Body | None = None,
               person_id: int | None = None, on: date | None = None,
               current_only: bool = False) -> list[OfficerTermListRow]:
    """任期 of the council (all bodies) or of one ``body`` / ``person_id``, history included.

    Each dict: ``id, person_id, person_name, person_kana, phone, role, role_name`` (「自治会長」
    style), ``body_kind, body_id, body_name, org_kind, starts_on`` (date), ``ends_on`` (date or
    None), ``notes``, ``current`` (term covers ``on``, default today). ``current_only`` keeps the
    current ones. Order: council, then 構成団体 (五十音順), then 部会 (their order); inside a body
    by role, then current before past, then ふりがな.
    """
    on_text = (on or date.today()).isoformat()
    where, params = ["coalesce(t.council_id, o.council_id, s.council_id) = ?"], [council_id]
    if body is not None:
        where.append(f"t.{body.column} = ?")
        params.append(body.id)
    if person_id is not None:
        where.append("t.person_id = ?")
        params.append(person_id)
    rows = store.query(
        "SELECT t.*, p.name AS person_name, p.name_kana AS person_kana, p.phone, "
        f"o.kind AS org_kind, o.name_kana AS org_kana, s.sort_order AS sub_order, "
        f"{body_name_sql()} AS body_name, r.sort_order AS role_order FROM officer_terms t "
        "JOIN people p ON p.id = t.person_id JOIN roles r ON r.code = t.role "
        "LEFT JOIN member_organizations o ON o.id = t.organization_id "
        "LEFT JOIN subcommittees s ON s.id = t.subcommittee_id WHERE " + " AND ".join(where),
        tuple(params))
    terms = [_term(row, on_text) for row in rows]
    if current_only:
        terms = [t for t in terms if t["current"]]
    return sorted(terms, key=_term_order)


def _term(row: dict, on: str) -> dict:
    kind = next(k for k, column in _COLUMN.items() if row[column] is not None)
    row["current"] = row["starts_on"] <= on <= (row["ends_on"] or _FAR)
    row.update(body_kind=kind, body_id=row[_COLUMN[kind]],
               role_name=role_title(row["role"], row["org_kind"]),
               body_name=row["body_name"] if kind != COUNCIL else _("Council"),
               starts_on=to_date(row["starts_on"]), ends_on=to_date(row["ends_on"]))
    return row


def _term_order(term: dict) -> tuple:
    rank = (COUNCIL, ORGANIZATION, SUBCOMMITTEE).index(term["body_kind"])
    body_key = (term["sub_order"] or 0, "") if rank == 2 else (
        0, text.kana_sort_key(term["org_kana"] or term["body_name"]))
    return (rank, body_key, term["body_id"], term["role_order"], not term["current"],
            text.name_sort_key(term["person_name"], term["person_kana"]),
            -term["starts_on"].toordinal())


def get_term(store: Store, term_id: int) -> OfficerTerm:
    """One ``officer_terms`` row (dates as ``date``) plus ``body`` (:class:`Body`). Raises
    UserError when it no longer exists."""
    rows = store.query("SELECT * FROM officer_terms WHERE id = ?", (term_id,))
    if not rows:
        raise UserError(_("This officer term no longer exists in the data file."))
    row = rows[0]
    kind = next(k for k, column in _COLUMN.items() if row[column] is not None)
    row.update(body=Body(kind, row[_COLUMN[kind]]), starts_on=to_date(row["starts_on"]),
               ends_on=to_date(row["ends_on"]))
    return row


def _check_term(store: Store, person_id: int, role: str, body: Body, starts_on: date,
                ends_on: date | None, *, ignore: tuple[int, ...] = ()) -> int:
    """Validate a term; return the council id. Raises ValidationError / UserError."""
    council_id = council_of(store, body)
    person = store.query("SELECT council_id FROM people WHERE id = ?", (person_id,))
    if not person or person[0]["council_id"] != council_id:
        raise ValidationError(_("Choose a person of this council."), field="person_id")
    if role not in ROLES_BY_BODY[body.kind]:
        raise ValidationError(_("This role cannot be held here: {role}.").format(
            role=ROLE_LABELS.get(role, role)), field="role")
    if starts_on is None:
        raise ValidationError(_("Enter the date the term starts."), field="starts_on")
    if ends_on is not None and ends_on < starts_on:
        raise ValidationError(_("The term ends before it starts."), field="ends_on")
    marks = ", ".join("?" for _ in ignore) or "-1"
    overlapping = store.query(
        f"SELECT t.person_id, p.name FROM officer_terms t JOIN people p ON p.id = t.person_id "
        f"WHERE t.{body.column} = ? AND t.role = ? AND t.id NOT IN ({marks}) "
        "AND t.starts_on <= ? AND coalesce(t.ends_on, ?) >= ?",
        (body.id, role, *ignore, iso(ends_on) or _FAR, _FAR, iso(starts_on)))
    if any(row["person_id"] == person_id for row in overlapping):
        raise ValidationError(_("This person already holds this role during that period."),
                              field="starts_on")
    if role in SINGLE_HOLDER_ROLES and overlapping:
        raise ValidationError(_("{name} holds this role during that period. Use “Change holder” "
                                "to hand it over on a given day.").format(
            name=overlapping[0]["name"]), field="person_id")
    return council_id


def appoint(store: Store, person_id: int, role: str, body: Body, starts_on: date,
            ends_on: date | None = None, notes: str = "") -> tuple[int, Changes, list[str]]:
    """Open a 任期. Returns ``(term id, Changes, warnings)``; warnings are Japanese lines of
    :func:`auditor_warnings` about this person. Raises ValidationError (see module doc)."""
    council_id = _check_term(store, person_id, role, body, starts_on, ends_on)
    with store.transaction() as db:
        term_id = db["officer_terms"].insert({
            "person_id": person_id, "role": role, body.column: body.id,
            "starts_on": iso(starts_on), "ends_on": iso(ends_on),
            "notes": clean_notes(notes)}).last_pk
    return term_id, Changes.of(ROSTER, council_id=council_id), auditor_warnings(
        store, council_id, person_id=person_id)


def change_holder(store: Store, term_id: int, person_id: int, on: date, *,
                  ends_on: date | None = None, notes: str = ""
                  ) -> tuple[int, Changes, list[str]]:
    """Hand the role of term ``term_id`` to ``person_id`` from day ``on``: the old term ends the
    day before (unless it ended already), a new one starts ``on`` and ends ``ends_on`` (default:
    when the old one was to end). Returns ``(new term id, Changes, warnings)``.

    Raises ValidationError when ``on`` is not after the old term's start, or as :func:`appoint`.
    """
    old = get_term(store, term_id)
    if on <= old["starts_on"]:
        raise ValidationError(_("The day of the change must be after the current term started "
                                "({day}).").format(day=wareki.format_wareki(old["starts_on"])),
                              field="starts_on")
    closes = old["ends_on"] is None or old["ends_on"] >= on
    if ends_on is None and closes:
        ends_on = old["ends_on"]
    council_id = _check_term(store, person_id, old["role"], old["body"], on, ends_on,
                             ignore=(term_id,) if closes else ())
    with store.transaction() as db:
        if closes:
            db["officer_terms"].update(term_id, {"ends_on": iso(on - timedelta(days=1))})
        new_id = db["officer_terms"].insert({
            "person_id": person_id, "role": old["role"], old["body"].column: old["body"].id,
            "starts_on": iso(on), "ends_on": iso(ends_on), "notes": clean_notes(notes)}).last_pk
    return new_id, Changes.of(ROSTER, council_id=council_id), auditor_warnings(
        store, council_id, person_id=person_id)


def update_term(store: Store, term_id: int, *, starts_on: date, ends_on: date | None,
                notes: str = "") -> tuple[Changes, list[str]]:
    """Correct the dates or notes of a term (the holder is changed with :func:`change_holder`).
    Returns ``(Changes, warnings)``. Raises ValidationError as :func:`appoint`."""
    old = get_term(store, term_id)
    council_id = _check_term(store, old["person_id"], old["role"], old["body"], starts_on,
                             ends_on, ignore=(term_id,))
    with store.transaction() as db:
        db["officer_terms"].update(term_id, {"starts_on": iso(starts_on), "ends_on": iso(ends_on),
                                             "notes": clean_notes(notes)})
    return Changes.of(ROSTER, council_id=council_id), auditor_warnings(
        store, council_id, person_id=old["person_id"])


def delete_term(store: Store, term_id: int) -> Changes:
    """Delete a term entered by mistake (an ended term is history: end it instead). Undoable
    through :func:`kyodo_desktop.services.changes.undoable`. Raises UserError when gone."""
    council_id = council_of(store, get_term(store, term_id)["body"])
    with store.transaction() as db:
        db.execute("DELETE FROM officer_terms WHERE id = ?", (term_id,))
    return Changes.of(ROSTER, council_id=council_id)


def auditor_warnings(store: Store, council_id: int, *, person_id: int | None = None) -> list[str]:
    """Japanese warnings for each person whose council 監事 term overlaps their council 会長 or
    会計 term (rule: 監事 audits them; issue 3), optionally only for ``person_id``."""
    marks = ", ".join(f"'{role}'" for role in AUDITED_ROLES)
    rows = store.query(
        "SELECT DISTINCT p.name, b.role FROM officer_terms a JOIN officer_terms b "
        "ON a.person_id = b.person_id AND b.council_id = a.council_id "
        f"AND b.role IN ({marks}) AND a.starts_on <= coalesce(b.ends_on, :far) "
        "AND b.starts_on <= coalesce(a.ends_on, :far) JOIN people p ON p.id = a.person_id "
        "WHERE a.council_id = :council AND a.role = 'auditor' "
        "AND (:person IS NULL OR a.person_id = :person) ORDER BY p.name_kana, b.role",
        {"council": council_id, "person": person_id, "far": _FAR})
    return [_("{name} is an auditor and also {role} of the council during the same period. An "
              "auditor checks the president's and the treasurer's work, so these should be "
              "different people.").format(name=row["name"], role=ROLE_LABELS[row["role"]])
            for row in rows]
