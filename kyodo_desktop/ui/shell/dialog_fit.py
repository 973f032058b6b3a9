"""Dialogs sized in units of the text size (文字の大きさ), not in pixels, and kept on the screen.

A dialog given ``resize(560, …)`` stays 560 px wide at とても大きい, where its text is half as
wide again: word-wrapped labels then need more lines than the height Qt gave them (it does not
use height-for-width for a window's size) and are cut at the top and bottom. Instead a dialog
calls :func:`fit_dialog` once its content is built: its width is a number of full-width
characters of its own font, its height what its layout needs at that width, both within the
screen's available area (the 1366×768 notebooks of the 自治会長) less a window frame. Content
that can be longer than the screen (lists, long explanations) goes into a scroll area, so the
OK / 閉じる buttons stay on the screen. tests/ui/test_dialog_fit.py checks every dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtWidgets import QGroupBox, QWidget

#: Fusion gives a group box's title the width of its glyphs' ink, so a title ending in a kana
#: such as 「り」 (「振り返り」) loses its right part; a little padding gives it its whole width.
WHOLE_TITLE = "QGroupBox::title { padding-right: 0.5em; }"
#: Room a window's title bar and borders take beside its inside (Windows 11 at 100 %).
FRAME = QSize(16, 40)


def char_width(widget: QWidget) -> int:
    """Width of one full-width character (「あ」) in ``widget``'s font."""
    return max(widget.fontMetrics().horizontalAdvance("あ"), 1)


def chars(widget: QWidget, count: float) -> int:
    """Pixels of ``count`` full-width characters in ``widget``'s font."""
    return round(count * char_width(widget))


def screen_room(widget: QWidget) -> QSize:
    """The largest inside a window of ``widget`` can have on its screen (frame left out)."""
    screen = widget.screen()
    if screen is None:
        return QSize(1366, 768) - FRAME
    available = screen.availableGeometry().size()
    return QSize(available.width() - FRAME.width(), available.height() - FRAME.height())


def needed_height(widget: QWidget, width: int) -> int:
    """The height ``widget``'s layout needs at ``width`` (wrapped labels' lines counted)."""
    layout = widget.layout()
    if layout is None:
        return widget.sizeHint().height()
    layout.activate()
    hint = layout.totalSizeHint().height()
    if layout.hasHeightForWidth():
        hint = max(layout.totalHeightForWidth(width), layout.totalMinimumSize().height())
    return hint


class _KeepFitted(QObject):
    """Grows its dialog (never shrinks it) when its content needs more height at its width:
    a refusal shown in a wrapped error line, a label filled later. Qt would keep the size."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LayoutRequest and watched.isWindow():
            wanted = min(needed_height(watched, watched.width()), screen_room(watched).height())
            if wanted > watched.height():
                watched.resize(watched.width(), wanted)
        return False


def fit_dialog(dialog: QWidget, width: float, height: float | None = None) -> QSize:
    """Size ``dialog`` ``width`` full-width characters wide (at least what its layout needs)
    and as tall as its content needs at that width, or ``height`` characters when that is
    more (room for a list), within the screen; later it grows when its content needs more
    height. Call it when the content is built (the font is then the text size in use).
    Returns the size given."""
    room = screen_room(dialog)
    layout = dialog.layout()
    least = layout.totalMinimumSize().width() if layout is not None else 0
    wide = min(max(chars(dialog, width), least, dialog.minimumWidth()), room.width())
    tall = needed_height(dialog, wide)
    if height is not None:
        tall = max(tall, chars(dialog, height))
    size = QSize(wide, min(tall, room.height()))
    dialog.resize(size)
    if dialog.findChild(_KeepFitted) is None:
        dialog.installEventFilter(_KeepFitted(dialog))
    return size


def titled_box(title: str, parent: QWidget | None = None) -> QGroupBox:
    """A group box whose title is drawn whole at every text size (:data:`WHOLE_TITLE`)."""
    box = QGroupBox(title, parent)
    whole_title(box)
    return box


def whole_title(box: QGroupBox) -> None:
    """Draw ``box``'s title whole (:data:`WHOLE_TITLE` added to its own style sheet, once)."""
    if WHOLE_TITLE not in box.styleSheet():
        box.setStyleSheet(f"{box.styleSheet()}\n{WHOLE_TITLE}".strip())


def whole_titles(root: QWidget) -> None:
    """Every group box under ``root`` (a form loaded from ``forms/*.ui``) with its title whole."""
    for box in root.findChildren(QGroupBox):
        whole_title(box)
