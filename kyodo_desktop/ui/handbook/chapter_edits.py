"""Chapter edits of the 手引き page: save the chapter being edited, reorder, add, hide, mark for
the office edition, delete, reset to the standard text and copy last year's handbook — each one
undo step (:func:`kyodo_desktop.ui.commands.save_with_undo`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.services.handbook import chapters as handbook
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.shell import text_input
from kyodo_desktop.ui.shell.errors import show_error


class ChapterEdits:
    """Edits of the year's chapters. Collaborators: the ``context``; the ``title_edit`` and
    ``body_edit`` being typed in and the ``status`` line; ``current()`` the chapter shown;
    ``show_list(select, new_id)`` to list the stored chapters again and show the one with slug
    ``select`` (or the new chapter ``new_id``); ``announce(changes)`` to tell the other pages;
    ``parent`` for questions and errors."""

    def __init__(self, context: AppContext, *, title_edit: QLineEdit, body_edit: QPlainTextEdit,
                 status: QLabel, current: Callable[[], handbook.Chapter | None],
                 show_list: Callable[[str | None, int | None], None],
                 announce: Callable[[Changes], None], parent: QWidget) -> None:
        self.context = context
        self.title_edit = title_edit
        self.body_edit = body_edit
        self.status = status
        self._current = current
        self._show_list = show_list
        self._announce = announce
        self._parent = parent

    def is_dirty(self) -> bool:
        """True when the title or text differ from the stored chapter."""
        chapter = self._current()
        if chapter is None:
            return False
        body_changed = chapter.kind == "text" and self.body_edit.toPlainText() != chapter.body
        return self.title_edit.text() != chapter.title or body_changed

    def _apply(self, text: str, operation, select: str | None = None) -> bool:
        """Run a handbook operation as one undo step; list the chapters again on success."""
        try:
            result = save_with_undo(self.context, text, operation, announce=self._announce)
        except UserError as error:
            self.status.setText(error.message)
            show_error(error, self._parent)
            return False
        current = self._current()
        new_id = result[0] if isinstance(result, tuple) else None  # (new id, changes)
        self._show_list(select or (current.slug if current else None), new_id)
        return True

    def save(self, *, select: str | None = None) -> bool:
        """Save the chapter being edited; True when saved or nothing changed."""
        chapter = self._current()
        if chapter is None or not self.is_dirty():
            if select:
                self._show_list(select, None)
            return True
        body = self.body_edit.toPlainText() if chapter.kind == "text" else None
        title, store = self.title_edit.text(), self.context.store
        done = self._apply(_("Edit of the handbook chapter “{title}”").format(
            title=chapter.title), lambda: handbook.save_chapter(
                store, chapter.id, title=title, body=body), select=select)
        if done:
            self.status.setText(_("Saved."))
        return done

    def move(self, offset: int) -> None:
        """Move the current chapter up (-1) or down (+1)."""
        chapter = self._current()
        if chapter and self.save():
            self._apply(_("Move of a handbook chapter"),
                        lambda: handbook.move_chapter(self.context.store, chapter.id, offset))

    def add_chapter(self, title: str | None = None) -> None:
        """Add a chapter of the office's own after the current one (asks for its title)."""
        if not self.save():
            return
        if title is None:
            title, accepted = text_input.ask_text(self._parent, _("Add chapter"),
                                                  _("Title of the new chapter:"))
            if not accepted:
                return
        current = self._current()
        after = current.id if current else None
        self._apply(_("New handbook chapter"), lambda: handbook.add_chapter(
            self.context.store, self.context.council_id, self.context.fiscal_year, title,
            after_id=after))

    def toggle_hidden(self) -> None:
        """Hide the current chapter from print, or show it again."""
        chapter = self._current()
        if chapter and self.save():
            self._apply(_("Hiding or showing a handbook chapter"), lambda: handbook.set_flags(
                self.context.store, chapter.id, hidden=not chapter.hidden))

    def set_staff_only(self, checked: bool) -> None:
        """Print the current chapter in the staff edition only (or in both)."""
        chapter = self._current()
        if chapter and self.save():
            self._apply(_("Edition of a handbook chapter"), lambda: handbook.set_flags(
                self.context.store, chapter.id, staff_only=checked))

    def delete_chapter(self) -> None:
        """Delete the current chapter (only one the office added)."""
        chapter = self._current()
        if chapter:
            self._apply(_("Deletion of a handbook chapter"),
                        lambda: handbook.delete_chapter(self.context.store, chapter.id))

    def reset_chapter(self) -> None:
        """Put back the standard text of the current chapter (unsaved edits are dropped)."""
        chapter = self._current()
        if chapter:
            self.title_edit.setText(chapter.title)
            self.body_edit.setPlainText(chapter.body)
            self._apply(_("Reset of a handbook chapter"),
                        lambda: handbook.reset_to_default(self.context.store, chapter.id))

    def copy_last_year(self) -> None:
        """Replace this year's chapters with last year's (undoable)."""
        self._apply(_("Copy of last year's handbook"), lambda: handbook.copy_previous_year(
            self.context.store, self.context.council_id, self.context.fiscal_year))

    def may_leave(self) -> bool:
        """Before switching council, 年度 or file: save pending edits (False if refused)."""
        return self.save()
