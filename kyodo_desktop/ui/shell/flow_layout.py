"""A layout that fills a row and wraps to the next one: a bar of filters and buttons, or a form
of labelled fields, stays on one line at 標準 and reflows onto more lines at large text (文字の
大きさ) instead of making the page wider than the window.

Widgets that expand horizontally (line edits, combo boxes, a ``field`` group holding one) share
the room left in their row by their ``flow_stretch`` property (1 when unset).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
)

from kyodo_desktop.ui.shell.props import get_property

_STRETCH = "flow_stretch"


class FlowLayout(QLayout):
    """Items left to right, wrapping; rows as high as their tallest item."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._breaks: set[int] = set()  # a row ends after these item numbers
        self._gap = spacing
        if parent is None:
            self.setContentsMargins(0, 0, 0, 0)

    def add(self, widget: QWidget, stretch: int = 1) -> QWidget:
        """Add ``widget`` with a share ``stretch`` of the room left in its row; returns it."""
        widget.setProperty(_STRETCH, stretch)
        self.addWidget(widget)
        return widget

    def take(self, widget: QWidget) -> tuple[int, bool, bool]:
        """Take ``widget`` out of the layout (a row it ended then ends after the item before
        it); returns its place for :meth:`insert`."""
        index = next(number for number, item in enumerate(self._items)
                     if item.widget() is widget)
        self._items.pop(index)
        place = (index, index in self._breaks, index - 1 in self._breaks)
        self._breaks = {number - (number >= index) for number in self._breaks} - {-1}
        self.invalidate()
        return place

    def insert(self, place: tuple[int, bool, bool], widget: QWidget, stretch: int = 1) -> None:
        """Put ``widget`` back at the ``place`` :meth:`take` returned."""
        index, row_end, before_ended = place
        widget.setProperty(_STRETCH, stretch)
        self.addChildWidget(widget)
        self._items.insert(index, QWidgetItem(widget))
        self._breaks = {number + (number >= index) for number in self._breaks}
        if row_end:
            self._breaks.add(index)
            if not before_ended:
                self._breaks.discard(index - 1)
        self.invalidate()

    def add_break(self) -> None:
        """End the row after the last item added (the next one starts a new row)."""
        self._breaks.add(len(self._items) - 1)

    # QLayout interface ---------------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt API)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt API)
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt API)
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 (Qt API)
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt API)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt API)
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 (Qt API)
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        """The rows as wanted, each on one line (what the bar asks for when there is room)."""
        rows = self._rows(1 << 24)
        width = max((sum(i.sizeHint().width() for i in row) + self._gap * (len(row) - 1)
                     for row in rows), default=0)
        height = self._arrange(QRect(0, 0, 1 << 24, 0), place=False)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height)

    def minimumSize(self) -> QSize:  # noqa: N802 (Qt API)
        """The widest single item: narrower than that, an item would be cut."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize().expandedTo(
                QSize(item.sizeHint().width(), 0)))
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    # arranging -----------------------------------------------------------------------------------

    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _rows(self, width: int) -> list[list[QLayoutItem]]:
        rows: list[list[QLayoutItem]] = [[]]
        used = 0
        for number, item in enumerate(self._items):
            if item.isEmpty():
                continue
            wanted = item.sizeHint().width()
            if rows[-1] and used + self._gap + wanted > width:
                rows.append([])
                used = 0
            used += (self._gap if rows[-1] else 0) + wanted
            rows[-1].append(item)
            if number in self._breaks:
                rows.append([])
                used = 0
        return [row for row in rows if row]

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        y = area.y()
        for row in self._rows(area.width()):
            height = max(item.sizeHint().height() for item in row)
            if place:
                self._place_row(row, area, y, height)
            y += height + self._gap
        return y - self._gap - rect.y() + margins.bottom() if y > area.y() else 0

    def _place_row(self, row: list[QLayoutItem], area: QRect, y: int, height: int) -> None:
        widths = [item.sizeHint().width() for item in row]
        left = area.width() - sum(widths) - self._gap * (len(row) - 1)
        shares = [_stretch(item) for item in row]
        total = sum(shares)
        if left > 0 and total:
            widths = [w + left * share // total for w, share in zip(widths, shares, strict=True)]
        x = area.x()
        for item, width in zip(row, widths, strict=True):
            width = min(width, area.right() - x + 1)
            top = y + (height - item.sizeHint().height()) // 2
            item.setGeometry(QRect(QPoint(x, top), QSize(width, item.sizeHint().height())))
            x += width + self._gap


def _stretch(item: QLayoutItem) -> int:
    widget = item.widget()
    if widget is None or not widget.sizePolicy().expandingDirections() & Qt.Orientation.Horizontal:
        return 0
    value = get_property(widget, _STRETCH)
    return int(value) if value is not None else 1


def labelled(title: str, field: QWidget, parent: QWidget, *, name: str = "") -> QWidget:
    """A small group: ``title`` above ``field`` (one item of a form in a :class:`FlowLayout`).
    Its horizontal policy follows the field's (an expanding field makes an expanding group)."""
    group = QWidget(parent)
    if name:
        group.setObjectName(name)
    column = QVBoxLayout(group)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(QLabel(title, group))
    column.addWidget(field)
    group.setSizePolicy(field.sizePolicy().horizontalPolicy(),
                        group.sizePolicy().verticalPolicy())
    return group



def keep_together(row: QBoxLayout, widgets: list[QWidget]) -> QWidget:
    """Put ``widgets`` (neighbours in the row ``row`` of a Designer form) into one group in
    their place, so that a :func:`reflow_row` wraps them together (「団体を追加」「団体を削除…」
    never apart). Returns the group."""
    group = QWidget(widgets[0].parentWidget())
    pair = QHBoxLayout(group)
    pair.setContentsMargins(0, 0, 0, 0)
    index = row.indexOf(widgets[0])
    for widget in widgets:
        row.removeWidget(widget)
        pair.addWidget(widget)
    row.insertWidget(index, group)
    return group


def reflow_row(row: QBoxLayout, parent: QBoxLayout) -> FlowLayout:
    """Replace the row ``row`` of a Designer form (inside ``parent``) by a FlowLayout holding the
    same widgets in the same order (its spacers dropped), so the row wraps at large text instead
    of widening the page. Returns the new layout."""
    flow = FlowLayout()
    widgets = []
    while row.count():
        item = row.takeAt(0)
        if item.widget() is not None:
            widgets.append(item.widget())
    index = parent.indexOf(row)
    parent.removeItem(row)  # now owned by Python: gone with the last reference
    for widget in widgets:
        flow.add(widget, stretch=0)
    parent.insertLayout(index, flow)
    return flow
