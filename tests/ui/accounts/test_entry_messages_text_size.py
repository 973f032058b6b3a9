"""Every message of the 出納簿 entry panel is shown whole at every text size, never scrolling
in its area nor only in a tooltip: at 標準 and 大きい the area beside the buttons has the lines the
list can spare; at とても大きい (two lines there on 1366×768) a longer message takes a line of its
own above the entry fields while it shows, the filter bar and the totals line stepping aside —
the list keeps its five rows and no button moves — and everything is back once it is gone."""

from __future__ import annotations

import re

import pytest

from kyodo_desktop.services.settings import TEXT_SIZES

#: (what, 日付, 金額) typed before 記帳: each gives a refusal of its own
CASES = (("a date outside the 年度", "2020/6/1", "500"), ("a negative amount", "6/1", "-500"),
         ("no amount", "6/1", "0"), ("no such month", "13/45", "500"),
         ("an amount too large", "6/1", "99999999999999"))


def _plain(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text).replace("&amp;", "&")


@pytest.mark.parametrize("size", list(TEXT_SIZES))
def test_every_entry_message_is_readable_whole(area_at_size, qtbot, size):
    from kyodo_desktop.ui.shell.layout_audit import MIN_ROWS, full_rows

    unreadable = []
    with area_at_size("accounts", size, "出納簿") as page:
        tab = page.cash_book
        panel, window = tab.panel, page.window()
        area = panel.message_area
        button = panel.save_button.mapTo(window, panel.save_button.rect().topLeft())
        for what, day, amount in CASES:
            panel.date_edit.setText(day)
            panel.category_combo.setCurrentIndex(panel.category_combo.findData("utilities"))
            panel.description_edit.setText("電気代")
            panel.amount_edit.setText(amount)
            assert not panel.save(), what
            qtbot.wait(30)
            said = _plain(panel.message.text())
            assert said, what
            if area.overflows() or area.verticalScrollBar().maximum() > 0:
                unreadable.append((what, said, area.needed_height(), area.viewport().height()))
            assert panel.save_button.mapTo(window, panel.save_button.rect().topLeft()) == button
            assert full_rows(tab.table) >= MIN_ROWS, what
        spread = tab.message_room.spread_out
        panel.start_new()  # Esc: the message goes, the filters and totals come back
        qtbot.wait(30)
        back = tab.filters.isVisible() and tab.totals_label.isVisible() and not (
            tab.message_room.spread_out)
    assert unreadable == [], size
    assert spread == (size == "extra_large") and back
