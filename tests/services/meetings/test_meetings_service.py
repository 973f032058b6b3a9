"""Meetings, attendance, 定足数, 議案 and follow-ups: what is stored and what is refused."""

from __future__ import annotations

from datetime import date

import pytest

from kyodo_desktop.domain.meetings import QuorumRule
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.services.meetings import agenda, records, rules
from kyodo_desktop.services.meetings.records import Member


def board(store, council, day="2025-05-08", **values):
    return records.create_meeting(store, council, 2025, {"kind": "board", "held_on": day,
                                                         **values})[0]


def test_a_board_meeting_lists_the_board_from_the_roster(store, council):
    meeting = board(store, council, place="会議室", start_time="19時", end_time="20:30")
    members = records.members_of(store, meeting)
    assert [m.name for m in members] == ["委員 1", "委員 2", "委員 3", "委員 4", "委員 5"]
    assert members[0].role_text == "会長"
    row = records.get_meeting(store, meeting)
    assert (row["start_time"], row["end_time"], row["fiscal_year"]) == ("19:00", "20:30", 2025)


def test_quorum_follows_the_stored_rule(store, council):
    meeting = board(store, council)
    statuses = ["present", "present", "proxy", "absent", "absent"]
    records.set_members(store, meeting, [Member(None, f"人{i}", "", s)
                                         for i, s in enumerate(statuses)])
    default = records.attendance(store, meeting)
    assert (default.quorum, default.attending, default.met) == (3, 3, True)
    rules.set_quorum_rule(store, council, "board", QuorumRule(1, 2, True, False, "規約第16条"))
    strict = records.attendance(store, meeting)
    assert (strict.quorum, strict.attending, strict.met) == (3, 2, False)
    rules.set_quorum_rule(store, council, "board", QuorumRule(2, 3, False, True))
    assert records.attendance(store, meeting).quorum == 4  # at least 2/3 of 5


def test_dates_outside_the_year_are_refused_in_japanese(store, council):
    with pytest.raises(ValidationError, match="令和8年4月1日.*令和7年度"):
        board(store, council, day="R8.4.1")
    with pytest.raises(ValidationError, match="開催日"):
        board(store, council, day="")
    meeting = board(store, council)
    with pytest.raises(ValidationError, match="令和7年度"):
        records.update_meeting(store, meeting, {"held_on": "2024-12-01"})
    with pytest.raises(ValidationError, match="時刻"):
        records.update_meeting(store, meeting, {"start_time": "25:00"})


def test_one_ordinary_assembly_per_year(store, council):
    records.create_meeting(store, council, 2025, {"kind": "general_ordinary",
                                                  "held_on": "2025-04-27"})
    with pytest.raises(ValidationError, match="臨時総会"):
        records.create_meeting(store, council, 2025, {"kind": "general_ordinary",
                                                      "held_on": "2025-10-01"})
    records.create_meeting(store, council, 2025, {"kind": "general_extraordinary",
                                                  "held_on": "2025-10-01"})


def test_absurd_votes_are_refused(store, council):
    meeting = board(store, council)  # 5 members, all present
    with pytest.raises(ValidationError, match="出席"):
        agenda.add_item(store, meeting, {"title": "議案", "votes_for": 6})
    with pytest.raises(ValidationError, match="票数"):
        agenda.add_item(store, meeting, {"title": "議案", "votes_for": "-1"})
    with pytest.raises(ValidationError, match="票数"):
        agenda.add_item(store, meeting, {"title": "議案", "votes_for": "999999999999"})
    with pytest.raises(ValidationError, match="可決"):
        agenda.add_item(store, meeting, {"title": "議案", "result": "approved",
                                         "votes_for": 2, "votes_against": 3})
    item, _changes = agenda.add_item(store, meeting, {"title": "議案", "result": "approved",
                                                      "votes_for": "４", "votes_against": 1})
    assert agenda.items(store, meeting)[0]["result_text"] == "可決（賛成4・反対1）"
    with pytest.raises(ValidationError, match="出席"):  # fewer members than counted votes
        records.set_members(store, meeting, [Member(None, "一人", "", "present")])
    with pytest.raises(ValidationError, match="第1号"):
        agenda.add_item(store, meeting, {"title": "別の議案", "number": 1})
    agenda.update_item(store, item, {"result": "continued"})
    assert agenda.items(store, meeting)[0]["result"] == "continued"


def test_too_many_members_and_too_long_text_are_refused(store, council):
    meeting = board(store, council)
    with pytest.raises(ValidationError, match="2000"):
        records.set_members(store, meeting, [Member(None, f"人{i}") for i in range(2001)])
    with pytest.raises(ValidationError, match="長すぎ"):
        records.update_meeting(store, meeting, {"proceedings": "あ" * 30_001})
    long_text = "経過を記す。" * 2000  # 12,000 characters are kept whole
    records.update_meeting(store, meeting, {"proceedings": long_text})
    assert records.get_meeting(store, meeting)["proceedings"] == long_text


def test_follow_ups_appear_on_the_next_meeting_of_the_same_body(store, council):
    first = board(store, council, day="2025-05-08")
    agenda.set_actions(store, first, [
        agenda.Action("チラシを配る", "事務局", date(2025, 5, 31)),
        agenda.Action("会場を予約する", "会長", None, date(2025, 5, 20))])
    second = board(store, council, day="2025-06-12")
    other = records.create_meeting(store, council, 2025, {"kind": "officers",
                                                          "held_on": "2025-06-01"})[0]
    follow = agenda.follow_ups_for(store, second)
    assert [(a.content, a.decided_on) for a in follow] == [("チラシを配る", date(2025, 5, 8))]
    assert agenda.follow_ups_for(store, other) == []
    with pytest.raises(ValidationError, match="令和7年6月12日"):
        agenda.set_actions(store, second, [agenda.Action("過去", "", date(2025, 5, 1))])


def test_rules_keep_their_history(store, council):
    rules.add_revision(store, council, "H26.4.27", "第1条　名称", "制定")
    rules.add_revision(store, council, "2025-04-27", "第1条　名称\n第2条　事務所", "改正")
    assert [r["summary"] for r in rules.revisions(store, council)] == ["制定", "改正"]
    assert rules.rules_in_force(store, council, date(2020, 1, 1))["summary"] == "制定"
    assert "第2条" in rules.rules_in_force(store, council)["body"]
    with pytest.raises(ValidationError, match="既に"):
        rules.add_revision(store, council, "2025-04-27", "別の本文")
    with pytest.raises(ValidationError, match="規約"):
        rules.add_revision(store, council, "2025-05-01", "  ")


def test_the_demo_has_rules_assemblies_boards_and_subcommittees(demo_store, yuda):
    kinds = [m["kind"] for m in records.list_meetings(demo_store, yuda, 2025)]
    assert kinds.count("general_ordinary") == 1
    assert kinds.count("board") == 12
    assert kinds.count("subcommittee") == 20
    assert len(rules.revisions(demo_store, yuda)) == 3
    assembly = next(m for m in records.list_meetings(demo_store, yuda, 2026)
                    if m["kind"] == "general_ordinary")
    assert assembly["undecided"] == 0 and assembly["items"] == 5
    assert records.attendance(demo_store, assembly["id"]).met
