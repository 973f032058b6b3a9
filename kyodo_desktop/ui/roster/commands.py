"""Undoable roster operations (QUndoCommand) for 編集 › 元に戻す / やり直し.

Each command is pushed after its first run succeeded (the stack's first redo is skipped).
Adding is undone by deleting (keeping a snapshot, so redo restores the same ids); deleting is
undone by restoring the snapshot (:mod:`kyodo_desktop.services.roster.snapshot`); an edit is
undone by writing the values from before. Each step emits the context's ``changed`` signal.
"""

from __future__ import annotations

from collections.abc import Callable

from kyodo_desktop.services.changes import ROSTER, Changes
from kyodo_desktop.services.roster import snapshot as roster_snapshot
from kyodo_desktop.services.roster.snapshot import Snapshot
from kyodo_desktop.ui.commands import AppliedCommand
from kyodo_desktop.ui.context import AppContext

Deleter = Callable[[], tuple[Snapshot, Changes]]


class _RosterCommand(AppliedCommand):
    """A roster step: ``do`` (redo) and ``undo_step`` (undo) return Changes, or None for a plain
    roster change of the context's council."""

    def apply(self) -> Changes:
        return self._announced(self.do())

    def revert(self) -> Changes:
        return self._announced(self.undo_step())

    def _announced(self, changes: Changes | None) -> Changes:
        return changes or Changes.of(ROSTER, council_id=self._context.council_id)

    def do(self) -> Changes | None:  # pragma: no cover - overridden
        raise NotImplementedError

    def undo_step(self) -> Changes | None:  # pragma: no cover - overridden
        raise NotImplementedError


class DeleteCommand(_RosterCommand):
    """A deletion done by ``delete()`` (which returned ``snapshot``); undo restores it."""

    def __init__(self, context: AppContext, text: str, delete: Deleter,
                 snapshot: Snapshot) -> None:
        super().__init__(context, text)
        self._delete = delete
        self._snapshot = snapshot

    def do(self) -> Changes:
        self._snapshot, changes = self._delete()
        return changes

    def undo_step(self) -> None:
        roster_snapshot.restore(self._context.store, self._snapshot)


def push_delete(context: AppContext, text: str, delete: Deleter) -> Changes:
    """Run ``delete()`` now and push a :class:`DeleteCommand` that undoes it; returns the Changes
    of the deletion (the caller announces them). Errors of ``delete`` propagate, nothing pushed."""
    snapshot, changes = delete()
    context.undo_stack.push(DeleteCommand(context, text, delete, snapshot))
    return changes


class AddCommand(_RosterCommand):
    """An addition; undo deletes it with ``delete()`` (keeping the snapshot), redo restores."""

    def __init__(self, context: AppContext, text: str, delete: Deleter) -> None:
        super().__init__(context, text)
        self._delete = delete
        self._snapshot: Snapshot | None = None

    def do(self) -> None:
        if self._snapshot is not None:
            roster_snapshot.restore(self._context.store, self._snapshot)

    def undo_step(self) -> Changes:
        self._snapshot, changes = self._delete()
        return changes


class EditCommand(_RosterCommand):
    """An edit saved by ``save(values)``; undo saves ``before``, redo ``after``."""

    def __init__(self, context: AppContext, text: str, save: Callable[[dict], Changes],
                 before: dict, after: dict) -> None:
        super().__init__(context, text)
        self._save = save
        self._before, self._after = dict(before), dict(after)

    def do(self) -> Changes:
        return self._save(self._after)

    def undo_step(self) -> Changes:
        return self._save(self._before)


class StepsCommand(_RosterCommand):
    """Any pair of functions: ``redo_fn`` and ``undo_fn`` (each returning Changes or None)."""

    def __init__(self, context: AppContext, text: str, redo_fn: Callable[[], Changes | None],
                 undo_fn: Callable[[], Changes | None]) -> None:
        super().__init__(context, text)
        self._redo_fn, self._undo_fn = redo_fn, undo_fn

    def do(self) -> Changes | None:
        return self._redo_fn()

    def undo_step(self) -> Changes | None:
        return self._undo_fn()
