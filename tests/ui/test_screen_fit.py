"""The main window stays inside the screen's available area (above the Windows taskbar) at first
show and after a text-size change: 1366×768 at 100 %, and 1920×1080 at 150 % (1280×720)."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from kyodo_desktop.ui.shell.screen_fit import clamped_geometry, fit_window_to_screen

#: 1920×1080 at 150 % is 1280×720 logical pixels; the taskbar takes 40 of them.
SCALED_FULL_HD = QRect(0, 0, 1280, 680)


def _frame_of(inside: QRect, border: int = 4, title: int = 30) -> QRect:
    return QRect(inside.left() - border, inside.top() - title, inside.width() + 2 * border,
                 inside.height() + title + border)


def test_a_window_larger_than_a_scaled_full_hd_screen_is_shrunk_inside_it():
    inside = QRect(200, 150, 1280, 760)  # the first release's window, placed low and right
    result = clamped_geometry(_frame_of(inside), inside, SCALED_FULL_HD)
    frame = _frame_of(result)
    assert SCALED_FULL_HD.contains(frame), frame
    assert result.width() == 1280 - 8 and result.height() == 680 - 34


def test_a_window_that_fits_is_only_moved_back_on_screen():
    inside = QRect(-300, 500, 900, 600)
    result = clamped_geometry(_frame_of(inside), inside, QRect(0, 0, 1366, 728))
    assert (result.width(), result.height()) == (900, 600)
    assert QRect(0, 0, 1366, 728).contains(_frame_of(result))


def test_the_main_window_is_kept_inside_a_1366_by_768_screen(open_window, demo_path):
    window = open_window(demo_path)
    window.resize(1700, 1000)  # e.g. geometry restored from a larger monitor
    assert fit_window_to_screen(window)
    available = window.screen().availableGeometry()
    assert available.width() == 1366  # the test screen (tests/conftest.py)
    assert available.contains(window.frameGeometry())
    assert not fit_window_to_screen(window)  # already inside: nothing to do


def test_a_text_size_change_keeps_the_window_inside_the_screen(open_window, demo_path, qtbot):
    from kyodo_desktop.ui.shell.text_scale import apply_text_scale

    window = open_window(demo_path)
    window.resize(1700, 1000)
    app = QApplication.instance()
    before = app.font().pointSizeF()
    try:
        apply_text_scale(app, 1.3)
        qtbot.waitUntil(lambda: window.screen().availableGeometry().contains(
            window.frameGeometry()), timeout=10000)
    finally:
        apply_text_scale(app, 1.0)
    assert app.font().pointSizeF() == before
