"""The 手引き page (pytest-qt): editing with live preview, unknown placeholders flagged, save
and undo, reorder and hide, copying last year, making the PDF off the GUI thread."""

from __future__ import annotations

import pytest

from kyodo_desktop.reports.readback import page_texts
from kyodo_desktop.services.handbook import chapters as handbook
from tests.fixtures.handbook import YEAR, YUDA

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def page(qtbot, demo_copy):
    from kyodo_desktop.services.backup.datafile import open_data_file
    from kyodo_desktop.ui.app import create_application
    from kyodo_desktop.ui.context import AppContext
    from kyodo_desktop.ui.handbook.page import HandbookPage

    create_application()
    store = open_data_file(demo_copy)
    council = store.scalar("SELECT id FROM councils WHERE name = ?", (YUDA,))
    context = AppContext(store, council, YEAR)
    widget = HandbookPage(context)
    qtbot.addWidget(widget)
    widget.resize(1366, 720)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    if widget.printing.job is not None:
        widget.printing.job.wait()
    store.close()


def _select(page, title: str) -> None:
    row = next(i for i, c in enumerate(page.chapters) if c.title == title)
    page.chapter_list.setCurrentRow(row)


def test_first_view_creates_the_years_chapters_and_previews_filled_text(page):
    store, council = page.context.store, page.context.council_id
    assert len(handbook.list_chapters(store, council, YEAR)) == page.chapter_list.count() > 15
    assert "令和8年度" in page.page_title.text()
    preview = page.preview.toPlainText()
    assert "はじめに" in preview and YUDA in preview and "{協議会名}" not in preview


def test_typing_updates_the_preview_and_flags_unknown_placeholders(page, qtbot):
    page.body_edit.setPlainText("# 今年の目標\n{年度}は**加入率**を上げます。{会長の好物}")
    qtbot.waitUntil(lambda: "今年の目標" in page.preview.toPlainText(), timeout=2000)
    preview = page.preview.toPlainText()
    assert "令和8年度は加入率を上げます。" in preview
    assert "{会長の好物}?" in preview
    assert "{会長の好物}" in page.problem_label.text()
    page.body_edit.setPlainText("{年度}だけ")
    qtbot.waitUntil(lambda: page.problem_label.text() == "", timeout=2000)


def test_data_chapter_preview_shows_the_demo_and_cannot_be_edited(page):
    _select(page, "自治会一覧")
    assert page.body_edit.isReadOnly()
    assert "湯田温泉一丁目自治会" in page.preview.toPlainText()
    assert not page.buttons["delete"].isEnabled()


def test_save_switching_chapter_and_undo(page):
    store = page.context.store
    first = page.current
    page.body_edit.setPlainText("新しいあいさつ文です。")
    _select(page, "自治会とは")  # switching chapter saves the edit
    assert handbook.get_chapter(store, first.id).body == "新しいあいさつ文です。"
    assert page.current.title == "自治会とは"
    page.context.undo_stack.undo()
    restored = handbook.list_chapters(store, page.context.council_id, YEAR)[0]
    assert restored.body == first.body
    assert page.chapters[0].body == first.body  # the page reloaded after the undo


def test_move_hide_and_add(page, monkeypatch):
    council = page.context.council_id
    store = page.context.store
    _select(page, "自治会とは")
    page.chapter_edits.move(-1)
    assert handbook.list_chapters(store, council, YEAR)[0].title == "自治会とは"
    assert page.chapter_list.currentRow() == 0
    page.chapter_edits.toggle_hidden()
    assert handbook.list_chapters(store, council, YEAR)[0].hidden
    assert "非表示" in page.chapter_list.item(0).text()
    page.chapter_edits.add_chapter("ごみの出し方")
    titles = [c.title for c in handbook.list_chapters(store, council, YEAR)]
    assert titles[1] == "ごみの出し方" and page.current.title == "ごみの出し方"
    assert page.buttons["delete"].isEnabled()


def test_copy_last_year(page):
    store, council = page.context.store, page.context.council_id
    old, _changes = handbook.ensure_chapters(store, council, YEAR - 1)
    handbook.save_chapter(store, old[0].id, body="昨年度の文章")
    page.chapter_edits.copy_last_year()
    assert handbook.list_chapters(store, council, YEAR)[0].body == "昨年度の文章"
    assert page.body_edit.toPlainText() == "昨年度の文章"


def test_print_makes_the_pdf_off_the_gui_thread(page, qtbot, tmp_path, monkeypatch):
    from kyodo_desktop.services.privacy.provisions import ProvisionAnswer, list_provisions
    from kyodo_desktop.ui.privacy import provision

    asked = []
    monkeypatch.setattr(provision, "ask_answer", lambda _c, _p, what, people: asked.append(
        (what, people)) or ProvisionAnswer("各自治会長", "自治会長間の連絡", "事務局"))
    page.edition_combo.setCurrentIndex(page.edition_combo.findData("staff"))
    page.large_print_check.setChecked(True)
    target = tmp_path / "tebiki.pdf"
    with qtbot.waitSignal(page.printing.pdf_finished, timeout=30000) as signal:
        assert page.printing.print_pdf(target) is not None
    assert signal.args == [target]
    texts = page_texts(target.read_bytes())
    assert "事務局用" in texts[0] and "令和8年度" in texts[0]
    # the staff edition holds contacts: the user was asked to whom, and the print is recorded
    assert len(asked) == 1 and asked[0][1] >= 10
    last = list_provisions(page.context.store, page.context.council_id)[-1]
    assert (last["kind"], last["recipient"], last["people"]) == ("handbook", "各自治会長",
                                                                 asked[0][1])
    assert "事務局用" in last["document"]


def test_print_refuses_unknown_placeholders(page, monkeypatch, tmp_path):
    shown = []
    monkeypatch.setattr("kyodo_desktop.ui.handbook.printing.show_error",
                        lambda error, parent=None: shown.append(error.message))
    page.body_edit.setPlainText("{存在しない項目}")
    assert page.printing.print_pdf(tmp_path / "x.pdf") is None
    assert shown and "{存在しない項目}" in shown[0]
    assert not (tmp_path / "x.pdf").exists()


def _select_text(page, chosen: str) -> None:
    from PySide6.QtGui import QTextCursor

    text = page.body_edit.toPlainText()
    start = text.index(chosen)

    def units(index: int) -> int:  # Qt counts UTF-16 units (𠮷 is two)
        return len(text[:index].encode("utf-16-le")) // 2

    cursor = page.body_edit.textCursor()
    cursor.setPosition(units(start))
    cursor.setPosition(units(start + len(chosen)), QTextCursor.MoveMode.KeepAnchor)
    page.body_edit.setTextCursor(cursor)


def test_format_buttons_put_the_markup_around_the_selection(page, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor

    buttons = page.format_buttons.buttons
    assert [b.text() for b in buttons.values()] == ["太字", "見出し", "箇条書き", "表"]
    page.body_edit.setPlainText("𠮷田さんの注意\n会費は毎年集めます。\n通帳\n印鑑")
    _select_text(page, "毎年")
    qtbot.mouseClick(buttons["boldButton"], Qt.MouseButton.LeftButton)
    assert "会費は**毎年**集めます。" in page.body_edit.toPlainText()
    assert page.body_edit.textCursor().selectedText() == "毎年"
    _select_text(page, "注意")
    qtbot.mouseClick(buttons["headingButton"], Qt.MouseButton.LeftButton)
    assert page.body_edit.toPlainText().startswith("# 𠮷田さんの注意\n")
    _select_text(page, "通帳\n印鑑")
    qtbot.mouseClick(buttons["listButton"], Qt.MouseButton.LeftButton)
    assert page.body_edit.toPlainText().endswith("\n- 通帳\n- 印鑑")
    qtbot.waitUntil(lambda: "会費は毎年集めます" in page.preview.toPlainText(), timeout=2000)
    page.body_edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.mouseClick(buttons["tableButton"], Qt.MouseButton.LeftButton)
    assert page.body_edit.toPlainText().endswith("- 印鑑\n\n| 項目 | 内容 |\n|---|---|\n|  |  |\n|  |  |\n")
    assert page.body_edit.textCursor().selectedText() == "項目"
    qtbot.waitUntil(lambda: "項目" in page.preview.toPlainText(), timeout=2000)
    assert "|" not in page.preview.toPlainText() and "**" not in page.preview.toPlainText()
    page.body_edit.undo()
    assert "| 項目 |" not in page.body_edit.toPlainText()
