"""Undo for the 手引き page: each edit stores the year's chapters before and after it
(:func:`kyodo_desktop.services.handbook.snapshot`); undo and redo write one or the other back."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from kyodo_desktop.services import handbook
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.errors import show_error


class HandbookEditCommand(QUndoCommand):
    """A finished edit of a council's handbook for a 年度 (``before``/``after`` snapshots).

    Push it after the edit was written: the stack's first redo is skipped.
    """

    def __init__(self, context: AppContext, council_id: int, fiscal_year: int, text: str,
                 before: list[dict], after: list[dict]) -> None:
        super().__init__(text)
        self._context = context
        self._key = (council_id, fiscal_year)
        self._before, self._after = before, after
        self._skip_redo = True

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._write(self._after)

    def undo(self) -> None:
        self._write(self._before)

    def _write(self, rows: list[dict]) -> None:
        try:
            changes = handbook.restore(self._context.store, *self._key, rows)
        except Exception as error:  # the stack cannot fail a step: tell the user, keep going
            self.setObsolete(True)
            show_error(error)
            return
        self._context.notify(changes)
