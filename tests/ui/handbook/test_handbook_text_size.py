"""At every text size the 手引き page leaves its preview a readable width (at とても大きい it was a
strip of five characters): the rows of buttons wrap, the placeholder list is as wide as its
first line, and the 事務局用 box has a line of its own."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox

from kyodo_desktop.services.settings import TEXT_SIZES


@pytest.mark.parametrize("size", list(TEXT_SIZES))
def test_the_preview_keeps_a_readable_width(area_at_size, size):
    with area_at_size("handbook", size) as page:
        preview = page.preview
        wide = preview.viewport().width() / preview.fontMetrics().horizontalAdvance("あ")
        combo = page.findChild(QComboBox, "placeholderCombo")
        first = combo.fontMetrics().horizontalAdvance(combo.itemText(0))
        combo_room = combo.width()
    assert wide >= 14, (size, wide)
    assert combo_room >= first, (size, combo_room, first)
