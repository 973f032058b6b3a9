"""The editing operations of the 手引き page (a mixin of
:class:`~kyodo_desktop.ui.handbook.page.HandbookPage`): save, reorder, add, hide, delete,
reset and copy last year's handbook, each one undo step (:func:`~kyodo_desktop.ui.commands.save_with_undo`).

The mixin expects the page's attributes: ``context``, ``chapters``, ``current``, ``values``,
``title_edit``, ``body_edit``, ``save_status`` and ``_fill_list``/``_show_chapter``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog

from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.services.handbook import chapters as handbook
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.shell.errors import show_error


class HandbookEditing:
    """Undoable handbook edits for the page."""

    _quiet = False

    # editing --------------------------------------------------------------------------------------

    def is_dirty(self) -> bool:
        """True when the title or text differ from the stored chapter."""
        chapter = self.current
        if chapter is None:
            return False
        body_changed = chapter.kind == "text" and self.body_edit.toPlainText() != chapter.body
        return self.title_edit.text() != chapter.title or body_changed

    def _notify(self, changes: Changes) -> None:
        self._quiet = True
        try:
            self.context.notify(changes)
        finally:
            self._quiet = False

    def _apply(self, text: str, operation, select: str | None = None) -> bool:
        """Run a handbook operation as one undoable step; refresh the list on success."""
        council, year = self.context.council_id, self.context.fiscal_year
        store = self.context.store
        try:
            result = save_with_undo(self.context, text, operation, announce=self._notify)
        except UserError as error:
            self.save_status.setText(error.message)
            show_error(error, self)
            return False
        self.values = None
        self.chapters = handbook.list_chapters(store, council, year)
        if isinstance(result, tuple):  # (new id, changes): select the new chapter
            select = next(c.slug for c in self.chapters if c.id == result[0])
        self._fill_list(select or (self.current.slug if self.current else None))
        return True

    def save(self, *, select: str | None = None) -> bool:
        """Save the chapter being edited; True when saved or nothing changed."""
        chapter = self.current
        if chapter is None or not self.is_dirty():
            if select:
                self._fill_list(select)
            return True
        body = self.body_edit.toPlainText() if chapter.kind == "text" else None
        done = self._apply(_("Edit of the handbook chapter “{title}”").format(
            title=chapter.title), lambda: handbook.save_chapter(
                self.context.store, chapter.id, title=self.title_edit.text(), body=body),
            select=select)
        if done:
            self.save_status.setText(_("Saved."))
        return done

    def move(self, offset: int) -> None:
        """Move the current chapter up (-1) or down (+1)."""
        if self.current and self.save():
            chapter = self.current
            self._apply(_("Move of a handbook chapter"),
                        lambda: handbook.move_chapter(self.context.store, chapter.id, offset))

    def add_chapter(self, title: str | None = None) -> None:
        """Add a chapter of the office's own after the current one (asks for its title)."""
        if not self.save():
            return
        if title is None:
            title, accepted = QInputDialog.getText(self, _("Add chapter"),
                                                   _("Title of the new chapter:"))
            if not accepted:
                return
        after = self.current.id if self.current else None
        self._apply(_("New handbook chapter"), lambda: handbook.add_chapter(
            self.context.store, self.context.council_id, self.context.fiscal_year, title,
            after_id=after))

    def toggle_hidden(self) -> None:
        """Hide the current chapter from print, or show it again."""
        if self.current and self.save():
            chapter = self.current
            self._apply(_("Hiding or showing a handbook chapter"), lambda: handbook.set_flags(
                self.context.store, chapter.id, hidden=not chapter.hidden))

    def set_staff_only(self, checked: bool) -> None:
        """Print the current chapter in the staff edition only (or in both)."""
        if self.current and self.save():
            chapter = self.current
            self._apply(_("Edition of a handbook chapter"), lambda: handbook.set_flags(
                self.context.store, chapter.id, staff_only=checked))

    def delete_chapter(self) -> None:
        """Delete the current chapter (only one the office added)."""
        if self.current:
            chapter = self.current
            self._apply(_("Deletion of a handbook chapter"),
                        lambda: handbook.delete_chapter(self.context.store, chapter.id))

    def reset_chapter(self) -> None:
        """Put back the standard text of the current chapter."""
        if self.current:
            chapter = self.current
            self.title_edit.setText(chapter.title)  # drop unsaved edits: they are replaced
            self.body_edit.setPlainText(chapter.body)
            self._apply(_("Reset of a handbook chapter"),
                        lambda: handbook.reset_to_default(self.context.store, chapter.id))
            self._show_chapter(self.current)

    def copy_last_year(self) -> None:
        """Replace this year's chapters with last year's (undoable)."""
        self._apply(_("Copy of last year's handbook"), lambda: handbook.copy_previous_year(
            self.context.store, self.context.council_id, self.context.fiscal_year))

    def may_leave(self) -> bool:
        """Before switching council, 年度 or file: save pending edits (False if refused)."""
        return self.save()
