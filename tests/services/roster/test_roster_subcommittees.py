"""専門部会: editing, order, members (people and groups), assigned plan work, undoable delete."""

from __future__ import annotations

from datetime import date

import pytest

from kyodo_desktop.services.changes import undo, undoable
from kyodo_desktop.services.roster import officers, subcommittees
from kyodo_desktop.services.roster import organizations as roster
from kyodo_desktop.services.roster import people as roster_people
from kyodo_desktop.services.roster.validate import RosterValidationError


def test_create_order_and_unique_names(store, council):
    first = subcommittees.create_subcommittee(store, council, {"name": "総務部会"})[0]
    second = subcommittees.create_subcommittee(store, council, {"name": "福祉部会",
                                                                "purpose": "見守り"})[0]
    with pytest.raises(RosterValidationError) as caught:
        subcommittees.create_subcommittee(store, council, {"name": "福祉部会"})
    assert "福祉部会" in caught.value.errors["name"]
    with pytest.raises(RosterValidationError):
        subcommittees.update_subcommittee(store, first, {"name": "福祉部会"})
    subcommittees.move_subcommittee(store, second, -1)
    assert [s["id"] for s in subcommittees.list_subcommittees(store, council)] == [second, first]
    subcommittees.move_subcommittee(store, second, -1)  # already first: stays
    assert [s["sort_order"] for s in subcommittees.list_subcommittees(store, council)] == [1, 2]


def test_members_people_and_groups(store, council):
    sub = subcommittees.create_subcommittee(store, council, {"name": "防災部会"})[0]
    org = roster.create_organization(store, council, {"name": "消防団", "kind": "消防団"})[0]
    chair = roster_people.create_person(store, council, {"name": "部会 長男"})[0]
    member = roster_people.create_person(store, council, {"name": "部員 一人"})[0]
    body = officers.Body(officers.SUBCOMMITTEE, sub)
    officers.appoint(store, chair, "chair", body, date(2025, 4, 1))
    officers.appoint(store, member, "member", body, date(2025, 4, 1), date(2025, 9, 30))
    subcommittees.add_organization(store, sub, org)
    subcommittees.add_organization(store, sub, org)  # twice is once
    found = subcommittees.members(store, sub, on=date(2025, 6, 1))
    assert [(t["person_name"], t["role_name"]) for t in found["people"]] == [
        ("部会 長男", "部会長"), ("部員 一人", "部員")]
    assert [g["name"] for g in found["organizations"]] == ["消防団"]
    later = subcommittees.members(store, sub, on=date(2025, 10, 1))
    assert [t["person_name"] for t in later["people"]] == ["部会 長男"]
    listed = subcommittees.list_subcommittees(store, council, on=date(2025, 6, 1))[0]
    assert (listed["chair"], listed["people"], listed["organizations"]) == ("部会 長男", 2, 1)
    subcommittees.remove_organization(store, sub, org)
    assert subcommittees.members(store, sub)["organizations"] == []


def test_demo_shows_assigned_actions_and_projects(demo, yuda):
    listed = subcommittees.list_subcommittees(demo, yuda, on=date(2026, 11, 20))
    assert listed[-1]["is_office"] == 1
    general = listed[0]
    work = subcommittees.assigned_work(demo, general["id"])
    assert len(work["actions"]) == general["actions"] > 0
    assert all("-(" in a["code"] for a in work["actions"])  # 整理番号 like Ⅳ-(3)-①
    assert len(work["projects"]) == general["projects"] > 0
    years = [p["fiscal_year"] for p in work["projects"]]
    assert years == sorted(years, reverse=True)


def test_delete_and_restore_relinks_actions_and_projects(demo, yuda):
    sub = subcommittees.list_subcommittees(demo, yuda)[0]["id"]
    before = subcommittees.assigned_work(demo, sub)
    members_before = subcommittees.members(demo, sub, on=date(2026, 11, 20))
    usage = subcommittees.subcommittee_usage(demo, sub)
    assert any("推進項目" in line for line in usage) and any("事業" in line for line in usage)
    done = undoable(demo, lambda: subcommittees.delete_subcommittee(demo, sub))
    assert demo.scalar("SELECT count(*) FROM projects WHERE subcommittee_id = ?", (sub,)) == 0
    undo(demo, done)
    assert subcommittees.assigned_work(demo, sub) == before
    assert subcommittees.members(demo, sub, on=date(2026, 11, 20)) == members_before
