"""Forms in a scroll area beside a list or an overview (the 協議会 form, the 人 and 構成団体
editors) are never cut at their right edge behind a horizontal scroll bar, at any text size
(ui/shell/scroll_fit.keep_contents_width)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QScrollArea

from kyodo_desktop.services.settings import TEXT_SIZES

#: (area key, tab title, the scroll area holding the form)
FORMS = (("council", "", "profileScroll"), ("roster", "人", "personEditorScroll"),
         ("roster", "構成団体", "orgEditorScroll"))


@pytest.mark.parametrize("size", list(TEXT_SIZES))
@pytest.mark.parametrize(("key", "tab", "name"), FORMS)
def test_forms_beside_a_list_need_no_horizontal_scrolling(area_at_size, size, key, tab, name):
    with area_at_size(key, size, tab) as page:
        area = page.findChild(QScrollArea, name)
        needed, room = area.widget().minimumSizeHint().width(), area.viewport().width()
        scrolls = area.horizontalScrollBar().isVisible()
    assert needed <= room and not scrolls, (size, name, needed, room)
