"""Undoable 出納簿 edits (QUndoCommand): record, update and delete an entry.

Each command is pushed after its first write succeeded (the stack's first ``redo`` is skipped).
Undoing a deletion records the entry again, which gives it a new id; :class:`EntryIds` remembers
old id → new id so that older commands on the stack still find their entry.
"""

from __future__ import annotations

from dataclasses import fields

from kyodo_desktop.domain.accounting import CashBookEntryInput
from kyodo_desktop.i18n import _
from kyodo_desktop.services.accounting import cash_book
from kyodo_desktop.ui.commands import AppliedCommand
from kyodo_desktop.ui.context import AppContext

_INPUT_FIELDS = tuple(f.name for f in fields(CashBookEntryInput))


def entry_input(row: dict) -> CashBookEntryInput:
    """The :class:`CashBookEntryInput` of a stored entry (``cash_book.get_entry`` row)."""
    return CashBookEntryInput(**{name: row[name] for name in _INPUT_FIELDS})


class EntryIds:
    """Old entry id → the id it has now (after an undone deletion recorded it again)."""

    def __init__(self) -> None:
        self._moved: dict[int, int] = {}

    def moved(self, old: int, new: int) -> None:
        """Remember that entry ``old`` is now ``new`` (SQLite may give back the same id)."""
        self._moved.pop(new, None)  # ``new`` is a live entry again, not a moved one
        if old != new:
            self._moved[old] = new

    def current(self, entry_id: int) -> int:
        """The id entry ``entry_id`` has now."""
        seen = {entry_id}
        while entry_id in self._moved and self._moved[entry_id] not in seen:
            entry_id = self._moved[entry_id]
            seen.add(entry_id)
        return entry_id


class _EntryCommand(AppliedCommand):
    def __init__(self, text: str, context: AppContext, ids: EntryIds) -> None:
        super().__init__(context, text)
        self.ids = ids


class RecordEntryCommand(_EntryCommand):
    """An entry was recorded (``entry_id``); undo deletes it, redo records it again."""

    def __init__(self, context: AppContext, ids: EntryIds, entry_id: int, fiscal_year: int,
                 entry: CashBookEntryInput) -> None:
        super().__init__(_("Entry of {description}").format(description=entry.description),
                         context, ids)
        self.entry_id, self.fiscal_year, self.entry = entry_id, fiscal_year, entry

    def apply(self):
        new_id, changes = cash_book.record_entry(self._context.store, self._context.council_id,
                                                  self.fiscal_year, self.entry)
        self.ids.moved(self.entry_id, new_id)
        self.entry_id = new_id
        return changes

    def revert(self):
        self.entry_id = self.ids.current(self.entry_id)
        return cash_book.delete_entry(self._context.store, self.entry_id)


class UpdateEntryCommand(_EntryCommand):
    """An entry was changed from ``before`` to ``after``."""

    def __init__(self, context: AppContext, ids: EntryIds, entry_id: int,
                 before: CashBookEntryInput, after: CashBookEntryInput) -> None:
        super().__init__(_("Change of {description}").format(description=after.description),
                         context, ids)
        self.entry_id, self.before, self.after = entry_id, before, after

    def apply(self):
        return cash_book.update_entry(self._context.store, self.ids.current(self.entry_id),
                                       self.after)

    def revert(self):
        return cash_book.update_entry(self._context.store, self.ids.current(self.entry_id),
                                       self.before)


class DeleteEntryCommand(_EntryCommand):
    """An entry was deleted; undo records it again (with a new id), redo deletes it again."""

    def __init__(self, context: AppContext, ids: EntryIds, entry_id: int, fiscal_year: int,
                 entry: CashBookEntryInput) -> None:
        super().__init__(_("Deletion of {description}").format(description=entry.description),
                         context, ids)
        self.entry_id, self.fiscal_year, self.entry = entry_id, fiscal_year, entry

    def apply(self):
        return cash_book.delete_entry(self._context.store, self.ids.current(self.entry_id))

    def revert(self):
        new_id, changes = cash_book.record_entry(self._context.store, self._context.council_id,
                                                  self.fiscal_year, self.entry)
        self.ids.moved(self.ids.current(self.entry_id), new_id)
        return changes
