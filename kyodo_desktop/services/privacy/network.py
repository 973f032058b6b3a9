"""連絡網: the council's office-holders on the reference day of a 年度 (役員, 自治会長, 部会長 …,
services/roster/people.list_people ``roles``) with their phone numbers — only those who agreed
to ``contact_network`` and have not left (個人情報保護法 第27条); the others are counted, never
named. ``report contact-network`` prints it and, holding phone numbers, records a 提供記録."""

from __future__ import annotations

from dataclasses import dataclass

from kyodo_desktop.services.privacy.register import consented_people
from kyodo_desktop.services.roster.officers import reference_date
from kyodo_desktop.services.roster.people import list_people
from kyodo_desktop.services.roster.rows import PersonListRow
from kyodo_desktop.store import Store


@dataclass(frozen=True)
class ContactNetwork:
    """``people`` on the 連絡網 (五十音順, with ``roles`` and ``phone``) and ``left_out``: office
    holders without consent."""

    people: list[PersonListRow]
    left_out: int


def contact_network(store: Store, council_id: int, fiscal_year: int) -> ContactNetwork:
    """The 連絡網 of the 年度 (see the module doc)."""
    holders = [p for p in list_people(store, council_id, on=reference_date(fiscal_year))
               if p["roles"]]
    allowed = consented_people(store, council_id, "contact_network")
    listed = [p for p in holders if p["id"] in allowed]
    return ContactNetwork(listed, len(holders) - len(listed))
