"""The 提出前の点検 dialog: the findings of :func:`kyodo_desktop.services.review.run.run_review`
(エラー in red, 注意 in amber), each with where to fix it.

Opened by the 点検 button of the 帳票印刷 page (one button: 閉じる) and before a printed set is
printed or saved (「このまま印刷」 / 「戻って直す」, the latter the default).
"""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.i18n import _
from kyodo_desktop.ui.shell.dialog_fit import fit_dialog
from kyodo_desktop.ui.shell.text_scale import set_scaled_style_sheet

ERROR_COLOUR, NOTE_COLOUR = "#b3261e", "#8a5a00"

#: Width and height of the dialog, in full-width characters of the text size in use.
REVIEW_SIZE = (51, 29)


class ReviewDialog(QDialog):
    """The findings of a council-year. ``before_printing`` adds 「このまま印刷」 (accept) and
    「戻って直す」 (reject, default); otherwise one 閉じる button."""

    def __init__(self, findings: list, summary: str, *, before_printing: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Review before submission"))
        layout = QVBoxLayout(self)
        heading = QLabel(summary, self, objectName="reviewSummary", wordWrap=True)
        set_scaled_style_sheet(heading, "font-weight: bold; font-size: 12pt;")
        layout.addWidget(heading)
        if before_printing:
            layout.addWidget(QLabel(_hint(findings), self, objectName="reviewHint",
                                    wordWrap=True))
        self.list = QListWidget(self, objectName="reviewFindings", wordWrap=True)
        self.list.setAlternatingRowColors(True)
        for found in findings:
            item = QListWidgetItem(found.line())
            item.setForeground(QColor(ERROR_COLOUR if found.is_error else NOTE_COLOUR))
            self.list.addItem(item)
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(self)
        if before_printing:
            self.print_button = buttons.addButton(_("Print as it is"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
            back = buttons.addButton(_("Go back and fix"), QDialogButtonBox.ButtonRole.RejectRole)
            back.setDefault(True)
        else:
            buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_dialog(self, *REVIEW_SIZE)

    def lines(self) -> list[str]:
        """The findings as listed (for tests and screenshots)."""
        return [self.list.item(row).text() for row in range(self.list.count())]

    def buttons_text(self) -> list[str]:
        """The texts of the dialog's buttons."""
        return [b.text() for b in self.findChildren(QPushButton)]


def _hint(findings: list) -> str:
    """What to do before printing: fix the エラー; with 注意 only, check them (there is no
    エラー to fix, and saying so would send the user looking for one)."""
    if any(found.is_error for found in findings):
        return _("Fix the errors before you submit the set, or print it as it is (for example "
                 "to check it on paper).")
    return _("There are no errors. Check the notes before you submit the set; you can also "
             "print it as it is.")


def confirm_printing(findings: list, summary: str, parent: QWidget | None) -> bool:
    """Show the findings before printing a set; True to print anyway (「このまま印刷」)."""
    dialog = ReviewDialog(findings, summary, before_printing=True, parent=parent)
    return dialog.exec() == QDialog.DialogCode.Accepted


def show_findings(findings: list, summary: str, parent: QWidget | None) -> None:
    """Show the findings of the 点検 button (closing is the only choice)."""
    ReviewDialog(findings, summary, parent=parent).exec()

