"""提供記録: every print or export that hands people's personal data (電話番号, 住所 …) to
someone is recorded — the day, what, how many people, to whom (提供先), why (目的) and who
printed it (個人情報保護法 第29条: a record of each 第三者提供, kept 3 years by 施行規則第21条).

A print is not undone by the undo step, so a record is written outside it and never deleted
by the app (the office prints the list with ``report data-provisions``) — except the record of
an output that was then not written. The record is written BEFORE the file
(:func:`write_recorded`, or :func:`record_provision` then :func:`withdraw_provision` on failure):
a crash while or after the file is written leaves a record, never a provision unrecorded.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

from kyodo_desktop.domain import text
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.privacy.rows import Provision
from kyodo_desktop.store import Store

#: The longest 提供先, 目的 or name accepted (characters).
MAX_TEXT = 200
T = TypeVar("T")


@dataclass(frozen=True)
class ProvisionAnswer:
    """What the user answered before a print with personal data: 提供先, 目的, who prints."""

    recipient: str
    purpose: str
    printed_by: str


def _clean(value: object, field: str, missing: str) -> str:
    cleaned = text.normalize("" if value is None else str(value))
    if not cleaned:
        raise ValidationError(missing, field=field)
    if len(cleaned) > MAX_TEXT:
        raise ValidationError(_("Write at most {count} characters.").format(count=MAX_TEXT),
                              field=field)
    return cleaned


def clean_answer(recipient: object, purpose: object, printed_by: object) -> ProvisionAnswer:
    """The answer checked: each part required, one line, at most :data:`MAX_TEXT` characters.
    Raises ValidationError naming the field (recipient, purpose, printed_by)."""
    return ProvisionAnswer(
        _clean(recipient, "recipient", _("Enter to whom the data is given (提供先).")),
        _clean(purpose, "purpose", _("Enter what the data is given for (目的).")),
        _clean(printed_by, "printed_by", _("Enter who prints it.")))


def default_printer(store: Store, council_id: int) -> str:
    """Who printed last for this council, else the computer's user name: a starting value for
    a form the user confirms (never recorded unasked; see :func:`computer_user`)."""
    last = store.query("SELECT printed_by FROM data_provisions WHERE council_id = ? "
                       "ORDER BY id DESC LIMIT 1", (council_id,))
    if last:
        return last[0]["printed_by"]
    return computer_user()


def computer_user() -> str:
    """The computer's user name ("" when it cannot be read): who printed, when nobody was asked
    (the command line without ``--printed-by``)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


def record_provision(store: Store, council_id: int, *, kind: str, document: str, people: int,
                     answer: ProvisionAnswer, on: date | None = None,
                     at: datetime | None = None) -> int:
    """Write one 提供記録 and return its id. ``people`` is how many people's data the file
    holds (≥ 0); ``on`` the day (today), ``at`` when it was written (now). Raises
    ValidationError for a bad answer (see :func:`clean_answer`)."""
    answer = clean_answer(answer.recipient, answer.purpose, answer.printed_by)
    if people < 0:
        raise ValueError(people)
    with store.transaction() as db:
        return db["data_provisions"].insert({
            "council_id": council_id, "provided_on": (on or date.today()).isoformat(),
            "kind": kind, "document": text.printable(document, keep_newlines=False) or kind,
            "people": people,
            "recipient": answer.recipient, "purpose": answer.purpose,
            "printed_by": answer.printed_by,
            "created_at": (at or datetime.now()).isoformat(timespec="seconds")}).last_pk


def withdraw_provision(store: Store, provision_id: int) -> None:
    """Take back the 提供記録 written for an output that was then not written (the writing
    failed or the print was cancelled): nothing was handed out."""
    with store.transaction() as db:
        db.execute("DELETE FROM data_provisions WHERE id = ?", [provision_id])


def write_recorded(store: Store, council_id: int | None, write: Callable[[], T], *, kind: str,
                   document: str, people: int, answer: ProvisionAnswer | None) -> T:
    """``write()`` (the file holding ``people`` people's data) with its 提供記録 written and
    committed first, so no crash leaves the file written and the provision unrecorded; when
    ``write`` raises, the record is taken back (outputs are atomic: no file was left) and the
    error goes on. Without ``answer`` or council nothing is recorded."""
    if answer is None or council_id is None:
        return write()
    provision_id = record_provision(store, council_id, kind=kind, document=document,
                                    people=people, answer=answer)
    try:
        return write()
    except Exception:
        withdraw_provision(store, provision_id)
        raise


def list_provisions(store: Store, council_id: int, *, since: date | None = None,
                    until: date | None = None) -> list[Provision]:
    """The council's 提供記録, oldest first, between ``since`` and ``until`` (inclusive)."""
    rows = store.query(
        "SELECT id, provided_on, kind, document, people, recipient, purpose, printed_by "
        "FROM data_provisions WHERE council_id = ? AND provided_on >= ? AND provided_on <= ? "
        "ORDER BY provided_on, id",
        (council_id, (since or date(1900, 1, 1)).isoformat(),
         (until or date(2200, 12, 31)).isoformat()))
    for row in rows:
        row["provided_on"] = date.fromisoformat(row["provided_on"])
    return rows
