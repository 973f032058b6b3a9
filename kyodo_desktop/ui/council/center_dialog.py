"""The 地域交流センター dialog of the 協議会 page: name, postal code, address, phone and opening
hours of the council's community centre (services/council/center.py), saved as one undoable
step; the handbook's 連絡先 chapter prints them."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.i18n import N_, _
from kyodo_desktop.services.council import center
from kyodo_desktop.services.council.profile import ProfileValidationError
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.shell.message_line import MessageLine

#: (field, English label msgid, placeholder msgid) in the form's order.
FIELDS = (("name", N_("Name"), N_("e.g. 湯田地域交流センター")),
          ("postal_code", N_("Postal code"), N_("e.g. 753-0056")),
          ("address", N_("Address"), ""),
          ("phone", N_("Phone"), N_("e.g. 083-922-1234")),
          ("opening_hours", N_("Opening hours"), N_("e.g. 8:30–17:15 (closed on Mondays)")))


class CenterDialog(QDialog):
    """Edit the centre of ``context``'s council; :meth:`save` writes it (True when saved)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(_("Community centre"))
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        shown = center.get_center(context.store, context.council_id)
        for field, label, placeholder in FIELDS:
            edit = QLineEdit(shown[field], self, objectName=f"center_{field}")
            edit.setPlaceholderText(_(placeholder) if placeholder else "")
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("あ") * 20)
            form.addRow(_(label), edit)
            self.edits[field] = edit
        self.message = MessageLine(self, lines=2, name="centerMessage")
        self.message.clear_when_edited(*self.edits.values())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(lambda: self.save() and self.accept())
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def values(self) -> dict[str, str]:
        """``{field: text}`` as typed."""
        return {field: edit.text() for field, edit in self.edits.items()}

    def save(self) -> bool:
        """Save the centre as one undoable step; False (and the faults shown) when refused."""
        store, council_id, values = self.context.store, self.context.council_id, self.values()
        try:
            save_with_undo(self.context, _("Edit of the community centre"),
                           lambda: center.save_center(store, council_id, values))
        except ProfileValidationError as error:
            labels = {field: _(label) for field, label, _p in FIELDS}
            self.message.say("\n".join(f"{labels[field]}: {text}"
                                       for field, text in error.errors.items()), "error")
            return False
        return True
