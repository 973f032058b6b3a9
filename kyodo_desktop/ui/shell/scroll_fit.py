"""A form in a scroll area beside a list is given the width its fields need at the text size in
use (文字の大きさ), so that it scrolls only up and down: at とても大きい the 協議会 form and the
人 editor were cut at their right edge (a horizontal scroll bar), while the list or the overview
beside them had room to spare.

:func:`keep_contents_width` makes the scroll area at least as wide as its form's minimum width
(plus the vertical scroll bar), again whenever the form's layout or the text size changes; the
layout or splitter around it then takes that room from its neighbour.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QScrollArea


class _ContentsWidth(QObject):
    def __init__(self, area: QScrollArea, least: int) -> None:
        super().__init__(area)
        self.area, self.least = area, least
        area.widget().installEventFilter(self)
        area.installEventFilter(self)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.fit()

    def fit(self) -> None:
        """The area's minimum width: its form's, with the frame and a vertical scroll bar."""
        area = self.area
        needed = (area.widget().minimumSizeHint().width() + 2 * area.frameWidth()
                  + area.verticalScrollBar().sizeHint().width())
        if needed != area.minimumWidth():
            area.setMinimumWidth(max(needed, self.least))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.FontChange,
                            QEvent.Type.Show):
            self.fit()
        return False


def keep_contents_width(area: QScrollArea, least: int = 0) -> None:
    """Keep ``area`` (a resizable scroll area holding a form) at least as wide as the form
    needs, and never narrower than ``least`` pixels."""
    _ContentsWidth(area, least)
