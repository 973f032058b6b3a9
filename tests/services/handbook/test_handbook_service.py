"""Chapters per 年度: defaults, carry-forward, copying last year, editing, order, reset, undo."""

from __future__ import annotations

import pytest

from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.services.changes import undo, undoable
from kyodo_desktop.services.council.profile import create_council
from kyodo_desktop.services.handbook import chapters as handbook
from kyodo_desktop.services.handbook.defaults import default_chapters


@pytest.fixture
def council(store) -> int:
    council_id, _changes = create_council(store, "大殿地域づくり協議会", district_name="大殿")
    return council_id


REQUIRED = ["はじめに", "自治会とは", "自治会長の一年", "役員の役割", "総会と役員会", "お金の管理",
            "交付金・補助金", "コミュニティ活動保険", "防災・防犯", "個人情報の取扱い", "加入促進",
            "地域づくり協議会と専門部会", "よくある質問", "様式集", "自治会一覧", "協議会の組織",
            "年間行事予定", "今年度の交付金", "地域交流センター・連絡先"]


def test_defaults_hold_every_required_chapter_with_text():
    titles = [c.title for c in default_chapters()]
    assert set(REQUIRED) <= set(titles)
    for chapter in default_chapters():
        assert chapter.body.strip(), chapter.slug
        if chapter.kind == "text":
            assert len(chapter.body) > 200, chapter.slug


def test_a_new_year_starts_from_the_defaults(store, council):
    chapters, changes = handbook.ensure_chapters(store, council, 2026)
    assert [c.slug for c in chapters] == [c.slug for c in default_chapters()]
    assert [c.position for c in chapters] == list(range(1, len(chapters) + 1))
    assert changes and changes.council_id == council
    again, changes = handbook.ensure_chapters(store, council, 2026)
    assert [c.id for c in again] == [c.id for c in chapters] and not changes


def test_the_next_year_carries_the_edited_handbook_forward(store, council):
    chapters, _ = handbook.ensure_chapters(store, council, 2025)
    intro = chapters[0]
    handbook.save_chapter(store, intro.id, title="ごあいさつ", body="今年も{年度}をよろしく。")
    handbook.set_flags(store, chapters[3].id, hidden=True)
    handbook.move_chapter(store, chapters[2].id, -2)
    carried, _ = handbook.ensure_chapters(store, council, 2027)  # 2026 skipped: latest earlier
    assert carried[1].title == "ごあいさつ"
    assert carried[1].body == "今年も{年度}をよろしく。"
    assert carried[0].slug == chapters[2].slug
    assert next(c for c in carried if c.slug == chapters[3].slug).hidden
    assert {c.fiscal_year for c in carried} == {2027}
    assert len(handbook.list_chapters(store, council, 2025)) == len(carried)  # 2025 untouched


def test_copy_previous_year_replaces_this_years_chapters(store, council):
    with pytest.raises(UserError):
        handbook.copy_previous_year(store, council, 2026)
    old, _ = handbook.ensure_chapters(store, council, 2025)
    handbook.save_chapter(store, old[0].id, body="去年の文章")
    current, _ = handbook.ensure_chapters(store, council, 2026)
    handbook.save_chapter(store, current[0].id, body="今年書きかけた文章")
    handbook.copy_previous_year(store, council, 2026)
    assert handbook.list_chapters(store, council, 2026)[0].body == "去年の文章"


def test_add_move_hide_delete_and_reset(store, council):
    chapters, _ = handbook.ensure_chapters(store, council, 2026)
    new_id, _ = handbook.add_chapter(store, council, 2026, " ごみの出し方 ", after_id=chapters[0].id)
    listed = handbook.list_chapters(store, council, 2026)
    assert listed[1].id == new_id and listed[1].title == "ごみの出し方"
    assert [c.position for c in listed] == list(range(1, len(listed) + 1))
    handbook.move_chapter(store, new_id, +100)
    assert handbook.list_chapters(store, council, 2026)[-1].id == new_id
    handbook.delete_chapter(store, new_id)
    assert new_id not in [c.id for c in handbook.list_chapters(store, council, 2026)]
    with pytest.raises(UserError):
        handbook.delete_chapter(store, chapters[0].id)
    handbook.save_chapter(store, chapters[0].id, title="別の題", body="別の文")
    handbook.reset_to_default(store, chapters[0].id)
    reset = handbook.get_chapter(store, chapters[0].id)
    assert (reset.title, reset.body) == (default_chapters()[0].title, default_chapters()[0].body)


def test_bad_edits_are_refused(store, council):
    chapters, _ = handbook.ensure_chapters(store, council, 2026)
    with pytest.raises(ValidationError) as caught:
        handbook.save_chapter(store, chapters[0].id, title="  ")
    assert caught.value.field == "title"
    data = next(c for c in chapters if c.kind == "data")
    with pytest.raises(ValidationError):
        handbook.save_chapter(store, data.id, body="手で書いた表")
    custom, _ = handbook.add_chapter(store, council, 2026, "独自の章")
    with pytest.raises(UserError):
        handbook.reset_to_default(store, custom)


def test_an_edit_and_a_copy_of_last_year_are_undone_with_the_same_ids(store, council, digest):
    chapters, _ = handbook.ensure_chapters(store, council, 2026)
    handbook.ensure_chapters(store, council, 2027)
    before = digest(store)

    def edit():
        handbook.move_chapter(store, chapters[0].id, 1)
        return handbook.save_chapter(store, chapters[1].id, body="変更")

    done = undoable(store, edit)
    assert handbook.year_rows(store, council, 2026)[0]["slug"] == chapters[1].slug
    undo(store, done)
    assert digest(store) == before
    handbook.save_chapter(store, chapters[1].id, body="変更")  # so that 2027 gets a new copy
    before = digest(store)
    copied = undoable(store, lambda: handbook.copy_previous_year(store, council, 2027))
    assert copied.snapshot.count("handbook_chapters", "after") > 0
    undo(store, copied)
    assert digest(store) == before


def test_a_grant_not_reported_yet_is_reported_after_the_year():
    """The 実績報告 follows the 年度 (the 会計監査 is attached to it): a grant of the year shows
    「年度終了後」, never 「年度末まで」."""
    from datetime import date

    from kyodo_desktop.services.handbook.data_tables import grant_tables

    rows = [{"name": "地域づくり活動支援交付金", "amount": 5_406_000,
             "applied_on": date(2026, 4, 1), "decided_on": date(2026, 4, 7),
             "reported_on": None, "payments": []}]
    table = grant_tables(rows)[0]
    assert table.rows[0][-1] == "年度終了後"
