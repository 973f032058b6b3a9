"""The 帳票印刷 page at every text size (文字の大きさ): its list of forms shows five whole entries
or more, and a long message of what is missing (the 年度末一式 of a new file lists four steps)
is shown whole in the preview area without moving a button or taking the list's room."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton

from kyodo_desktop.services.settings import TEXT_SIZES
from kyodo_desktop.ui.shell.layout_audit import MIN_ROWS, full_rows


def _places(window, widgets):
    return [w.mapTo(window, w.rect().topLeft()) for w in widgets]


@pytest.mark.parametrize("size", list(TEXT_SIZES))
def test_a_long_message_is_whole_and_the_list_keeps_five_forms(area_at_size, tmp_path, qtbot,
                                                                monkeypatch, size):
    from kyodo_desktop.services.council import profile
    from kyodo_desktop.store import open_store
    from kyodo_desktop.ui.reports import page as reports_page

    empty = tmp_path / "new.sqlite3"
    with open_store(empty) as store:
        profile.create_council(store, "新しい協議会")
    monkeypatch.setattr(reports_page, "run_in_background", lambda _parent, _title, work: work())
    with area_at_size("reports", size, path=empty) as page:
        window = page.window()
        buttons = [*page.findChildren(QPushButton)]
        before = _places(window, buttons)
        page.choose("year-end")
        assert not page.show_preview()
        qtbot.wait(50)
        message = page.message
        assert message.isVisible() and message.text().count("\n") >= 3
        needed, shown = message.heightForWidth(message.width()), message.height()
        rows = full_rows(page.kind_list)
        places = _places(window, buttons)
    assert needed <= shown + 1, (size, needed, shown)
    assert places == before
    assert rows >= MIN_ROWS, (size, rows)
