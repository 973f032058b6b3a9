"""A 年度 spin box that shows 和暦 with the western year beside it (「令和6年度（2024）」) and
accepts what people type: 2024, R6, 令和6年度, full-width digits (domain/dateparse)."""

from __future__ import annotations

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QSpinBox, QWidget

from kyodo_desktop.domain import wareki
from kyodo_desktop.errors import ValidationError


class FiscalYearSpinBox(QSpinBox):
    """A 年度 (int, e.g. 2026) between :data:`wareki.MIN_FISCAL_YEAR` and
    :data:`wareki.MAX_FISCAL_YEAR`; ↑/↓ step one year."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(wareki.MIN_FISCAL_YEAR, wareki.MAX_FISCAL_YEAR)

    def textFromValue(self, value: int) -> str:  # noqa: N802 (Qt override)
        return f"{wareki.format_fiscal_year(value)}（{value}）"

    def valueFromText(self, text: str) -> int:  # noqa: N802 (Qt override)
        year = self._parsed(text)
        return self.value() if year is None else year

    def validate(self, text: str, position: int):  # Qt override
        year = self._parsed(text)
        if year is not None and self.minimum() <= year <= self.maximum():
            return QValidator.State.Acceptable, text, position
        return QValidator.State.Intermediate, text, position

    def fixup(self, text: str) -> str:  # Qt override: back to the shown value
        return self.textFromValue(self.value())

    @staticmethod
    def _parsed(text: str) -> int | None:
        shown = text.split("（")[0].strip()  # 「令和6年度（2024）」 as shown, or what was typed
        try:
            return wareki.parse_fiscal_year(shown)
        except ValidationError:
            return None
