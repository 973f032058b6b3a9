"""The window's pages: a stack that asks only for the room of the page shown, inside a scroll
area, so a wide page (a tab of long columns, large text) scrolls inside the window instead of
growing it past the screen (1366×768; see :mod:`ui.shell.screen_fit`)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QStackedWidget, QTabWidget, QWidget

from kyodo_desktop.ui.shell.props import get_property

#: Object name of the scroll area holding the pages (the page-fit test reads it).
PAGE_SCROLL_NAME = "pageScroll"
_CURRENT_ONLY = "kyodo_sized_by_current_tab"


class PageStack(QStackedWidget):
    """A QStackedWidget whose size hints are those of the current page only (Qt's own takes the
    largest of all pages ever shown, so one wide tab kept the window wide on every page)."""

    def show_page(self, index: int) -> None:
        """Show the page at ``index`` and ask the scroll area for its room."""
        self.setCurrentIndex(index)
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt API)
        """The least height the page needs (the scroll area asks this of a page whose rows
        wrap): Qt's answer is the page's preferred height, which made every page with a
        wrapping bar taller than the window, its tables at full length and its forms below."""
        page = self.currentWidget()
        if page is None:
            return super().heightForWidth(width)
        return page.minimumSizeHint().expandedTo(page.minimumSize()).height()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        page = self.currentWidget()
        if page is None:
            return super().minimumSizeHint()
        return page.minimumSizeHint().expandedTo(page.minimumSize())


class _CurrentTabSizer(QObject):
    """Watches the pages of one tab widget: a page shown asks for its room, the others for none.
    It reacts to Show events only (never to signals sent while a tab widget is destroyed)."""

    def __init__(self, tabs: QTabWidget) -> None:
        super().__init__(tabs)
        self.pages = [tabs.widget(index) for index in range(tabs.count())]
        for page in self.pages:
            page.installEventFilter(self)
        current = tabs.currentWidget()
        if current is not None:
            self._shown(current)

    def _shown(self, shown: QWidget) -> None:
        for page in self.pages:
            policy = (QSizePolicy.Policy.Preferred if page is shown
                      else QSizePolicy.Policy.Ignored)
            page.setSizePolicy(policy, policy)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Show and watched in self.pages:
            self._shown(watched)
        return False


def size_by_current_tab(tabs: QTabWidget) -> None:
    """Let ``tabs`` ask only for the room of the tab shown (Qt's own asks for the largest tab:
    one wide tab made every tab of the page, and so the window, wide)."""
    if not get_property(tabs, _CURRENT_ONLY):
        tabs.setProperty(_CURRENT_ONLY, True)
        _CurrentTabSizer(tabs)


def page_scroll_area(pages: PageStack, parent: QWidget | None = None) -> QScrollArea:
    """A frameless scroll area showing ``pages`` at the window's size (scroll bars only when the
    page shown needs more room than the window has)."""
    area = QScrollArea(parent)
    area.setObjectName(PAGE_SCROLL_NAME)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(pages)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    return area
