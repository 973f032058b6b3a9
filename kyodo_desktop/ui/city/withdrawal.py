"""Withdrawing a return from the city's table (「年度報告を取り下げる…」 on the 市 page): a
confirmation naming the 地域, 年度, council and the return's dates, then one undo step through
:func:`~kyodo_desktop.services.city.city_file.withdraw_return` (the return stays in the file,
listed as withdrawn with its time)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

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
    box = QMessageBox(parent)
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
    box.exec()
    return box.clickedButton() is withdraw


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
