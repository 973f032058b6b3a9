"""保存期間と削除: the council's rule for people who left (years and its source, stored), the
people past it — ticked to delete, asked once more, one undo step, logged without names — and
those still kept with the day their period ends (個人情報保護法 第22条)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain import formatting
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.privacy import retention
from kyodo_desktop.services.privacy.provisions import default_printer
from kyodo_desktop.services.privacy.terms import LEFT_REASONS
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.shell.dialog_fit import fit_dialog
from kyodo_desktop.ui.shell.errors import show_error


def _line(row: dict) -> str:
    return _("{name} — {reason} {left} (kept until {until})").format(
        name=row["name"], reason=LEFT_REASONS[row["left_reason"]],
        left=formatting.format_date(row["left_on"], "short"),
        until=formatting.format_date(row["keep_until"], "short"))


def _at_right(button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(button)
    return row

#: Width and height of the dialog, in full-width characters of the text size in use.
RETENTION_SIZE = (40, 33)


class RetentionDialog(QDialog):
    """The dialog; ``context`` the page's AppContext."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(_("Retention period and deletion"))
        self.years = QLineEdit()
        self.years.setObjectName("keep_years")
        self.source = QLineEdit()
        self.source.setObjectName("source")
        self.source.setMaxLength(300)
        rule_button = QPushButton(_("Save the rule"))
        rule_button.clicked.connect(self.save_rule)
        form = QFormLayout()
        form.addRow(_("Years kept after leaving"), self.years)
        form.addRow(_("Source of the rule"), self.source)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.due = QListWidget()
        self.due.setObjectName("dueList")
        self.kept = QListWidget()
        self.kept.setObjectName("keptList")
        delete = QPushButton(_("Delete the ticked people…"))
        delete.clicked.connect(self.delete_ticked)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(_at_right(rule_button))
        layout.addWidget(QLabel(_("Past the retention period (tick to delete):")))
        layout.addWidget(self.due, 1)
        layout.addLayout(_at_right(delete))
        layout.addWidget(QLabel(_("Still kept:")))
        layout.addWidget(self.kept, 1)
        layout.addWidget(self.message)
        layout.addWidget(close)
        fit_dialog(self, *RETENTION_SIZE)
        self.reload()

    def reload(self) -> None:
        """Show the rule and both lists."""
        store, council = self.context.store, self.context.council_id
        rule = retention.retention_rule(store, council)
        self.years.setText(str(rule.keep_years))
        self.source.setText(rule.source)
        self.source.setCursorPosition(0)
        due = retention.due_for_deletion(store, council)
        self.due.clear()
        for row in due:
            item = QListWidgetItem(_line(row))
            item.setData(Qt.ItemDataRole.UserRole, row["person_id"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.due.addItem(item)
        gone = {r["person_id"] for r in due}
        self.kept.clear()
        for row in retention.departed_people(store, council):
            if row["person_id"] not in gone:
                self.kept.addItem(_line(row))

    def save_rule(self) -> bool:
        """Store the rule (one undo step); False on bad input (shown)."""
        store, council = self.context.store, self.context.council_id
        years, source = self.years.text(), self.source.text()
        try:
            save_with_undo(self.context, _("Retention period"),
                           lambda: retention.set_retention_rule(store, council, years, source))
        except ValidationError as error:
            self.message.setText(error.message)
            return False
        self.message.setText(_("Saved."))
        self.reload()
        return True

    def ticked(self) -> list[int]:
        """The ids of the ticked people."""
        return [self.due.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.due.count())
                if self.due.item(i).checkState() == Qt.CheckState.Checked]

    def delete_ticked(self, *, confirm: bool = True) -> bool:
        """Delete the ticked people after asking (one undo step); True when deleted."""
        chosen = self.ticked()
        if not chosen:
            self.message.setText(_("Tick the people to delete first."))
            return False
        if confirm and QMessageBox.question(
                self, _("Delete personal data"),
                _("Delete {count} people who left and whose retention period has ended? Their "
                  "names stay only in the minutes of past meetings. You can undo it with "
                  "編集 › 元に戻す.").format(count=len(chosen))) != QMessageBox.StandardButton.Yes:
            return False
        store, council = self.context.store, self.context.council_id
        by = default_printer(store, council)
        try:
            save_with_undo(self.context, _("Delete {count} people who left").format(
                count=len(chosen)), lambda: retention.delete_departed(
                    store, council, chosen, deleted_by=by))
        except UserError as error:
            show_error(error, self)
            return False
        self.message.setText(_("Deleted {count} people.").format(count=len(chosen)))
        self.reload()
        return True
