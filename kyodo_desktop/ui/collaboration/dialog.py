"""The 協働 dialog of one 事業: the forms (several may be ticked), the partners (name, kind,
役割, 費用の負担; rows added and removed) and the 振り返り — each principle's mark ◎ ○ △ × (or
none yet) with a comment. :meth:`values` gives what
:func:`kyodo_desktop.services.collaboration.projects.save_collaboration` takes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.i18n import _
from kyodo_desktop.services.collaboration.projects import PartnerEntry, ProjectCollaboration
from kyodo_desktop.services.collaboration.terms import FORMS, PARTNER_KINDS, PRINCIPLES, SCORES
from kyodo_desktop.ui.shell.dialog_fit import fit_dialog, titled_box
from kyodo_desktop.ui.shell.table_fit import ColumnFit

_FORM_LABELS = {label: code for code, label in FORMS.items()}

#: Width and height of the dialog, in full-width characters of the text size in use.
COLLABORATION_SIZE = (58, 40)


class CollaborationDialog(QDialog):
    """Edit the 協働 of ``project`` (its current values shown)."""

    def __init__(self, project: ProjectCollaboration, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Collaboration of 「{name}」").format(name=project.name))
        self.forms = QListWidget(self)
        self.forms.setFlow(QListWidget.Flow.LeftToRight)
        self.forms.setWrapping(True)
        self.forms.setResizeMode(QListWidget.ResizeMode.Adjust)
        for code, label in FORMS.items():
            item = QListWidgetItem(label, self.forms)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setCheckState(Qt.CheckState.Checked if label in project.forms
                               else Qt.CheckState.Unchecked)
        self.forms.setMaximumHeight(round(self.forms.fontMetrics().height() * 3.5))
        self.partners = self._partner_table(project)
        self.reviews = self._review_table(project)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._group(_("Form of collaboration"), self.forms))
        layout.addWidget(self._group(_("Partners and their roles"), self.partners,
                                     self._row_buttons()), 2)
        layout.addWidget(self._group(_("Review"), self.reviews), 3)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        fit_dialog(self, *COLLABORATION_SIZE)

    def _group(self, title: str, widget: QWidget, extra: QWidget | None = None) -> QGroupBox:
        box = titled_box(title, self)
        inner = QVBoxLayout(box)
        inner.addWidget(widget)
        if extra is not None:
            inner.addWidget(extra)
        return box

    def _row_buttons(self) -> QWidget:
        holder = QWidget(self)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        add, remove = QPushButton(_("Add a partner"), holder), QPushButton(_("Remove"), holder)
        add.clicked.connect(lambda: self.add_partner())
        remove.clicked.connect(lambda: self.partners.removeRow(self.partners.currentRow()))
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        return holder

    def _partner_table(self, project: ProjectCollaboration) -> QTableWidget:
        table = QTableWidget(0, 4, self)
        table.setHorizontalHeaderLabels([_("Partner"), _("Kind"), _("Role in the project"),
                                         _("Who pays what")])
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        # 相手 and 種類 whole; 役割 and 費用の負担 share the rest and wrap at large text
        self.partner_fit = ColumnFit(table, free=(2, 3), wrap_rows=True)
        self.partners = table
        for partner in project.partners:
            self.add_partner(PartnerEntry(partner.name, partner.kind, partner.role, partner.pays))
        return table

    def add_partner(self, entry: PartnerEntry | None = None) -> None:
        """Append a partner row (empty, of kind 構成団体, when ``entry`` is None)."""
        entry = entry or PartnerEntry("", "member_organization")
        row = self.partners.rowCount()
        self.partners.insertRow(row)
        kinds = QComboBox(self.partners)
        for code, label in PARTNER_KINDS.items():
            kinds.addItem(label, code)
        kinds.setCurrentIndex(kinds.findData(entry.kind))
        for column, text in ((0, entry.name), (2, entry.role), (3, entry.pays)):
            self.partners.setItem(row, column, QTableWidgetItem(text))
        self.partners.setCellWidget(row, 1, kinds)

    def _review_table(self, project: ProjectCollaboration) -> QTableWidget:
        table = QTableWidget(len(PRINCIPLES), 3, self)
        table.setHorizontalHeaderLabels([_("Principle"), _("Mark"), _("Comment")])
        table.verticalHeader().hide()
        for row, (code, label) in enumerate(PRINCIPLES.items()):
            name = QTableWidgetItem(label)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            name.setData(Qt.ItemDataRole.UserRole, code)
            table.setItem(row, 0, name)
            marks = QComboBox(table)
            marks.addItem(_("(not yet)"), None)
            for score, mark in SCORES.items():
                marks.addItem(mark, score)
            score, comment = project.reviews.get(code, (None, ""))
            marks.setCurrentIndex(max(0, marks.findData(score)))
            table.setCellWidget(row, 1, marks)
            table.setItem(row, 2, QTableWidgetItem(comment))
        self.review_fit = ColumnFit(table, free=(2,), wrap_rows=True)  # コメント wraps
        return table

    def values(self) -> tuple[list[str], list[PartnerEntry], dict[str, tuple[str, str]]]:
        """``(forms, partners, reviews)`` as entered (empty partner rows left out)."""
        forms = [self.forms.item(i).data(Qt.ItemDataRole.UserRole)
                 for i in range(self.forms.count())
                 if self.forms.item(i).checkState() == Qt.CheckState.Checked]
        partners = []
        for row in range(self.partners.rowCount()):
            texts = [(self.partners.item(row, c) or QTableWidgetItem("")).text().strip()
                     for c in (0, 2, 3)]
            if any(texts):
                partners.append(PartnerEntry(texts[0], self.partners.cellWidget(row, 1)
                                             .currentData(), texts[1], texts[2]))
        reviews = {}
        for row in range(self.reviews.rowCount()):
            score = self.reviews.cellWidget(row, 1).currentData()
            if score is not None:
                reviews[self.reviews.item(row, 0).data(Qt.ItemDataRole.UserRole)] = (
                    score, (self.reviews.item(row, 2) or QTableWidgetItem("")).text().strip())
        return forms, partners, reviews

    def show_error(self, message: str) -> None:
        """Show why the values were refused (the dialog stays open)."""
        self.error.setText(message)
