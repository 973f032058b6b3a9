"""The one undo path of the app (編集 › 元に戻す / やり直し).

Every page writes through :func:`save_with_undo`: it runs the page's service calls as one
operation recorded by :func:`kyodo_desktop.services.changes.undoable` (every row written, before
and after, ids kept), pushes one :class:`UndoStep` and announces the Changes. Undo puts the rows
back as they were before, redo as the operation left them — for an edit, an add, a delete with
everything the schema deleted or unlinked with it, an import, a handover or a whole plan alike.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from kyodo_desktop.i18n import _
from kyodo_desktop.services.changes import Changes, Undoable, redo, undo, undoable
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.shell.errors import show_error


class UndoStep(QUndoCommand):
    """A finished operation ``done`` (pushed after it ran: the stack's first redo is skipped).

    A step that cannot be taken (its rows were changed since, a closed 年度) shows the error and
    becomes obsolete; nothing is written then.
    """

    def __init__(self, context: AppContext, text: str, done: Undoable) -> None:
        super().__init__(text)
        self._context = context
        self._done = done
        self._skip_redo = True

    @property
    def done(self) -> Undoable:
        """The operation this step undoes and redoes."""
        return self._done

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        if self._step(redo):
            self._context.stepped.emit(_("Redone: {what}").format(what=self.text()))

    def undo(self) -> None:
        if self._step(undo):
            self._context.stepped.emit(_("Undone: {what}").format(what=self.text()))

    def _step(self, step: Callable[[object, Undoable], Changes]) -> bool:
        try:
            changes = step(self._context.store, self._done)
        except Exception as error:  # the stack cannot fail a step: tell the user, keep going
            self.setObsolete(True)
            show_error(error)
            return False
        self._context.notify(changes)
        return True


def save_with_undo(context: AppContext, text: str, operation: Callable[[], object], *,
                   announce: Callable[[Changes], None] | None = None):
    """Run ``operation`` (service calls that write; all or nothing), push it as one undo step
    named ``text`` and announce its Changes (``context.notify`` unless ``announce`` is given).
    Returns what ``operation`` returned. Nothing is pushed when nothing was written; errors
    (ValidationError next to a field, UserError) propagate with nothing written."""
    done = undoable(context.store, operation)
    if done.snapshot:
        context.undo_stack.push(UndoStep(context, text, done))
    (announce or context.notify)(done.changes)
    return done.result
