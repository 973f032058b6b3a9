"""Every message of the 出納簿 entry panel can be read whole at every text size: at 標準 and 大きい
the message area beside the buttons has the lines the list can spare and shows it whole; at
とても大きい (two lines beside the buttons, no room to spare on 1366×768) the area scrolls and its
tooltip holds the whole message and its findings."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QApplication

from kyodo_desktop.services.settings import TEXT_SIZES

#: (what, 日付, 金額) typed before 記帳: each gives a refusal of its own
CASES = (("a date outside the 年度", "2020/6/1", "500"), ("a negative amount", "6/1", "-500"),
         ("no amount", "6/1", "0"), ("no such month", "13/45", "500"),
         ("an amount too large", "6/1", "99999999999999"))


def _plain(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text).replace("&amp;", "&")


@pytest.mark.parametrize("size", list(TEXT_SIZES))
def test_every_entry_message_is_readable_whole(open_window, demo_path, qtbot, size):
    from kyodo_desktop.ui.shell.text_scale import apply_text_scale

    app = QApplication.instance()
    apply_text_scale(app, TEXT_SIZES[size][1])
    unreadable, scrolled = [], []
    try:
        window = open_window(demo_path)
        panel = window.open_area("accounts", "出納簿").cash_book.panel
        qtbot.wait(50)
        area = panel.message_area
        for what, day, amount in CASES:
            panel.date_edit.setText(day)
            panel.category_combo.setCurrentIndex(panel.category_combo.findData("utilities"))
            panel.description_edit.setText("電気代")
            panel.amount_edit.setText(amount)
            assert not panel.save(), what
            qtbot.wait(30)
            said = panel.message.text()
            assert said, what
            if not area.overflows():
                continue  # shown whole in the area
            scrolled.append(what)
            tip = _plain(area.toolTip().replace("<br>", "\n"))
            if not (area.verticalScrollBar().maximum() > 0 and said in tip
                    and _plain(panel.findings.text()) in tip):
                unreadable.append((what, said))
    finally:
        apply_text_scale(app, 1.0)
    assert unreadable == [], size
    if size != "extra_large":
        assert scrolled == [], size  # shown whole where the list has room to spare
