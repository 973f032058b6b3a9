"""UI fixtures: question boxes that never block, QSettings in a file, the main window (demo data
file copies: ``demo_path`` of tests/conftest.py)."""

from __future__ import annotations

import contextlib

import pytest


@pytest.fixture(autouse=True)
def answers(monkeypatch):
    """QMessageBox.question never blocks a test: it answers from this list (default 破棄)
    and records the questions asked in ``answers.asked``."""
    from PySide6.QtWidgets import QMessageBox

    class Answers(list):
        asked: list[str]

    queue = Answers()
    queue.asked = []

    def question(parent, title, text, *args, **kwargs):
        queue.asked.append(text)
        return queue.pop(0) if queue else QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "question", question)
    return queue


@pytest.fixture
def settings(tmp_path):
    """QSettings in a private ini file (the user's real settings are never touched)."""
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def app(qapp):
    """The QApplication with the project's translators and fonts."""
    from kyodo_desktop.ui.app import create_application

    return create_application()


@pytest.fixture
def area_at_size(open_window, demo_path, app, qtbot):
    """``area_at_size(area, size, tab="", path=None)`` → a context manager giving the page of
    sidebar ``area`` (its tab ``tab`` shown) in the window on 1366×768 on the demo (or the data
    file ``path``) at text size ``size`` (a key of TEXT_SIZES), set as 設定 sets it; 標準 again
    afterwards. ``page.window()`` is the main window."""
    from kyodo_desktop.services.settings import TEXT_SIZES
    from kyodo_desktop.ui.shell.text_scale import apply_text_scale

    @contextlib.contextmanager
    def use(area, size, tab="", path=None):
        window = open_window(path or demo_path)
        try:
            apply_text_scale(app, TEXT_SIZES[size][1])
            page = window.open_area(area, tab)
            qtbot.wait(50)
            for _round in range(6):  # the page's columns and panes settle, one step a round
                app.processEvents()
            yield page
        finally:
            apply_text_scale(app, 1.0)

    return use


@pytest.fixture
def fits_the_screen(screenshot_dir, qtbot):
    """``fits_the_screen(window, name)``: ``window`` set to 1366×768 needs no more (its minimum
    size) and stays within it; its picture saved as ``name``.png in ``screenshot_dir``."""

    def check(window, name):
        window.resize(1366, 768)
        qtbot.wait(20)
        assert window.minimumSizeHint().width() <= 1366, name
        assert window.minimumSizeHint().height() <= 768, name
        assert window.width() <= 1366 and window.height() <= 768, name
        window.grab().save(str(screenshot_dir / f"{name}.png"))

    return check


@pytest.fixture
def open_window(app, qtbot, settings):
    """``open_window(path)`` → a shown MainWindow on that data file (closed after the test)."""
    from kyodo_desktop.services.backup.datafile import open_data_file
    from kyodo_desktop.ui.main_window import MainWindow

    windows = []

    def make(path):
        window = MainWindow(open_data_file(path), settings=settings)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        if window.context is not None:
            window.context.store.close()
