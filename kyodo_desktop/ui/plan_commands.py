"""Undo/redo of the 地域づくり計画 page: every edit is a pair of service calls.

:class:`ServiceCommand` runs ``apply`` on redo and ``revert`` on undo; both return the
:class:`~kyodo_desktop.services.changes.Changes` the context then announces. :func:`run` performs
an edit now and pushes it, so the page never writes without an undo step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from kyodo_desktop.services.changes import Changes
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.errors import show_error

Step = Callable[[], Changes]


class ServiceCommand(QUndoCommand):
    """An undoable edit: ``apply`` (redo) and ``revert`` (undo) call services and return Changes.

    Pushed after ``apply`` already ran (``applied=True``), the stack's first redo is skipped.
    A step that fails (the data changed meanwhile) shows the error and makes the command obsolete.
    """

    def __init__(self, context: AppContext, text: str, apply: Step, revert: Step, *,
                 applied: bool = True) -> None:
        super().__init__(text)
        self._context = context
        self._apply = apply
        self._revert = revert
        self._skip_redo = applied

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._step(self._apply)

    def undo(self) -> None:
        self._step(self._revert)

    def _step(self, step: Step) -> None:
        try:
            changes = step()
        except Exception as error:  # the stack cannot fail a step: tell the user, keep going
            self.setObsolete(True)
            show_error(error)
            return
        self._context.notify(changes)


def run(context: AppContext, text: str, apply: Step, revert: Step) -> bool:
    """Do ``apply`` now; on success push it with ``revert`` as its undo and announce the Changes.

    Errors propagate (the caller shows a ValidationError next to its field); returns True when
    the edit was done.
    """
    changes = apply()
    context.undo_stack.push(ServiceCommand(context, text, apply, revert, applied=True))
    context.notify(changes)
    return True
