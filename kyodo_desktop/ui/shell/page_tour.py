"""A tour of the main window: every sidebar page and, inside it, every tab (nested tabs too).

Used by the page-fit test (tests/ui/test_page_fit.py) and by scripts/screenshots.py, which grab
each stop of the tour; both see the window exactly as a user who clicks through it.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from kyodo_desktop.ui.areas import AREAS


def _settle() -> None:
    for _round in range(6):  # layouts settle in a few rounds (deferred resizes, timers at 0)
        QApplication.processEvents()


def _outer_tabs(widget: QWidget) -> list[QTabWidget]:
    """The tab widgets inside ``widget`` that are not nested in another tab widget below it."""
    found = []
    for tabs in widget.findChildren(QTabWidget):
        parent = tabs.parentWidget()
        while parent is not None and parent is not widget and not isinstance(parent, QTabWidget):
            parent = parent.parentWidget()
        if parent is widget or parent is None:
            found.append(tabs)
    return found


def _tour_tabs(widget: QWidget, names: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    tabs = [tab for tab in _outer_tabs(widget) if tab.isVisibleTo(widget.window())]
    if not tabs:
        yield names
        return
    for tab_widget in tabs:
        for index in range(tab_widget.count()):
            if not tab_widget.isTabVisible(index) or not tab_widget.isTabEnabled(index):
                continue
            tab_widget.setCurrentIndex(index)
            _settle()
            title = tab_widget.tabText(index).replace("&", "")
            yield from _tour_tabs(tab_widget.widget(index), (*names, title))


def tour(window) -> Iterator[tuple[str, ...]]:
    """Show every page and tab of ``window`` (a MainWindow) in turn; yields, while each is shown,
    its names as shown to the user: ``(page title, tab title, nested tab title, …)``."""
    for row in range(len(AREAS)):
        page = window.show_area(row)
        _settle()
        title = window.sidebar.item(row).text()
        yield from _tour_tabs(page, (title,))


def stop_name(names: tuple[str, ...]) -> str:
    """A readable name of a tour stop: 「予算・出納 › 出納簿」."""
    return " › ".join(names)
