"""The 交付金 table's rows follow the text size chosen while the app runs: after 標準 →
とても大きい → 標準 every cell (a step's date and amount on two lines, a wrapped programme name)
fits its row's height."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from kyodo_desktop.services.settings import TEXT_SIZES


def _cut_rows(table) -> list[tuple[int, int, int]]:
    """(row, height its cells need, height it has): Qt's own measure of the row, and each
    cell's text wrapped as it is painted (the column less the cell's side margins)."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtWidgets import QStyle

    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    metrics, cut = table.fontMetrics(), []
    for row in range(table.rowCount()):
        needed = table.sizeHintForRow(row)
        for column in range(1, table.columnCount()):  # the steps (the name may wrap freely)
            room = QRect(0, 0, table.columnWidth(column) - 2 * margin, 1 << 16)
            text = table.item(row, column).text()
            wrapped = metrics.boundingRect(room, int(Qt.TextFlag.TextWordWrap), text)
            needed = max(needed, wrapped.height() + 1)  # the grid line
        if needed > table.rowHeight(row):
            cut.append((row, needed, table.rowHeight(row)))
    return cut


def test_grant_rows_follow_a_text_size_change(open_window, demo_path, qtbot):
    from kyodo_desktop.ui.shell.text_scale import apply_text_scale

    window = open_window(demo_path)
    app = QApplication.instance()
    page = window.open_area("accounts", "交付金")
    table = page.grants.table
    qtbot.wait(50)
    assert table.rowCount() > 0 and _cut_rows(table) == []
    small = table.rowHeight(0)
    try:
        for size in ("extra_large", "normal"):
            apply_text_scale(app, TEXT_SIZES[size][1])
            qtbot.wait(50)
            assert _cut_rows(table) == [], size
            if size == "extra_large":
                assert table.rowHeight(0) > small
    finally:
        apply_text_scale(app, 1.0)
