"""At every text size the 手引き page leaves its preview a readable width (at とても大きい it was a
strip of five characters): the rows of buttons wrap, the placeholder list is as wide as its
first line, and the 事務局用 box has a line of its own."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QComboBox

from kyodo_desktop.services.settings import TEXT_SIZES


@pytest.mark.parametrize("size", list(TEXT_SIZES))
def test_the_preview_keeps_a_readable_width(open_window, demo_path, qtbot, size):
    from kyodo_desktop.ui.shell.text_scale import apply_text_scale

    window = open_window(demo_path)
    app = QApplication.instance()
    try:
        apply_text_scale(app, TEXT_SIZES[size][1])
        qtbot.wait(50)  # as after 設定: the new size reaches every widget first
        page = window.open_area("handbook")
        qtbot.wait(50)
        preview = page.preview
        wide = preview.viewport().width() / preview.fontMetrics().horizontalAdvance("あ")
        combo = page.findChild(QComboBox, "placeholderCombo")
        first = combo.fontMetrics().horizontalAdvance(combo.itemText(0))
        combo_room = combo.width()
    finally:
        apply_text_scale(app, 1.0)
    assert wide >= 14, (size, wide)
    assert combo_room >= first, (size, combo_room, first)
