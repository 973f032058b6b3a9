"""One row of an imported 出納簿: what kind of row it is, and its entry or its errors.

A data row becomes a :class:`~kyodo_desktop.domain.accounting.CashBookEntryInput`, or a list of
Japanese errors each naming the column as the file's header writes it (「『年月日』列: …」).
Rules (issue 5, item 9):

- 日付: 西暦 or 和暦 as :func:`kyodo_desktop.domain.wareki.parse_date` reads it, an Excel date
  cell, 「4/1」 in the chosen 年度, and 「5/4/1」 read as the era year (令和, 平成) or 2-digit
  西暦 year that falls within the 年度. A blank date, 「〃」 or 「同上」 repeats the date above.
  With separate 月・日 columns, a blank 月 repeats the month above.
- 金額: separate 収入・支出 columns (exactly one filled; 0 counts as blank), or one 金額 column
  where △/▲/- marks an expense and a positive amount takes its direction from the 収支 column
  or the 費目 (会費 → income, 消耗品費 → expense).
- 費目: mapped by :mod:`kyodo_desktop.io.cash_book_names` or the caller's ``category_map``;
  unknown names are collected for the mapping dialog.
- 区分/会計 column: 運営支援・活動支援・自主財源 (else the fund chosen for the import; when none
  was chosen, a blank 会計区分 is an error).
- 事業 column: the 事業's name, kept on the preview row (matched when the entries are written).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from kyodo_desktop.domain import wareki
from kyodo_desktop.domain.accounting import (
    EXPENSE,
    INCOME,
    CashBookEntryInput,
    outside_year_finding,
)
from kyodo_desktop.domain.money import parse_yen
from kyodo_desktop.domain.text import normalize, printable
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.io import cash_book_names as names
from kyodo_desktop.io.sheet_limits import digits_problem
from kyodo_desktop.io.tabular import TableRow

SAME_AS_ABOVE = {"", "〃", "\"", "″", "同", "同上", "々", "ヽ"}
_BLANK_AMOUNTS = {"", "-", "−", "ー", "―", "‐", "0", "¥0", "0円"}
_EXCEL_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}")
#: The head of an amount split at its comma in a CSV written without quotes (「¥1,234」 →
#: 「¥1」「234」) and the tail that then stands in the next column.
SPLIT_HEAD = re.compile(r"^[¥￥\\]?[-△▲−]?[0-9０-９]{1,3}$")
SPLIT_TAIL = re.compile(r"^[0-9０-９]{3}(?:円)?$")
AMOUNT_FIELDS = (INCOME, EXPENSE, "amount")
_SHORT_DATE = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{1,2})")
_TEXT_FIELDS = ("description", "payee", "voucher_no", "memo")
#: 全角英数 and 半角カナ: the characters :func:`clean_text` makes NFKC.
_NARROW = re.compile(r"[Ａ-Ｚａ-ｚ０-９]+|[\uff61-\uff9f]+")
#: Cells that may hold 小計・繰越 words.
_LABEL_FIELDS = ("entry_date", "month", "description", "category")


@dataclass(frozen=True)
class Columns:
    """Where each field is: ``index`` field → 0-based column, ``headers`` field → the header text
    as written in the file (for messages)."""

    index: dict[str, int]
    headers: dict[str, str]

    def cell(self, row: TableRow, name: str) -> str:
        """The text of ``row`` in the column of field ``name`` ("" when there is no such column)."""
        index = self.index.get(name)
        cells = row.cells
        return cells[index] if index is not None and index < len(cells) else ""

    def has(self, name: str) -> bool:
        """Whether the file has a column for field ``name``."""
        return name in self.index


@dataclass
class RowContext:
    """What a row needs beyond itself: the import's 年度 and default fund, the caller's 費目
    mapping (``name_key`` → code), the date and month above, and the unknown 費目 found so far."""

    fiscal_year: int
    fund_code: str | None
    category_map: dict[str, str] = field(default_factory=dict)
    last_date: date | None = None
    last_month: str = ""
    unknown_categories: list[str] = field(default_factory=list)
    answers: dict = field(default_factory=dict, repr=False)
    own_funds: dict[str, str] = field(default_factory=dict)

    def remembered(self, parse, *args):
        """``parse(*args)`` (a pure parser: 日付, 金額), asked once per import for the same
        arguments: a cash book repeats its dates and amounts. A ValidationError it raised is
        raised again."""
        key = (parse, *args)
        if key not in self.answers:
            try:
                self.answers[key] = (parse(*args), None)
            except ValidationError as error:
                self.answers[key] = (None, error)
        value, error = self.answers[key]
        if error is not None:
            raise error
        return value


def column_error(columns: Columns, name: str, problem: str) -> str:
    """「『{header}』列: {problem}」 for the column of field ``name``."""
    return _("Column {column}: {problem}").format(
        column=columns.headers.get(name, name), problem=problem)


def row_kind(row: TableRow, columns: Columns, *, before_entries: bool) -> str | None:
    """``"blank"``, ``"opening"`` (前年度繰越), ``"subtotal"`` (小計・合計), ``"carried"``
    (前月繰越・次年度繰越), ``"note"`` (no date, amount nor 費目), or None for a data row.
    A plain 「繰越」 is the opening balance when it comes ``before_entries``."""
    if row.is_blank:
        return "blank"
    category = columns.cell(row, "category")
    kind = names.label_kind([columns.cell(row, name) for name in _LABEL_FIELDS])
    if kind == "opening" or (category and names.category_code(category, INCOME) == "carried_in"):
        return "opening"
    if kind == "bare_carried":
        return "opening" if before_entries else "carried"
    if kind is not None:
        return kind
    amounts = [columns.cell(row, name) for name in ("income", "expense", "amount")]
    if not any(amounts) and not columns.cell(row, "entry_date") and not category:
        return "note"
    return None


def opening_amount(row: TableRow, columns: Columns) -> tuple[int | None, list[str]]:
    """The 前年度繰越 row's amount (円): its 収入, 金額, 残高 or 支出 cell, the first filled
    (「0」「-」 read as 0); or None and the error."""
    for name in ("income", "amount", "balance", "expense"):
        text = columns.cell(row, name)
        if not text:
            continue
        if text in _BLANK_AMOUNTS:
            return 0, []
        try:
            return parse_yen(text, allow_negative=True), []
        except ValidationError as error:
            return None, [column_error(columns, name, error.message)]
    return None, [_("The carry-over row has no amount.")]


def parse_entry(row: TableRow, columns: Columns, ctx: RowContext
                ) -> tuple[CashBookEntryInput | None, list[str]]:
    """The entry of a data row, or None and the row's errors (Japanese, column named)."""
    errors: list[str] = []
    split = split_amount_problem(row, columns)
    if split:
        return None, [split]
    entry_date = parse_date_cell(row, columns, ctx, errors)
    direction, amount = parse_amount(row, columns, errors, ctx)
    direction, category = parse_category(row, columns, ctx, direction, errors)
    fund_code = parse_fund_cell(row, columns, ctx, errors)
    if errors or entry_date is None or direction is None or category is None or amount is None:
        return None, errors
    texts = {name: clean_text(columns.cell(row, name)) for name in _TEXT_FIELDS}
    texts["voucher_no"] = normalize(texts["voucher_no"])  # a number: Ｎｏ．５ → No.5
    return CashBookEntryInput(entry_date=entry_date, fund_code=fund_code, direction=direction,
                              category_code=category, amount=amount, **texts), []


def split_amount_problem(row: TableRow, columns: Columns) -> str:
    """The error of a row whose amount was split at its comma (a CSV cell 「¥1,234」 or 「1,234円」
    written without quotes reads as 「¥1」 and 「234円」, moving every later cell one column to
    the right; the row would be stored as 1 円): "" when no amount cell looks like that.

    Suspected: an amount of 1–3 digits followed by a cell of 3 digits (円 allowed) in a row
    longer than the file's known columns (the split adds a cell), or — with ¥ or 円 on either
    part — followed by a cell of a column that holds no amount (a 残高 of 「999」 after an amount
    of 「¥1」 is a real row)."""
    longer = len(row.cells) > max(columns.index.values(), default=-1) + 1
    for name in AMOUNT_FIELDS:
        index = columns.index.get(name)
        if index is None or index + 1 >= len(row.cells):
            continue
        head, tail = row.cells[index].strip(), row.cells[index + 1].strip()
        if not (SPLIT_HEAD.match(head) and SPLIT_TAIL.match(tail)):
            continue
        marked = head[0] in "¥￥\\" or tail.endswith("円")
        if longer or (marked and not _holds_amounts(columns, index + 1)):
            return column_error(columns, name, _(
                "The amount {head} is followed by {tail} in the next column: was an amount such "
                "as 1,234 split at its comma? In a CSV file write \"1,234\" in double quotes, or "
                "1234.").format(head=head, tail=tail))
    return ""


def _holds_amounts(columns: Columns, index: int) -> bool:
    """Whether column ``index`` is one of the file's amount or 残高 columns."""
    return any(columns.index.get(name) == index for name in (*AMOUNT_FIELDS, "balance"))


def clean_text(text: str) -> str:
    """A free-text cell as stored: 全角英数 → half-width and ｶﾅ → カナ, other characters as written
    (（）・全角 brackets kept, so an exported book reads back unchanged), unprintable characters
    removed, every run of blanks (also 全角スペース) one space."""
    if not text:
        return ""
    if text.isprintable() and "  " not in text and not _NARROW.search(text):
        return text.strip()  # the only blank of printable text is the ASCII space
    text = " ".join(printable(text, keep_newlines=False).split())
    return _NARROW.sub(lambda found: unicodedata.normalize("NFKC", found.group()), text)


def parse_date_cell(row: TableRow, columns: Columns, ctx: RowContext, errors: list[str]
                    ) -> date | None:
    """The 日付 of ``row`` (its 月 and 日 cells, or the date above), or None with the error
    appended; sets ``ctx``'s date above (and month above) as the row leaves them."""
    text = columns.cell(row, "entry_date")
    problem = digits_problem(text + columns.cell(row, "month"))
    if problem:
        errors.append(column_error(columns, "entry_date", problem))
        return None
    if columns.has("month"):
        month = columns.cell(row, "month").rstrip("月") or ctx.last_month
        ctx.last_month = month
        if month and text and text not in SAME_AS_ABOVE:
            text = f"{month}/{text.rstrip('日')}"
    if _EXCEL_DATETIME.fullmatch(text):  # an Excel date cell with a time of day
        text = text[:10]
    if text.strip() in SAME_AS_ABOVE:
        if ctx.last_date is None:
            errors.append(column_error(columns, "entry_date", _("The date is missing.")))
        return ctx.last_date
    try:
        found = ctx.remembered(_date_of, text, ctx.fiscal_year)
    except ValidationError as error:
        errors.append(column_error(columns, "entry_date", error.message))
        return None
    if not wareki.fiscal_year_contains(ctx.fiscal_year, found):
        found = _short_year_in(text, ctx.fiscal_year) or found
    if not wareki.fiscal_year_contains(ctx.fiscal_year, found):
        finding = outside_year_finding(found, ctx.fiscal_year, None)
        errors.append(column_error(columns, "entry_date",
                                   f"{finding.message}{finding.how_to_fix}"))
        return None
    ctx.last_date = found
    return found


def _date_of(text: str, fiscal_year: int) -> date:
    return wareki.parse_date(text, fiscal_year=fiscal_year)


def _short_year_in(text: str, fiscal_year: int) -> date | None:
    """「30/4/1」 in 平成30年度 or 「23/4/1」 in 2023年度: the one reading inside the 年度."""
    match = _SHORT_DATE.fullmatch(unicodedata.normalize("NFKC", text).strip())
    if not match:
        return None
    year, month, day = (int(part) for part in match.groups())
    years = {era.calendar_year(year) for era in wareki.ERAS[-2:]} | {2000 + year}
    found = set()
    for candidate in years:
        try:
            d = date(candidate, month, day)
        except ValueError:
            continue
        if wareki.fiscal_year_contains(fiscal_year, d):
            found.add(d)
    return found.pop() if len(found) == 1 else None


def parse_amount(row: TableRow, columns: Columns, errors: list[str], ctx: RowContext
                 ) -> tuple[str | None, int | None]:
    """``(direction or None when the 費目 decides, amount > 0 円)`` of ``row``'s amount
    cells; errors appended."""
    if columns.has("income") or columns.has("expense"):
        found = [(name, columns.cell(row, name)) for name in (INCOME, EXPENSE)
                 if columns.cell(row, name) not in _BLANK_AMOUNTS]
        if len(found) == 2:
            errors.append(_("Both {income} and {expense} hold an amount. Keep only one of them.")
                          .format(income=columns.headers[INCOME],
                                  expense=columns.headers[EXPENSE]))
            return None, None
        if found:
            name, text = found[0]
            return name, _yen(text, columns, name, errors, allow_negative=False, ctx=ctx)
        if not columns.has("amount"):
            errors.append(_("There is no amount in {income} or {expense}.").format(
                income=columns.headers.get(INCOME, "収入"),
                expense=columns.headers.get(EXPENSE, "支出")))
            return None, None
    return _signed_amount(row, columns, errors, ctx)


def _signed_amount(row: TableRow, columns: Columns, errors: list[str], ctx: RowContext
                   ) -> tuple[str | None, int | None]:
    text = columns.cell(row, "amount")
    if text in _BLANK_AMOUNTS:
        errors.append(column_error(columns, "amount", _("The amount is missing.")))
        return None, None
    signed = _yen(text, columns, "amount", errors, allow_negative=True, ctx=ctx)
    if signed is None:
        return None, None
    stated = None
    if columns.has("direction"):
        stated = names.parse_direction(columns.cell(row, "direction"))
        if stated is None:
            errors.append(column_error(columns, "direction", _(
                "Write 収入 or 支出: {text}").format(text=columns.cell(row, "direction"))))
            return None, None
    if signed < 0:
        if stated == INCOME:
            errors.append(column_error(columns, "amount", _(
                "A negative amount ({text}) is an expense, but the row says 収入.")
                .format(text=text)))
            return None, None
        return EXPENSE, -signed
    return stated, signed


def _amount_of(text: str, allow_negative: bool) -> int:
    return parse_yen(text, allow_negative=allow_negative, allow_zero=False)


def _yen(text: str, columns: Columns, name: str, errors: list[str], *,
         allow_negative: bool, ctx: RowContext) -> int | None:
    problem = digits_problem(text)
    if problem:
        errors.append(column_error(columns, name, problem))
        return None
    try:
        return ctx.remembered(_amount_of, text, allow_negative)
    except ValidationError as error:
        errors.append(column_error(columns, name, error.message))
        return None


def parse_category(row: TableRow, columns: Columns, ctx: RowContext, direction: str | None,
                   errors: list[str]) -> tuple[str | None, str | None]:
    """``(direction, category code)`` of ``row``'s 費目 cell: the 費目 decides the direction
    when the amount did not; errors appended (an unknown 費目 also to
    ``ctx.unknown_categories``)."""
    text = columns.cell(row, "category")
    key = names.name_key(text)
    if not key:
        errors.append(column_error(columns, "category", _("The category is missing.")))
        return direction, None
    code = ctx.category_map.get(key) or names.category_code(text, direction)
    if code is None:
        errors.append(column_error(columns, "category", _category_problem(text, direction, ctx)))
        return direction, None
    of_code = names.direction_of_code(code)
    if direction is not None and of_code != direction:
        errors.append(column_error(columns, "category", _mismatch(text, of_code)))
        return direction, None
    return of_code, code


def _category_problem(text: str, direction: str | None, ctx: RowContext) -> str:
    other = {INCOME: EXPENSE, EXPENSE: INCOME}.get(direction or "")
    if other and names.category_code(text, other):
        return _mismatch(text, other)
    if direction is None and names.category_code(text, INCOME) and names.category_code(
            text, EXPENSE):
        return _("{name} can be income or expense. Mark expenses with △ or add a 収支 column.") \
            .format(name=text)
    name = clean_text(text)
    if name not in ctx.unknown_categories:
        ctx.unknown_categories.append(name)
    return _("{name} is not one of the app's categories. Choose the category it stands for.") \
        .format(name=name)


def _mismatch(text: str, of_code: str | None) -> str:
    if of_code == INCOME:
        return _("{name} is an income category, but the amount is an expense.").format(name=text)
    return _("{name} is an expense category, but the amount is income.").format(name=text)


def parse_fund_cell(row: TableRow, columns: Columns, ctx: RowContext, errors: list[str]
                    ) -> str | None:
    """The 会計区分 code of ``row`` (its 区分 cell, else the import's fund); errors
    appended."""
    text = columns.cell(row, "fund")
    if not text:
        if ctx.fund_code is None:
            errors.append(column_error(columns, "fund", _(
                "The fund is missing. Write 運営支援, 活動支援 or 自主財源.")))
        return ctx.fund_code
    try:
        return names.parse_fund(text, ctx.own_funds)
    except ValidationError as error:
        errors.append(column_error(columns, "fund", error.message))
        return ctx.fund_code
