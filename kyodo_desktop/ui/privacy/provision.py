"""「どなたに渡しますか」: before a print or export that holds people's personal data (電話番号,
住所 …) the user names the 提供先, the 目的 and who prints; the 提供記録 is written before the
file (個人情報保護法 第29条; services/privacy/provisions.py), so a crash while writing never
leaves a provision unrecorded, and taken back when the file was not written. Every page that
prints or exports personal data goes through :func:`ask_provision`, then :func:`write_recorded`
(or :func:`record_before` and :func:`withdraw` around a write that finishes later)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from kyodo_desktop.errors import ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.changes import ROSTER, Changes
from kyodo_desktop.services.privacy import provisions
from kyodo_desktop.services.privacy.provisions import (
    MAX_TEXT,
    ProvisionAnswer,
    clean_answer,
    default_printer,
    record_provision,
)
from kyodo_desktop.ui.shell.errors import show_error
from kyodo_desktop.ui.shell.form_dialog import lay_out_form_dialog


class ProvisionDialog(QDialog):
    """提供先, 目的 and 作成者 for ``document`` holding ``people`` people's data."""

    def __init__(self, document: str, people: int, printed_by: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("To whom is it given?"))
        intro = QLabel(_("“{what}” holds the personal data (phone numbers, addresses) of "
                         "{count} people. Write to whom and for what it is given: the office "
                         "keeps a record of it (個人情報保護法 第29条).").format(
                             what=document, count=people))
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(intro)
        self.edits = {}
        for key, label, value, hint in (
                ("recipient", _("Given to (提供先)"), "", _("e.g. 各自治会長, 自主防災会")),
                ("purpose", _("Purpose (目的)"), "", _("e.g. 連絡網, 避難支援")),
                ("printed_by", _("Printed by"), printed_by, "")):
            edit = QLineEdit(value)
            edit.setMaxLength(MAX_TEXT)
            edit.setPlaceholderText(hint)
            edit.setObjectName(key)
            form.addRow(label, edit)
            self.edits[key] = edit
        self.error = lay_out_form_dialog(self, form, width=33)
        self.answer: ProvisionAnswer | None = None

    def accept(self) -> None:  # Qt override: check first
        try:
            self.answer = clean_answer(*(self.edits[k].text()
                                         for k in ("recipient", "purpose", "printed_by")))
        except ValidationError as error:
            self.error.setText(error.message)
            self.edits[error.field].setFocus()
            return
        super().accept()


def ask_answer(context, parent: QWidget | None, document: str,
               people: int) -> ProvisionAnswer | None:
    """Show the dialog; the answer, or None when cancelled."""
    dialog = ProvisionDialog(document, people,
                             default_printer(context.store, context.council_id), parent)
    return dialog.answer if dialog.exec() else None


def ask_provision(context, parent: QWidget | None, document: str,
                  people: int) -> tuple[bool, ProvisionAnswer | None]:
    """``(go on, answer)``: ``(True, None)`` when the output holds no one's personal data,
    ``(False, None)`` when the user cancelled, else ``(True, answer)``."""
    if not people:
        return True, None
    answer = ask_answer(context, parent, document, people)
    return answer is not None, answer


def record_before(context, kind: str, document: str, people: int,
                  answer: ProvisionAnswer | None, parent: QWidget | None = None
                  ) -> tuple[bool, int | None]:
    """Write the 提供記録 of an output about to be written: ``(go on, record id or None)``;
    ``(True, None)`` when there is nothing to record, ``(False, None)`` when the record was
    refused (shown; write nothing then)."""
    if answer is None or context.council_id is None:
        return True, None
    try:
        provision_id = record_provision(context.store, context.council_id, kind=kind,
                                        document=document, people=people, answer=answer)
    except ValidationError as error:
        show_error(error, parent)
        return False, None
    context.notify(Changes.of(ROSTER, council_id=context.council_id))
    return True, provision_id


def withdraw(context, provision_id: int | None) -> None:
    """Take back the 提供記録 of an output that was then not written (failed, cancelled)."""
    if provision_id is None:
        return
    provisions.withdraw_provision(context.store, provision_id)
    context.notify(Changes.of(ROSTER, council_id=context.council_id))


def write_recorded(context, kind: str, document: str, people: int,
                   answer: ProvisionAnswer | None, write, parent: QWidget | None = None):
    """``write()`` with its 提供記録 written first and taken back when ``write`` raises (the
    error goes on) or returns a false value (cancelled); ``None`` without writing when the
    record was refused (shown)."""
    go_on, provision_id = record_before(context, kind, document, people, answer, parent)
    if not go_on:
        return None
    try:
        result = write()
    except Exception:
        withdraw(context, provision_id)
        raise
    if not result:
        withdraw(context, provision_id)
    return result
