"""``kyodo-desktop export city-summary --db city.sqlite3 --fiscal-year Y -o x.xlsx``: the city's
table of all councils (:mod:`kyodo_desktop.services.city.summary`) as one sheet, amounts as
numbers (``#,##0``), rates as percentages, text written as text, never a formula (the cash book
export's cell writer, :mod:`kyodo_desktop.io.sheet_cells`), the file written atomically."""

from __future__ import annotations

from pathlib import Path

from kyodo_desktop.domain.wareki import format_fiscal_year
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.io.cash_book_export import RATE_FORMAT, YEN_FORMAT
from kyodo_desktop.io.cash_book_export import _cell as cell
from kyodo_desktop.io.cash_book_export import _save as save
from kyodo_desktop.io.cash_book_export import _sheet as new_sheet
from kyodo_desktop.io.cash_book_export import _workbook as workbook
from kyodo_desktop.io.registry import ExportKind
from kyodo_desktop.services.backup.datafile import Store
from kyodo_desktop.services.city.summary import CityRow, city_summary

HEADERS = ("地域", "協議会", "交付決定額", "交付済額", "対象経費", "返還額", "執行率", "世帯数",
           "加入世帯数", "加入率", "事業数", "数値目標（判定）", "数値目標（達成）", "達成率",
           "点検エラー", "点検注意")
WIDTHS = (10, 24, 13, 13, 13, 11, 8, 9, 10, 8, 7, 10, 10, 8, 8, 8)
_FORMATS = (None, None, YEN_FORMAT, YEN_FORMAT, YEN_FORMAT, YEN_FORMAT, RATE_FORMAT, YEN_FORMAT,
            YEN_FORMAT, RATE_FORMAT, None, None, None, RATE_FORMAT, None, None)


def _values(row: CityRow) -> tuple:
    return (row.district or "合計", row.council, row.decided_amount, row.received,
            row.eligible, row.refund_amount, row.execution_rate, row.households,
            row.member_households, row.membership_rate, row.projects, row.indicators_judged,
            row.indicators_achieved, row.achievement_rate, row.findings_errors,
            row.findings_notes)


def export_city_summary(store: Store, council_id: int | None, fiscal_year: int, path: Path,
                        options: dict | None = None) -> str:
    """Write the city summary of ``fiscal_year`` to ``path`` (.xlsx); return a Japanese line.
    Raises UserError when the file is not a city file or ``path`` cannot be written."""
    summary = city_summary(store, fiscal_year)
    book = workbook()
    sheet = new_sheet(book, "年度報告一覧", WIDTHS, [
        _("Annual returns of the councils, {fiscal_year}").format(
            fiscal_year=format_fiscal_year(fiscal_year))])
    sheet.append([cell(sheet, h, bold=True) for h in HEADERS])
    for row in (*summary.rows, summary.total):
        bold = row.return_id is None
        sheet.append([cell(sheet, value, number_format, bold)
                      for value, number_format in zip(_values(row), _FORMATS, strict=True)])
    save(book, Path(path))
    return _("Wrote the returns of {count} councils to {path}.").format(
        count=len(summary.rows), path=path)


EXPORTS = [ExportKind("city-summary", N_("Annual returns of all councils (city)"),
                      export_city_summary, scope="city")]
