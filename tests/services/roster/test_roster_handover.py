"""The yearly handover (引継ぎ): items whose term ends, keep / replace / vacate, households
carried forward, the 自治会長 list, and nothing written on an error."""

from __future__ import annotations

from datetime import date

import pytest

from kyodo_desktop.errors import ValidationError
from kyodo_desktop.services.roster import handover, officers
from kyodo_desktop.services.roster import organizations as roster
from kyodo_desktop.services.roster import people as roster_people
from kyodo_desktop.services.roster.handover import KEEP, REPLACE, VACATE, Decision


def _associations(items):
    return [i for i in items if i.group == handover.ASSOCIATION]


def test_demo_items_are_the_terms_ending_in_the_outgoing_year(demo, yuda):
    items = handover.handover_items(demo, yuda, 2027)
    assert len(items) == demo.scalar(
        "SELECT count(*) FROM officer_terms WHERE ends_on = '2027-03-31'")
    assert all(i.ends_on == date(2027, 3, 31) for i in items)
    assert items[0].group == "council" and items[0].role_name == "会長"
    presidents = _associations(items)
    assert len(presidents) == demo.scalar(
        "SELECT count(*) FROM officer_terms t JOIN member_organizations o "
        "ON o.id = t.organization_id WHERE o.kind = 'neighborhood_association' "
        "AND t.ends_on = '2027-03-31'") > 20
    names = [i.body_name for i in presidents]
    assert names == [o["name"] for o in roster.list_organizations(  # 五十音順
        demo, yuda, 2026, kind="neighborhood_association") if o["name"] in names]
    # 2026: the yearly rotations already have successors, so nothing is left to decide
    assert handover.handover_items(demo, yuda, 2026) == []
    assert handover.default_fiscal_year(demo, yuda, 2026) == 2027


def test_keep_replace_vacate_and_households(demo, yuda):
    items = _associations(handover.handover_items(demo, yuda, 2027))
    kept, replaced, vacated, newcomer = items[0], items[1], items[2], items[3]
    existing = roster_people.list_people(demo, yuda)[-1]["id"]
    households = {row["id"]: (row["households"], row["member_households"])
                  for row in handover.carried_households(demo, yuda, 2027)}
    org = kept.body_id
    households[org] = ("３００", "250")
    before_terms = demo.scalar("SELECT count(*) FROM officer_terms")
    result = handover.apply_handover(demo, yuda, 2027, [
        Decision(kept.term_id, KEEP),
        Decision(replaced.term_id, REPLACE, person_id=existing),
        Decision(vacated.term_id, VACATE),
        Decision(newcomer.term_id, REPLACE, new_person={"name": "新井 太郎",
                                                        "name_kana": "あらい たろう",
                                                        "phone": "083-922-0001"}),
    ], households)
    assert (result.kept, result.replaced, result.vacated, result.new_people) == (1, 2, 1, 1)
    assert result.households == 37
    assert demo.scalar("SELECT count(*) FROM officer_terms") == before_terms + 3
    on = date(2027, 4, 1)
    holders = {t["body_id"]: t for t in officers.list_terms(demo, yuda, on=on, current_only=True)
               if t["role"] == "president" and t["body_kind"] == "organization"}
    assert holders[kept.body_id]["person_id"] == kept.person_id
    assert holders[kept.body_id]["notes"] == "再任"
    assert holders[kept.body_id]["ends_on"] == date(2029, 3, 31)  # as long as before: 2 years
    assert holders[replaced.body_id]["person_id"] == existing
    assert vacated.body_id not in holders
    assert holders[newcomer.body_id]["person_name"] == "新井 太郎"
    # history kept: the old terms still end on 2027-03-31
    assert officers.get_term(demo, replaced.term_id)["ends_on"] == date(2027, 3, 31)
    others = sum(h for key, (h, _m) in households.items() if key != org)
    assert roster.roster_totals(demo, yuda, 2027).households == others + 300
    # the items are done: the handover asks no more about them
    remaining = {i.term_id for i in handover.handover_items(demo, yuda, 2027)}
    assert not remaining & {kept.term_id, replaced.term_id, newcomer.term_id}
    assert vacated.term_id in remaining


def test_presidents_list_of_the_new_year(demo, yuda):
    item = _associations(handover.handover_items(demo, yuda, 2027))[0]
    handover.apply_handover(demo, yuda, 2027, [Decision(
        item.term_id, REPLACE, new_person={"name": "新井 太郎", "name_kana": "あらい たろう",
                                           "phone": "083-922-0001"})])
    listed = handover.neighborhood_presidents(demo, yuda, 2027)
    assert len(listed) == 37
    row = next(r for r in listed if r["organization_id"] == item.body_id)
    assert (row["name"], row["phone"]) == ("新井 太郎", "083-922-0001")
    public = handover.neighborhood_presidents(demo, yuda, 2027, public=True)
    assert all(r["phone"] == "" and r["address"] == "" for r in public)
    assert [r["name"] for r in public] == [r["name"] for r in listed]
    old = handover.neighborhood_presidents(demo, yuda, 2026)
    assert next(r for r in old if r["organization_id"] == item.body_id)["name"] == item.person_name


def test_an_error_writes_nothing(demo, yuda):
    items = _associations(handover.handover_items(demo, yuda, 2027))
    before = demo.query("SELECT * FROM officer_terms ORDER BY id")
    with pytest.raises(ValidationError) as caught:
        handover.apply_handover(demo, yuda, 2027, [
            Decision(items[0].term_id, KEEP),
            Decision(items[1].term_id, REPLACE),  # nobody chosen
        ])
    assert items[1].body_name in caught.value.message
    with pytest.raises(ValidationError) as caught:
        handover.apply_handover(demo, yuda, 2027, [Decision(items[0].term_id, KEEP)],
                                {items[0].body_id: (10, 11)})
    assert items[0].body_name in caught.value.message
    assert demo.query("SELECT * FROM officer_terms ORDER BY id") == before
    assert demo.scalar("SELECT count(*) FROM organization_households WHERE fiscal_year = 2027") == 0


def test_households_are_carried_from_the_last_year(demo, yuda):
    rows = handover.carried_households(demo, yuda, 2027)
    assert len(rows) == 37 and all(r["carried"] and r["from_year"] == 2026 for r in rows)
    stored = {o["id"]: o["households"] for o in roster.list_organizations(demo, yuda, 2026)}
    assert all(r["households"] == stored[r["id"]] for r in rows)
    this_year = handover.carried_households(demo, yuda, 2026)
    assert not any(r["carried"] for r in this_year)
