"""Undoable operations (QUndoCommand): 編集 › 元に戻す / やり直し restore what was stored.

:class:`AppliedCommand` is the base of every undo step of the app (its subclasses are here and in
the ``*_commands`` modules); :class:`ProfileEditCommand` undoes a council profile edit.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from kyodo_desktop.i18n import _
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.services.council import profile as council_profile
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.shell.errors import show_error


class AppliedCommand(QUndoCommand):
    """An undoable edit: ``apply`` (redo) and ``revert`` (undo) write through services and return
    the Changes the context then announces (``notify``).

    Pushed after the edit already ran (``applied=True``), the stack's first redo is skipped.
    A step that fails (the data changed meanwhile) shows the error and makes the command obsolete.
    """

    def __init__(self, context: AppContext, text: str, *, applied: bool = True) -> None:
        super().__init__(text)
        self._context = context
        self._skip_redo = applied

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._step(self.apply)

    def undo(self) -> None:
        self._step(self.revert)

    def _step(self, step: Callable[[], Changes]) -> None:
        try:
            changes = step()
        except Exception as error:  # the stack cannot fail a step: tell the user, keep going
            self.setObsolete(True)
            show_error(error)
            return
        self._context.notify(changes)

    def apply(self) -> Changes:  # pragma: no cover - overridden
        raise NotImplementedError

    def revert(self) -> Changes:  # pragma: no cover - overridden
        raise NotImplementedError


class ProfileEditCommand(AppliedCommand):
    """A saved change of a council's profile. ``before``/``after`` map profile fields to values.

    Push it after the save succeeded (``applied=True``): the stack's first redo is then skipped.
    Undo writes ``before`` back, redo writes ``after``; each emits the context's ``changed``.
    """

    def __init__(self, context: AppContext, council_id: int, before: dict, after: dict,
                 *, applied: bool = True) -> None:
        super().__init__(context, _("Edit of the council profile"), applied=applied)
        self._council_id = council_id
        self._before = dict(before)
        self._after = dict(after)

    def apply(self) -> Changes:
        return self._write(self._after)

    def revert(self) -> Changes:
        return self._write(self._before)

    def _write(self, values: dict) -> Changes:
        return council_profile.update_profile(self._context.store, self._council_id, values)
