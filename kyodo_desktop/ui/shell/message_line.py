"""The one message area of a page: a label of fixed height (so nothing below or beside it moves
when a message appears, and a click never lands on another button), emptied when the user
changes the input, and showing 「元に戻しました: …」 after 元に戻す / やり直し.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QStatusBar,
    QTextEdit,
    QVBoxLayout,
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


def line_is_rich(text: str) -> bool:
    """True when a label would show ``text`` as rich text (Qt's own guess, QtGui's Qt)."""
    from PySide6.QtGui import Qt as GuiQt

    return GuiQt.mightBeRichText(text)


class ShownLine(QLabel):
    """A word-wrapped message label that takes no room while empty (for :class:`MessageArea`)."""

    def __init__(self, parent: QWidget | None = None, *, name: str = "") -> None:
        super().__init__(parent)
        if name:
            self.setObjectName(name)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt API)
        super().setText(text)
        self.setVisible(bool(text))
        area = self.held_by
        if area is not None:
            area.retip()
            area.texts_changed.emit()

    #: The :class:`MessageArea` holding this line (it tells the area of every new text).
    held_by: MessageArea | None = None

    def clear(self) -> None:
        self.setText("")


class MessageArea(QScrollArea):
    """A message area beside a row of buttons instead of lines of its own below them: exactly
    as high as ``match`` (a widget of the same row, e.g. a button with its title line), so the
    row never grows, shrinks or moves when a message appears; the ``lines``
    (:class:`ShownLine`) stack inside it, and a message longer than the room scrolls inside the
    area — never cut off, never pushing a button — and the whole of it is also the area's
    tooltip while it is longer than the room (at とても大きい the room beside the 出納簿's
    buttons holds two lines). ``width`` is its wanted width in full-width characters (it
    stretches to the rest of its row). Signal ``texts_changed`` after every new text.

    :attr:`spread` (set by a page that moves the area to a roomier place, e.g. a line of its
    own: ui/accounts/message_room.py): the area is as high as its lines need at its width."""

    texts_changed = Signal()
    #: True while the area stands on a line of its own, as high as its lines need.
    spread = False

    def __init__(self, lines: list[QLabel], match: QWidget, parent: QWidget | None = None, *,
                 width: int = 14, name: str = "") -> None:
        super().__init__(parent)
        if name:
            self.setObjectName(name)
        self.match, self.width_chars = match, width
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        inner = QWidget(self)
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.lines = lines
        for line in lines:
            column.addWidget(line)
            if isinstance(line, ShownLine):
                line.held_by = self
        column.addStretch(1)
        self.setWidget(inner)
        for widget in (self, self.viewport(), inner):  # the page's own background shows
            widget.setAutoFillBackground(False)
        self.viewport().setStyleSheet("background: transparent;")

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        height = (self.lines_height(max(self.width(), 1)) if self.spread
                  else self.match.sizeHint().height() + self.extra_height())
        return QSize(self.fontMetrics().horizontalAdvance("漢") * self.width_chars, height)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt API)
        return self.spread

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt API)
        return self.lines_height(width) if self.spread else super().heightForWidth(width)

    def lines_height(self, width: int) -> int:
        """The height the lines shown need at ``width`` (two pixels more: a label of n lines is
        a pixel or two higher than n lines)."""
        shown = [line for line in self.lines if not line.isHidden() and line.text()]
        return sum(line.heightForWidth(width) for line in shown) + 2

    #: Lines of room given beside the ``match`` height: ``extra_lines(scale)`` of the text
    #: size in use (see :meth:`extra_height`); none by default.
    extra_lines: Callable[[float], int] | None = None

    def extra_height(self) -> int:
        """The pixels the area is higher than its ``match``: whole messages where the page
        has room to spare at the text size in use, instead of scrolling them. The height
        depends on the text size only, so it stays while messages come and go."""
        from kyodo_desktop.ui.shell.text_scale import current_scale

        lines = self.extra_lines(current_scale()) if self.extra_lines is not None else 0
        return lines * self.fontMetrics().lineSpacing()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return self.sizeHint()

    def resizeEvent(self, event) -> None:  # Qt override: whole lines shown, none cut in half
        line = self.fontMetrics().lineSpacing()
        # whole lines and two pixels (a label of n lines is a pixel or two higher than n lines)
        spare = max(self.height() - max(1, self.height() // line) * line - 2, 0) if (
            line > 0 and not self.spread) else 0
        self.setViewportMargins(0, spare // 2, 0, spare - spare // 2)
        self.verticalScrollBar().setSingleStep(line)
        super().resizeEvent(event)
        self.retip()

    def needed_height(self) -> int:
        """The height the lines shown need at the area's present width."""
        return self.lines_height(self.viewport().width()) - 2

    def overflows(self) -> bool:
        """True when the lines shown need more height than the area has (they scroll)."""
        return self.needed_height() > self.viewport().height()

    def retip(self) -> None:
        """The whole message as the tooltip while it does not fit (else none)."""
        texts = [line.text() for line in self.lines if line.text()]
        whole = "<br>".join(text if line_is_rich(text) else html.escape(text)
                            for text in texts)
        self.setToolTip(whole if texts and self.overflows() else "")


class FittedLabel(QLabel):
    """A word-wrapped label exactly as high as its text needs at the width it is given (a second
    line only when the text needs one) — or as high as the ``longest`` text it may show, so that
    a new text never changes its height and moves what lies above it. A plain word-wrapped label
    in a status bar asks for the height of its text at its minimum width (three lines where one
    is shown) and takes that room from every page."""

    def __init__(self, parent: QWidget | None = None, *, longest: str = "") -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.longest = longest
        self._placed = False  # given a width by its layout yet
        self.window().installEventFilter(self)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt API)
        return False

    def _width(self) -> int:
        if self._placed:
            return max(self.width(), self.minimumWidth(), 1)
        # before its first placing: the window's width less the widgets beside it
        parent = self.parentWidget()
        beside = [w for w in (parent.findChildren(QWidget) if parent else [])
                  if w is not self and w.parentWidget() is parent and w.isVisibleTo(parent)]
        room = self.window().width() - sum(w.sizeHint().width() + 8 for w in beside) - 16
        return max(room, self.minimumWidth(), 1)

    def _needed(self) -> int:
        width = self._width()
        margins = self.contentsMargins()
        inner = max(width - margins.left() - margins.right(), 1)
        flags = int(Qt.TextFlag.TextWordWrap)
        texts = [t for t in (self.text(), self.longest) if t]
        lines = max((self.fontMetrics().boundingRect(0, 0, inner, 1 << 16, flags, t).height()
                     for t in texts), default=self.fontMetrics().height())
        return lines + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(super().sizeHint().width(), self._needed())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(self.minimumWidth(), self._needed())

    def resizeEvent(self, event) -> None:  # Qt override: a new width may need another height
        super().resizeEvent(event)
        self._placed = True
        if self._needed() != self.height():
            self.updateGeometry()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Resize and not self._placed:
            self.updateGeometry()  # the window's first size: the height asked for follows it
            if isinstance(self.parentWidget(), QStatusBar):
                self.parentWidget().reformat()  # before it is first shown, not an event later
        return False


def follow_undo(line: MessageLine, context: QObject) -> None:
    """Show 「元に戻しました: …」 / 「やり直しました: …」 of ``context.stepped`` in ``line``."""
    context.stepped.connect(lambda text: line.say(text, "info"))
