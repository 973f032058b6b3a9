"""Withdrawing a return from the city's table (「年度報告を取り下げる…」 on the 市 page): a
confirmation naming the 地域, 年度, council and the return's dates, then one undo step through
:func:`~kyodo_desktop.services.city.city_file.withdraw_return` (the return stays in the file,
listed as withdrawn with its time)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from kyodo_desktop.i18n import _
from kyodo_desktop.services.city.city_file import (
    StoredReturn,
    return_label,
    shown_time,
    withdraw_return,
)
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.context import AppContext


def confirm_withdrawal(parent: QWidget | None, stored: StoredReturn) -> bool:
    """Ask before withdrawing ``stored``, naming its 地域, 年度, council and dates; True to go
    ahead (キャンセル is the default)."""
    box, withdraw = withdrawal_box(parent, stored)
    box.exec()
    return box.clickedButton() is withdraw


def withdrawal_box(parent: QWidget | None, stored: StoredReturn
                   ) -> tuple[QMessageBox, QAbstractButton]:
    """The confirmation of :func:`confirm_withdrawal` (not shown) and its 「取り下げる」 button.
    Plain text: the names come from the council's file, and a name such as
    「…協議会<!--」 must not hide the dates after it."""
    box = QMessageBox(parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Withdraw a return"))
    what = return_label(stored.district, stored.fiscal_year)
    box.setText(_("Withdraw the return of {what}?").format(what=what))
    box.setInformativeText(_(
        "Council: {council}\nMade: {made}\nImported into this file: {imported}\n\nThe return "
        "leaves the table of all councils. It is not deleted: it stays in this file, listed "
        "as withdrawn with today's date and time, and the council may file again.").format(
        council=stored.council, made=shown_time(stored.created_at),
        imported=shown_time(stored.imported_at)))
    withdraw = box.addButton(_("Withdraw"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    return box, withdraw


def withdraw_chosen(context: AppContext, parent: QWidget, stored: StoredReturn,
                    confirm: Callable[[QWidget, StoredReturn], bool] | None = None) -> bool:
    """Withdraw ``stored`` after ``confirm`` (default :func:`confirm_withdrawal`; one undo
    step); True when it was withdrawn."""
    if not (confirm or confirm_withdrawal)(parent, stored):
        return False
    save_with_undo(context, _("Withdraw the return of {what}").format(
        what=return_label(stored.district, stored.fiscal_year)),
        lambda: withdraw_return(context.store, stored.id))
    return True
