"""What the register's prints read: the 同意書 of a person (or a blank one) and the
提供記録 list. Plain reads; nothing is written."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.council.councils import council_name
from kyodo_desktop.services.privacy.register import person_privacy
from kyodo_desktop.services.privacy.rows import Consent
from kyodo_desktop.services.privacy.terms import PURPOSE_TEXTS, PURPOSES
from kyodo_desktop.store import Store


@dataclass(frozen=True)
class ConsentForm:
    """A 同意書: the council and its 会長 (addressee), the person's name (blank form: ""), the
    purposes ``(code, label, text)`` and the answers recorded so far (by code)."""

    council: str
    president: str
    person: str
    purposes: tuple[tuple[str, str, str], ...]
    answers: dict[str, Consent]


def person_id_from(store: Store, council_id: int, ref: object) -> int | None:
    """The person of ``ref`` (「12」, 「１２」) in the council; None for "" / None (a blank form).
    Raises UserError for anything else or a person of another council."""
    plain = unicodedata.normalize("NFKC", "" if ref is None else str(ref)).strip()
    if not plain:
        return None
    if not (plain.isascii() and plain.isdigit()) or len(plain) > 12:
        raise UserError(_("The person number must be a whole number (see the roster)."))
    found = store.scalar("SELECT id FROM people WHERE id = ? AND council_id = ?",
                         (int(plain), council_id))
    if found is None:
        raise UserError(_("There is no person number {number} in this council.").format(
            number=plain))
    return found


def consent_form(store: Store, council_id: int, person_id: int | None, *,
                 on: date | None = None) -> ConsentForm:
    """The 同意書 of ``person_id`` (None: blank) with the council's 会長 on ``on`` (today)."""
    on = on or date.today()
    president = store.scalar(
        "SELECT p.name FROM officer_terms t JOIN people p ON p.id = t.person_id "
        "WHERE t.council_id = ? AND t.role = 'president' AND t.starts_on <= ? "
        "AND (t.ends_on IS NULL OR t.ends_on >= ?) ORDER BY t.starts_on DESC LIMIT 1",
        (council_id, on.isoformat(), on.isoformat())) or ""
    person, answers = "", {}
    if person_id is not None:
        person = store.scalar("SELECT name FROM people WHERE id = ?", (person_id,)) or ""
        answers = person_privacy(store, person_id)["consents"]
    purposes = tuple((code, label, PURPOSE_TEXTS[code]) for code, label in PURPOSES.items())
    return ConsentForm(council_name(store, council_id), president, person, purposes, answers)
