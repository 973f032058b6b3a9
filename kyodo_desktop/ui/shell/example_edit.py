"""A line edit whose grey example (placeholder) is never cut: it asks for the width of its
example at the current text size, so a form row built with
:class:`~kyodo_desktop.ui.shell.flow_layout.FlowLayout` wraps at large text (文字の大きさ) instead
of showing 「日付（…」."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtWidgets import QLineEdit, QStyle, QStyleOptionFrame

#: Room for the frame and the text margins around the example, in pixels.
_MARGIN = 12


class ExampleLineEdit(QLineEdit):
    """A QLineEdit at least as wide as its placeholder text (in its current font)."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        hint = super().sizeHint()
        return QSize(max(hint.width(), self._example_width()), hint.height())

    def _example_width(self) -> int:
        return example_width(self)


def example_width(edit: QLineEdit) -> int:
    """The width ``edit`` needs to show its grey example whole in its current font (a clear
    button takes no room while the field is empty, when the example shows)."""
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    text = edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + _MARGIN
    return edit.style().sizeFromContents(QStyle.ContentsType.CT_LineEdit, option,
                                         QSize(text, 0), edit).width()


class _ExampleWhole(QObject):
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.Polish):
            watched.setMinimumWidth(example_width(watched))
        return False


def keep_example_whole(edit: QLineEdit) -> None:
    """Make a line edit of a Designer form (not an :class:`ExampleLineEdit`) at least as wide as
    its grey example at every text size; put its row in a FlowLayout so that the row wraps."""
    edit.installEventFilter(_ExampleWhole(edit))
    edit.setMinimumWidth(example_width(edit))
