"""行事予定（月表示）: the 年度's calendar one month at a time — a grid of the weeks (日〜土) with
each day's 事業, meetings and 交付金 steps, the month's list in full below, the 通年 事業 — from
the same source as ``report calendar`` (services/meetings/calendar.py), which the PDF button
prints for the whole 年度."""

from __future__ import annotations

import calendar
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain import wareki
from kyodo_desktop.i18n import _
from kyodo_desktop.services.meetings.calendar import CalendarEvent, by_month, year_events
from kyodo_desktop.ui.shell.dialog_fit import fit_dialog
from kyodo_desktop.ui.shell.table_fit import set_elidable_columns

WEEKDAYS = "日月火水木金土"
#: How many events a day's cell shows (the list below shows them all).
CELL_EVENTS = 2
_MARKS = {"grant": "◆", "meeting": "●", "project": "■"}


def _label(event: CalendarEvent) -> str:
    return f"{_MARKS[event.kind]}{event.text}"


def month_grid(year: int, month: int, events: list[CalendarEvent]) -> list[list[str]]:
    """The weeks of the month (Sunday first) as cell texts: 「5」 and up to
    :data:`CELL_EVENTS` events (「…ほか2件」 beyond), "" outside the month. A 事業 of several
    days shows on each of its days."""
    weeks = calendar.Calendar(firstweekday=6).monthdayscalendar(year, month)
    grid = []
    for week in weeks:
        row = []
        for day in week:
            if not day:
                row.append("")
                continue
            today = date(year, month, day)
            found = [e for e in events if e.day <= today <= (e.last or e.day)]
            lines = [str(day), *(_label(e) for e in found[:CELL_EVENTS])]
            if len(found) > CELL_EVENTS:
                lines.append(_("… {count} more").format(count=len(found) - CELL_EVENTS))
            row.append("\n".join(lines))
        grid.append(row)
    return grid

#: Width and height of the calendar, in full-width characters of the text size in use.
CALENDAR_SIZE = (75, 44)


class CalendarDialog(QDialog):
    """The month view of the context's 年度; ``month`` (year, month) is shown."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(_("Calendar of the year"))
        year = context.fiscal_year
        self.events, whole_year = year_events(context.store, context.council_id, year)
        self.months = [(y, m) for y, m, _e in by_month(self.events, year)]
        today = date.today()
        self.index = self.months.index((today.year, today.month)) if (
            today.year, today.month) in self.months else 0
        self.title = QLabel()
        self.title.setProperty("role", "heading")
        self.previous = QPushButton(_("◀ Previous month"))
        self.next = QPushButton(_("Next month ▶"))
        self.grid = QTableWidget(0, 7)
        self.grid.setObjectName("monthGrid")
        self.grid.setHorizontalHeaderLabels(list(WEEKDAYS))
        self.grid.verticalHeader().hide()
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setWordWrap(True)
        # a day's events wrap in its cell and may be cut on a busy day: the list below names
        # every event of the month whole, and each cell has its text as a tooltip
        set_elidable_columns(self.grid, range(len(WEEKDAYS)))
        self.list = QListWidget()
        self.list.setObjectName("monthEvents")
        whole = QLabel(_("All year: {names}").format(names="、".join(whole_year) or _("None")))
        whole.setWordWrap(True)
        legend = QLabel(_("◆ grant steps  ● meetings  ■ projects"))
        pdf = QPushButton(_("Print the year (PDF)…"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        top = QHBoxLayout()
        for widget in (self.previous, self.title, self.next):
            top.addWidget(widget)
        top.insertStretch(1)
        top.insertStretch(3)
        bottom = QHBoxLayout()
        bottom.addWidget(legend, 1)
        bottom.addWidget(pdf)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.grid, 3)
        layout.addWidget(self.list, 1)
        layout.addWidget(whole)
        layout.addLayout(bottom)
        self.previous.clicked.connect(lambda: self.show_month(self.index - 1))
        self.next.clicked.connect(lambda: self.show_month(self.index + 1))
        pdf.clicked.connect(lambda: self.print_year())
        fit_dialog(self, *CALENDAR_SIZE)  # within the screen (1366×768 less the taskbar)
        self.show_month(self.index)

    @property
    def month(self) -> tuple[int, int]:
        """The (year, month) shown."""
        return self.months[self.index]

    def show_month(self, index: int) -> None:
        """Show the ``index``-th month of the 年度 (0 = April), kept within the 年度."""
        self.index = max(0, min(index, len(self.months) - 1))
        year, month = self.month
        self.title.setText(f"{wareki.format_wareki(date(year, month, 1), 'era_year')}"
                           f"{month}月（{year}年）")
        grid = month_grid(year, month, self.events)
        self.grid.setRowCount(len(grid))
        for r, week in enumerate(grid):
            for c, text in enumerate(week):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                item.setToolTip(text)
                self.grid.setItem(r, c, item)
        self.list.clear()
        for event in self.events:
            if (event.day.year, event.day.month) == (year, month):
                last = f"〜{event.last.month}月{event.last.day}日" if event.last else ""
                self.list.addItem(f"{event.day.month}月{event.day.day}日"
                                  f"（{WEEKDAYS[(event.day.weekday() + 1) % 7]}）{last}　"
                                  f"{_label(event)}")
        self.previous.setEnabled(self.index > 0)
        self.next.setEnabled(self.index < len(self.months) - 1)

    def print_year(self, path: Path | str | None = None) -> Path | None:
        """The whole 年度 as ``report calendar`` prints it, to a PDF."""
        from kyodo_desktop.reports.calendar import build_calendar
        from kyodo_desktop.reports.registry import ReportRequest
        from kyodo_desktop.ui.meetings.printing import MeetingPrinting

        request = ReportRequest(self.context.council_id, self.context.fiscal_year)
        printing = MeetingPrinting(self.context, meeting_id=lambda: None, save=lambda: True,
                                   status=QLabel(), parent=self)
        return printing.write(lambda: build_calendar(self.context.store, request), path,
                              _("Calendar_{year}.pdf").format(year=self.context.fiscal_year))
