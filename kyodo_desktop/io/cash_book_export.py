"""Write the 出納簿 and the 予算対比 of a council-year to .xlsx, as a treasurer would print them.

Japanese headers, amounts as numbers formatted ``#,##0``, dates as Excel date cells shown in 和暦
(``[$-411]ggge"年"m"月"d"日"``; Excel for Japanese Windows shows 令和7年4月1日). The 出納簿 sheet
reads back through :func:`kyodo_desktop.io.cash_book_import.preview_cash_book` as the same
entries: title rows above the header, a 前年度繰越 row per fund exported, and 合計 /
次年度繰越 rows at the end (the importer skips them). Written with openpyxl's write-only mode so
100,000 entries fit in little memory.
"""

from __future__ import annotations

from pathlib import Path

from kyodo_desktop import fileops
from kyodo_desktop.domain.accounting import EXPENSE, INCOME
from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.domain.labels import DIRECTION_LABELS, FUND_LABELS
from kyodo_desktop.domain.wareki import format_fiscal_year
from kyodo_desktop.i18n import _
from kyodo_desktop.io.sheet_cells import mark_text, text_value, write_csv
from kyodo_desktop.services.accounting import figures
from kyodo_desktop.services.accounting.accounts import account_names
from kyodo_desktop.services.accounting.budget import budget_vs_actual
from kyodo_desktop.services.accounting.cash_book import entry_totals, list_entries
from kyodo_desktop.services.accounting.cash_book_query import CashBookRow
from kyodo_desktop.services.accounting.common import fund_names
from kyodo_desktop.services.backup.datafile import Store
from kyodo_desktop.services.council.councils import find_council
from kyodo_desktop.services.plan.projects import project_names

YEN_FORMAT = "#,##0"
SIGNED_YEN_FORMAT = "#,##0;[Red]-#,##0"
RATE_FORMAT = "0.0%"
WAREKI_FORMAT = '[$-411]ggge"年"m"月"d"日"'
CASH_BOOK_HEADERS = ("日付", "会計区分", "収支", "費目", "摘要", "収入", "支出", "残高", "支払先",
                     "領収書番号", "事業", "備考", "口座")
CASH_BOOK_WIDTHS = (16, 10, 6, 14, 30, 12, 12, 13, 18, 11, 20, 20, 14)
BUDGET_HEADERS = ("会計区分", "収支", "費目", "当初予算額", "補正後予算額", "流用", "予算現額",
                  "決算額", "差引", "執行率")
BUDGET_WIDTHS = (10, 6, 22, 13, 13, 11, 13, 13, 13, 9)
_PAGE = 5000


def _workbook():
    import openpyxl

    return openpyxl.Workbook(write_only=True)


def _cell(sheet, value, number_format: str | None = None, bold: bool = False):
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    cell = WriteOnlyCell(sheet, value=text_value(value))
    mark_text([cell])
    if number_format:
        cell.number_format = number_format
    if bold:
        cell.font = Font(bold=True)
    return cell


def _sheet(workbook, title: str, widths: tuple[int, ...], heading: list[str]):
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(title)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for line in heading:
        sheet.append([_cell(sheet, line, bold=True)])
    sheet.append([])
    return sheet


def _save(workbook, path: Path) -> None:
    """Atomically and owner-only; never onto a data file or backup (UserError)."""
    fileops.write_with(path, workbook.save)


def export_cash_book(store: Store, council_id: int, fiscal_year: int, path: Path | str, *,
                     fund: str | None = None, account_id: int | None = None) -> int:
    """Write the 出納簿 of a council-year (年度 ``fiscal_year``) to ``path`` (.xlsx, or .csv
    when the name ends so); return the number of entries written. ``fund`` (a code) limits it
    to one 会計区分; 残高 is then that fund's balance, else the balance of all funds. Each fund
    exported has its 前年度繰越 row, so the file imports back as it was (会計区分, 事業, 支払先,
    領収書番号, 備考 and 口座 included). Text is written as text, never as a formula
    (:mod:`sheet_cells`). ``account_id`` (a 口座) keeps that 口座's entries, as the 出納簿 screen
    filtered on it: one 前年度繰越 row of the 口座, and 残高 the 口座's running balance (its 振替
    included), ending with its 残高 at the 年度's end — a view to compare with the 通帳, not a
    file to import back.

    Raises UserError when the council does not exist or the file cannot be written.
    """
    path = Path(path)
    lines = _CashBookLines(store, council_id, fiscal_year, fund, account_id)
    fund_label = lines.labels.get(fund, fund) if fund else _("all funds")
    if path.suffix.lower() == ".csv":
        write_csv(path, [*([line] for line in lines.title), [],
                         *(values for values, _formats, _bold in lines)])
        return lines.count
    workbook = _workbook()
    sheet = _sheet(workbook, fund_label[:31], CASH_BOOK_WIDTHS, lines.title)
    for values, formats, bold in lines:
        sheet.append([_cell(sheet, value, number_format, bold)
                      for value, number_format in zip(values, formats, strict=False)])
    _save(workbook, path)
    return lines.count


class _CashBookLines:
    """The 出納簿 under its ``title`` lines as rows of ``(values, number formats, bold)``: the
    header, a 前年度繰越 row per fund, the entries, 合計 and 次年度繰越. ``count`` is the number
    of entries once iterated."""

    def __init__(self, store: Store, council_id: int, fiscal_year: int, fund: str | None,
                 account_id: int | None = None):
        self.store, self.council_id, self.fiscal_year, self.fund, self.account_id = (
            store, council_id, fiscal_year, fund, account_id)
        council = find_council(store, council_id)
        self.labels = fund_names(store, council_id)  # the council's own funds by their names
        self.accounts = account_names(store, council_id)
        opening = figures.opening_balances(store, council_id, fiscal_year)
        self.openings = {fund: opening[fund]} if fund else dict(opening)
        fund_label = self.labels.get(fund, fund) if fund else _("all funds")
        if account_id is None:
            self.carried = sum(self.openings.values())
            heading = _("{fiscal_year} cash book ({fund})").format(
                fiscal_year=format_fiscal_year(fiscal_year), fund=fund_label)
        else:
            self.carried = figures.account_opening_balances(
                store, council_id, fiscal_year).get(account_id, 0)
            heading = _("{fiscal_year} cash book ({fund}, account {account})").format(
                fiscal_year=format_fiscal_year(fiscal_year), fund=fund_label,
                account=self.accounts.get(account_id, ""))
        self.title = [heading, council["name"], _(
            "Carry-over from the previous year: {amount} yen").format(
            amount=format_yen(self.carried))]
        self.count = 0

    def _opening_rows(self):
        if self.account_id is not None:
            row = [None] * len(CASH_BOOK_HEADERS)
            row[4], row[5], row[7] = "前年度繰越", self.carried, self.carried
            row[-1] = self.accounts.get(self.account_id, "")
            yield row, _FORMATS, False
            return
        running = 0
        for code, amount in self.openings.items():
            running += amount
            yield ([None, self.labels.get(code, code), None, None, "前年度繰越", amount, None,
                    running], _FORMATS, False)

    def __iter__(self):
        fund, account = self.fund, self.account_id
        yield list(CASH_BOOK_HEADERS), (None,) * len(CASH_BOOK_HEADERS), True
        yield from self._opening_rows()
        projects = dict(project_names(self.store, self.council_id))
        balance, offset = self.carried, 0
        while True:
            rows = list_entries(self.store, self.council_id, self.fiscal_year, fund=fund,
                                account_id=account, limit=_PAGE, offset=offset)
            for row in rows:
                balance = row.shown_balance(fund)
                yield (_entry_values(row, balance, projects, self.accounts, self.labels),
                       _FORMATS, False)
            self.count += len(rows)
            offset += _PAGE
            if len(rows) < _PAGE:
                break
        if account is not None:  # a 振替 after the last entry still moves the 口座
            balance = figures.account_balances(self.store, self.council_id,
                                               self.fiscal_year).get(account, 0)
        totals = entry_totals(self.store, self.council_id, self.fiscal_year, fund=fund,
                              account_id=account)
        yield [None, None, None, None, "合計", totals.income, totals.expense], _FORMATS, True
        yield [None, None, None, None, "次年度繰越", None, None, balance], _FORMATS, True


#: Number formats of the 出納簿 columns (日付 … 残高).
_FORMATS = (WAREKI_FORMAT, None, None, None, None, YEN_FORMAT, YEN_FORMAT, SIGNED_YEN_FORMAT,
            None, None, None, None, None)


def _entry_values(row: CashBookRow, balance: int, projects: dict[int, str],
                  accounts: dict[int, str], labels: dict[str, str]) -> list:
    amount = row.amount
    return [
        row.entry_date, labels.get(row.fund_code, FUND_LABELS.get(row.fund_code)),
        DIRECTION_LABELS[row.direction], row.category_name, row.description,
        amount if row.direction == INCOME else None,
        amount if row.direction == EXPENSE else None,
        balance, row.payee, row.voucher_no,
        projects.get(row.project_id, ""), row.memo, accounts.get(row.account_id, "")]


def export_budget_vs_actual(store: Store, council_id: int, fiscal_year: int,
                            path: Path | str) -> int:
    """Write the 予算対比 of a council-year to ``path`` (.xlsx): per fund, 収入の部 then 支出の部
    with group, line and total rows, then the fund's 次年度繰越金; return the rows written.

    Raises UserError when the council does not exist or the file cannot be written.
    """
    council = find_council(store, council_id)
    report = budget_vs_actual(store, council_id, fiscal_year)
    workbook = _workbook()
    sheet = _sheet(workbook, "予算対比", BUDGET_WIDTHS, [
        _("{fiscal_year} budget vs actual").format(fiscal_year=format_fiscal_year(fiscal_year)),
        council["name"]])
    sheet.append([_cell(sheet, h, bold=True) for h in BUDGET_HEADERS])
    written, previous_fund = 0, None
    labels = fund_names(store, council_id)
    for row in report.rows:
        if previous_fund not in (None, row.fund_code):
            _carried_row(sheet, labels, previous_fund, report.carried_out[previous_fund])
        previous_fund = row.fund_code
        sheet.append(_budget_cells(sheet, row, labels))
        written += 1
    if previous_fund is not None:
        _carried_row(sheet, labels, previous_fund, report.carried_out[previous_fund])
    _save(workbook, Path(path))
    return written


def _budget_cells(sheet, row, labels: dict[str, str]) -> list:
    bold = row.kind != "line"
    if row.kind == "total":
        name = "収入合計" if row.direction == INCOME else "支出合計"
    else:
        name = "　" * row.level + row.name
    figures = [row.budget, row.revised, row.transfer, row.current, row.actual, row.difference]
    return ([_cell(sheet, labels.get(row.fund_code, row.fund_code), bold=bold),
             _cell(sheet, DIRECTION_LABELS[row.direction], bold=bold), _cell(sheet, name, bold=bold)]
            + [_cell(sheet, value, SIGNED_YEN_FORMAT, bold) for value in figures]
            + [_cell(sheet, row.execution_rate, RATE_FORMAT, bold)])


def _carried_row(sheet, labels: dict[str, str], fund: str, amount: int) -> None:
    sheet.append([_cell(sheet, labels.get(fund, fund), bold=True), None,
                  _cell(sheet, "次年度繰越金", bold=True), None, None, None, None,
                  _cell(sheet, amount, SIGNED_YEN_FORMAT, True)])
    sheet.append([])
