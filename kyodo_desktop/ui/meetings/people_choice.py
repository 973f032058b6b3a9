"""Choosing 議長, 書記 and 議事録署名人 from the roster in the meeting editor: an editable list
of names (the meeting's 構成員 first, then the council's people in 五十音順) — a name may still be
typed, since minutes keep names as written on the day."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from kyodo_desktop.i18n import _


def names_for(members: list[str], roster: list[str]) -> list[str]:
    """The choices: the 構成員 in their order, then the other roster names, each once."""
    seen: set[str] = set()
    found = []
    for name in [*members, *roster]:
        if name and name not in seen:
            seen.add(name)
            found.append(name)
    return found


class NameChooser(QComboBox):
    """An editable combo box with ``text()`` / ``setText()`` like a QLineEdit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.lineEdit().setMaxLength(100)

    def set_names(self, names: list[str]) -> None:
        """Offer ``names``, keeping the text shown."""
        shown = self.text()
        self.blockSignals(True)
        self.clear()
        self.addItems(names)
        self.setText(shown)
        self.blockSignals(False)

    def text(self) -> str:
        return self.currentText()

    def setText(self, value: str) -> None:  # noqa: N802 - QLineEdit's name
        self.setEditText(value)


class SignerChooser(QWidget):
    """議事録署名人: the names typed (「、」 between them) and a list to add one from the roster."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(_("Names separated by 、"))
        self.pick = QComboBox(self)
        self.pick.setObjectName("signerPick")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 2)
        layout.addWidget(self.pick, 1)
        self.pick.activated.connect(self._add)
        self.set_names([])

    def set_names(self, names: list[str]) -> None:
        """Offer ``names`` to add."""
        self.pick.blockSignals(True)
        self.pick.clear()
        self.pick.addItem(_("Add from the roster…"), None)
        for name in names:
            self.pick.addItem(name, name)
        self.pick.blockSignals(False)

    def _add(self, index: int) -> None:
        name = self.pick.itemData(index)
        self.pick.setCurrentIndex(0)
        if not name:
            return
        names = [n for n in self.edit.text().replace(",", "、").split("、") if n.strip()]
        if name not in names:
            self.edit.setText("、".join([*names, name]))

    def text(self) -> str:
        return self.edit.text()

    def setText(self, value: str) -> None:  # noqa: N802 - QLineEdit's name
        self.edit.setText(value)
