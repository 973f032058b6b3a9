"""The right half of the 協議会 page: cards and two small tables filled from an Overview."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from kyodo_desktop.domain import formatting
from kyodo_desktop.i18n import _
from kyodo_desktop.services.council.overview import Overview
from kyodo_desktop.ui.shell.relayout import LAYOUT_EVENTS, LaterOnLayout
from kyodo_desktop.ui.shell.table_fit import fit_small_table

NO_DATA = "—"
#: The cards' grid has at most this many columns (fewer at large text, so no figure is cut).
MAX_CARD_COLUMNS = 4
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _yen(amount: int | None) -> str:
    return NO_DATA if amount is None else formatting.format_yen(amount)


def _count(value: int | None) -> str:
    return NO_DATA if value is None else formatting.format_number(value)


class OverviewView:
    """Fills the overview widgets of ``forms/council_page.ui`` (found by object name in ``form``)."""

    def __init__(self, form: QWidget) -> None:
        self.title = form.findChild(QLabel, "overviewTitle")
        self.values = {name: form.findChild(QLabel, f"{name}Value") for name in (
            "neighborhoodAssociations", "households", "memberHouseholds", "membershipRate",
            "otherOrganizations", "officers", "subcommittees")}
        self.grants = form.findChild(QTableWidget, "grantsTable")
        self.funds = form.findChild(QTableWidget, "fundsTable")
        for table in (self.grants, self.funds):
            fit_small_table(table)
        self.cards = CardGrid(form.findChild(QGridLayout, "cardsGrid"),
                              form.findChild(QWidget, "overviewPanel"))

    def show(self, overview: Overview) -> None:
        """Show ``overview``'s figures (counts, 加入率, 交付金 and funds in 円)."""
        self.title.setText(_("Overview of {year}").format(
            year=formatting.format_fiscal_year(overview.fiscal_year)))
        texts = {
            "neighborhoodAssociations": _count(overview.neighborhood_associations),
            "households": _count(overview.households),
            "memberHouseholds": _count(overview.member_households),
            "membershipRate": formatting.format_percent(overview.membership_rate),
            "otherOrganizations": _count(overview.other_organizations),
            "officers": _count(overview.officers),
            "subcommittees": _count(overview.subcommittees),
        }
        for name, text in texts.items():
            self.values[name].setText(text)
        self._fill(self.grants, self._grant_rows(overview))
        self.grants.clearSpans()
        if not overview.grants:  # one row saying so, across the table
            self.grants.setSpan(0, 0, 1, self.grants.columnCount())
        self._fill(self.funds, [
            [fund.name, _yen(fund.budget), _yen(fund.spent),
             formatting.format_percent(fund.execution_rate), _yen(fund.balance)]
            for fund in overview.funds])

    @staticmethod
    def _grant_rows(overview: Overview) -> list[list[str]]:
        if not overview.grants:
            return [[_("No grant recorded for this year")]]
        rows = [[g.program, _yen(g.applied), _yen(g.decided), _yen(g.received)]
                for g in overview.grants]
        applied = [g.applied for g in overview.grants if g.applied is not None]
        decided = [g.decided for g in overview.grants if g.decided is not None]
        rows.append([_("Total"), _yen(sum(applied) if applied else None),
                     _yen(sum(decided) if decided else None),
                     _yen(sum(g.received for g in overview.grants))])
        return rows

    @staticmethod
    def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(_RIGHT)
                table.setItem(r, c, item)
        table.resizeRowsToContents()


class CardGrid(QObject):
    """The overview's cards in as many equal columns (up to :data:`MAX_CARD_COLUMNS`) as fit the
    panel's width with every caption and figure whole; rearranged when the panel or the text
    size changes."""

    def __init__(self, grid: QGridLayout, panel: QWidget) -> None:
        super().__init__(panel)
        self.grid, self.panel = grid, panel
        self.cards = [grid.itemAt(i).widget() for i in range(grid.count())]
        self.columns = 0
        self._later = LaterOnLayout(self, self.arrange, [panel],
                                    events=(*LAYOUT_EVENTS, QEvent.Type.StyleChange))

    def _card_width(self) -> int:
        """The width the widest card needs for its caption and its figure."""
        widths = []
        for card in self.cards:
            margins = card.contentsMargins().left() + card.contentsMargins().right()
            layout = card.layout()
            if layout is not None:
                margins += layout.contentsMargins().left() + layout.contentsMargins().right()
            labels = card.findChildren(QLabel)
            widths.append(max((label.sizeHint().width() for label in labels), default=0)
                          + margins + 2 * card.frameWidth())
        return max(widths, default=0)

    def arrange(self) -> None:
        """Put the cards in the number of columns that fits now."""
        room = self.panel.contentsRect().width()
        spacing = max(self.grid.horizontalSpacing(), 0)
        needed = self._card_width() + spacing
        columns = max(1, min(MAX_CARD_COLUMNS, (room + spacing) // max(needed, 1)))
        if columns == self.columns:
            return
        self.columns = columns
        for card in self.cards:
            self.grid.removeWidget(card)
        for column in range(MAX_CARD_COLUMNS):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        for number, card in enumerate(self.cards):
            self.grid.addWidget(card, number // columns, number % columns)
