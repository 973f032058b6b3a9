"""Limits of what an import reads, checked before anything is parsed, and the progress callback.

Spreadsheets come from many hands (USB sticks, e-mail). A file may be a zip bomb (1.5 MB that
unpacks to gigabytes), a sheet of a million rows, or a cell of megabytes. Every import reads
through :func:`kyodo_desktop.io.tabular.read_table`, which applies these limits:

- the file itself: at most :data:`MAX_FILE_BYTES`;
- an .xlsx: the zip directory is read first (never the data): at most :data:`MAX_PARTS` parts,
  each at most :data:`MAX_PART_BYTES` and together :data:`MAX_UNZIPPED_BYTES` once unpacked, no
  encrypted part. Python's zip reader never unpacks more than the size the directory states, so
  a directory that lies ends in a CRC error, not in exhaustion;
- rows: at most :data:`MAX_ROWS` (the file is refused); a row wider than :data:`MAX_COLUMNS` or a
  cell longer than :data:`MAX_CELL_CHARS` (Excel's own limit) is a row error;
- digits other than 0-9 in a number or date (:func:`digits_problem`) are a row error.

Every refusal is a :class:`~kyodo_desktop.errors.UserError` in Japanese saying what to do.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from kyodo_desktop.domain.formatting import format_number
from kyodo_desktop.domain.text import foreign_digits
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_PARTS = 2_000
MAX_PART_BYTES = 200 * 1024 * 1024
MAX_UNZIPPED_BYTES = 300 * 1024 * 1024
MAX_ROWS = 200_000
#: A row of a sheet's XML takes at least this many bytes (``<row r="1"><c …>…</c></row>``): a
#: sheet whose <dimension> claims more than MAX_ROWS rows and whose part is this large is
#: refused before its rows are parsed.
MIN_BYTES_PER_ROW = 20
MAX_COLUMNS = 200
#: Excel's own limit of characters in one cell.
MAX_CELL_CHARS = 32_767
#: How often (rows) the progress callback is called.
PROGRESS_EVERY = 2_000

#: ``progress(rows_read, rows_expected)``; ``rows_expected`` 0 when unknown. It may raise
#: :class:`ImportCancelled` to stop reading.
Progress = Callable[[int, int], None]


class ImportCancelled(UserError):
    """The user stopped reading the file (the progress dialog's キャンセル)."""

    def __init__(self) -> None:
        super().__init__(_("Reading the file was cancelled. Nothing was imported."))


def _megabytes(size: int) -> str:
    return format_number(max(1, round(size / (1024 * 1024))))


def check_file_size(path: Path) -> int:
    """The size of ``path`` in bytes; UserError when it is larger than :data:`MAX_FILE_BYTES`."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise UserError(_("The file {path} is too large to import (more than {limit} MB). Keep "
                          "only the rows to import (for example one fiscal year) in the file "
                          "and try again.").format(path=path.name,
                                                   limit=_megabytes(MAX_FILE_BYTES)))
    return size


def check_archive(path: Path) -> None:
    """Read the zip directory of an .xlsx (no data) and refuse it before parsing when it is too
    large unpacked, has too many parts or an encrypted part. Raises UserError (Japanese)."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise damaged_workbook(path, error) from error
    if len(parts) > MAX_PARTS or any(part.file_size > MAX_PART_BYTES for part in parts) or sum(
            part.file_size for part in parts) > MAX_UNZIPPED_BYTES:
        raise UserError(_("The Excel file {path} unpacks to more than {limit} MB, far more than "
                          "a cash book or roster needs, so it was not opened (it may be a "
                          "damaged or malicious file). Save the sheet again from Excel, or as "
                          "CSV, and try again.").format(
            path=path.name, limit=_megabytes(MAX_UNZIPPED_BYTES)))
    if any(part.flag_bits & 0x1 for part in parts):
        raise damaged_workbook(path, "encrypted part")


def damaged_workbook(path: Path, error: object) -> UserError:
    """The UserError of an .xlsx that cannot be read (damaged, not a workbook, password)."""
    return UserError(
        _("The Excel file cannot be read: {path}. It may be damaged or protected by a "
          "password. Open it in Excel, save it again without a password, and retry.")
        .format(path=path.name), detail=repr(error))


def too_many_rows(path: Path) -> UserError:
    """The UserError of a sheet with more than :data:`MAX_ROWS` rows."""
    return UserError(_("The file {path} has more than {limit} rows, more than can be imported at "
                       "once. Split it (for example by fiscal year) and import each part.")
                     .format(path=path.name, limit=format_number(MAX_ROWS)))


def cell_problems(cells: list[str], width: int) -> tuple[list[str], list[str]]:
    """``(cells, problems)``: cells longer than :data:`MAX_CELL_CHARS` emptied and reported; a
    row of ``width`` > :data:`MAX_COLUMNS` columns reported (its cells beyond are dropped)."""
    problems = []
    if width > MAX_COLUMNS:
        problems.append(_("The row has {count} columns; at most {limit} are read. Delete the "
                          "columns that are not needed.").format(
            count=format_number(width), limit=format_number(MAX_COLUMNS)))
        cells = cells[:MAX_COLUMNS]
    for index, text in enumerate(cells):
        if len(text) > MAX_CELL_CHARS:
            problems.append(_("Column {column} holds {count} characters; a cell may hold at "
                              "most {limit}.").format(column=column_letter(index),
                                                      count=format_number(len(text)),
                                                      limit=format_number(MAX_CELL_CHARS)))
            cells[index] = ""
    return cells, problems


def column_letter(index: int) -> str:
    """Excel's letter of the 0-based column ``index`` (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def digits_problem(text: str) -> str | None:
    """The error for digits other than 0-9 / ０-９ in a number, code or date cell (「٣٠٠」 would
    be read as 300, 「²」 as 2), or None."""
    digits = foreign_digits(text)
    if not digits:
        return None
    return _("{text} holds characters that look like digits ({digits}). Write the number with "
             "the digits 0-9.").format(text=text, digits=digits)
