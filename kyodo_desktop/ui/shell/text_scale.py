"""Style sheets that follow the text size (文字の大きさ): headings written as ``font-size: 16pt``
grow with the application font instead of staying small beside large body text.

A widget's sheet is set through :func:`set_scaled_style_sheet`, which keeps the sheet as written
(for 標準) and applies it with every ``font-size: Npt`` multiplied by the current factor;
:func:`rescale_style_sheets` re-applies all of them after a change in 設定.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from kyodo_desktop.ui.shell.props import get_property

_BASE_SHEET = "kyodo_base_style_sheet"
_SCALE = "kyodo_text_scale"
_BASE_SIZE = "kyodo_base_point_size"
_POINTS = re.compile(r"(font-size:\s*)([0-9]+(?:\.[0-9]+)?)pt")


def current_scale() -> float:
    """The factor of the text size in use (1.0 標準, 1.25 大きい, 1.5 とても大きい)."""
    app = QApplication.instance()
    scale = get_property(app, _SCALE) if app is not None else None
    return float(scale) if scale else 1.0


def scaled_sheet(sheet: str, scale: float) -> str:
    """``sheet`` with every ``font-size: Npt`` multiplied by ``scale`` (one decimal)."""
    return _POINTS.sub(lambda m: f"{m.group(1)}{round(float(m.group(2)) * scale, 1):g}pt", sheet)


def set_scaled_style_sheet(widget: QWidget, sheet: str) -> None:
    """Give ``widget`` the style sheet ``sheet`` (written for 標準), scaled to the text size now
    and after every change of it."""
    widget.setProperty(_BASE_SHEET, sheet)
    widget.setStyleSheet(scaled_sheet(sheet, current_scale()))


def scaled_points(points: float) -> float:
    """A point size written for 標準, at the text size in use."""
    return round(points * current_scale(), 1)


def rescale_style_sheets(app: QApplication, scale: float) -> None:
    """Record ``scale`` as the text size and re-apply every sheet (re-polishing widgets styled by
    sheets, whose fonts would otherwise keep the old size)."""
    app.setProperty(_SCALE, scale)
    app.setStyleSheet(app.styleSheet())
    for widget in app.allWidgets():
        base = get_property(widget, _BASE_SHEET)
        if base is not None:
            widget.setStyleSheet(scaled_sheet(str(base), scale))
        elif widget.styleSheet():
            widget.setStyleSheet(widget.styleSheet())


def apply_text_scale(app: QApplication, scale: float) -> float:
    """Scale the whole UI's font to ``scale`` × the size chosen at start-up (large-text mode for
    elderly users); live, every widget without its own font follows. Returns the point size.

    Qt posts the change to the widgets (``ApplicationFontChange``) instead of sending it: until
    the event loop ran, the window kept the old font, and a page built meanwhile (a page opened
    right after 設定 applied a size) copied it from its parent and kept it after the change
    arrived. The change is delivered here to the windows shown, before anything else is
    built."""
    base = get_property(app, _BASE_SIZE)
    if not base:
        base = app.font().pointSizeF()
        app.setProperty(_BASE_SIZE, base)
    font = QFont(app.font())
    size = round(float(base) * scale, 1)
    font.setPointSizeF(size)
    app.setFont(font)
    for window in app.topLevelWidgets():  # a window not shown yet takes it when shown (its
        if window.isVisible() and window.windowHandle() is not None:  # widgets unpolished, a
            # table's header would keep the old size); Qt posts it to the window's QWindow
            QCoreApplication.sendPostedEvents(window.windowHandle(),
                                              QEvent.Type.ApplicationFontChange)
    rescale_style_sheets(app, scale)  # headings in sheets grow too; sheets re-polished
    return size
