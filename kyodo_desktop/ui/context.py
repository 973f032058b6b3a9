"""What a page needs, injected (docs/ARCHITECTURE.md, rule 4): the open store, the current council
and 年度, one ``changed`` signal carrying :class:`~kyodo_desktop.services.changes.Changes`, and
the undo stack (at most :data:`UNDO_LIMIT` steps). Pages never reach through ``self.window()``
or globals.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from shiboken6 import isValid

from kyodo_desktop.services.backup.datafile import Store
from kyodo_desktop.services.changes import Changes, release_undo_files

#: How many steps 元に戻す can go back (older steps are dropped, with the files they kept).
UNDO_LIMIT = 100


class AppContext(QObject):
    """The session of one open data file.

    Signals: ``changed(Changes)`` after any write; ``council_changed(object)`` with the new council
    id (int or None); ``fiscal_year_changed(int)``; ``open_area(str, str)`` asks the window to
    show an area by its key (ui/areas.py) and, when the second text is not empty, the tab of
    that title (今年度の流れ's 開く buttons); ``stepped(str)`` after 元に戻す / やり直し with the
    message to show (「元に戻しました: R8.6.1 電気代 500円」): message lines show it and drop
    their 「保存しました。」. ``last_saved`` is the time of the last write
    (the file's modification time until the first write of this session).
    """

    changed = Signal(object)
    council_changed = Signal(object)
    fiscal_year_changed = Signal(int)
    open_area = Signal(str, str)
    stepped = Signal(str)

    def __init__(self, store: Store, council_id: int | None, fiscal_year: int,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.council_id = council_id
        self.fiscal_year = fiscal_year
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)
        # files kept for undo go as soon as no step refers to them (a step pushed out by the
        # limit, a redo branch dropped by a new change, an obsolete step)
        self.undo_stack.indexChanged.connect(lambda _index: self.release_undo_files())
        self._leave_guards: list[Callable[[], bool]] = []
        try:
            self.last_saved: datetime | None = datetime.fromtimestamp(store.path.stat().st_mtime)
        except OSError:
            self.last_saved = None

    def release_undo_files(self) -> int:
        """Drop the 証拠書類 bytes kept for undo that no step on the stack refers to any more."""
        stack = self.undo_stack
        if not isValid(stack):  # the session is being torn down
            return 0
        held = [getattr(stack.command(i), "done", None) for i in range(stack.count())]
        return release_undo_files(self.store, [done for done in held if done is not None])

    def set_council(self, council_id: int | None) -> None:
        """Make ``council_id`` current; emits council_changed when it differs."""
        if council_id != self.council_id:
            self.council_id = council_id
            self.council_changed.emit(council_id)

    def set_fiscal_year(self, fiscal_year: int) -> None:
        """Make ``fiscal_year`` (2026 = 令和8年度) current; emits fiscal_year_changed."""
        if fiscal_year != self.fiscal_year:
            self.fiscal_year = fiscal_year
            self.fiscal_year_changed.emit(fiscal_year)

    def add_leave_guard(self, guard: Callable[[], bool]) -> None:
        """Register ``guard``: asked before switching council, 年度 or file, or quitting; it
        returns False to stay (e.g. the user cancels leaving unsaved edits)."""
        self._leave_guards.append(guard)

    def may_leave(self) -> bool:
        """True when every guard agrees to leave the current council, 年度 or file."""
        return all(guard() for guard in self._leave_guards)

    def notify(self, changes: Changes) -> None:
        """Tell every view what a finished operation changed (call after each write)."""
        if changes:
            self.last_saved = datetime.now()
            self.changed.emit(changes)
