"""Nothing unprintable is ever stored: control characters (NUL, ESC, BEL) and invisible
characters (zero-width space, joiners, BOM) are removed by the domain's text normalisation, so a
name made only of them is refused as empty, and text that keeps its content is stored clean."""

from __future__ import annotations

from datetime import date

import pytest

from kyodo_desktop.domain import text
from kyodo_desktop.domain.accounting import CashBookEntryInput
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.services.accounting.cash_book import record_entries
from kyodo_desktop.services.council.profile import create_council
from kyodo_desktop.services.roster import organizations, people

UNPRINTABLE = "\x00\x07\x1b\u200b\u200c\u200d\u2060\ufeff\u202e\u00ad"


@pytest.mark.parametrize("name", ["\x07", "\u200b", "\x00\x1b", UNPRINTABLE])
def test_a_council_named_only_with_unprintable_characters_is_refused(store, name):
    with pytest.raises(ValidationError):
        create_council(store, name)
    assert store.scalar("SELECT count(*) FROM councils") == 0


def test_names_of_people_and_groups_made_of_zero_width_spaces_are_refused(store):
    council_id, _changes = create_council(store, "湯田\u200b地域づくり\x07協議会")
    assert store.scalar("SELECT name FROM councils") == "湯田地域づくり協議会"
    with pytest.raises(ValidationError):
        people.create_person(store, council_id, {"name": "\u200b"})
    with pytest.raises(ValidationError):
        organizations.create_organization(store, council_id, {"name": "\ufeff\u200d"})


def test_stored_text_keeps_its_content_without_control_characters(store):
    council_id, _changes = create_council(store, "湯田地域づくり協議会")
    people.create_person(store, council_id, {"name": "山田\x00太郎", "notes": "1行目\x1b\n2行目\x07"})
    record_entries(store, council_id, 2026, [CashBookEntryInput(
        date(2026, 4, 1), "own_funds", "expense", "consumables", "用紙\x07代\u200b", 100,
        payee="文具\x1b店", memo="メモ\x00\r\n続き")])
    assert store.query("SELECT name, notes FROM people") == [
        {"name": "山田太郎", "notes": "1行目\n2行目"}]
    assert store.query("SELECT description, payee, memo FROM cash_book_entries") == [
        {"description": "用紙代", "payee": "文具店", "memo": "メモ\n続き"}]


def test_normalisation_drops_every_control_and_format_character():
    for code in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), 0x200B, 0x200E, 0x2028, 0xFEFF]:
        assert text.normalize(f"a{chr(code)}b") in ("ab", "a b"), hex(code)
    assert text.normalize("m²\u3000Ｒ８") == "m2 R8"
    assert text.foreign_digits("٣٠٠ ² ① 12３") == "٣٠٠²①"
