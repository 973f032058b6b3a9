"""The 手引き page: the chapters of the year's 自治会活動の手引き (list, reorder, add, hide), a text
editor with the simple markup and placeholders, a live preview, and the PDF (public or staff
edition, large print, A5 booklet). Widgets come from ``forms/handbook_page.ui``.

A year's handbook is created on first view (carried forward from the latest earlier year, else
the standard chapters). Edits are saved when switching chapter, with 保存 or Ctrl+S; each saved
edit is undoable (編集 › 元に戻す). Printing refuses a handbook with unknown placeholders.

The page shows the chapters and the preview; its parts do the rest with explicit collaborators:
:class:`ChapterEdits` (the edits) and :class:`HandbookPrinting` (the PDF).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain import wareki
from kyodo_desktop.domain.handbook_markup import parse
from kyodo_desktop.domain.handbook_placeholders import unknown_placeholders
from kyodo_desktop.i18n import _
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.services.handbook import chapters as handbook
from kyodo_desktop.services.handbook.data import PLACEHOLDERS, data_blocks, placeholder_values
from kyodo_desktop.ui.forms import load_form
from kyodo_desktop.ui.handbook.chapter_edits import ChapterEdits
from kyodo_desktop.ui.handbook.format_buttons import FormatButtons
from kyodo_desktop.ui.handbook.preview import chapter_html
from kyodo_desktop.ui.handbook.printing import HandbookPrinting
from kyodo_desktop.ui.shell.flow_layout import reflow_row
from kyodo_desktop.ui.shell.text_scale import set_scaled_style_sheet

PREVIEW_DELAY_MS = 250
STYLE = ("QLabel#pageTitle { font-size: 16pt; font-weight: bold; }"
         " QLabel#problemLabel { color: #c62828; } QLabel#markupHint { color: #555; }"
         " QListWidget#chapterList { font-size: 11pt; } QListWidget#chapterList::item { padding: 3px; }")
_WIDGETS = {"chapter_list": (QListWidget, "chapterList"), "title_edit": (QLineEdit, "titleEdit"),
            "body_edit": (QPlainTextEdit, "bodyEdit"), "preview": (QTextBrowser, "previewView"),
            "problem_label": (QLabel, "problemLabel"), "save_status": (QLabel, "saveStatus"),
            "page_title": (QLabel, "pageTitle"), "insert_combo": (QComboBox, "placeholderCombo"),
            "edition_combo": (QComboBox, "editionCombo"),
            "large_print_check": (QCheckBox, "largePrintCheck"),
            "booklet_check": (QCheckBox, "bookletCheck"),
            "staff_only_check": (QCheckBox, "staffOnlyCheck")}
_BUTTONS = ("up", "down", "add", "hide", "delete", "save", "reset", "copy", "print")


class HandbookPage(QWidget):
    """The 手引き area; ``context`` gives the store, the council, the 年度 and the signals.
    ``chapter_edits`` edits the chapters, ``printing`` makes the PDF."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.form = load_form("handbook_page", self)
        QVBoxLayout(self).addWidget(self.form)
        self.layout().setContentsMargins(0, 0, 0, 0)
        for attribute, (kind, name) in _WIDGETS.items():
            setattr(self, attribute, self.form.findChild(kind, name))
        self.buttons = {key: self.form.findChild(QPushButton, f"{key}Button") for key in _BUTTONS}
        self.chapters: list[handbook.Chapter] = []
        self.current: handbook.Chapter | None = None
        self.values: dict[str, str] | None = None
        self._stale = True
        self._quiet = False
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self.chapter_edits = ChapterEdits(
            context, title_edit=self.title_edit, body_edit=self.body_edit,
            status=self.save_status, current=self.shown_chapter, show_list=self.show_chapters,
            announce=self.announce_quietly, parent=self)
        self.printing = HandbookPrinting(context, save=self.chapter_edits.save,
                                         options=self.print_options, status=self.save_status,
                                         parent=self)
        self.format_buttons = FormatButtons(
            self.body_edit, self.form.findChild(QHBoxLayout, "insertRow"), self.form)
        self._reflow()
        self._decorate()
        self._connect()

    def _reflow(self) -> None:
        """Rows of buttons that wrap at large text, so that the chapter list and the editor
        leave the preview a readable width (at とても大きい it was a strip of a few characters)."""
        edit_layout = self.form.findChild(QVBoxLayout, "editLayout")
        for name in ("insertRow", "editButtons"):
            reflow_row(self.form.findChild(QHBoxLayout, name), edit_layout)
        # the placeholder list as wide as its first line 「差し込み項目を挿入…」, not its longest
        self.insert_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        # (counted in Latin letters: a full-width character is about two)
        self.insert_combo.setMinimumContentsLength(2 * len(_("Insert a placeholder…")) + 1)
        grid = self.form.findChild(QGridLayout, "chapterButtons")
        staff_only = self.form.findChild(QCheckBox, "staffOnlyCheck")
        grid.removeWidget(staff_only)
        grid.addWidget(staff_only, 3, 0, 1, 2)  # its own line: the list's buttons stay narrow

    def _decorate(self) -> None:
        set_scaled_style_sheet(self, STYLE)
        self.form.layout().setStretch(2, 1)  # the splitter takes the height, not the labels
        self.form.findChild(QWidget, "splitter").setSizes([250, 560, 520])
        self.chapter_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chapter_list.setWordWrap(True)  # long titles take two lines at large text
        self.edition_combo.addItem(_("For distribution (no personal contacts)"), "public")
        self.edition_combo.addItem(_("For the office (with contacts)"), "staff")
        self.insert_combo.addItem(_("Insert a placeholder…"), None)
        for key, meaning in PLACEHOLDERS.items():
            self.insert_combo.addItem(f"{{{key}}}　{meaning}", "{" + key + "}")
        self.body_edit.setTabChangesFocus(True)

    def _connect(self) -> None:
        b, edits = self.buttons, self.chapter_edits
        b["up"].clicked.connect(lambda: edits.move(-1))
        b["down"].clicked.connect(lambda: edits.move(1))
        b["add"].clicked.connect(lambda: edits.add_chapter())
        b["hide"].clicked.connect(edits.toggle_hidden)
        b["delete"].clicked.connect(edits.delete_chapter)
        b["save"].clicked.connect(lambda: edits.save())
        b["reset"].clicked.connect(edits.reset_chapter)
        b["copy"].clicked.connect(edits.copy_last_year)
        b["print"].clicked.connect(lambda: self.printing.print_pdf())
        self.staff_only_check.clicked.connect(edits.set_staff_only)
        self.chapter_list.currentRowChanged.connect(self._row_changed)
        self.insert_combo.activated.connect(self._insert_placeholder)
        self.body_edit.textChanged.connect(self._timer.start)
        self.title_edit.textEdited.connect(lambda _text: self._timer.start())
        self._timer.timeout.connect(self.update_preview)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, lambda: edits.save(),
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.context.add_leave_guard(edits.may_leave)
        self.context.changed.connect(self._on_changed)
        self.context.council_changed.connect(lambda _id: self._mark_stale())
        self.context.fiscal_year_changed.connect(lambda _fy: self._mark_stale())

    # loading ------------------------------------------------------------------------------------

    def _mark_stale(self) -> None:
        self._stale, self.current = True, None
        if self.isVisible():
            self.reload()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _on_changed(self, changes: Changes) -> None:
        if self._quiet or not changes.concerns(self.context.council_id):
            return
        self.values = None
        keep = self.chapter_edits.is_dirty()
        self._stale = True
        if self.isVisible():
            self.reload(keep_editor=keep)

    def reload(self, *, keep_editor: bool = False) -> None:
        """Show the current council's chapters of the current 年度 (creating them if needed)."""
        self._stale = False
        council, year = self.context.council_id, self.context.fiscal_year
        self.form.setEnabled(council is not None)
        if council is None:
            return
        self.page_title.setText(_("Handbook for neighborhood association leaders ({year})")
                                .format(year=wareki.format_fiscal_year(year)))
        self.chapters, changes = handbook.ensure_chapters(self.context.store, council, year)
        self.announce_quietly(changes)
        slug = self.current.slug if self.current else None
        self._fill_list(slug, keep_editor=keep_editor)

    def announce_quietly(self, changes: Changes) -> None:
        """Tell the other pages what this page wrote, without reloading this one."""
        self._quiet = True
        try:
            self.context.notify(changes)
        finally:
            self._quiet = False

    def shown_chapter(self) -> handbook.Chapter | None:
        """The chapter in the editor (None before the list is filled)."""
        return self.current

    def show_chapters(self, select: str | None, new_id: int | None = None) -> None:
        """List the stored chapters again and show the one with slug ``select`` (or the
        chapter ``new_id`` just added)."""
        store, council, year = self.context.store, self.context.council_id, self.context.fiscal_year
        self.values = None
        self.chapters = handbook.list_chapters(store, council, year)
        if new_id is not None:
            select = next(c.slug for c in self.chapters if c.id == new_id)
        self._fill_list(select)

    def _fill_list(self, slug: str | None, *, keep_editor: bool = False) -> None:
        self.chapter_list.blockSignals(True)
        self.chapter_list.clear()
        for number, chapter in enumerate(self.chapters, start=1):
            marks = [_("data") if chapter.kind == "data" else "",
                     _("hidden") if chapter.hidden else "",
                     _("office only") if chapter.staff_only else ""]
            label = f"{number}. {chapter.title}" + "".join(f"（{m}）" for m in marks if m)
            item = QListWidgetItem(label)
            if chapter.hidden:
                item.setForeground(QBrush(QColor("#888888")))
            self.chapter_list.addItem(item)
        slugs = [c.slug for c in self.chapters]
        row = slugs.index(slug) if slug in slugs else 0
        self.chapter_list.setCurrentRow(row)
        self.chapter_list.blockSignals(False)
        self._show_chapter(self.chapters[row] if self.chapters else None, keep_editor)

    def _show_chapter(self, chapter: handbook.Chapter | None, keep_editor: bool = False) -> None:
        self.current = chapter
        if chapter is None:
            return
        if not keep_editor:
            self.title_edit.setText(chapter.title)
            self.body_edit.blockSignals(True)
            self.body_edit.setPlainText(chapter.body if chapter.kind == "text" else _(
                "This chapter is made from the data of the year (member groups, officers, "
                "projects, grants or the community center). Edit those records to change it."))
            self.body_edit.blockSignals(False)
        is_text = chapter.kind == "text"
        self.body_edit.setReadOnly(not is_text)
        self.insert_combo.setEnabled(is_text)
        self.buttons["reset"].setEnabled(chapter.is_default)
        self.buttons["delete"].setEnabled(not chapter.is_default)
        self.buttons["hide"].setText(_("Show") if chapter.hidden else _("Hide"))
        self.staff_only_check.setChecked(chapter.staff_only)
        self.update_preview()

    def _row_changed(self, row: int) -> None:
        if not 0 <= row < len(self.chapters):
            return
        target = self.chapters[row]
        if self.chapter_edits.is_dirty():
            self.chapter_edits.save(select=target.slug)
        else:
            self._show_chapter(target)

    # preview and checks -------------------------------------------------------------------------

    def placeholder_values(self) -> dict[str, str]:
        """The year's placeholder values (cached until the data changes)."""
        if self.values is None:
            self.values = placeholder_values(self.context.store, self.context.council_id,
                                             self.context.fiscal_year)
        return self.values

    def update_preview(self) -> None:
        """Render the chapter being edited (unsaved text included) and list its problems."""
        chapter = self.current
        if chapter is None or self.context.council_id is None:
            self.preview.clear()
            return
        values = self.placeholder_values()
        title = self.title_edit.text()
        if chapter.kind == "data":
            blocks = data_blocks(self.context.store, chapter.council_id, chapter.fiscal_year,
                                 chapter.body.strip(), edition=self._edition())
        else:
            blocks = parse(self.body_edit.toPlainText())
        unknown = unknown_placeholders(
            [title, *([] if chapter.kind == "data" else [self.body_edit.toPlainText()])], values)
        self.problem_label.setText(_("Unknown placeholders (they cannot be printed): {names}")
                                   .format(names="、".join("{" + k + "}" for k in unknown))
                                   if unknown else "")
        scroll = self.preview.verticalScrollBar().value()
        self.preview.setHtml(chapter_html(title, blocks, values))
        self.preview.verticalScrollBar().setValue(scroll)

    def _insert_placeholder(self, index: int) -> None:
        token = self.insert_combo.itemData(index)
        self.insert_combo.setCurrentIndex(0)
        if token and not self.body_edit.isReadOnly():
            self.body_edit.insertPlainText(token)
            self.body_edit.setFocus()

    def _edition(self) -> str:
        return self.edition_combo.currentData() or "public"

    def print_options(self) -> tuple[str, bool, bool]:
        """``(edition, large_print, booklet)`` as chosen on the page."""
        return (self._edition(), self.large_print_check.isChecked(),
                self.booklet_check.isChecked())
