"""The plan tree steps aside for a tab that needs the page's width: the 評価 table lists every
推進項目 of the plan itself (the tree chooses nothing there), and at large text (文字の大きさ) its
推進項目 and 「次年度への見直し」 cannot be shown whole beside the tree on a 1366×768 screen. While
such a tab is shown and its table would not fit beside the tree, the tree (with its buttons) is
hidden; it comes back on the other tabs, and on that tab whenever there is room again.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QSplitter, QTabWidget, QWidget

from kyodo_desktop.ui.shell.relayout import LaterOnLayout


class TreeAside(QObject):
    """Hide ``left`` (a pane of ``split``) while ``tabs`` shows ``wide`` and ``wide`` needs more
    width than it has beside ``left``: ``wide.wanted_width()`` against the width of
    ``wide.table`` with ``left`` shown."""

    def __init__(self, split: QSplitter, left: QWidget, tabs: QTabWidget, wide: QWidget) -> None:
        super().__init__(split)
        self.split, self.left, self.tabs, self.wide = split, left, tabs, wide
        self._left_width = 0
        self._later = LaterOnLayout(self, self.place, [split, wide.table])
        tabs.currentChanged.connect(self.schedule)

    def schedule(self, *_args) -> None:
        """Place the tree once the current events are done."""
        self._later.schedule()

    def aside(self) -> bool:
        """True while the tree is hidden for the wide tab."""
        return self.left.isHidden()

    def place(self) -> None:
        """Show or hide the tree for the tab shown and the width there is."""
        if not self.split.isVisible():
            return
        if self.left.isVisible():
            self._left_width = self.left.width()
        shown = self.tabs.currentWidget() is not self.wide
        if not shown:
            beside = self.wide.table.width() - (0 if self.left.isVisible() else (
                (self._left_width or self.left.sizeHint().width()) + self.split.handleWidth()))
            shown = self.wide.wanted_width() <= beside
        if shown != self.left.isVisible():
            self.left.setVisible(shown)
            self.split.refresh()  # the panes take their new widths now, not after a few events
