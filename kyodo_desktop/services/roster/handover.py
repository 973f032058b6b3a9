"""The yearly handover (引継ぎ) for a new 年度: every role whose term ends, kept or handed over,
the 世帯数 carried forward, and the resulting list of this year's 自治会長.

:func:`handover_items` lists the terms that end during the outgoing 年度 (``fiscal_year - 1``)
and have no successor yet: for a single-holder role (会長, 事務局長, 会計, 部会長) no term of the
role and body covers 4月1日; for the others the same person has no term covering 4月1日. The user
decides each (:class:`Decision`): keep (再任: a new term for the same person), replace (by a
person of the roster or a new one) or vacate (the role stays empty). :func:`apply_handover`
writes every decision and the edited 世帯数 in one transaction, nothing at all on any error. New
terms start 4月1日 and run ``years`` 年度 (default: as long as the ended term).
:func:`neighborhood_presidents` is the 自治会長 list for the handbook and the city.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kyodo_desktop.domain import wareki
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.changes import ROSTER, Changes
from kyodo_desktop.services.roster import officers
from kyodo_desktop.services.roster import organizations as roster
from kyodo_desktop.services.roster import people as roster_people
from kyodo_desktop.services.roster.rows import CarriedHouseholds, PresidentContact
from kyodo_desktop.store import Store

KEEP, REPLACE, VACATE = "keep", "replace", "vacate"
ACTIONS = (KEEP, REPLACE, VACATE)
ASSOCIATION = "association"  # the group of 自治会 terms in the wizard


@dataclass(frozen=True)
class HandoverItem:
    """A term that ends: ids, Japanese names, dates (``date``) and the default length in 年度."""

    term_id: int
    role: str
    role_name: str
    body_kind: str
    body_id: int
    body_name: str
    person_id: int
    person_name: str
    person_kana: str
    phone: str
    starts_on: date
    ends_on: date
    years: int
    group: str  # council / association / organization / subcommittee


@dataclass(frozen=True)
class Decision:
    """What to do with the term ``term_id``: ``action`` keep / replace / vacate; for replace an
    existing ``person_id`` or ``new_person`` values (:data:`roster_people.PERSON_FIELDS`);
    ``years`` the new term's length in 年度 (None: the item's default)."""

    term_id: int
    action: str = KEEP
    person_id: int | None = None
    new_person: dict | None = None
    years: int | None = None


@dataclass
class HandoverResult:
    """What :func:`apply_handover` wrote: counts and the 監事 warnings (Japanese)."""

    changes: Changes
    kept: int = 0
    replaced: int = 0
    vacated: int = 0
    new_people: int = 0
    households: int = 0
    warnings: list[str] = field(default_factory=list)


def _years(starts_on: date, ends_on: date) -> int:
    return min(4, max(1, round(((ends_on - starts_on).days + 1) / 365.25)))


def handover_items(store: Store, council_id: int, fiscal_year: int) -> list[HandoverItem]:
    """The terms ending in 年度 ``fiscal_year - 1`` without a successor (see the module doc), in
    the order of :func:`officers.list_terms` (council, 自治会 and groups in 五十音順, 部会)."""
    start = wareki.fiscal_year_start(fiscal_year)
    previous = wareki.fiscal_year_start(fiscal_year - 1)
    terms = officers.list_terms(store, council_id, on=start)
    running = [t for t in terms if t["current"]]
    items = []
    for term in terms:
        if term["ends_on"] is None or not previous <= term["ends_on"] < start:
            continue
        same = [t for t in running if t["role"] == term["role"]
                and (t["body_kind"], t["body_id"]) == (term["body_kind"], term["body_id"])]
        if any(t["person_id"] == term["person_id"] for t in same) or (
                same and term["role"] in officers.SINGLE_HOLDER_ROLES):
            continue
        group = (ASSOCIATION if term["org_kind"] == roster.NEIGHBORHOOD else term["body_kind"])
        items.append(HandoverItem(
            term["id"], term["role"], term["role_name"], term["body_kind"], term["body_id"],
            term["body_name"], term["person_id"], term["person_name"], term["person_kana"],
            term["phone"], term["starts_on"], term["ends_on"],
            _years(term["starts_on"], term["ends_on"]), group))
    return items


def apply_handover(store: Store, council_id: int, fiscal_year: int, decisions: list[Decision],
                   households: dict[int, tuple[object, object]] | None = None) -> HandoverResult:
    """Write the ``decisions`` (one per item at most) and ``households`` (``{organization id:
    (世帯数, 加入世帯数)}`` for ``fiscal_year``) in one transaction.

    Raises ValidationError naming the body and role (e.g. a replacement without a person, a bad
    new person, a term that overlaps) or the 自治会 of bad figures; nothing is written then.
    ValueError (a bug) for a decision about a term that is not an item.
    """
    items = {item.term_id: item for item in handover_items(store, council_id, fiscal_year)}
    result = HandoverResult(Changes.of(ROSTER, council_id=council_id))
    start = wareki.fiscal_year_start(fiscal_year)
    with store.transaction():
        for decision in decisions:
            item = items.get(decision.term_id)
            if item is None or decision.action not in ACTIONS:
                raise ValueError(f"not a handover item or action: {decision}")
            try:
                _apply(store, council_id, item, decision, start, result)
            except ValidationError as error:
                raise ValidationError(_("{body} {role}: {message}").format(
                    body=item.body_name or _("Council"), role=item.role_name,
                    message=error.message), field=error.field) from error
        for organization_id, (total, members) in (households or {}).items():
            try:
                roster.set_households(store, organization_id, fiscal_year, total, members)
            except ValidationError as error:
                name = roster.get_organization(store, organization_id)["name"]
                raise ValidationError(_("{body}: {message}").format(
                    body=name, message=error.message), field=error.field) from error
            result.households += 1
    return result


def _apply(store: Store, council_id: int, item: HandoverItem, decision: Decision, start: date,
           result: HandoverResult) -> None:
    if decision.action == VACATE:
        result.vacated += 1
        return
    person_id = item.person_id
    if decision.action == REPLACE:
        person_id = decision.person_id
        if person_id is None and decision.new_person:
            person_id, _changes = roster_people.create_person(store, council_id,
                                                              decision.new_person)
            result.new_people += 1
        if person_id is None:
            raise ValidationError(_("Choose who takes over, or enter a new person."),
                                  field="person_id")
    years = decision.years or item.years
    ends_on = wareki.fiscal_year_end(start.year + years - 1)
    notes = _("Reappointed") if person_id == item.person_id else ""
    _term_id, _changes, warnings = officers.appoint(
        store, person_id, item.role, officers.Body(item.body_kind, item.body_id), start, ends_on,
        notes)
    result.warnings += [w for w in warnings if w not in result.warnings]
    if person_id == item.person_id:
        result.kept += 1
    else:
        result.replaced += 1


def carried_households(store: Store, council_id: int, fiscal_year: int) -> list[CarriedHouseholds]:
    """The 自治会 of ``fiscal_year`` with the figures to edit: the year's own (``carried``
    False) or, when missing, those of the latest earlier year (``carried`` True, ``from_year``).

    Keys: ``id, name, name_kana, households, member_households`` (int or None), ``carried``,
    ``from_year`` (int or None). 五十音順.
    """
    rows = roster.list_organizations(store, council_id, fiscal_year, kind=roster.NEIGHBORHOOD)
    found = []
    for row in rows:
        entry = {"id": row["id"], "name": row["name"], "name_kana": row["name_kana"],
                 "households": row["households"], "member_households": row["member_households"],
                 "carried": False, "from_year": fiscal_year if row["households"] is not None
                 else None}
        if row["households"] is None:
            earlier = store.query(
                "SELECT fiscal_year, households, member_households FROM organization_households "
                "WHERE organization_id = ? AND fiscal_year < ? ORDER BY fiscal_year DESC LIMIT 1",
                (row["id"], fiscal_year))
            if earlier:
                entry.update(earlier[0], carried=True, from_year=earlier[0]["fiscal_year"])
                del entry["fiscal_year"]
        found.append(entry)
    return found


def neighborhood_presidents(store: Store, council_id: int, fiscal_year: int, *,
                            public: bool = False,
                            today: date | None = None) -> list[PresidentContact]:
    """The 自治会長 list of ``fiscal_year`` (holders on :func:`officers.reference_date`), in
    五十音順 of the 自治会.

    Keys: ``organization_id, organization, organization_kana, households, member_households,
    person_id`` (None when vacant), ``name, name_kana, postal_code, address, phone, email``.
    ``public`` empties the personal fields (:data:`roster_people.PERSONAL_FIELDS`).
    """
    on = officers.reference_date(fiscal_year, today)
    rows = roster.list_organizations(store, council_id, fiscal_year, kind=roster.NEIGHBORHOOD,
                                     today=on)
    people = {p["id"]: p for p in store.query("SELECT * FROM people WHERE council_id = ?",
                                              (council_id,))}
    found = []
    for row in rows:
        person = people.get(row["representative_id"], {})
        entry = {"organization_id": row["id"], "organization": row["name"],
                 "organization_kana": row["name_kana"], "households": row["households"],
                 "member_households": row["member_households"],
                 "person_id": row["representative_id"]}
        for key in ("name", "name_kana", *roster_people.PERSONAL_FIELDS):
            entry[key] = person.get(key, "")
        found.append(roster_people.public_view(entry) if public else entry)
    return found


def default_fiscal_year(store: Store, council_id: int, current: int) -> int:
    """The 年度 the wizard opens on: ``current + 1`` when terms end this 年度 (the handover is
    being prepared), else ``current``."""
    return current + 1 if handover_items(store, council_id, current + 1) else current

