"""A new text size (文字の大きさ) reaches the window at once: a page built right after
apply_text_scale — before the event loop ran, as when 設定 applies a size and a page is opened
next — takes the new size, and keeps it (Qt posts the font change to the widgets; a page built
before it arrived copied the window's old font and kept it)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from kyodo_desktop.ui.shell.text_scale import apply_text_scale


def _smaller(page: QWidget, points: float) -> list[str]:
    """The widgets of ``page`` drawn smaller than ``points`` (headings may be larger)."""
    return sorted({f"{type(widget).__name__} {widget.objectName()} {widget.font().pointSizeF()}"
                   for widget in [page, *page.findChildren(QWidget)]
                   if widget.font().pointSizeF() < points - 0.05})


@pytest.mark.parametrize("area", ["roster", "plan", "accounts"])
def test_a_page_built_right_after_a_new_size_takes_it(open_window, demo_path, qtbot, area):
    window = open_window(demo_path)
    app = QApplication.instance()
    try:
        points = apply_text_scale(app, 1.5)
        assert window.font().pointSizeF() == points
        page = window.open_area(area)  # no event processed since the new size
        built = _smaller(page, points)
        qtbot.wait(50)
        later = _smaller(page, points)
    finally:
        apply_text_scale(app, 1.0)
    assert built == [] and later == [], (built[:5], later[:5])


def test_a_window_shown_after_a_new_size_takes_it_everywhere(app, settings, demo_path, qtbot):
    """A window made, given a size, then shown (scripts/screenshots.py): every widget of its
    first page takes the size, a table's header too (delivered before the window was shown and
    polished, the change left it at the old size)."""
    from kyodo_desktop.services.backup.datafile import open_data_file
    from kyodo_desktop.ui.main_window import MainWindow

    window = MainWindow(open_data_file(demo_path), settings=settings)
    qtbot.addWidget(window)
    try:
        points = apply_text_scale(app, 1.5)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        qtbot.wait(50)
        smaller = _smaller(window.open_area("year_path"), points)
    finally:
        apply_text_scale(app, 1.0)
        window.context.store.close()
    assert smaller == [], smaller[:5]
