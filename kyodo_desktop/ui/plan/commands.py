"""Undo/redo of the 地域づくり計画 page: every edit is a pair of service calls.

:class:`ServiceCommand` runs ``apply`` on redo and ``revert`` on undo; both return the
:class:`~kyodo_desktop.services.changes.Changes` the context then announces. :func:`run` performs
an edit now and pushes it, so the page never writes without an undo step.
"""

from __future__ import annotations

from collections.abc import Callable

from kyodo_desktop.services.changes import Changes
from kyodo_desktop.ui.commands import AppliedCommand
from kyodo_desktop.ui.context import AppContext

Step = Callable[[], Changes]


class ServiceCommand(AppliedCommand):
    """An undoable edit: ``apply`` (redo) and ``revert`` (undo) call services and return Changes.

    Pushed after ``apply`` already ran (``applied=True``), the stack's first redo is skipped.
    A step that fails (the data changed meanwhile) shows the error and makes the command obsolete.
    """

    def __init__(self, context: AppContext, text: str, apply: Step, revert: Step, *,
                 applied: bool = True) -> None:
        super().__init__(context, text, applied=applied)
        self._apply_step = apply
        self._revert_step = revert

    def apply(self) -> Changes:
        return self._apply_step()

    def revert(self) -> Changes:
        return self._revert_step()


def run(context: AppContext, text: str, apply: Step, revert: Step) -> bool:
    """Do ``apply`` now; on success push it with ``revert`` as its undo and announce the Changes.

    Errors propagate (the caller shows a ValidationError next to its field); returns True when
    the edit was done.
    """
    changes = apply()
    context.undo_stack.push(ServiceCommand(context, text, apply, revert, applied=True))
    context.notify(changes)
    return True
