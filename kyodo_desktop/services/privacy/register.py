"""Per person the 利用目的 they agreed to and when, the 避難行動要支援者 mark and when and why
they left (退会・死亡・転出).

A print or export for a purpose shows only the people who agreed to it: :func:`consented_people`
is the one place that decides (個人情報保護法 第27条: personal data goes to a third party only
with the person's consent; 災害対策基本法 第49条の11: the 避難行動要支援者名簿 goes to the
避難支援等関係者 only with the person's consent). A person who left is in no print.
Every write returns ``Changes.of(ROSTER, council_id=…)`` and is undoable (snapshot).
"""

from __future__ import annotations

from datetime import date

from kyodo_desktop.domain import text
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.changes import ROSTER, Changes
from kyodo_desktop.services.privacy.rows import Consent, PersonPrivacy, RegisterRow
from kyodo_desktop.services.privacy.terms import LEFT_REASONS, PURPOSES
from kyodo_desktop.services.roster.people import get_person
from kyodo_desktop.services.roster.validate import clean_date
from kyodo_desktop.store import Store


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _consents(store: Store, person_ids: list[int] | None = None,
              council_id: int | None = None) -> dict[int, dict[str, Consent]]:
    if council_id is not None:
        rows = store.query("SELECT c.* FROM person_consents c JOIN people p ON p.id = c.person_id "
                           "WHERE p.council_id = ?", (council_id,))
    else:
        marks = ", ".join("?" for _ in person_ids or [])
        rows = store.query(f"SELECT * FROM person_consents WHERE person_id IN ({marks})",
                           tuple(person_ids or []))
    found: dict[int, dict[str, Consent]] = {}
    for row in rows:
        found.setdefault(row["person_id"], {})[row["purpose"]] = Consent(
            agreed=bool(row["agreed"]), recorded_on=date.fromisoformat(row["recorded_on"]))
    return found


def person_privacy(store: Store, person_id: int) -> PersonPrivacy:
    """The register entry of a person (empty consents when nothing was recorded). Raises
    UserError when the person no longer exists."""
    get_person(store, person_id)
    status = store.query("SELECT * FROM person_status WHERE person_id = ?", (person_id,))
    row = status[0] if status else {}
    return PersonPrivacy(person_id=person_id,
                         consents=_consents(store, [person_id]).get(person_id, {}),
                         needs_evacuation_support=bool(row.get("needs_evacuation_support")),
                         left_reason=row.get("left_reason"), left_on=_day(row.get("left_on")))


def _clean_day(value: object, field: str, today: date) -> str | None:
    """A date of the register (和暦, 全角 … through clean_date); never after ``today``."""
    day = clean_date(value, field)
    if day is not None and date.fromisoformat(day) > today:
        raise ValidationError(_("The date cannot be later than today."), field=field)
    return day


def _clean_consents(values: dict, today: date) -> dict[str, tuple[int, str] | None]:
    clean: dict[str, tuple[int, str] | None] = {}
    for purpose, answer in values.items():
        if purpose not in PURPOSES:
            raise ValidationError(_("Unknown purpose of use."), field="consents")
        if answer is None or answer.get("agreed") is None:
            clean[purpose] = None
            continue
        day = _clean_day(answer.get("recorded_on"), f"consent_{purpose}", today)
        if day is None:
            raise ValidationError(_("Enter the date of the consent form for “{purpose}”.")
                                  .format(purpose=PURPOSES[purpose]), field=f"consent_{purpose}")
        clean[purpose] = (1 if answer["agreed"] else 0, day)
    return clean


def _clean_status(values: dict, today: date) -> dict:
    reason = values.get("left_reason") or None
    if reason is not None and reason not in LEFT_REASONS:
        raise ValidationError(_("Choose why the person left: 退会, 死亡 or 転出."),
                              field="left_reason")
    left_on = _clean_day(values.get("left_on"), "left_on", today)
    if (reason is None) != (left_on is None):
        raise ValidationError(_("Enter both the reason and the date the person left, or "
                                "neither."), field="left_on" if reason else "left_reason")
    return {"needs_evacuation_support": 1 if values.get("needs_evacuation_support") else 0,
            "left_reason": reason, "left_on": left_on}


def save_person_privacy(store: Store, person_id: int, values: dict, *,
                        today: date | None = None) -> Changes:
    """Save a person's register entry. ``values``: ``consents`` {purpose: {"agreed": True /
    False / None (no answer), "recorded_on": date or text such as R8.4.1}} (only the purposes
    given are changed), ``needs_evacuation_support`` (bool), ``left_reason`` (None, "withdrew",
    "died", "moved") and ``left_on``. Dates may not be after ``today``. Raises
    ValidationError (field named) or UserError (person gone); nothing is written then."""
    today = today or date.today()
    council_id = get_person(store, person_id)["council_id"]
    consents = _clean_consents(values.get("consents") or {}, today)
    status = _clean_status(values, today) if _has_status(values) else None
    with store.transaction() as db:
        for purpose, answer in consents.items():
            db.execute("DELETE FROM person_consents WHERE person_id = ? AND purpose = ?",
                       (person_id, purpose))
            if answer is not None:
                db["person_consents"].insert({"person_id": person_id, "purpose": purpose,
                                              "agreed": answer[0], "recorded_on": answer[1]})
        if status is not None:
            db["person_status"].upsert({"person_id": person_id, **status}, pk="person_id")
    return Changes.of(ROSTER, council_id=council_id)


def _has_status(values: dict) -> bool:
    return any(key in values for key in ("needs_evacuation_support", "left_reason", "left_on"))


def consented_people(store: Store, council_id: int, purpose: str) -> set[int]:
    """The ids of the council's people who agreed to ``purpose`` and have not left: the only
    people a print for that purpose may show (see the module doc). ValueError for an unknown
    purpose (a bug)."""
    if purpose not in PURPOSES:
        raise ValueError(purpose)
    return {row["id"] for row in store.query(
        "SELECT p.id FROM people p JOIN person_consents c ON c.person_id = p.id "
        "LEFT JOIN person_status s ON s.person_id = p.id WHERE p.council_id = ? "
        "AND c.purpose = ? AND c.agreed = 1 AND s.left_on IS NULL", (council_id, purpose))}


def register_rows(store: Store, council_id: int, keep_years: int) -> list[RegisterRow]:
    """Every person of the council in 五十音順 with their consents, 要支援者 mark and 退会等;
    ``keep_until`` = left_on + ``keep_years`` years (the 保存期間) for a person who left."""
    people = store.query(
        "SELECT p.id, p.name, p.name_kana, s.needs_evacuation_support, s.left_reason, "
        "s.left_on FROM people p LEFT JOIN person_status s ON s.person_id = p.id "
        "WHERE p.council_id = ?", (council_id,))
    consents = _consents(store, council_id=council_id)
    rows = []
    for person in sorted(people, key=lambda p: (text.name_sort_key(p["name"], p["name_kana"]),
                                                p["id"])):
        left_on = _day(person["left_on"])
        rows.append(RegisterRow(
            person_id=person["id"], name=person["name"], name_kana=person["name_kana"],
            consents=consents.get(person["id"], {}),
            needs_evacuation_support=bool(person["needs_evacuation_support"]),
            left_reason=person["left_reason"], left_on=left_on,
            keep_until=keep_until(left_on, keep_years) if left_on else None))
    return rows


def keep_until(left_on: date, keep_years: int) -> date:
    """The last day of the 保存期間: ``keep_years`` years after leaving (29 Feb → 28 Feb)."""
    year = left_on.year + keep_years
    try:
        return left_on.replace(year=year)
    except ValueError:
        return left_on.replace(year=year, day=28)
