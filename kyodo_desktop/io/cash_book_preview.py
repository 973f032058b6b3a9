"""What a 出納簿 import would do (:class:`ImportPreview`) and its plain-Japanese summary.

Made by :func:`kyodo_desktop.io.cash_book_import.preview_cash_book`; shown by the import
dialog, printed by ``kyodo-desktop import cash-book`` (:func:`describe_preview`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kyodo_desktop.domain.accounting import INCOME, CashBookEntryInput
from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.domain.labels import FUND_LABELS
from kyodo_desktop.domain.wareki import format_fiscal_year
from kyodo_desktop.i18n import _


@dataclass
class PreviewRow:
    """A data row: ``row_number`` as the spreadsheet shows it; ``entry`` the parsed entry (None
    when the row has errors); ``errors`` Japanese, each naming the column; ``warnings`` Japanese
    (e.g. 残高 differs), never blocking; ``cells`` the row's text as read; ``project`` the name
    in its 事業 column ("" when none), matched to the council's 事業 when written; ``account``
    the name in its 口座 column ("" when none: 現金), matched to the council's 口座 when
    written."""

    row_number: int
    entry: CashBookEntryInput | None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    cells: tuple[str, ...] = ()
    project: str = ""
    account: str = ""

    @property
    def ok(self) -> bool:
        """True when the row can be imported."""
        return self.entry is not None and not self.errors


@dataclass(frozen=True)
class SkippedRow:
    """A row left out on purpose: ``row_number``, ``reason`` (Japanese), ``cells``."""

    row_number: int
    reason: str
    cells: tuple[str, ...] = ()


@dataclass
class ImportPreview:
    """What an import would do. ``columns`` field → header as written (``"entry_date"`` →
    「年月日」); ``fund_code`` the 会計区分 of rows without one (None: the file's 会計区分
    column decides every row); ``openings`` fund → (円, row) of each 前年度繰越 row, with
    ``opening_balance``/``opening_balance_row``/``opening_balance_fund`` those of the first;
    ``unknown_columns`` headers not understood (ignored); ``unknown_categories`` 費目 names to
    map (pass ``category_map`` to a new preview); ``sha256`` the file's digest (re-import
    guard, :mod:`kyodo_desktop.services.imports.history`)."""

    path: Path
    fiscal_year: int
    fund_code: str | None
    header_row: int
    columns: dict[str, str]
    rows: list[PreviewRow] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    openings: dict[str, tuple[int, int]] = field(default_factory=dict)
    unknown_columns: list[str] = field(default_factory=list)
    unknown_categories: list[str] = field(default_factory=list)
    encoding: str = ""
    sheet: str = ""
    sha256: str = ""
    own_funds: dict[str, str] = field(default_factory=dict)

    def fund_label(self, code: str | None) -> str:
        """The name of a fund code: the council's own funds by their names (``own_funds``
        name → code), the city's by their labels."""
        names = {value: name for name, value in self.own_funds.items()}
        return names.get(code) or FUND_LABELS.get(code, code or "")

    @property
    def opening_balance(self) -> int | None:
        """円 of the first 前年度繰越 row (None when the file has none)."""
        return next(iter(self.openings.values()), (None, None))[0]

    @property
    def opening_balance_row(self) -> int | None:
        """Row number of the first 前年度繰越 row (None when the file has none)."""
        return next(iter(self.openings.values()), (None, None))[1]

    @property
    def opening_balance_fund(self) -> str | None:
        """会計区分 of the first 前年度繰越 row (None when the file has none)."""
        return next(iter(self.openings), None)

    @property
    def projects(self) -> list[str]:
        """The 事業 names of the good rows, each once, in the file's order."""
        return list(dict.fromkeys(row.project for row in self.rows if row.ok and row.project))

    @property
    def entries(self) -> list[CashBookEntryInput]:
        """The entries of the good rows, in the file's order."""
        return [row.entry for row in self.rows if row.ok and row.entry is not None]

    @property
    def bad_rows(self) -> list[PreviewRow]:
        """The rows with errors."""
        return [row for row in self.rows if not row.ok]

    def totals(self) -> tuple[int, int]:
        """``(収入, 支出)`` of the good rows (円)."""
        income = sum(e.amount for e in self.entries if e.direction == INCOME)
        return income, sum(e.amount for e in self.entries) - income


def describe_preview(preview: ImportPreview, *, max_rows: int = 50) -> str:
    """A plain-Japanese summary, one fact a line: the file, how many rows can be imported and
    their totals (円), each bad row with its errors (up to ``max_rows``), warnings, skipped
    rows, the 前年度繰越, and the columns and 費目 not understood."""
    income, expense = preview.totals()
    lines = [
        _("File: {path} (header in row {row})").format(path=preview.path.name,
                                                       row=preview.header_row),
        _("Fiscal year {fiscal_year}, fund {fund}").format(
            fiscal_year=format_fiscal_year(preview.fiscal_year),
            fund=preview.fund_label(preview.fund_code)) if preview.fund_code
        else _("Fiscal year {fiscal_year}, each row in the fund of its {column} column").format(
            fiscal_year=format_fiscal_year(preview.fiscal_year),
            column=preview.columns.get("fund", "会計区分")),
        _("Rows to import: {count} (income {income} yen, expense {expense} yen)").format(
            count=len(preview.entries), income=format_yen(income), expense=format_yen(expense)),
    ]
    bad = preview.bad_rows
    if bad:
        lines.append(_("Rows with errors: {count}").format(count=len(bad)))
        lines += [_row_line(row.row_number, error) for row in bad[:max_rows]
                  for error in row.errors]
    lines += [_row_line(row.row_number, warning) for row in preview.rows
              for warning in row.warnings][:max_rows]
    if preview.skipped:
        lines.append(_("Rows skipped: {count}").format(count=len(preview.skipped)))
        lines += [_row_line(row.row_number, row.reason) for row in preview.skipped[:max_rows]]
    for fund, (amount, row) in preview.openings.items():
        lines.append(_("Carry-over from the previous year: {amount} yen (row {row})").format(
            amount=format_yen(amount), row=row) + f"（{preview.fund_label(fund)}）")
    if preview.unknown_columns:
        lines.append(_("Columns not imported: {names}").format(
            names="、".join(preview.unknown_columns)))
    if preview.unknown_categories:
        lines.append(_("Categories to match with the app's categories: {names}").format(
            names="、".join(preview.unknown_categories)))
    return "\n".join(lines)


def _row_line(number: int, text: str) -> str:
    return _("Row {row}: {text}").format(row=number, text=text)
