"""A page's main list keeps five whole rows at every text size (ui/shell/list_room.py): the panel
below it in a :class:`ListFirstSplitter` gives way, and rows of wrapped text stay at most
``max_lines`` lines high (ui/shell/table_fit.ColumnFit)."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from kyodo_desktop.ui.shell.layout_audit import full_rows
from kyodo_desktop.ui.shell.list_room import MIN_ROWS, ListFirstSplitter
from kyodo_desktop.ui.shell.table_fit import ColumnFit

LONG = "見守りパトロールの延べ参加者数と子どもの登下校見守り・あいさつ運動"


def _table(rows: int, text: str = "自主防災") -> QTableWidget:
    table = QTableWidget(rows, 2)
    table.setHorizontalHeaderLabels(["指標", "達成度"])
    table.setWordWrap(True)
    for row in range(rows):
        table.setItem(row, 0, QTableWidgetItem(text))
        table.setItem(row, 1, QTableWidgetItem("59%"))
    return table


def _settle(qtbot) -> None:
    qtbot.wait(30)


def test_the_list_above_keeps_five_rows_and_the_panel_below_gives_way(qtbot):
    table = _table(12)
    below = _table(8)
    split = ListFirstSplitter(table, below)
    qtbot.addWidget(split)
    split.resize(500, 420)
    split.show()
    _settle(qtbot)
    assert full_rows(table) >= MIN_ROWS
    assert split.sizes()[1] > 0  # the panel below is still there
    split.setSizes([60, 360])  # dragged up by the user: fewer rows, until the text size changes
    for size in (18, 24):  # larger text: taller rows, the list grows back to five
        split.setFont(QFont(split.font().family(), size))
        _settle(qtbot)
        assert full_rows(table) >= MIN_ROWS, size


def test_a_list_with_room_keeps_the_users_share(qtbot):
    table = _table(12)
    split = ListFirstSplitter(table, _table(3), share=0.6)
    qtbot.addWidget(split)
    split.resize(500, 700)
    split.show()
    _settle(qtbot)
    first, second = split.sizes()
    assert first >= 0.55 * (first + second) and second > 100


def test_wrapped_rows_are_two_lines_high_at_most(qtbot):
    capped, free = _table(3, LONG), _table(3, LONG)
    for table, lines in ((capped, 2), (free, None)):
        qtbot.addWidget(table)
        table.resize(260, 400)
        table.fit = ColumnFit(table, free=(0,), wrap_rows=True, max_lines=lines)
        table.show()
    _settle(qtbot)
    line = capped.fontMetrics().lineSpacing()
    assert all(capped.rowHeight(row) <= 2 * line + 4 for row in range(3))
    assert free.rowHeight(0) > 2 * line + 4  # the same text uncapped takes more lines
