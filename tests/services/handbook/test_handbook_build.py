"""Assembling the demo's handbook: placeholder values from the data, data chapters, editions,
unknown placeholders stopping the print with the chapter's name."""

from __future__ import annotations

from datetime import date

import pytest

from kyodo_desktop.domain import handbook_markup as m
from kyodo_desktop.domain.handbook_placeholders import UnknownPlaceholderError
from kyodo_desktop.services.handbook import chapters as handbook
from kyodo_desktop.services.handbook.build import assemble, problems
from kyodo_desktop.services.handbook.data import PLACEHOLDERS, data_blocks, placeholder_values
from tests.fixtures.handbook import YEAR, YUDA

TODAY = date(2026, 5, 10)


def test_placeholder_values_come_from_the_data(demo_store, yuda):
    values = placeholder_values(demo_store, yuda, YEAR, today=TODAY)
    assert set(PLACEHOLDERS) <= set(values)
    assert values["年度"] == "令和8年度" and values["翌年度"] == "令和9年度"
    assert values["協議会名"] == YUDA
    decided = demo_store.scalar(
        "SELECT g.decided_amount FROM grants g JOIN grant_programs p ON p.id = g.program_id "
        "WHERE g.council_id = ? AND g.fiscal_year = ? AND p.fund_code = 'activity_support'",
        (yuda, YEAR))
    assert values["交付金額:活動支援"] == f"{decided:,}円"
    total = demo_store.scalar("SELECT sum(decided_amount) FROM grants g JOIN grant_programs p "
                              "ON p.id = g.program_id WHERE council_id = ? AND fiscal_year = ? "
                              "AND p.city_preset <> ''", (yuda, YEAR))  # the city's 交付金
    assert values["交付金額:合計"] == f"{total:,}円"
    households = demo_store.scalar(
        "SELECT sum(h.households) FROM organization_households h JOIN member_organizations o "
        "ON o.id = h.organization_id WHERE o.council_id = ? AND h.fiscal_year = ? "
        "AND o.kind = 'neighborhood_association'", (yuda, YEAR))
    assert values["世帯数"] == f"{households:,}"
    assert values["センター電話"] == demo_store.scalar(
        "SELECT cc.phone FROM councils c JOIN community_centers cc ON cc.id = "
        "c.community_center_id WHERE c.id = ?", (yuda,))


def test_a_year_without_grants_prints_pending(demo_store, yuda):
    values = placeholder_values(demo_store, yuda, 2030, today=TODAY)
    assert values["交付金額:活動支援"] == "（未定）"
    assert values["年度"] == "令和12年度"


def test_association_list_has_contacts_only_in_the_staff_edition(demo_store, yuda):
    public = data_blocks(demo_store, yuda, YEAR, "associations", edition="public", today=TODAY)
    staff = data_blocks(demo_store, yuda, YEAR, "associations", edition="staff", today=TODAY)
    public_table = next(b for b in public if isinstance(b, m.Table))
    staff_table = next(b for b in staff if isinstance(b, m.Table))
    assert "電話" not in public_table.header and "電話" in staff_table.header
    count = demo_store.scalar("SELECT count(*) FROM member_organizations WHERE council_id = ? "
                              "AND kind = 'neighborhood_association'", (yuda,))
    assert len(public_table.rows) == count + 1  # + 合計
    # the 2026 president of an association whose president changed on 4月1日
    new_president = demo_store.scalar(
        "SELECT p.name FROM officer_terms t JOIN people p ON p.id = t.person_id "
        "WHERE t.organization_id IS NOT NULL AND t.role = 'president' "
        "AND t.starts_on = '2026-04-01' ORDER BY t.id LIMIT 1")
    assert new_president in [row[2] for row in public_table.rows]


def test_schedule_lists_the_years_projects_meetings_and_grant_steps_in_date_order(demo_store, yuda):
    blocks = data_blocks(demo_store, yuda, YEAR, "schedule", today=TODAY)
    table = next(b for b in blocks if isinstance(b, m.Table))
    names = [row[2] for row in table.rows]
    assert "湯田温泉夏まつり" in names and "地域防災訓練" in names
    assert names.index("湯田温泉夏まつり") < names.index("地域防災訓練")
    from kyodo_desktop.services.meetings.calendar import year_events

    events, _whole_year = year_events(demo_store, yuda, YEAR)  # the 行事予定's own source
    others = [e.text for e in events if e.kind != "project"]
    assert "通常総会 13:30" in names and any("交付決定" in n for n in names)
    assert len(names) == len(others) + demo_store.scalar(
        "SELECT count(*) FROM projects WHERE council_id = ? AND fiscal_year = ?", (yuda, YEAR))


def test_assemble_skips_hidden_and_staff_only_chapters(demo_copy):
    from kyodo_desktop.store import open_store

    with open_store(demo_copy) as store:
        council = store.scalar("SELECT id FROM councils WHERE name = ?", (YUDA,))
        chapters, _ = handbook.ensure_chapters(store, council, YEAR)
        handbook.set_flags(store, chapters[1].id, hidden=True)
        handbook.set_flags(store, chapters[2].id, staff_only=True)
        public = [c.title for c in assemble(store, council, YEAR, today=TODAY).chapters]
        staff = [c.title for c in assemble(store, council, YEAR, edition="staff",
                                           today=TODAY).chapters]
    assert chapters[1].title not in public and chapters[1].title not in staff
    assert chapters[2].title not in public and chapters[2].title in staff
    assert len(staff) == len(public) + 1


def test_unknown_placeholder_stops_printing_and_is_listed(demo_copy):
    from kyodo_desktop.store import open_store

    with open_store(demo_copy) as store:
        council = store.scalar("SELECT id FROM councils WHERE name = ?", (YUDA,))
        chapters, _ = handbook.ensure_chapters(store, council, YEAR)
        assert problems(store, council, YEAR) == []
        handbook.save_chapter(store, chapters[4].id, body="| 項目 | 値 |\n| 会長 | {会長の好物} |")
        with pytest.raises(UnknownPlaceholderError) as caught:
            assemble(store, council, YEAR, today=TODAY)
        found = problems(store, council, YEAR)
    assert caught.value.unknown == ["会長の好物"]
    assert chapters[4].title in caught.value.message
    assert len(found) == 1 and "{会長の好物}" in found[0]


def test_filled_text_has_no_braces_left(demo_store, yuda):
    built = assemble(demo_store, yuda, YEAR, edition="staff", today=TODAY)
    texts = [t for c in built.chapters for b in c.blocks for t in m.block_texts(b)]
    assert not [t for t in texts if "{" in t or "}" in t]
    assert built.year_label == "令和8年度" and built.council_name == YUDA
