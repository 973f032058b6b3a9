"""The 評価 tab shows every 推進項目 whole — on two lines at most, broken between phrases
(「高齢者見守り」「ネットワークの構築」) — and every header whole (「次年度への見直し」) at every text
size on 1366×768: at とても大きい the plan tree steps aside for the table (it lists every
推進項目 itself) and comes back on the other tabs."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QStyle

from kyodo_desktop.domain.text import phrase_breaks, phrase_lines
from kyodo_desktop.services.settings import TEXT_SIZES
from kyodo_desktop.ui.plan.evaluation_view import COLUMN_KEYS


def _cut(table) -> list[str]:
    """Headers and 推進項目 cells shown narrower or lower than their text (as it is laid out:
    phrases on lines at the column's width, at most two lines)."""
    header, metrics = table.horizontalHeader(), table.fontMetrics()
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    cut = [f"header 「{table.horizontalHeaderItem(c).text()}」 needs "
           f"{header.sectionSizeHint(c)} px, has {header.sectionSize(c)}"
           for c in range(table.columnCount()) if not header.isSectionHidden(c)
           and header.sectionSizeHint(c) > header.sectionSize(c) + 1]
    column = COLUMN_KEYS.index("title")
    room = table.columnWidth(column) - 2 * margin
    for row in range(table.rowCount()):
        title = table.item(row, column).text()
        lines = phrase_lines(title, metrics.horizontalAdvance, room)
        wide = max(metrics.horizontalAdvance(line) for line in lines)
        if len(lines) > 2 or wide > room or table.rowHeight(row) < len(lines) * (
                metrics.lineSpacing()):
            cut.append(f"「{title}」 on {lines} in {room}×{table.rowHeight(row)} px")
        elif len(lines) == 2:  # broken between two phrases, never inside a word
            assert len(lines[0]) in phrase_breaks(title), lines
    return cut


@pytest.mark.parametrize("size", list(TEXT_SIZES))
def test_every_action_and_header_of_the_evaluation_is_whole(area_at_size, qtbot, size):
    with area_at_size("plan", size, "評価") as page:
        table = page.evaluation.table
        assert table.rowCount() > 20 and table.isVisible()
        cut = _cut(table)
        tree_shown = page.tree.isVisible()
        page.tabs.setCurrentWidget(page.editor)
        qtbot.wait(20)
        tree_back = page.tree.isVisible()
    assert cut == [], size
    assert tree_shown == (size != "extra_large") and tree_back
