"""A line edit whose grey example (placeholder) is never cut: it asks for the width of its
example at the current text size, so a form row built with
:class:`~kyodo_desktop.ui.shell.flow_layout.FlowLayout` wraps at large text (文字の大きさ) instead
of showing 「日付（…」."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLineEdit, QStyle, QStyleOptionFrame

#: Room for the frame and the text margins around the example, in pixels.
_MARGIN = 12


class ExampleLineEdit(QLineEdit):
    """A QLineEdit at least as wide as its placeholder text (in its current font)."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        hint = super().sizeHint()
        return QSize(max(hint.width(), self._example_width()), hint.height())

    def _example_width(self) -> int:
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        text = self.fontMetrics().horizontalAdvance(self.placeholderText()) + _MARGIN
        return self.style().sizeFromContents(QStyle.ContentsType.CT_LineEdit, option,
                                             QSize(text, 0), self).width()
