"""Read a spreadsheet as people keep it (.xlsx or .csv) into rows of cell strings, safely.

The one reader of every import (出納簿, 構成団体, 人): the importer decides what the cells mean;
this module only gets the text out, keeping the row numbers **as the spreadsheet shows them**
(Excel's row header; for a CSV, the record number Excel would show) so that error messages can
point at "5行目". Limits (file size, unzipped size checked from the zip directory before any
parsing, rows, columns, cell length) are those of :mod:`kyodo_desktop.io.sheet_limits`; rows a
user could not see or that hold uncalculated formulas carry ``problems`` (see
:mod:`kyodo_desktop.io.xlsx_reader`), which the importers report as row errors.

- .xlsx / .xlsm: the first (active) sheet unless ``sheet`` is given, cached formula values. A
  date cell becomes ``"2023-04-01"`` (ISO), a whole number ``1234.0`` becomes ``"1234"``.
- .csv / .tsv / .txt: the encoding is found by trying UTF-8 (with or without BOM) and then CP932
  (Shift_JIS as Excel for Japanese Windows saves it), in that order. Comma-separated, or
  tab-separated for .tsv. A ``'`` that an export put before ``=``… is removed.

``progress(rows_read, rows_expected)`` is called every few thousand rows and may raise
:class:`~kyodo_desktop.io.sheet_limits.ImportCancelled`. Every failure a user can fix (missing
file, .xls, damaged file, unknown encoding, too large) is a
:class:`~kyodo_desktop.errors.UserError` in Japanese.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.io import sheet_limits as limits
from kyodo_desktop.io.sheet_cells import unquote_csv
from kyodo_desktop.io.sheet_limits import Progress

#: Encodings tried, in this order, for a CSV file.
CSV_ENCODINGS = ("utf-8-sig", "cp932")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".tsv", ".txt")


@dataclass(frozen=True, slots=True)
class TableRow:
    """One row: ``number`` is the row number the spreadsheet shows (1-based), ``cells`` the
    text of its cells from column A on, stripped of surrounding spaces ("" for an empty cell);
    ``problems`` Japanese reasons the row must not be imported as it is (hidden, formula never
    calculated, a cell too long …)."""

    number: int
    cells: tuple[str, ...]
    problems: tuple[str, ...] = ()

    def cell(self, index: int | None) -> str:
        """Text of the cell at 0-based ``index`` ("" when the row is shorter or index is None)."""
        if index is None or index >= len(self.cells):
            return ""
        return self.cells[index]

    @property
    def is_blank(self) -> bool:
        """True when every cell is empty and nothing is wrong with the row."""
        return not any(self.cells) and not self.problems


@dataclass(frozen=True)
class Table:
    """The rows of one sheet (blank rows included) and what was read: ``encoding`` of a CSV
    (``"utf-8-sig"`` or ``"cp932"``; "" for Excel) and ``sheet`` name of a workbook."""

    path: Path
    rows: list[TableRow]
    encoding: str = ""
    sheet: str = ""


def file_sha256(path: Path | str) -> str:
    """The SHA-256 (hex) of the file's bytes, read in blocks (the re-import guard's key).
    Raises UserError when the file cannot be read."""
    import hashlib

    digest = hashlib.sha256()
    try:
        with Path(path).open("rb") as stream:
            for block in iter(lambda: stream.read(1024 * 1024), b""):
                digest.update(block)
    except OSError as error:
        raise UserError(_("The file cannot be read: {path}").format(path=path),
                        detail=repr(error)) from error
    return digest.hexdigest()


def read_table(path: Path | str, *, sheet: str | None = None,
               progress: Progress | None = None) -> Table:
    """Read ``path`` (.xlsx/.xlsm or .csv/.tsv/.txt) into a :class:`Table`.

    Raises UserError (Japanese) when the file is missing, of another kind (.xls, .ods …),
    damaged or password-protected, too large (:mod:`sheet_limits`), when ``sheet`` does not
    exist or is hidden, or when a CSV is in none of :data:`CSV_ENCODINGS`.
    """
    path = Path(path)
    if not path.is_file():
        raise UserError(_("The file was not found: {path}").format(path=path))
    suffix = path.suffix.lower()
    if suffix not in EXCEL_SUFFIXES + CSV_SUFFIXES:
        raise UserError(
            _("This kind of file cannot be read: {path}. Save it from Excel as an Excel workbook "
              "(.xlsx) or as CSV (.csv) and try again.").format(path=path.name))
    try:
        limits.check_file_size(path)
    except OSError as error:
        raise UserError(_("The file cannot be read: {path}").format(path=path),
                        detail=repr(error)) from error
    if suffix in EXCEL_SUFFIXES:
        return read_xlsx(path, sheet=sheet, progress=progress)
    return read_csv(path, progress=progress)


def read_xlsx(path: Path, *, sheet: str | None = None,
              progress: Progress | None = None) -> Table:
    """Read one sheet of an Excel workbook (see :func:`read_table` for the errors)."""
    from kyodo_desktop.io.xlsx_reader import read_sheet

    rows, title = read_sheet(path, sheet, progress, _make_row, cell_text)
    return Table(path, rows, sheet=title)


def _make_row(number: int, cells: list[str], problems: list[str]) -> TableRow:
    return TableRow(number, _trim(tuple(cells)), tuple(problems))


def read_csv(path: Path, *, progress: Progress | None = None) -> Table:
    """Read a CSV file, finding its encoding (see :func:`read_table` for the errors)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UserError(_("The file cannot be read: {path}").format(path=path),
                        detail=repr(error)) from error
    text, encoding = decode_csv_bytes(data, name=path.name)
    del data
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    expected = text.count("\n")
    if expected > limits.MAX_ROWS:  # refused before parsing: each record takes a line
        raise limits.too_many_rows(path)
    if csv.field_size_limit() < limits.MAX_FILE_BYTES:
        csv.field_size_limit(limits.MAX_FILE_BYTES)  # long cells become row errors, not crashes
    rows = []
    try:
        for number, record in enumerate(
                csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1):
            if number > limits.MAX_ROWS:
                raise limits.too_many_rows(path)
            cells, problems = limits.cell_problems(
                [unquote_csv(cell.strip()) for cell in record], len(record))
            rows.append(_make_row(number, cells, problems))
            if progress is not None and number % limits.PROGRESS_EVERY == 0:
                progress(number, expected)
    except csv.Error as error:
        raise UserError(_("The CSV file {path} cannot be read (row {row}). Open it in Excel, "
                          "save it again as CSV and try again.").format(
            path=path.name, row=len(rows) + 1), detail=repr(error)) from error
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
    """Drop empty cells at the end of a row (the cells' truth values as bytes, searched from
    the end in C: the rows of a large sheet are trimmed without a Python loop per cell)."""
    end = bytes(map(bool, cells)).rfind(1) + 1
    return cells if end == len(cells) else cells[:end]
