"""Undoable operations (QUndoCommand): 編集 › 元に戻す / やり直し restore what was stored."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from kyodo_desktop.i18n import _
from kyodo_desktop.services import council_profile
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.errors import show_error


class ProfileEditCommand(QUndoCommand):
    """A saved change of a council's profile. ``before``/``after`` map profile fields to values.

    Push it after the save succeeded (``applied=True``): the stack's first redo is then skipped.
    Undo writes ``before`` back, redo writes ``after``; each emits the context's ``changed``.
    """

    def __init__(self, context: AppContext, council_id: int, before: dict, after: dict,
                 *, applied: bool = True) -> None:
        super().__init__(_("Edit of the council profile"))
        self._context = context
        self._council_id = council_id
        self._before = dict(before)
        self._after = dict(after)
        self._skip_redo = applied

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._write(self._after)

    def undo(self) -> None:
        self._write(self._before)

    def _write(self, values: dict) -> None:
        try:
            changes = council_profile.update_profile(self._context.store, self._council_id, values)
        except Exception as error:  # the stack cannot fail a step: tell the user, keep going
            self.setObsolete(True)
            show_error(error)
            return
        self._context.notify(changes)
