"""The rows below a 出納簿's header made into preview rows, exactly and fast.

:func:`take_row` is the exact path, one row at a time: the kind of the row (blank, 前年度繰越,
小計, 繰越, note, repeated header: :func:`~kyodo_desktop.io.cash_book_rows.row_kind`), its entry
or its errors (:func:`~kyodo_desktop.io.cash_book_rows.parse_entry`) and the 残高 check.

:class:`RowTaker` gives the same preview rows faster, column by column: a cash book repeats its
dates, 費目, funds and amounts, so each part of a row is worked out by the exact functions once
per distinct cell text (and per date above, where a 「〃」 or a 月 column makes a date depend on
it) and remembered. A row takes this path only when every part is remembered as good and its
摘要 cannot be a 小計・繰越 label; any other row (a problem from the reader, an error, a label)
goes through :func:`take_row`, so every message comes from the exact path.
tests/io/test_cash_book_fast_rows.py compares both paths on the same workbooks.
Source of the speed target: issue 12 (≥ 20,000 rows/s for a plain 100,000-row 出納簿).
"""

from __future__ import annotations

from dataclasses import replace
from operator import itemgetter

from kyodo_desktop.domain.accounting import INCOME, CashBookEntryInput
from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.domain.money import parse_yen
from kyodo_desktop.domain.text import normalize
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.io import cash_book_names as names
from kyodo_desktop.io import cash_book_rows as rows_
from kyodo_desktop.io.cash_book_names import parse_fund
from kyodo_desktop.io.cash_book_preview import ImportPreview, PreviewRow, SkippedRow
from kyodo_desktop.io.cash_book_rows import Columns, RowContext, clean_text
from kyodo_desktop.io.tabular import TableRow

#: The fields whose cells decide a row's kind and entry (the 摘要 only through :func:`_label`).
_PARTS = ("entry_date", "month", "income", "expense", "amount", "direction", "category", "fund")
#: The free-text fields, cleaned row by row.
_TEXTS = ("description", "payee", "voucher_no", "memo", "project", "account")
#: The lengths of a cell :data:`rows_.SPLIT_TAIL` can match (「234」「234円」, stripped).
_TAIL_LENGTHS = (3, 4)
#: Distinct cell texts remembered per part; the memory stays bounded for any file.
_REMEMBERED = 20_000


def take_row(preview: ImportPreview, row: TableRow, columns: Columns, ctx: RowContext,
             balance: BalanceCheck) -> None:
    """Add what ``row`` is to ``preview``, the exact way: a bad row (the reader's problems or
    the row's errors), an entry, a 前年度繰越, a skipped row, or nothing (a blank row)."""
    if row.problems:
        preview.rows.append(PreviewRow(row.number, None, list(row.problems), cells=row.cells))
        return
    kind = rows_.row_kind(row, columns, before_entries=not preview.rows)
    if repeats_header(row, columns):
        kind = "header"
    if kind == "blank":
        return
    if kind == "opening":
        _take_opening(preview, row, columns, ctx)
        balance.running = sum(amount for amount, _row in preview.openings.values())
        return
    if kind is not None:
        preview.skipped.append(SkippedRow(row.number, _skip_reason(kind), row.cells))
        if kind == "carried":
            balance.follow(row, None, known=True)
        return
    entry, errors = rows_.parse_entry(row, columns, ctx)
    result = PreviewRow(row.number, entry, errors, cells=row.cells,
                        project=clean_text(columns.cell(row, "project")),
                        account=clean_text(columns.cell(row, "account")))
    signed = None if entry is None else (entry.amount if entry.direction == INCOME
                                         else -entry.amount)
    warning = balance.follow(row, signed, known=entry is not None)
    if warning:
        result.warnings.append(warning)
    preview.rows.append(result)


class RowTaker:
    """Takes the rows of one import into ``preview`` (:meth:`take`), as :func:`take_row` does,
    through remembered parts for the rows that allow it (see the module doc). ``fast`` False:
    every row the exact way."""

    def __init__(self, preview: ImportPreview, columns: Columns, ctx: RowContext, *,
                 fast: bool = True) -> None:
        self.preview, self.columns, self.ctx = preview, columns, ctx
        self.balance = BalanceCheck(columns)
        self.fast = fast
        self.fast_rows = 0  # rows taken from remembered parts
        width = max(columns.index.values(), default=-1) + 1
        self.width = width
        self.blank = ("",) * (width + 1)  # a field without a column reads the last cell: ""
        self.parts = itemgetter(*(columns.index.get(name, width) for name in _PARTS))
        self.texts = itemgetter(*(columns.index.get(name, width) for name in _TEXTS))
        self.has_month = columns.has("month")
        self.kinds: dict[tuple, bool] = {}
        self.dates: dict[tuple, tuple | None] = {}
        self.amounts: dict[tuple, tuple | None] = {}
        self.categories: dict[tuple, tuple | None] = {}
        self.funds: dict[str, str | None] = {}
        #: Indexes of the amount columns (収入, 支出, 金額) and, per cell text, whether it can be
        #: the head / the tail of an amount split at its comma (:func:`rows_.split_amount_problem`).
        self.amount_indexes = [columns.index[name] for name in rows_.AMOUNT_FIELDS
                               if name in columns.index]
        self.heads: dict[str, bool] = {}
        self.tails: dict[str, bool] = {}

    def take(self, row: TableRow) -> None:
        """Add what ``row`` is to the preview (as :func:`take_row`)."""
        if not (self.fast and row.cells and not row.problems and self._take_plain(row)):
            take_row(self.preview, row, self.columns, self.ctx, self.balance)

    def _take_plain(self, row: TableRow) -> bool:
        """Add ``row`` as an entry from remembered parts; False (nothing done) when it is not
        a good data row that every part has seen."""
        if self._may_be_split(row.cells):
            return False  # the row-by-row path decides, and names a split amount
        cells = row.cells[:self.width]
        cells += self.blank[len(cells):]
        parts = self.parts(cells)
        description, payee, voucher, memo, project, account = self.texts(cells)
        date_text, month, income, expense, amount_text, direction_text, category, fund = parts
        if description and names.may_be_label(description):
            return False
        if not self._is_data(row, date_text, month, category,
                             bool(income or expense or amount_text)):
            return False
        dated = self._date(row, date_text, month)
        amount = self._amount(row, income, expense, amount_text, direction_text)
        if dated is None or amount is None:
            return False
        direction, category_code = self._category(row, category, amount[0]) or (None, None)
        fund_code = self._fund(row, fund)
        if category_code is None or fund_code is None:
            return False
        entry_date, self.ctx.last_date, self.ctx.last_month = dated
        entry = CashBookEntryInput(
            entry_date=entry_date, fund_code=fund_code, direction=direction,
            category_code=category_code, description=clean_text(description),
            amount=amount[1], payee=clean_text(payee), voucher_no=normalize(clean_text(voucher)),
            memo=clean_text(memo))
        result = PreviewRow(row.number, entry, [], cells=row.cells, project=clean_text(project),
                            account=clean_text(account))
        warning = self.balance.follow(row, entry.amount if direction == INCOME
                                      else -entry.amount, known=True)
        if warning:
            result.warnings.append(warning)
        self.preview.rows.append(result)
        self.fast_rows += 1
        return True

    def _may_be_split(self, cells: tuple[str, ...]) -> bool:
        """Whether an amount cell and the cell after it look like the parts of an amount split
        at its comma (then :func:`rows_.split_amount_problem` decides, on the exact path);
        each distinct cell text matched once."""
        last = len(cells) - 1
        for index in self.amount_indexes:
            if index < last and len(cells[index + 1].strip()) in _TAIL_LENGTHS and \
                    _matches(self.heads, rows_.SPLIT_HEAD, cells[index]) and \
                    _matches(self.tails, rows_.SPLIT_TAIL, cells[index + 1]):
                return True
        return False

    def _is_data(self, row: TableRow, date_text: str, month: str, category: str,
                 has_amount: bool) -> bool:
        """Whether a row with these cells (and a 摘要 that is no label) is a data row: no
        label, 前年度繰越, note or repeated header (:func:`row_kind`, before any entry or not
        alike for a data row)."""
        key = (date_text, month, category, has_amount)
        found = self.kinds.get(key)
        if found is None:
            found = (rows_.row_kind(row, self.columns, before_entries=False) is None
                     and not repeats_header(row, self.columns))
            _remember(self.kinds, key, found)
        return found

    def _date(self, row: TableRow, text: str, month: str) -> tuple | None:
        """``(date, date above, month above)`` after the row, or None when the date has an
        error. A date depends on the date above only when it repeats it (「〃」, blank) or the
        book has a 月 column."""
        ctx = self.ctx
        if self.has_month:
            key = (text, month, ctx.last_date, ctx.last_month)
        elif text.strip() in rows_.SAME_AS_ABOVE:
            key = (text, ctx.last_date)
        else:
            key = (text,)
        if key not in self.dates:
            scratch, errors = _scratch(ctx), []
            found = rows_.parse_date_cell(row, self.columns, scratch, errors)
            _remember(self.dates, key, None if errors or found is None else
                      (found, scratch.last_date, scratch.last_month))
        return self.dates[key]

    def _amount(self, row: TableRow, income: str, expense: str, amount: str,
                direction: str) -> tuple | None:
        """``(direction or None, amount)`` of the amount cells, or None on an error."""
        key = (income, expense, amount, direction)
        if key not in self.amounts:
            errors: list[str] = []
            found = rows_.parse_amount(row, self.columns, errors, _scratch(self.ctx))
            _remember(self.amounts, key, None if errors or found[1] is None else found)
        return self.amounts[key]

    def _category(self, row: TableRow, text: str, direction: str | None) -> tuple | None:
        """``(direction, 費目 code)``, or None on an error."""
        key = (text, direction)
        if key not in self.categories:
            errors: list[str] = []
            found = rows_.parse_category(row, self.columns, _scratch(self.ctx), direction,
                                         errors)
            _remember(self.categories, key, None if errors or found[1] is None else found)
        return self.categories[key]

    def _fund(self, row: TableRow, text: str) -> str | None:
        """The 会計区分 code of the row, or None on an error."""
        if text not in self.funds:
            errors: list[str] = []
            found = rows_.parse_fund_cell(row, self.columns, _scratch(self.ctx), errors)
            _remember(self.funds, text, None if errors else found)
        return self.funds[text]


def _scratch(ctx: RowContext) -> RowContext:
    """A copy of ``ctx`` for working out a part: its date above and month above change, its
    unknown 費目 list is its own; the parsers' answers are shared (they are pure)."""
    return replace(ctx, unknown_categories=[])


def _matches(found: dict[str, bool], pattern, text: str) -> bool:
    """Whether ``pattern`` matches ``text`` stripped, remembered in ``found``."""
    answer = found.get(text)
    if answer is None:
        answer = pattern.match(text.strip()) is not None
        _remember(found, text, answer)
    return answer


def _remember(found: dict, key, value) -> None:
    if len(found) >= _REMEMBERED:
        found.clear()
    found[key] = value


def repeats_header(row: TableRow, columns: Columns) -> bool:
    """A header repeated further down (a book printed page by page, or month by month)."""
    return all(names.header_field(columns.cell(row, name)) == name
               for name in ("entry_date", "category"))


def _take_opening(preview: ImportPreview, row: TableRow, columns: Columns,
                  ctx: RowContext) -> None:
    """A 前年度繰越 row: one per 会計区分 (an export of all funds has one for each)."""
    amount, errors = rows_.opening_amount(row, columns)
    fund_text = columns.cell(row, "fund")
    try:
        fund = parse_fund(fund_text, ctx.own_funds) if fund_text else ctx.fund_code
    except ValidationError as error:
        errors.append(error.message)
        fund = None
    if fund is None and not errors:
        errors.append(_("The carry-over row names no fund. Write 運営支援, 活動支援 or 自主財源 in "
                        "its fund column."))
    if fund in preview.openings:
        errors.append(_("A second carry-over row from the previous year (the first is row "
                        "{row}). Delete one of them.").format(row=preview.openings[fund][1]))
    if errors:
        preview.rows.append(PreviewRow(row.number, None, errors, cells=row.cells))
        return
    preview.openings[fund] = (amount, row.number)


def _skip_reason(kind: str) -> str:
    if kind == "header":
        return _("The header repeated")
    if kind == "subtotal":
        return _("Subtotal or total row")
    if kind == "carried":
        return _("Carry-over row (前月繰越, 次年度繰越 …)")
    return _("No date, amount or category (a note)")


class BalanceCheck:
    """Follows the 残高 column: the balance above plus each row's amount should equal it."""

    def __init__(self, columns: Columns) -> None:
        self.columns = columns
        self.running: int | None = None

    def follow(self, row: TableRow, signed: int | None, *, known: bool) -> str | None:
        """Advance by ``signed`` (円; ``known`` False: the row is bad, lose track) and compare
        with the row's 残高; return a Japanese warning on a difference."""
        if not known:
            self.running = None
        elif signed is not None and self.running is not None:
            self.running += signed
        text = self.columns.cell(row, "balance")
        if not text:
            return None
        try:
            stated = parse_yen(text, allow_negative=True)
        except ValidationError:
            self.running = None
            return None
        computed, self.running = self.running, stated
        if computed is None or computed == stated:
            return None
        return _("Column {column}: {stated} yen differs from {computed} yen computed from the "
                 "rows above.").format(column=self.columns.headers["balance"],
                                       stated=format_yen(stated), computed=format_yen(computed))
