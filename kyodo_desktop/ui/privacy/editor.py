"""The editor of one person's register entry (right of the 個人情報 tab): per 利用目的 the answer
(未回答 / 同意する / 同意しない) and the day of the 同意書, the 避難行動要支援者 mark, and 退会・死亡・
転出 with the day. Reads and gives the values :func:`services.privacy.register.save_person_privacy`
takes; shows its ValidationError beside the field."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain import formatting
from kyodo_desktop.i18n import _
from kyodo_desktop.services.privacy.rows import PersonPrivacy
from kyodo_desktop.services.privacy.terms import LEFT_REASONS, PURPOSES

DATE_HINT = "R8.4.1"


def _answers() -> QComboBox:
    combo = QComboBox()
    combo.addItem(_("No answer"), None)
    combo.addItem(_("Agreed"), True)
    combo.addItem(_("Refused"), False)
    return combo


class EntryEditor(QWidget):
    """The answer widgets; ``fill(entry)``, ``values()`` and ``show_error(field, message)``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout()
        grid.addWidget(QLabel(_("Purpose of use")), 0, 0)
        grid.addWidget(QLabel(_("Answer")), 0, 1)
        grid.addWidget(QLabel(_("Date of the form")), 0, 2)
        self.answers: dict[str, QComboBox] = {}
        self.days: dict[str, QLineEdit] = {}
        for row, (code, label) in enumerate(PURPOSES.items(), start=1):
            combo, day = _answers(), QLineEdit()
            combo.setObjectName(f"answer_{code}")
            day.setObjectName(f"consent_{code}")
            day.setPlaceholderText(DATE_HINT)
            day.setMaxLength(20)
            day.setMaximumWidth(160)
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(combo, row, 1)
            grid.addWidget(day, row, 2)
            self.answers[code], self.days[code] = combo, day
        self.support = QCheckBox(_("Needs support to evacuate (避難行動要支援者)"))
        self.reason = QComboBox()
        self.reason.addItem(_("Member"), None)
        for code, label in LEFT_REASONS.items():
            self.reason.addItem(label, code)
        self.left_on = QLineEdit()
        self.left_on.setPlaceholderText(DATE_HINT)
        self.left_on.setMaximumWidth(160)
        row = len(PURPOSES) + 1
        grid.addWidget(self.support, row, 0, 1, 3)
        grid.addWidget(QLabel(_("Left (退会等)")), row + 1, 0)
        grid.addWidget(self.reason, row + 1, 1)
        grid.addWidget(self.left_on, row + 1, 2)
        grid.setColumnStretch(2, 1)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.error)

    def fill(self, entry: PersonPrivacy | None) -> None:
        """Show ``entry`` (None: an empty form)."""
        consents = entry["consents"] if entry else {}
        for code in PURPOSES:
            answer = consents.get(code)
            combo = self.answers[code]
            combo.setCurrentIndex(combo.findData(None if answer is None else answer["agreed"]))
            self.days[code].setText(
                formatting.format_date(answer["recorded_on"], "short") if answer else "")
        self.support.setChecked(bool(entry and entry["needs_evacuation_support"]))
        self.reason.setCurrentIndex(self.reason.findData(entry["left_reason"] if entry else None))
        left_on = entry["left_on"] if entry else None
        self.left_on.setText(formatting.format_date(left_on, "short") if left_on else "")
        self.error.clear()

    def values(self) -> dict:
        """The form as :func:`save_person_privacy` values."""
        consents = {code: {"agreed": self.answers[code].currentData(),
                           "recorded_on": self.days[code].text()} for code in PURPOSES}
        return {"consents": consents, "needs_evacuation_support": self.support.isChecked(),
                "left_reason": self.reason.currentData(), "left_on": self.left_on.text()}

    def show_error(self, field: str, message: str) -> None:
        """Show ``message`` and put the cursor in the field it is about."""
        self.error.setText(message)
        target = self.findChild(QWidget, field) or {"left_on": self.left_on,
                                                    "left_reason": self.reason}.get(field)
        if target is not None:
            target.setFocus()
