"""The 出納簿 table model: lazy, windowed over the indexed, paged query of the service.

:class:`CashBookModel` knows only the number of rows matching the filters (one ``count``/``sum``
query, which also gives the totals of the filtered rows); rows are read in pages of
:data:`PAGE_SIZE` through :func:`~kyodo_desktop.services.accounting.cash_book.list_entries`
when the view asks for them, and only the last :data:`KEPT_PAGES` pages are kept. So a year of
100,000 entries opens as fast as a year of 100, and memory stays flat while scrolling.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from kyodo_desktop.domain.formatting import format_date, format_yen
from kyodo_desktop.domain.labels import DIRECTION_LABELS, FUND_LABELS
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.services.accounting import accounts, attachments
from kyodo_desktop.services.accounting.cash_book import entry_totals, list_entries
from kyodo_desktop.services.accounting.cash_book_query import CashBookRow
from kyodo_desktop.services.accounting.figures import EntryTotals
from kyodo_desktop.services.backup.datafile import Store
from kyodo_desktop.services.plan import projects

PAGE_SIZE = 200
KEPT_PAGES = 12
#: (key, English header msgid) of the columns, in order.
COLUMNS = (
    ("entry_date", N_("Date")), ("fund", N_("Fund")), ("direction", N_("In/out")),
    ("category", N_("Category")), ("description", N_("Description")),
    ("income", N_("Income")), ("expense", N_("Expense")), ("balance", N_("Balance")),
    ("payee", N_("Payee")), ("voucher_no", N_("Receipt no.")), ("project", N_("Project")),
    ("account", N_("Account")), ("evidence", N_("Evidence files")),
)
COLUMN_KEYS = tuple(key for key, _title in COLUMNS)
AMOUNT_COLUMNS = frozenset({"income", "expense", "balance"})
FILTER_KEYS = ("fund", "category", "project_id", "month", "text", "account_id")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_NEGATIVE = QBrush(QColor("#c62828"))
_CORRECTION = QBrush(QColor("#6a4c00"))


class CashBookModel(QAbstractTableModel):
    """The 出納簿 rows of one council-year matching ``filters`` (see :data:`FILTER_KEYS`, the
    keyword arguments of ``list_entries``). 残高 is the fund's balance when a fund is chosen,
    else the balance of all funds. ``totals`` is the :class:`EntryTotals` of the rows (円)."""

    def __init__(self, store: Store, council_id: int | None, fiscal_year: int,
                 parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.council_id = council_id
        self.fiscal_year = fiscal_year
        self.filters: dict = {}
        self.totals = EntryTotals()
        self._pages: OrderedDict[int, list[CashBookRow]] = OrderedDict()
        self._projects: dict[int, str] = {}
        self._accounts: dict[int, str] = {}
        self._evidence: dict[int, int] = {}
        self.reload()

    # scope and filters ---------------------------------------------------------------------

    def set_scope(self, council_id: int | None, fiscal_year: int) -> None:
        """Show another council or 年度 (filters are kept)."""
        self.council_id, self.fiscal_year = council_id, fiscal_year
        self.reload()

    def set_filters(self, **filters) -> None:
        """Replace the filters (None or "" values are dropped) and reload."""
        unknown = set(filters) - set(FILTER_KEYS)
        if unknown:
            raise ValueError(f"unknown cash book filters: {sorted(unknown)}")
        self.filters = {k: v for k, v in filters.items() if v not in (None, "")}
        self.reload()

    def reload(self) -> None:
        """Re-read the count and totals; rows are read again when shown."""
        self.beginResetModel()
        self._pages.clear()
        if self.council_id is None:
            self.totals = EntryTotals()
        else:
            self.totals = entry_totals(self.store, self.council_id, self.fiscal_year,
                                       **self.filters)
            self._projects = dict(projects.project_names(self.store, self.council_id))
            self._accounts = accounts.account_names(self.store, self.council_id)
            self._evidence = attachments.attachment_counts(self.store, self.council_id,
                                                           self.fiscal_year)
        self.endResetModel()

    # rows ------------------------------------------------------------------------------------

    def _page(self, number: int) -> list[CashBookRow]:
        page = self._pages.get(number)
        if page is None:
            page = list_entries(self.store, self.council_id, self.fiscal_year, **self.filters,
                                limit=PAGE_SIZE, offset=number * PAGE_SIZE)
            self._pages[number] = page
            while len(self._pages) > KEPT_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page

    def row_data(self, row: int) -> CashBookRow | None:
        """The ``list_entries`` row shown at ``row`` (None outside the model)."""
        if not 0 <= row < self.totals.count:
            return None
        page = self._page(row // PAGE_SIZE)
        offset = row % PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def entry_id(self, row: int) -> int | None:
        """The entry id shown at ``row``."""
        data = self.row_data(row)
        return None if data is None else data.id

    def cached_row_of(self, entry_id: int) -> int | None:
        """The row of ``entry_id`` when its page has been read (None otherwise)."""
        for number, page in self._pages.items():
            for offset, data in enumerate(page):
                if data.id == entry_id:
                    return number * PAGE_SIZE + offset
        return None

    # Qt model interface ----------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.totals.count

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section][1])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if COLUMN_KEYS[section] in AMOUNT_COLUMNS else None
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.row_data(index.row())
        if row is None:
            return None
        key = COLUMN_KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in AMOUNT_COLUMNS:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            if key in AMOUNT_COLUMNS and (self._amount(row, key) or 0) < 0:
                return _NEGATIVE
            if row.correction_of_id is not None:
                return _CORRECTION
        if role == Qt.ItemDataRole.ToolTipRole and row.memo:
            return row.memo
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def _amount(self, row: CashBookRow, key: str) -> int | None:
        if key == "balance":
            return row.shown_balance(self.filters.get("fund"))
        return getattr(row, key)

    def display(self, row: CashBookRow, key: str) -> str:
        """The text of column ``key`` for a ``list_entries`` row."""
        if key == "entry_date":
            return format_date(row.entry_date, "short")
        if key == "fund":
            return FUND_LABELS.get(row.fund_code, row.fund_code)
        if key == "direction":
            return DIRECTION_LABELS[row.direction]
        if key == "category":
            return row.category_name or ""
        if key in AMOUNT_COLUMNS:
            amount = self._amount(row, key)
            return "" if amount is None else format_yen(amount)
        if key == "project":
            return self._projects.get(row.project_id, "")
        if key == "account":
            return self._accounts.get(row.account_id, "")
        if key == "evidence":
            count = self._evidence.get(row.id, 0)  # how many files are attached
            return str(count) if count else ""
        return getattr(row, key) or ""
