"""The page shown for an area that needs a registered council (ui/shell/placeholder.py) re-wraps
its explanation after a text-size change while it is shown: one line at 標準, two at
とても大きい, whole at each, with the 「協議会の画面へ」 button under it."""

from __future__ import annotations

import contextlib

from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from kyodo_desktop.services.settings import TEXT_SIZES
from kyodo_desktop.ui.shell.layout_audit import audit


def test_the_needs_a_council_page_rewraps_after_a_text_size_change(open_window, tmp_path, qtbot):
    from kyodo_desktop.store import open_store
    from kyodo_desktop.ui.shell.text_scale import apply_text_scale

    empty = tmp_path / "new.sqlite3"
    open_store(empty).close()
    window = open_window(empty)
    page = window.open_area("accounts")
    qtbot.wait(50)
    description = page.findChild(QLabel, "placeholderDescription")
    button = page.findChild(QPushButton, "placeholderAction")
    app = QApplication.instance()
    heights, problems = {}, {}
    try:
        for size in ("normal", "extra_large", "large", "normal"):
            apply_text_scale(app, TEXT_SIZES[size][1])
            _settle(qtbot, description)
            heights[size] = description.height()
            problems[size] = _audit_settled(qtbot, window)
            assert description.heightForWidth(description.width()) <= description.height(), size
            assert button.geometry().top() >= description.geometry().bottom(), size
    finally:
        apply_text_scale(app, 1.0)
    assert heights["extra_large"] > heights["normal"]
    assert all(found == [] for found in problems.values()), problems


def _settle(qtbot, label) -> None:
    """Wait until ``label`` is laid out for the new font: as high as its text needs (a busy
    machine lays out late; a fixed wait alone was sometimes too short)."""
    qtbot.wait(50)
    qtbot.waitUntil(lambda: label.heightForWidth(label.width()) == label.height(), timeout=3000)


def _audit_settled(qtbot, window) -> list:
    """The layout audit of ``window`` once it finds nothing, or what it still finds after 3 s."""
    found: list = []

    def clean() -> bool:
        found[:] = audit(window)
        return not found

    with contextlib.suppress(AssertionError):  # what is still found is reported by the test
        qtbot.waitUntil(clean, timeout=3000)
    return found
