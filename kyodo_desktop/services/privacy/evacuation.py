"""The 避難行動要支援者名簿 the council gives to its 避難支援等関係者 (自主防災組織, 民生委員 …).

Only people marked as 要支援者 who agreed to ``evacuation_support`` and have not left are on it
(災害対策基本法 第49条の11 第2項: without a municipal ordinance the list goes to the
避難支援等関係者 only with the person's consent; 個人情報保護法 第27条). Those without consent
are counted, never named, so the office knows whom to ask.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kyodo_desktop.domain import text
from kyodo_desktop.services.privacy.register import consented_people
from kyodo_desktop.services.privacy.rows import EvacuationPerson
from kyodo_desktop.store import Store


@dataclass(frozen=True)
class EvacuationList:
    """``people`` on the list (五十音順) and ``left_out``: 要支援者 without consent (not named)."""

    people: list[EvacuationPerson]
    left_out: int


def evacuation_list(store: Store, council_id: int) -> EvacuationList:
    """The list for printing (see the module doc)."""
    marked = store.query(
        "SELECT p.id, p.name, p.name_kana, p.postal_code, p.address, p.phone, c.recorded_on "
        "FROM people p JOIN person_status s ON s.person_id = p.id "
        "LEFT JOIN person_consents c ON c.person_id = p.id AND c.purpose = 'evacuation_support' "
        "WHERE p.council_id = ? AND s.needs_evacuation_support = 1 AND s.left_on IS NULL",
        (council_id,))
    allowed = consented_people(store, council_id, "evacuation_support")
    people = [EvacuationPerson(person_id=r["id"], name=r["name"], name_kana=r["name_kana"],
                               postal_code=r["postal_code"], address=r["address"],
                               phone=r["phone"], agreed_on=date.fromisoformat(r["recorded_on"]))
              for r in marked if r["id"] in allowed]
    people.sort(key=lambda p: (text.name_sort_key(p["name"], p["name_kana"]), p["person_id"]))
    return EvacuationList(people, len(marked) - len(people))
