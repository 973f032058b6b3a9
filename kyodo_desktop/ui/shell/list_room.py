"""Room for a page's main list at every text size (文字の大きさ): the list (the 数値目標, the
予算 …) keeps :data:`MIN_ROWS` whole rows on a 1366×768 screen, and what lies below it (the
values of the chosen row, a second list) gives way first.

:class:`ListFirstSplitter` is a vertical splitter of the list above and a panel below: whenever
the text size, the window or the rows change, the list gets the height of its first
:data:`MIN_ROWS` rows (at their real heights, wrapped text included) if it has less, and the
panel the rest (it scrolls). The user may still drag the handle; the list is only ever grown
back to its minimum. A list that is not its page's largest table is named by
:func:`set_main_list`. The page-fit test (tests/ui/test_page_fit.py) checks the rows on every page.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QAbstractItemView, QSplitter, QTableView, QWidget

from kyodo_desktop.ui.shell.props import get_property
from kyodo_desktop.ui.shell.relayout import LaterOnLayout

#: Whole rows the main list of a page shows at least, at every text size (1366×768).
MIN_ROWS = 5
_MAIN_LIST = "kyodo_main_list"


def set_main_list(view: QAbstractItemView) -> None:
    """Declare ``view`` its page's main list (a list of entries, such as the 帳票印刷 page's
    forms, that is not the page's largest table); the page-fit test counts its rows."""
    view.setProperty(_MAIN_LIST, True)


def is_main_list(view: QAbstractItemView) -> bool:
    """True for a view declared its page's main list by :func:`set_main_list`."""
    return bool(get_property(view, _MAIN_LIST))


def rows_height(view: QTableView, rows: int = MIN_ROWS) -> int:
    """The height ``view`` needs to show its first ``rows`` rows whole (rows it does not have yet
    count at the default height), with its header, frame and a horizontal scroll bar."""
    height = 2 * view.frameWidth()
    header = view.horizontalHeader()
    if not header.isHidden():
        height += max(header.height(), header.sizeHint().height())
    shown = [view.rowHeight(row) for row in range(view.model().rowCount())
             if not view.isRowHidden(row)][:rows]
    height += sum(shown) + view.verticalHeader().defaultSectionSize() * (rows - len(shown))
    if view.horizontalScrollBar().isVisible():
        height += view.horizontalScrollBar().height()
    return height


class ListFirstSplitter(QSplitter):
    """A vertical splitter of ``table`` (the page's main list, above) and ``below`` (a panel
    about the chosen row, or a second list): the table keeps room for ``rows`` whole rows;
    ``below`` gets the rest. ``share``: the table's part of the height when there is room for
    both (the rest goes to ``below``)."""

    def __init__(self, table: QTableView, below: QWidget, *, rows: int = MIN_ROWS,
                 share: float = 0.6, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.table, self.rows, self.share = table, rows, share
        self.addWidget(table)
        self.addWidget(below)
        self.setChildrenCollapsible(False)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 0)
        self._sized = False  # the first layout shares the room by ``share``
        self._later = LaterOnLayout(self, self.fit, [table],
                                    events=(QEvent.Type.FontChange, QEvent.Type.Show))
        table.verticalHeader().sectionResized.connect(self._later.schedule)

    def resizeEvent(self, event) -> None:  # Qt override: a new height, maybe too few rows
        super().resizeEvent(event)
        self._later.schedule()

    def fit(self) -> None:
        """Grow the table to its ``rows`` rows when it has fewer (``below`` gives way)."""
        total = sum(self.sizes())
        if total <= 0 or not self.isVisible():
            return
        needed = rows_height(self.table, self.rows)
        wanted = needed if self._sized else max(needed, int(total * self.share))
        if not self._sized or self.sizes()[0] < needed:
            self.setSizes([min(wanted, total), max(total - wanted, 0)])
        self._sized = True

