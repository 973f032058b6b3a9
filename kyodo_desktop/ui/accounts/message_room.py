"""Room for a long message of the 出納簿 entry panel. Beside the panel's buttons the message area
holds two lines at とても大きい on 1366×768 — a refusal with its findings needs eight there — so
while a message does not fit beside the buttons it takes a line of its own right above the entry
fields, as wide as the panel and as high as the message, and the filter bar and the totals line
above the list step aside to pay for it: the list keeps its rows and no button moves. When the
message is gone (or fits again), everything goes back to its place.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QBoxLayout, QSizePolicy, QWidget

from kyodo_desktop.ui.shell.flow_layout import FlowLayout
from kyodo_desktop.ui.shell.message_line import MessageArea


class MessageRoom(QObject):
    """Moves ``area`` (held in ``row``, a FlowLayout of the entry panel) into ``column`` (the
    tab's layout) just above ``panel`` while its message does not fit beside the buttons, and
    hides ``aside`` (less needed while a message is read) for as long."""

    def __init__(self, area: MessageArea, row: FlowLayout, column: QBoxLayout, panel: QWidget,
                 aside: list[QWidget]) -> None:
        super().__init__(area)
        self.area, self.row, self.column, self.panel, self.aside = area, row, column, panel, aside
        self.place: tuple[int, bool, bool] | None = None  # where the area was in its row
        self._beside = (0, 0)  # the area's viewport beside the buttons (width, height)
        self.stand_in = QWidget(panel, objectName="entryMessagesPlace")
        self.stand_in.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.stand_in.hide()
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.arrange)
        area.texts_changed.connect(self._timer.start)
        panel.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.FontChange:  # a new text size: measure beside again
            self.spread(False)
            self._timer.start()
        return False

    @property
    def spread_out(self) -> bool:
        """True while the message stands on its line above the entry fields."""
        return self.place is not None

    def arrange(self) -> None:
        """Give the message its own line, or put it back beside the buttons."""
        if not self.spread_out and self.area.isVisible():
            self._beside = (self.area.viewport().width(), self.area.viewport().height())
        width, height = self._beside
        shown = [line for line in self.area.lines if line.text()]
        self.spread(bool(shown) and width > 0
                    and sum(line.heightForWidth(width) for line in shown) > height)

    def spread(self, wanted: bool) -> None:
        """Move the area onto its own line (``wanted``) or back beside the buttons."""
        if wanted == self.spread_out:
            return
        area = self.area
        if wanted:  # an empty stand-in of the same size keeps every button where it was
            self.stand_in.setMinimumSize(area.sizeHint())
            self.place = self.row.take(area)
            self.row.insert(self.place, self.stand_in, 12)
            self.stand_in.show()
            self.column.insertWidget(self.column.indexOf(self.panel), area)
        else:
            self.column.removeWidget(area)
            self.row.take(self.stand_in)
            self.stand_in.hide()
            self.row.insert(self.place, area, 12)
            self.place = None
        area.spread = wanted
        area.updateGeometry()
        for widget in self.aside:
            widget.setVisible(not wanted)
        area.show()
