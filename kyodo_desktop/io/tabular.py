"""Read a spreadsheet as people keep it (.xlsx or .csv) into rows of cell strings.

Used by every import (出納簿, later the 名簿): the importer decides what the cells mean; this
module only gets the text out, keeping the row numbers **as the spreadsheet shows them** (Excel's
row header; for a CSV, the record number Excel would show) so that error messages can point at
"5行目".

- .xlsx / .xlsm: openpyxl in read-only mode with cached formula values (``data_only``); the
  first (active) sheet unless ``sheet`` is given. A date cell becomes ``"2023-04-01"`` (ISO), a
  whole number ``1234.0`` becomes ``"1234"``.
- .csv / .tsv / .txt: the encoding is found by trying UTF-8 (with or without BOM) and then CP932
  (Shift_JIS as Excel for Japanese Windows saves it), in that order. Comma-separated, or
  tab-separated for .tsv.

Every failure a user can fix (missing file, .xls, damaged file, unknown encoding) is a
:class:`~kyodo_desktop.errors.UserError` in Japanese.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.io.sheet_cells import unquote_csv

#: Encodings tried, in this order, for a CSV file.
CSV_ENCODINGS = ("utf-8-sig", "cp932")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".tsv", ".txt")


@dataclass(frozen=True)
class TableRow:
    """One row: ``number`` is the row number the spreadsheet shows (1-based), ``cells`` the
    text of its cells from column A on, stripped of surrounding spaces ("" for an empty cell)."""

    number: int
    cells: tuple[str, ...]

    def cell(self, index: int | None) -> str:
        """Text of the cell at 0-based ``index`` ("" when the row is shorter or index is None)."""
        if index is None or index >= len(self.cells):
            return ""
        return self.cells[index]

    @property
    def is_blank(self) -> bool:
        """True when every cell is empty."""
        return not any(self.cells)


@dataclass(frozen=True)
class Table:
    """The rows of one sheet (blank rows included) and what was read: ``encoding`` of a CSV
    (``"utf-8-sig"`` or ``"cp932"``; "" for Excel) and ``sheet`` name of a workbook."""

    path: Path
    rows: list[TableRow]
    encoding: str = ""
    sheet: str = ""


def read_table(path: Path | str, *, sheet: str | None = None) -> Table:
    """Read ``path`` (.xlsx/.xlsm or .csv/.tsv/.txt) into a :class:`Table`.

    Raises UserError (Japanese) when the file is missing, of another kind (.xls, .ods …),
    damaged or password-protected, when ``sheet`` does not exist, or when a CSV is in none of
    :data:`CSV_ENCODINGS`.
    """
    path = Path(path)
    if not path.is_file():
        raise UserError(_("The file was not found: {path}").format(path=path))
    suffix = path.suffix.lower()
    if suffix in EXCEL_SUFFIXES:
        return read_xlsx(path, sheet=sheet)
    if suffix in CSV_SUFFIXES:
        return read_csv(path)
    raise UserError(
        _("This kind of file cannot be read: {path}. Save it from Excel as an Excel workbook "
          "(.xlsx) or as CSV (.csv) and try again.").format(path=path.name))


def read_xlsx(path: Path, *, sheet: str | None = None) -> Table:
    """Read one sheet of an Excel workbook (see :func:`read_table` for the errors)."""
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as error:
        raise UserError(
            _("The Excel file cannot be read: {path}. It may be damaged or protected by a "
              "password. Open it in Excel, save it again without a password, and retry.")
            .format(path=path.name), detail=repr(error)) from error
    try:
        if sheet is not None and sheet not in workbook.sheetnames:
            raise UserError(_("The workbook has no sheet named {sheet}. Its sheets are: "
                              "{sheets}.").format(sheet=sheet,
                                                  sheets="、".join(workbook.sheetnames)))
        worksheet = workbook[sheet] if sheet is not None else workbook.active
        worksheet.reset_dimensions()  # files from other programs often state wrong dimensions
        rows = _worksheet_rows(worksheet)
        return Table(path, rows, sheet=worksheet.title)
    finally:
        workbook.close()


def _worksheet_rows(worksheet) -> list[TableRow]:
    rows = []
    number = 0
    for cells in worksheet.iter_rows():
        numbered = [cell.row for cell in cells if getattr(cell, "row", None)]
        number = numbered[0] if numbered else number + 1
        rows.append(TableRow(number, _trim(tuple(cell_text(cell.value) for cell in cells))))
    return rows


def read_csv(path: Path) -> Table:
    """Read a CSV file, finding its encoding (see :func:`read_table` for the errors)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UserError(_("The file cannot be read: {path}").format(path=path),
                        detail=repr(error)) from error
    text, encoding = decode_csv_bytes(data, name=path.name)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = [TableRow(number, _trim(tuple(unquote_csv(cell.strip()) for cell in record)))
            for number, record in enumerate(reader, start=1)]
    return Table(path, rows, encoding=encoding)


def decode_csv_bytes(data: bytes, *, name: str = "") -> tuple[str, str]:
    """Decode a CSV file's bytes; return ``(text, encoding)`` with encoding one of
    :data:`CSV_ENCODINGS`. Raises UserError when none of them fits."""
    for encoding in CSV_ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise UserError(
        _("The characters of the CSV file cannot be read: {path}. Save it from Excel as "
          "\"CSV UTF-8\" and try again.").format(path=name))


def cell_text(value: object) -> str:
    """The text of a cell value: "" for None, ISO ``YYYY-MM-DD`` for a date (or a datetime at
    midnight), ``"1234"`` for 1234.0, other numbers and text as written (text stripped)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _trim(cells: tuple[str, ...]) -> tuple[str, ...]:
    """Drop empty cells at the end of a row."""
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return cells[:end]
