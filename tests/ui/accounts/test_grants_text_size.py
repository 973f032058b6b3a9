"""The 交付金 table's rows follow the text size chosen while the app runs: after 標準 →
とても大きい → 標準 every cell (a step's date and amount on two lines, a wrapped programme name)
fits its row's height."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from kyodo_desktop.services.settings import TEXT_SIZES


def _cut_rows(table) -> list[tuple[int, int, int]]:
    """(row, height needed by its cells at their column widths, height it has)."""
    return [(row, table.sizeHintForRow(row), table.rowHeight(row))
            for row in range(table.rowCount())
            if table.sizeHintForRow(row) > table.rowHeight(row)]


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
