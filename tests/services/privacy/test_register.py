"""The register: answers per 利用目的 with their day, the 要支援者 mark, leaving; who may be
printed for a purpose; the 保存期間 and the deletion of people whose period ended."""

from __future__ import annotations

from datetime import date

import pytest

from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.services.changes import undo, undoable
from kyodo_desktop.services.privacy import register, retention
from kyodo_desktop.services.roster.people import create_person

TODAY = date(2026, 11, 20)


def _person(store, council, name="山田 花子") -> int:
    return create_person(store, council, {"name": name, "phone": "083-900-0001"})[0]


def test_answers_are_saved_with_their_day_and_decide_who_is_printed(demo_store, yuda):
    person = _person(demo_store, yuda)
    assert person not in register.consented_people(demo_store, yuda, "roster")
    register.save_person_privacy(demo_store, person, {"consents": {
        "roster": {"agreed": True, "recorded_on": "R8.4.1"},
        "photo_publicity": {"agreed": False, "recorded_on": "２０２６－４－１"}}}, today=TODAY)
    entry = register.person_privacy(demo_store, person)
    assert entry["consents"]["roster"] == {"agreed": True, "recorded_on": date(2026, 4, 1)}
    assert entry["consents"]["photo_publicity"]["agreed"] is False
    assert person in register.consented_people(demo_store, yuda, "roster")
    assert person not in register.consented_people(demo_store, yuda, "photo_publicity")
    register.save_person_privacy(demo_store, person, {"left_reason": "moved",
                                                      "left_on": "2026-10-01"}, today=TODAY)
    assert person not in register.consented_people(demo_store, yuda, "roster")


@pytest.mark.parametrize(("values", "field"), [
    ({"consents": {"roster": {"agreed": True, "recorded_on": ""}}}, "consent_roster"),
    ({"consents": {"roster": {"agreed": True, "recorded_on": "2027-01-01"}}}, "consent_roster"),
    ({"consents": {"roster": {"agreed": True, "recorded_on": "令和8年2月30日"}}}, "consent_roster"),
    ({"consents": {"sales": {"agreed": True, "recorded_on": "2026-04-01"}}}, "consents"),
    ({"left_reason": "moved"}, "left_on"),
    ({"left_on": "2026-04-01"}, "left_reason"),
    ({"left_reason": "vanished", "left_on": "2026-04-01"}, "left_reason"),
])
def test_bad_answers_are_refused_and_nothing_is_written(demo_store, yuda, values, field):
    person = _person(demo_store, yuda)
    with pytest.raises(ValidationError) as raised:
        register.save_person_privacy(demo_store, person, values, today=TODAY)
    assert raised.value.field == field
    assert raised.value.message
    assert register.person_privacy(demo_store, person)["consents"] == {}


def test_people_past_the_retention_period_are_offered_and_deleted_undoably(demo_store, yuda):
    rule = retention.retention_rule(demo_store, yuda)
    assert not rule.is_default and rule.keep_years == 3 and "取扱規程" in rule.source
    assert demo_store.scalar("SELECT people FROM personal_data_deletions") == 1
    due = retention.due_for_deletion(demo_store, yuda, today=TODAY)
    departed = retention.departed_people(demo_store, yuda)
    assert len(due) == 1 and len(departed) == 2
    assert due[0]["keep_until"] == date(2024, 3, 31)
    within = next(p for p in departed if p not in due)["person_id"]
    with pytest.raises(UserError):
        retention.delete_departed(demo_store, yuda, [within], today=TODAY)
    gone = due[0]["person_id"]
    step = undoable(demo_store, lambda: retention.delete_departed(
        demo_store, yuda, [gone], deleted_by="事務局", today=TODAY))
    assert demo_store.scalar("SELECT count(*) FROM people WHERE id = ?", (gone,)) == 0
    log = demo_store.query("SELECT people, rule, deleted_by FROM personal_data_deletions "
                           "ORDER BY id")[-1]
    assert log == {"people": 1, "rule": rule.describe(), "deleted_by": "事務局"}
    undo(demo_store, step)
    assert demo_store.scalar("SELECT count(*) FROM people WHERE id = ?", (gone,)) == 1
    assert retention.due_for_deletion(demo_store, yuda, today=TODAY)[0]["person_id"] == gone


def test_the_council_sets_its_own_rule_with_its_source(demo_store, yuda):
    retention.set_retention_rule(demo_store, yuda, "１０年", "個人情報取扱規程第8条")
    rule = retention.retention_rule(demo_store, yuda)
    assert (rule.keep_years, rule.source, rule.is_default) == (10, "個人情報取扱規程第8条", False)
    assert retention.due_for_deletion(demo_store, yuda, today=TODAY) == []
    for years in ("0", "31", "三", "1e3", "", "99999999999999999999"):
        with pytest.raises(ValidationError):
            retention.set_retention_rule(demo_store, yuda, years, "規程")
    with pytest.raises(ValidationError):
        retention.set_retention_rule(demo_store, yuda, 3, "　")


def test_a_new_council_has_the_default_rule_with_its_legal_source(store):
    council = store.conn.execute(
        "INSERT INTO councils (name) VALUES ('試験協議会') RETURNING id").fetchone()[0]
    rule = retention.retention_rule(store, council)
    assert rule.is_default and rule.keep_years == 3 and "第22条" in rule.source


def test_keep_until_handles_the_29th_of_february():
    assert register.keep_until(date(2024, 2, 29), 3) == date(2027, 2, 28)
