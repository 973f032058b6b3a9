"""Table columns that fit the text size (文字の大きさ) and the window.

Key columns (日付, 摘要, 金額, 残高 …) are kept as wide as their header and longest cell; free-text
columns (メモ, 支払先 …) share what is left and may be cut short with 「…」 or wrap; when even that
does not fit, low-value columns are hidden in a given order and come back when there is room
(a smaller text size, a wider window). :class:`ColumnFit` does this for one view and redoes it
when the view is resized, its font changes or its rows change.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QHeaderView,
    QSizePolicy,
    QStyle,
    QTableView,
)

from kyodo_desktop.domain.text import narrowest_lines_width
from kyodo_desktop.ui.shell.props import get_property
from kyodo_desktop.ui.shell.relayout import LaterOnLayout

_ELIDABLE = "kyodo_elidable_columns"
#: Characters a free column keeps at least before it is hidden.
MIN_FREE_CHARS = 6


def set_elidable_columns(view: QAbstractItemView, columns: Sequence[int]) -> None:
    """Declare ``columns`` of ``view`` free text that may be cut short (「…」) or wrap."""
    view.setProperty(_ELIDABLE, list(columns))


def elidable_columns(view: QAbstractItemView) -> list[int]:
    """The columns of ``view`` declared free text by :func:`set_elidable_columns`."""
    return list(get_property(view, _ELIDABLE) or [])


def _header(view: QAbstractItemView) -> QHeaderView:
    return view.horizontalHeader() if isinstance(view, QTableView) else view.header()


class ColumnFit(QObject):
    """Fit the columns of ``view`` (a QTableView or QTreeView) to its width.

    ``free``: columns that take the room left over and may elide or wrap (they keep
    :data:`MIN_FREE_CHARS` characters at least); ``drop``: columns hidden, in this order, while
    the others do not fit; ``stretch``: the key column that takes the room left when there is
    no free column; ``wrap_rows``: row heights follow wrapped text (small tables only), at most
    ``max_lines`` lines when given (the rest of a long text elides with 「…」: give such cells
    their whole text as a tooltip); ``wrap``: key columns (摘要) that wrap onto more lines, rows
    growing, when even after ``drop`` they do not fit on one line; ``whole``: free columns kept
    wide enough for their longest text on ``max_lines`` lines while the room allows (推進項目).
    A free column is never narrower than its header while the room allows.
    """

    def __init__(self, view: QAbstractItemView, *, free: Sequence[int] = (),
                 drop: Sequence[int] = (), stretch: int | None = None,
                 wrap_rows: bool = False, wrap: Sequence[int] = (),
                 min_free_chars: int = MIN_FREE_CHARS, max_lines: int | None = None,
                 whole: Sequence[int] = ()) -> None:
        super().__init__(view)
        self.whole = list(whole)
        self.min_free_chars, self.max_lines = min_free_chars, max_lines
        self.view, self.free, self.drop = view, list(free), list(drop)
        self.stretch, self.wrap_rows, self.wrap = stretch, wrap_rows, list(wrap)
        self.wrapping = False
        self.dropped: set[int] = set()
        # owned by this object (a child of the view): never fires for a deleted view
        self._later = LaterOnLayout(self, self.fit, [view])
        set_elidable_columns(view, self.free)
        header = _header(view)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        model = view.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted,
                       model.rowsRemoved, model.dataChanged, model.columnsInserted):
            signal.connect(self.schedule)
        self.schedule()

    def schedule(self, *_args) -> None:
        """Fit again once the current events are done (many changes → one fit)."""
        self._later.schedule()

    def _needed(self, column: int) -> int:
        header = _header(self.view)
        return max(header.sectionSizeHint(column), self.view.sizeHintForColumn(column))

    def lines_width(self, column: int) -> int:
        """The width that shows every text of ``column`` on :attr:`max_lines` lines broken
        between phrases (ui/shell/phrase_wrap.py; Qt's wrapping after any character needs no
        more), with the cell's margins."""
        view, model = self.view, self.view.model()
        metrics = view.fontMetrics()
        widest = max((narrowest_lines_width(str(model.index(row, column).data() or ""),
                                            metrics.horizontalAdvance, self.max_lines or 1)
                      for row in range(model.rowCount())), default=0)
        margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        return int(widest) + 2 * margin + 1

    def fit(self) -> None:
        """Size, hide and show the columns for the view's present width and text."""
        view, header = self.view, _header(self.view)
        model = view.model()
        if model is None or not view.isVisible():
            return
        for column in self.dropped:
            self.view.setColumnHidden(column, False)
        self.dropped = set()
        columns = [c for c in range(model.columnCount()) if not header.isSectionHidden(c)]
        minimum_free = view.fontMetrics().horizontalAdvance("あ") * self.min_free_chars
        needed = {c: self._needed(c) for c in columns}
        # a free column is never narrower than its header (「次年度への見直し」 whole)
        floors = {c: max(minimum_free, header.sectionSizeHint(c) if header.isVisible() else 0)
                  for c in columns}
        for column in self.whole:
            if column in columns and self.max_lines:
                floors[column] = max(floors[column], self.lines_width(column))
        # the room inside the frame, less a vertical scroll bar (there or coming with more rows)
        room = view.width() - 2 * view.frameWidth()
        if view.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
            room -= view.verticalScrollBar().sizeHint().width()
        if isinstance(view, QTableView) and view.verticalHeader().isVisible():
            room -= view.verticalHeader().width()

        def total() -> int:
            return sum(floors[c] if c in self.free else needed[c] for c in columns)

        for column in self.drop:
            if total() <= room:
                break
            if column in columns:
                self.view.setColumnHidden(column, True)
                self.dropped.add(column)
                columns.remove(column)
        if total() > room:  # headers of free columns cut only when nothing else fits
            floors = dict.fromkeys(columns, minimum_free)
        self._set_wrapping(total() > room and any(c in columns for c in self.wrap))
        free = [c for c in columns if c in self.free or self.wrapping and c in self.wrap]
        left = max(room - sum(needed[c] for c in columns if c not in free), 0)
        if not free and self.stretch in columns:
            needed[self.stretch] += max(room - total(), 0)
        for column in columns:
            if column not in free:
                header.resizeSection(column, needed[column])
        for column, width in free_shares(left, free, needed, floors).items():
            header.resizeSection(column, width)
        if self.wrap_rows and isinstance(view, QTableView):
            view.resizeRowsToContents()
            if self.max_lines:
                self._cap_rows(view)

    def _cap_rows(self, view: QTableView) -> None:
        """Rows no higher than :attr:`max_lines` lines of text (and never lower than one row)."""
        tallest = max(view.fontMetrics().lineSpacing() * self.max_lines + 4,
                      view.verticalHeader().defaultSectionSize())
        for row in range(view.model().rowCount()):
            if view.rowHeight(row) > tallest:
                view.setRowHeight(row, tallest)

    def _set_wrapping(self, wrapping: bool) -> None:
        """Let the ``wrap`` columns wrap (rows as high as their text) or show one line."""
        if wrapping == self.wrapping or not isinstance(self.view, QTableView):
            return
        self.wrapping = wrapping
        set_elidable_columns(self.view, self.free + (self.wrap if wrapping else []))
        self.view.setWordWrap(wrapping)
        rows = self.view.verticalHeader()
        if wrapping:
            self._row_mode = rows.sectionResizeMode(0) if rows.count() else rows.ResizeMode.Fixed
            rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        else:
            rows.setSectionResizeMode(self._row_mode)


def free_shares(left: int, free: Sequence[int], needed: dict[int, int],
                minimum: int | Mapping[int, int]) -> dict[int, int]:
    """Widths (px) of the ``free`` columns sharing ``left`` px: equal shares while every column
    needs its share; a column needing less than an equal share (an empty 所見 beside a long
    推進項目) gets what it needs, at least ``minimum`` (one for all, or per column: its header),
    and the others share the rest. The widths add up to ``left`` when the columns fit."""
    floor = minimum if isinstance(minimum, Mapping) else dict.fromkeys(free, minimum)
    widths: dict[int, int] = {}
    waiting, room = list(free), left
    while waiting:
        equal = room // len(waiting)
        # columns content with less than an equal share take what they need; when none is, the
        # columns whose floor is above an equal share take their floor, the others share the rest
        content = [c for c in waiting if max(needed[c], floor[c]) <= equal]
        if len(content) == len(waiting):
            break
        settled = content or [c for c in waiting if floor[c] > equal]
        if not settled:
            break
        for column in settled:
            widths[column] = max(needed[column], floor[column]) if content else floor[column]
            room -= widths[column]
            waiting.remove(column)
    for number, column in enumerate(waiting):  # the pixels left over go one each to the first
        share = room // len(waiting) + (number < room % len(waiting))
        widths[column] = max(share, floor[column])
    return {column: widths[column] for column in free}


def fit_small_table(table: QTableView, free: tuple[int, ...] = (0,)) -> ColumnFit:
    """A short table shown whole: as high as its rows, figures never cut, the ``free`` text
    columns (names, 4 characters wide at least) wrapping onto more lines when the text is large
    (文字の大きさ)."""
    table.verticalHeader().hide()
    table.setWordWrap(True)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
    table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    table.setMinimumWidth(0)
    return ColumnFit(table, free=free, wrap_rows=True, min_free_chars=4)
