"""The 議事録 prints for every demo meeting with its 定足数 and each 議案's result, and long
texts flow over pages instead of being cut off."""

from __future__ import annotations

import pytest

from kyodo_desktop.errors import UserError
from kyodo_desktop.reports.minutes import build_minutes
from kyodo_desktop.reports.readback import fonts, page_texts
from kyodo_desktop.reports.registry import ReportRequest
from kyodo_desktop.services.meetings import agenda, records


def minutes(store, council, meeting_id) -> str:
    pdf = build_minutes(store, ReportRequest(council, options={"meeting": meeting_id}))
    assert all(fonts(pdf).values())
    return "".join(page_texts(pdf))


def test_every_demo_meeting_prints_its_quorum_and_results(demo_store, yuda):
    meetings = [m for year in (2025, 2026) for m in records.list_meetings(demo_store, yuda, year)]
    assert len(meetings) > 40
    for meeting in meetings:
        text = minutes(demo_store, yuda, meeting["id"]).replace(" ", "").replace("\n", "")
        quorum = records.attendance(demo_store, meeting["id"]).quorum
        assert f"定足数{quorum}名" in text, meeting["id"]
        assert "議事録署名人" in text and meeting["body"] in text
        for item in agenda.items(demo_store, meeting["id"]):
            assert f"第{item['number']}号議案" in text
            assert item["result_text"].replace(" ", "") in text


def test_a_very_long_motion_flows_over_pages(demo_store, yuda):
    meeting = records.list_meetings(demo_store, yuda, 2026)[0]["id"]
    long_text = "\n".join(f"第{n}段落　" + "長い経過の記録です。" * 30 for n in range(1, 41))
    agenda.add_item(demo_store, meeting, {"title": "長い議案" + "の件名" * 60,
                                          "proceedings": long_text + "\n" + "X" * 500 + "末尾"})
    pdf = build_minutes(demo_store, ReportRequest(yuda, options={"meeting": meeting}))
    pages = page_texts(pdf)
    text = "".join(pages).replace("\n", "")
    assert len(pages) >= 5
    assert "第40段落" in text and text.count("X") >= 500 and "末尾" in text
    assert "議事録署名人がここに署名する" in text


def test_a_meeting_of_another_council_or_none_is_refused(demo_store, yuda):
    meeting = records.list_meetings(demo_store, yuda, 2026)[0]["id"]
    with pytest.raises(UserError, match="別の協議会"):
        build_minutes(demo_store, ReportRequest(yuda + 1, options={"meeting": meeting}))
    with pytest.raises(UserError, match="--meeting"):
        build_minutes(demo_store, ReportRequest(yuda, options={}))
    with pytest.raises(UserError, match="もうありません"):
        build_minutes(demo_store, ReportRequest(yuda, options={"meeting": 99999}))
