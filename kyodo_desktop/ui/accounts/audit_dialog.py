"""The 会計監査 dialog: the day the 監事 audited the 年度's accounts, the period and their
opinion (services/accounting/audits.py). Opened from 今年度の流れ › 監査; one undo step."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from kyodo_desktop.domain import wareki
from kyodo_desktop.domain.formatting import format_date
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.accounting import audits
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.shell.form_dialog import lay_out_form_dialog


class AuditDialog(QDialog):
    """Record or change the audit of the context's council and 年度; OK saves (errors stay in
    the dialog with what to do), キャンセル leaves everything as it was."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        year = context.fiscal_year
        self.setWindowTitle(_("Audit of {fiscal_year}").format(
            fiscal_year=wareki.format_fiscal_year(year)))
        self.audited_on = QLineEdit()
        self.audited_on.setPlaceholderText(_("e.g. R9.5.10"))
        self.period_from = QLineEdit(format_date(wareki.fiscal_year_start(year), "short"))
        self.period_to = QLineEdit(format_date(wareki.fiscal_year_end(year), "short"))
        self.opinion = QPlainTextEdit()
        self.opinion.setTabChangesFocus(True)
        self.opinion.setPlaceholderText(_("e.g. The accounts were kept properly and agree "
                                          "with the receipts and the bankbook."))
        form = QFormLayout()
        form.addRow(_("Day of the audit"), self.audited_on)
        form.addRow(_("Audited from"), self.period_from)
        form.addRow(_("Audited to"), self.period_to)
        form.addRow(_("Opinion"), self.opinion)
        self.error = lay_out_form_dialog(self, form, width=33)
        self._load()

    def _load(self) -> None:
        record = audits.get_audit(self.context.store, self.context.council_id,
                                  self.context.fiscal_year)
        if record is None:
            return
        self.audited_on.setText(format_date(record.audited_on, "short"))
        self.period_from.setText(format_date(record.period_from, "short"))
        self.period_to.setText(format_date(record.period_to, "short"))
        self.opinion.setPlainText(record.opinion)

    def _date(self, edit: QLineEdit, fiscal_year: int) -> date:
        try:
            return wareki.parse_date(edit.text(), fiscal_year=fiscal_year)
        except UserError:
            edit.setFocus()
            raise

    def accept(self) -> None:  # Qt override: save first, close only when saved
        year = self.context.fiscal_year
        try:
            audited_on = self._date(self.audited_on, year + 1)  # held after the 年度
            start, end = self._date(self.period_from, year), self._date(self.period_to, year)
            save_with_undo(self.context, _("Record the audit"), lambda: audits.record_audit(
                self.context.store, self.context.council_id, year, audited_on,
                period_from=start, period_to=end, opinion=self.opinion.toPlainText()))
        except UserError as error:
            self.error.setText(str(error))
            return
        super().accept()
