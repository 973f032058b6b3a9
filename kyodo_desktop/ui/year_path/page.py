"""今年度の流れ (the year's path): the home page. The yearly steps in order with their state
(済 / 今やること / まだ / 対象外), the date the records show, what is missing, and a 開く button
that opens the place where the step is done (services/year_path/steps.py decides the states;
``kyodo-desktop status`` prints the same). What is missing is shown whole at every text size:
it wraps between phrases and its row grows (ui/shell/phrase_wrap.py, ui/shell/table_fit.py)."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.formatting import format_date
from kyodo_desktop.domain.wareki import format_fiscal_year
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.services.council.councils import council_name
from kyodo_desktop.services.year_path.steps import (
    AREA_TITLES,
    DONE,
    NOT_NEEDED,
    NOW,
    STATE_LABELS,
    YearStep,
    next_steps,
    year_steps,
)
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.shell.phrase_wrap import PhraseWrapDelegate
from kyodo_desktop.ui.shell.table_fit import ColumnFit
from kyodo_desktop.ui.shell.text_scale import set_scaled_style_sheet

HEADING_STYLE = "QLabel { font-size: 15pt; font-weight: bold; }"
COLUMN_TITLES = (N_("Step"), N_("State"), N_("Date"), N_("What to do"), "")
#: State colours chosen for contrast on white (WCAG AA for normal text).
STATE_COLOURS = {DONE: "#1b5e20", NOW: "#8a3b00", NOT_NEEDED: "#555555"}


class YearPathPage(QWidget):
    """The 今年度の流れ area; ``context`` supplies the store, council and 年度, and carries the
    request to open another area (``context.open_area``)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.steps: list[YearStep] = []
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        set_scaled_style_sheet(self.heading, HEADING_STYLE)
        layout.addWidget(self.heading)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, len(COLUMN_TITLES), self)
        self.table.setHorizontalHeaderLabels([_(t) if t else "" for t in COLUMN_TITLES])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        # 手順, 状態, 日付 and 開く whole; やること takes the rest and wraps between phrases, each
        # row as high as its text (after every change of width, text size or rows)
        self.table.setItemDelegateForColumn(3, PhraseWrapDelegate(self.table))
        self.column_fit = ColumnFit(self.table, free=(3,), wrap_rows=True)
        self.table.cellActivated.connect(lambda row, _column: self.open_step(row))
        layout.addWidget(self.table, 1)
        context.changed.connect(lambda _changes: self.reload())
        context.council_changed.connect(lambda _council: self.reload())
        context.fiscal_year_changed.connect(lambda _year: self.reload())
        self.reload()

    def reload(self) -> None:
        """Read the steps of the current council and 年度 again and show them."""
        council = self.context.council_id
        if council is None:
            self.steps = []
            self.table.setRowCount(0)
            return
        year = self.context.fiscal_year
        self.steps = year_steps(self.context.store, council, year)
        self.heading.setText(_("{council}: the steps of {fiscal_year}").format(
            council=council_name(self.context.store, council),
            fiscal_year=format_fiscal_year(year)))
        now = next_steps(self.steps)
        self.summary.setText(
            _("Next: {steps}. Press “Open” to go where it is done.").format(
                steps="、".join(_(step.title) for step in now))
            if now else _("Every step of this year is done."))
        self.table.setRowCount(len(self.steps))
        for row, step in enumerate(self.steps):
            self._fill_row(row, step)
        self.column_fit.schedule()

    def _fill_row(self, row: int, step: YearStep) -> None:
        values = (f"{step.number}. {_(step.title)}", _(STATE_LABELS[step.state]),
                  format_date(step.done_on, "short") if step.done_on else "",
                  _(step.missing) if step.missing else "")
        for column, text in enumerate(values):
            item = QTableWidgetItem(text)
            colour = STATE_COLOURS.get(step.state)
            if colour and column == 1:
                item.setForeground(QBrush(QColor(colour)))
            if step.state == NOW:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.table.setItem(row, column, item)
        button = QPushButton(_("Open"), self.table)
        button.setObjectName(f"open_{step.key}")
        place = _(AREA_TITLES[step.area]) + (f" › {_(step.tab)}" if step.tab else "")
        button.setToolTip(place)
        button.clicked.connect(lambda _checked=False, r=row: self.open_step(r))
        self.table.setCellWidget(row, 4, button)

    def open_step(self, row: int) -> None:
        """Open the area (and tab) where step ``row`` is done; the 監査 step, which has no page
        of its own, opens its dialog."""
        if not 0 <= row < len(self.steps):
            return
        step = self.steps[row]
        if step.key == "audit":
            from kyodo_desktop.ui.accounts.audit_dialog import AuditDialog

            AuditDialog(self.context, self).exec()  # a save refreshes through context.changed
            return
        self.context.open_area.emit(step.area, _(step.tab) if step.tab else "")


__all__ = ["YearPathPage"]
