"""役員 and 任期: history kept on a change, one holder of 会長, several roles, the 監事 rule."""

from __future__ import annotations

from datetime import date

import pytest

from kyodo_desktop.errors import ValidationError
from kyodo_desktop.services.changes import undo, undoable
from kyodo_desktop.services.roster import officers
from kyodo_desktop.services.roster import organizations as roster
from kyodo_desktop.services.roster import people as roster_people
from kyodo_desktop.services.roster.officers import COUNCIL, ORGANIZATION, SUBCOMMITTEE, Body


@pytest.fixture
def people(store, council):
    """Four people of the council: {name: id}."""
    found = {}
    for name, kana in (("青木 一郎", "あおき いちろう"), ("井上 花子", "いのうえ はなこ"),
                       ("上田 次郎", "うえだ じろう"), ("江藤 三郎", "えとう さぶろう")):
        found[name] = roster_people.create_person(store, council, {"name": name,
                                                                   "name_kana": kana})[0]
    return found


@pytest.fixture
def association(store, council):
    return roster.create_organization(store, council, {"name": "一区自治会"})[0]


def test_change_of_president_closes_one_term_and_opens_another(store, council, people,
                                                               association):
    body = Body(ORGANIZATION, association)
    first, _c, _w = officers.appoint(store, people["青木 一郎"], "president", body,
                                     date(2025, 4, 1), date(2027, 3, 31), notes="輪番")
    second, _c, _w = officers.change_holder(store, first, people["井上 花子"], date(2026, 4, 1))
    history = officers.list_terms(store, council, body=body, on=date(2026, 5, 1))
    assert [(t["person_name"], t["starts_on"], t["ends_on"], t["current"]) for t in history] == [
        ("井上 花子", date(2026, 4, 1), date(2027, 3, 31), True),
        ("青木 一郎", date(2025, 4, 1), date(2026, 3, 31), False)]
    assert history[0]["role_name"] == "自治会長" and history[1]["notes"] == "輪番"
    assert {t["id"] for t in history} == {first, second}


def test_a_second_president_at_the_same_time_is_refused(store, council, people, association):
    body = Body(ORGANIZATION, association)
    officers.appoint(store, people["青木 一郎"], "president", body, date(2025, 4, 1))
    with pytest.raises(ValidationError) as caught:
        officers.appoint(store, people["井上 花子"], "president", body, date(2026, 4, 1))
    assert "青木 一郎" in caught.value.message and "交代" in caught.value.message
    # several 副会長 are fine; the same person twice in one role is not
    council_body = Body(COUNCIL, council)
    officers.appoint(store, people["井上 花子"], "vice_president", council_body, date(2025, 4, 1))
    officers.appoint(store, people["上田 次郎"], "vice_president", council_body, date(2025, 4, 1))
    with pytest.raises(ValidationError):
        officers.appoint(store, people["上田 次郎"], "vice_president", council_body,
                         date(2026, 1, 1))
    assert store.scalar("SELECT count(*) FROM officer_terms") == 3


def test_one_person_may_hold_several_roles(store, council, people, association):
    person = people["青木 一郎"]
    officers.appoint(store, person, "president", Body(ORGANIZATION, association), date(2025, 4, 1))
    officers.appoint(store, person, "director", Body(COUNCIL, council), date(2025, 4, 1))
    listed = roster_people.list_people(store, council, on=date(2025, 6, 1))
    roles = next(p["roles"] for p in listed if p["id"] == person)
    assert roles == "理事、自治会長（一区自治会）"


@pytest.mark.parametrize(("role", "body_kind", "starts", "ends", "field"), [
    ("chair", COUNCIL, date(2025, 4, 1), None, "role"),
    ("president", SUBCOMMITTEE, date(2025, 4, 1), None, "role"),
    ("director", COUNCIL, date(2025, 4, 1), date(2025, 3, 31), "ends_on"),
])
def test_impossible_terms_are_refused(store, council, people, role, body_kind, starts, ends,
                                      field):
    from kyodo_desktop.services.roster import subcommittees

    sub = subcommittees.create_subcommittee(store, council, {"name": "福祉部会"})[0]
    body = Body(body_kind, council if body_kind == COUNCIL else sub)
    with pytest.raises(ValidationError) as caught:
        officers.appoint(store, people["青木 一郎"], role, body, starts, ends)
    assert caught.value.field == field
    assert store.scalar("SELECT count(*) FROM officer_terms") == 0


def test_change_day_must_follow_the_start(store, council, people, association):
    term, _c, _w = officers.appoint(store, people["青木 一郎"], "president",
                                    Body(ORGANIZATION, association), date(2026, 4, 1))
    with pytest.raises(ValidationError):
        officers.change_holder(store, term, people["井上 花子"], date(2026, 4, 1))
    assert store.scalar("SELECT ends_on FROM officer_terms WHERE id = ?", (term,)) is None


def test_auditor_who_is_also_treasurer_is_warned(store, council, people):
    body = Body(COUNCIL, council)
    person = people["上田 次郎"]
    _t, _c, warnings = officers.appoint(store, person, "auditor", body, date(2025, 4, 1),
                                        date(2027, 3, 31))
    assert warnings == []
    _t, _c, warnings = officers.appoint(store, person, "treasurer", body, date(2026, 4, 1))
    assert len(warnings) == 1 and "上田 次郎" in warnings[0] and "会計" in warnings[0]
    # a 会長 before the 監事 term does not overlap: no warning for 江藤
    other = people["江藤 三郎"]
    officers.appoint(store, other, "president", body, date(2023, 4, 1), date(2025, 3, 31))
    _t, _c, warnings = officers.appoint(store, other, "auditor", body, date(2025, 4, 1))
    assert warnings == []
    assert len(officers.auditor_warnings(store, council)) == 1


def test_demo_council_respects_the_auditor_rule(demo, yuda):
    assert officers.auditor_warnings(demo, yuda) == []
    terms = officers.list_terms(demo, yuda, on=date(2026, 11, 20), current_only=True)
    auditors = [t for t in terms if t["role"] == "auditor"]
    assert len(auditors) == 2 and all(t["body_name"] == "協議会" for t in auditors)
    # the listing starts with the council, then the groups in 五十音順
    kinds = [t["body_kind"] for t in terms]
    assert kinds == sorted(kinds, key=["council", "organization", "subcommittee"].index)


def test_update_and_delete_term(store, council, people):
    term, _c, _w = officers.appoint(store, people["青木 一郎"], "director", Body(COUNCIL, council),
                                    date(2025, 4, 1))
    officers.update_term(store, term, starts_on=date(2025, 5, 1), ends_on=date(2026, 3, 31),
                         notes="補充")
    stored = officers.get_term(store, term)
    assert (stored["starts_on"], stored["ends_on"], stored["notes"]) == (
        date(2025, 5, 1), date(2026, 3, 31), "補充")
    done = undoable(store, lambda: officers.delete_term(store, term))
    assert store.scalar("SELECT count(*) FROM officer_terms") == 0
    undo(store, done)
    assert officers.get_term(store, term)["notes"] == "補充"


def test_person_delete_takes_terms_and_comes_back(store, council, people, association):
    person = people["青木 一郎"]
    officers.appoint(store, person, "president", Body(ORGANIZATION, association), date(2025, 4, 1))
    assert roster_people.person_usage(store, person) == ["1件の任期（過去の分を含む）"]
    done = undoable(store, lambda: roster_people.delete_person(store, person))
    assert store.scalar("SELECT count(*) FROM people WHERE id = ?", (person,)) == 0
    undo(store, done)
    assert roster.list_organizations(store, council, 2025)[0]["representative"] == "青木 一郎"
    roster_people.update_person(store, person, {"phone": "０８３－９２２－１２３４"})
    stored = roster_people.get_person(store, person)
    assert stored["phone"] == "083-922-1234"
    public = roster_people.public_view(stored)
    assert public["phone"] == "" and public["name"] == "青木 一郎"
