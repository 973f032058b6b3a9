"""Forms in a scroll area beside a list or an overview (the 協議会 form, the 人 and 構成団体
editors) are never cut at their right edge behind a horizontal scroll bar, at any text size
(ui/shell/scroll_fit.keep_contents_width)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QScrollArea

from kyodo_desktop.services.settings import TEXT_SIZES

#: (area key, tab title, the scroll area holding the form)
FORMS = (("council", "", "profileScroll"), ("roster", "人", "personEditorScroll"),
         ("roster", "構成団体", "orgEditorScroll"))


@pytest.mark.parametrize("size", list(TEXT_SIZES))
def test_forms_beside_a_list_need_no_horizontal_scrolling(open_window, demo_path, qtbot, size):
    from kyodo_desktop.ui.shell.text_scale import apply_text_scale

    window = open_window(demo_path)
    app = QApplication.instance()
    cut = []
    try:
        apply_text_scale(app, TEXT_SIZES[size][1])
        qtbot.wait(50)  # as after 設定: the new size reaches every widget first
        for key, tab, name in FORMS:
            page = window.open_area(key, tab)
            qtbot.wait(50)
            area = page.findChild(QScrollArea, name)
            needed, room = area.widget().minimumSizeHint().width(), area.viewport().width()
            if needed > room or area.horizontalScrollBar().isVisible():
                cut.append((name, needed, room))
    finally:
        apply_text_scale(app, 1.0)
    assert cut == [], size
