"""The 構成団体 search box shows its grey example 「名称・ふりがなで検索」 whole at every text size
(it was 「名称・ふりがな…」 at とても大きい): the box asks for the example's width and its row wraps
when it must, 団体を追加 and 団体を削除… together."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit, QPushButton, QStyle, QStyleOptionFrame

from kyodo_desktop.services.settings import TEXT_SIZES
from kyodo_desktop.ui.shell.layout_audit import audit


@pytest.mark.parametrize("size", list(TEXT_SIZES))
def test_the_search_example_is_shown_whole(area_at_size, size):
    with area_at_size("roster", size, "構成団体") as page:
        search = page.findChild(QLineEdit, "orgSearch")
        option = QStyleOptionFrame()
        search.initStyleOption(option)
        # where Qt draws the example: the contents less its 2-pixel side margins
        room = search.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option,
                                             search).width() - 4
        needed = search.fontMetrics().horizontalAdvance(search.placeholderText())
        add, delete = (page.findChild(QPushButton, name)
                       for name in ("addOrgButton", "deleteOrgButton"))
        together = add.mapTo(page, add.rect().topLeft()).y() == delete.mapTo(
            page, delete.rect().topLeft()).y()
        problems = audit(page.window())
    assert search.placeholderText() == "名称・ふりがなで検索"
    assert needed <= room and together and problems == [], (size, needed, room, problems)
