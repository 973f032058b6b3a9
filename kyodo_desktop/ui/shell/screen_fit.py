"""Keep the main window inside the screen's available area (without the Windows taskbar).

A 1366×768 notebook at 100 %, or a 1920×1080 screen at 150 % (1280×720 logical pixels), is
smaller than the window's preferred 1280×760: the status bar with the backup reminder would sit
under the taskbar. :func:`fit_window_to_screen` runs at first show and after every text-size
change (larger text asks for larger widgets).
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget


def clamped_geometry(frame: QRect, inside: QRect, available: QRect) -> QRect:
    """Where the window's inside goes so that its whole frame fits ``available``.

    ``frame`` is the window's frame geometry (title bar and borders included) and ``inside`` its
    geometry without them, both in screen coordinates; returns the inside's new geometry, moved
    into ``available`` and shrunk where the frame is larger than it.
    """
    left_border, top_border = inside.left() - frame.left(), inside.top() - frame.top()
    extra_w = max(frame.width() - inside.width(), 0)
    extra_h = max(frame.height() - inside.height(), 0)
    width = max(min(inside.width(), available.width() - extra_w), 1)
    height = max(min(inside.height(), available.height() - extra_h), 1)
    frame_left = min(max(frame.left(), available.left()),
                     available.left() + available.width() - width - extra_w)
    frame_top = min(max(frame.top(), available.top()),
                    available.top() + available.height() - height - extra_h)
    return QRect(frame_left + left_border, frame_top + top_border, width, height)


def fit_window_to_screen(window: QWidget) -> bool:
    """Shrink and move ``window`` so its frame lies inside its screen's available geometry;
    True when it had to change. A maximised or full-screen window is left alone."""
    screen = window.screen()
    if screen is None or window.isMaximized() or window.isFullScreen():
        return False
    available = screen.availableGeometry()
    wanted = clamped_geometry(window.frameGeometry(), window.geometry(), available)
    if wanted == window.geometry():
        return False
    window.setGeometry(wanted)
    return True
