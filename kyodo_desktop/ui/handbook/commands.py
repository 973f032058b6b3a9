"""Undo for the 手引き page: each edit stores the year's chapters before and after it
(:func:`kyodo_desktop.services.handbook.chapters.snapshot`); undo and redo write one or the other back."""

from __future__ import annotations

from kyodo_desktop.services.changes import Changes
from kyodo_desktop.services.handbook import chapters as handbook
from kyodo_desktop.ui.commands import AppliedCommand
from kyodo_desktop.ui.context import AppContext


class HandbookEditCommand(AppliedCommand):
    """A finished edit of a council's handbook for a 年度 (``before``/``after`` snapshots).

    Push it after the edit was written: the stack's first redo is skipped.
    """

    def __init__(self, context: AppContext, council_id: int, fiscal_year: int, text: str,
                 before: list[dict], after: list[dict]) -> None:
        super().__init__(context, text)
        self._key = (council_id, fiscal_year)
        self._before, self._after = before, after

    def apply(self) -> Changes:
        return handbook.restore(self._context.store, *self._key, self._after)

    def revert(self) -> Changes:
        return handbook.restore(self._context.store, *self._key, self._before)
