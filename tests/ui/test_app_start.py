"""The app's start (ui/app.py ``run_gui``): the window is shown first, then ``show_file`` opens the
data file in it. Quitting at an opening error closes the window with exit code 0; a failure is
explained and ends with 1; a file whose showing fails while unchecked is opened again with its
check, so damage is reported as on opening."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from kyodo_desktop.ui import app as app_module
from kyodo_desktop.ui.main_window import MainWindow


@pytest.fixture
def starting(app, qtbot, settings, monkeypatch):
    """A shown window made without a file, as run_gui makes it; ``starting.exits`` records the
    exit codes handed to QApplication.exit."""
    window = MainWindow(None, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.exits = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(window.exits.append))
    return window


def test_the_window_opens_the_file_after_its_first_paint(starting, demo_path, qtbot):
    assert starting.context is None and starting.windowTitle()  # painted with no file yet
    shown = []
    starting.open_when_painted(lambda window: shown.append(app_module.show_file(window,
                                                                               demo_path)))
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    assert shown == [None] and starting.exits == []
    assert starting.context.store.path == demo_path.resolve()
    qtbot.waitUntil(lambda: bool(starting._built), timeout=30000)  # its first page, then
    assert starting.council_combo.count() == 21


def test_quitting_at_an_opening_error_closes_the_window_with_exit_code_0(starting, monkeypatch):
    monkeypatch.setattr(app_module, "resolve_store", lambda *args, **kwargs: None)
    starting._build_frame()
    assert app_module.show_file(starting, None) == 0
    assert starting.exits == [0] and not starting.isVisible()


def test_a_failure_while_opening_is_explained_and_ends_with_exit_code_1(starting, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("the demo could not be built")

    explained = []
    monkeypatch.setattr(app_module, "resolve_store", fail)
    monkeypatch.setattr(app_module, "show_error", lambda error, parent=None: explained.append(
        str(error)))
    starting._build_frame()
    assert app_module.show_file(starting, None) == 1
    assert explained == ["the demo could not be built"] and starting.exits == [1]
    assert not starting.isVisible()


def test_a_file_that_fails_unchecked_is_opened_again_with_its_check(starting, demo_path,
                                                                     monkeypatch):
    opened = []
    real = app_module.resolve_store

    def resolve(db_path, *, demo, check=True):
        opened.append(check)
        return real(db_path, demo=demo, check=check)

    monkeypatch.setattr(app_module, "resolve_store", resolve)
    original = MainWindow.set_store
    failures = []

    def set_store(window, store):
        if not store.checked and not failures:  # e.g. a value the check would have refused
            failures.append(store)
            raise ValueError("integer overflow")
        original(window, store)

    monkeypatch.setattr(MainWindow, "set_store", set_store)
    starting._build_frame()
    assert app_module.show_file(starting, demo_path) is None
    assert opened == [False, True] and starting.context.store.checked
    assert failures[0].conn is not starting.context.store.conn  # the unchecked one was closed
