"""The one message area of a page: a label of fixed height (so nothing below or beside it moves
when a message appears, and a click never lands on another button), emptied when the user
changes the input, and showing 「元に戻しました: …」 after 元に戻す / やり直し.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

COLOURS = {"error": "#c62828", "done": "#2e7d32", "info": "#1f3a5f"}


class MessageLine(QLabel):
    """``lines`` lines high at any text size; :meth:`say` shows a message, :meth:`clear` empties
    it (the height stays)."""

    def __init__(self, parent: QWidget | None = None, *, lines: int = 2, name: str = "") -> None:
        super().__init__(parent)
        self.lines = lines
        if name:
            self.setObjectName(name)
        keep_lines(self, lines)

    def say(self, text: str, kind: str = "done") -> None:
        """Show ``text`` coloured by ``kind`` ("error", "done" or "info")."""
        self.setStyleSheet(f"color: {COLOURS.get(kind, COLOURS['info'])};")
        self.setText(text)

    def clear_when_edited(self, *widgets: QWidget) -> None:
        """Empty the message as soon as the user changes any of ``widgets`` (an old error or
        「保存しました。」 never stays beside new input)."""
        for widget in widgets:
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(self.clear)
            elif isinstance(widget, (QTextEdit, QPlainTextEdit)):
                widget.textChanged.connect(lambda w=widget: w.hasFocus() and self.clear())
            elif isinstance(widget, QComboBox):
                widget.activated.connect(self.clear)
                if widget.isEditable():
                    widget.lineEdit().textEdited.connect(self.clear)
            elif isinstance(widget, QAbstractButton) and widget.isCheckable():
                widget.clicked.connect(self.clear)


class _KeepLines(QObject):
    def __init__(self, label: QLabel, lines: int) -> None:
        super().__init__(label)
        self.label, self.lines = label, lines
        label.installEventFilter(self)
        self.fix()

    def fix(self) -> None:
        margins = self.label.contentsMargins()
        self.label.setFixedHeight(self.label.fontMetrics().lineSpacing() * self.lines
                                  + margins.top() + margins.bottom() + 2)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.FontChange:
            self.fix()
        return False


def keep_lines(label: QLabel, lines: int) -> None:
    """Give an existing message ``label`` (from a Designer form) a fixed height of ``lines``
    lines at every text size, word-wrapped: its message no longer moves the buttons."""
    label.setWordWrap(True)
    _KeepLines(label, lines)


def follow_undo(line: MessageLine, context: QObject) -> None:
    """Show 「元に戻しました: …」 / 「やり直しました: …」 of ``context.stepped`` in ``line``."""
    context.stepped.connect(lambda text: line.say(text, "info"))
