"""Stream one sheet of an .xlsx into rows of cell text, safely and fast.

- The zip directory is checked first (:func:`kyodo_desktop.io.sheet_limits.check_archive`).
- The small parts (content types, workbook, relationships, styles) are parsed by openpyxl
  through defusedxml (no DTD entities, so no billion laughs).
- The sheet's XML is scanned once as bytes (:func:`kyodo_desktop.io.xlsx_plain.scan_sheet`):
  more than MAX_ROWS rows are refused there. A plain sheet (nothing hidden, every formula with
  its cached value, nothing unusual) has its values read by calamine (Rust, fast).
- Any other sheet, and the shared strings, are streamed by the C parser after a check that
  refuses any DTD (:func:`kyodo_desktop.io.safe_xml.safe_iterparse`), one row at a time, cached
  formula values only (never the formula).

Anything malformed (bad XML, no sheet, bad styles, a missing part) is a UserError, never a
traceback. What a user could not see or what was never calculated is reported on its row (the
``problems`` handed to ``make_row``), never imported silently: a hidden or zero-height row; a
value in a hidden or zero-width column or under merged cells (:mod:`xlsx_merged`); a formula
cell without a cached value. A hidden sheet is refused as a whole.
"""

from __future__ import annotations

import warnings
from functools import cached_property
from pathlib import Path

from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.io import sheet_limits as limits
from kyodo_desktop.io.safe_xml import safe_iterparse
from kyodo_desktop.io.sheet_limits import Progress
from kyodo_desktop.io.xlsx_merged import covered_values, parse_range

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _COL, _DIMENSION = f"{_NS}row", f"{_NS}c", f"{_NS}col", f"{_NS}dimension"
_FORMAT, _MERGE = f"{_NS}sheetFormatPr", f"{_NS}mergeCell"
_VALUE, _FORMULA, _INLINE = f"{_NS}v", f"{_NS}f", f"{_NS}is"
_TEXT, _RUN, _SHARED = f"{_NS}t", f"{_NS}r", f"{_NS}si"
_TRUE = ("1", "true")
_DIGITS = "0123456789"


class NoSuchSheet(UserError):
    """The workbook has no sheet of the name asked for."""


def read_sheet(path: Path, sheet: str | None, progress: Progress | None, make_row,
               cell_text) -> tuple[list, str]:
    """``(rows, sheet title)`` of ``sheet`` (the active sheet when None); ``make_row(number,
    cells, problems)`` builds each row (missing rows come as blank rows) and
    ``cell_text(value)`` each cell's text from its value (str, int, float, bool, datetime).

    Raises UserError (Japanese) as described in the module doc and in :mod:`sheet_limits`.
    """
    limits.check_archive(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            book = _Book(path)
        except UserError:
            raise
        except Exception as error:  # any malformed part: the file is damaged, never a crash
            raise limits.damaged_workbook(path, error) from error
        try:
            title, part = book.sheet_part(sheet)
            rows = _plain_rows(book, part, title, progress, make_row, cell_text)
            if rows is None:
                rows = _SheetReader(book, path, progress, make_row, cell_text).rows(part)
            return rows, title
        except (UserError, MemoryError):
            raise
        except Exception as error:
            raise limits.damaged_workbook(path, error) from error
        finally:
            book.close()


def _plain_rows(book: _Book, part: str, title: str, progress: Progress | None, make_row,
                cell_text) -> list | None:
    """The rows through the fast path of :mod:`xlsx_plain`, or None when the sheet is not
    plain (or calamine cannot read it)."""
    from kyodo_desktop.io import xlsx_plain

    scan = xlsx_plain.scan_sheet(book.archive, part, book.path)
    if not scan.plain or not xlsx_plain.strings_are_safe(book.archive, book.strings_part):
        return None
    return xlsx_plain.read_values(book.path, title, scan, progress, make_row, cell_text)


class _Book:
    """The workbook's sheets, styles (which style ids are dates) and shared strings."""

    def __init__(self, path: Path) -> None:
        from openpyxl.reader.excel import ExcelReader
        from openpyxl.styles.stylesheet import apply_stylesheet
        from openpyxl.xml.constants import SHARED_STRINGS

        self.path = path
        reader = ExcelReader(str(path), read_only=True, data_only=True, keep_links=False)
        self.archive = reader.archive
        reader.read_manifest()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        self.epoch = reader.wb.epoch
        self.date_formats = reader.wb._date_formats
        self.timedelta_formats = reader.wb._timedelta_formats
        self.active = reader.wb._active_sheet_index
        self.sheets = [(sheet.name, sheet.state or "visible", rel.target, rel.Type)
                       for sheet, rel in reader.parser.find_sheets()]
        strings = reader.package.find(SHARED_STRINGS)
        self.strings_part = strings.PartName[1:] if strings is not None else None

    @cached_property
    def shared_strings(self) -> list[str]:
        """The shared strings, read when the streaming reader needs them."""
        return self._strings(self.strings_part) if self.strings_part is not None else []

    def _strings(self, part: str) -> list[str]:
        found = []
        with self.archive.open(part) as source:
            for _event, element in safe_iterparse(source):
                if element.tag == _SHARED:
                    found.append(rich_text(element))
                    element.clear()
        return found

    def sheet_part(self, name: str | None) -> tuple[str, str]:
        """``(title, part name)`` of the sheet ``name`` (the active one when None)."""
        names = [sheet[0] for sheet in self.sheets]
        if name is not None and name not in names:
            raise NoSuchSheet(_("The workbook has no sheet named {sheet}. Its sheets are: "
                                "{sheets}.").format(sheet=name, sheets="、".join(names)))
        index = names.index(name) if name is not None else self.active
        if not self.sheets or not 0 <= index < len(self.sheets):
            index = 0
        if not self.sheets or "worksheet" not in self.sheets[index][3] or \
                self.sheets[index][2] not in self.archive.namelist():
            raise UserError(_("The Excel file {path} has no sheet with rows to read.").format(
                path=self.path.name))
        title, state, part, _type = self.sheets[index]
        if state != "visible":
            raise UserError(_("The sheet {sheet} of {path} is hidden, so what it holds cannot "
                              "be checked in Excel. Show the sheet (right-click a sheet tab → "
                              "再表示), check it, save and try again.").format(
                sheet=title, path=self.path.name))
        return title, part

    def close(self) -> None:
        self.archive.close()


def rich_text(node) -> str:
    """The text of an ``<si>`` or ``<is>`` element: its ``<t>``, or its runs' ``<t>`` in order;
    phonetic guides (``<rPh>``, ふりがな) left out."""
    parts = []
    for child in node:
        if child.tag == _TEXT:
            parts.append(child.text or "")
        elif child.tag == _RUN:
            parts.append(child.findtext(_TEXT) or "")
    return "".join(parts)


class _SheetReader:
    """Streams the rows of one sheet part."""

    def __init__(self, book: _Book, path: Path, progress: Progress | None, make_row,
                 cell_text) -> None:
        from openpyxl.utils.cell import column_index_from_string
        from openpyxl.utils.datetime import from_excel, from_ISO8601

        self.book, self.path, self.progress = book, path, progress
        self.make_row, self.cell_text = make_row, cell_text
        self.column_of, self.from_excel, self.from_iso = (
            column_index_from_string, from_excel, from_ISO8601)
        self.hidden_columns: set[int] = set()
        self.rows_hidden = False  # <sheetFormatPr zeroHeight="1">: rows hidden unless sized
        self.merged: list = []  # <mergeCell ref="A1:C1">: what the ranges cover is not shown
        self.expected = 0

    def rows(self, part: str) -> list:
        rows: list = []
        number = 0
        with self.book.archive.open(part) as source:
            for _event, element in safe_iterparse(source):
                tag = element.tag
                if tag == _ROW:
                    number = self._row_number(element, number)
                    rows += [self.make_row(missing, [], []) for missing in range(
                        (rows[-1].number if rows else 0) + 1, number)]
                    rows.append(self._row(element, number))
                    element.clear()
                    if self.progress is not None and len(rows) % limits.PROGRESS_EVERY == 0:
                        self.progress(number, self.expected)
                elif tag == _COL:
                    self._column(element)
                elif tag == _FORMAT:
                    self.rows_hidden = element.get("zeroHeight") in _TRUE
                elif tag == _DIMENSION:
                    self._dimension(element, part)
                elif tag == _MERGE:
                    self.merged.append(parse_range(element.get("ref") or ""))
        return covered_values(rows, [m for m in self.merged if m], self.make_row)

    def _row_number(self, element, previous: int) -> int:
        stated = element.get("r")
        number = int(float(stated)) if stated else previous + 1
        if number > limits.MAX_ROWS:
            raise limits.too_many_rows(self.path)
        return number

    def _column(self, element) -> None:
        if element.get("hidden") in _TRUE or _zero(element.get("width")):
            low, high = int(element.get("min", 0)), int(element.get("max", 0))
            self.hidden_columns.update(range(low, min(high, limits.MAX_COLUMNS) + 1))

    def _dimension(self, element, part: str) -> None:
        """The sheet's own <dimension> (which may be wrong): for progress, and to refuse early
        a sheet whose part is as large as the rows it claims."""
        end = (element.get("ref") or "").rpartition(":")[2].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        stated = int(end) if end.isdigit() else 0
        if stated > limits.MAX_ROWS and self.book.archive.getinfo(part).file_size > \
                limits.MIN_BYTES_PER_ROW * limits.MAX_ROWS:
            raise limits.too_many_rows(self.path)
        self.expected = stated if stated <= limits.MAX_ROWS else 0

    def _row(self, element, number: int):
        texts: list[str] = []
        width, uncalculated, hidden_values = 0, [], []
        for cell in element:
            if cell.tag != _CELL:
                continue
            column, value, calculated = self._cell(cell, width)
            width = column
            if column > limits.MAX_COLUMNS:
                continue
            if not calculated:
                uncalculated.append(column)
            if value is None:
                continue
            if len(texts) < column:
                texts += [""] * (column - len(texts))
            texts[column - 1] = text = self.cell_text(value)
            if text and column in self.hidden_columns:
                hidden_values.append(column)
        texts, problems = limits.cell_problems(texts, width)
        problems += _row_problems(self._hidden(element) and any(texts),
                                  hidden_values, uncalculated)
        return self.make_row(number, texts, problems)

    def _hidden(self, row) -> bool:
        """Whether Excel shows the row: not when hidden, of zero height, or of no set height
        in a sheet whose rows are hidden by default."""
        if row.get("hidden") in _TRUE:
            return True
        height = row.get("ht")
        return _zero(height) or (self.rows_hidden and (not height or _zero(height)))

    def _cell(self, cell, previous: int) -> tuple[int, object, bool]:
        """``(column, value or None, calculated)`` of a ``<c>`` element."""
        reference = cell.get("r")
        column = self.column_of(reference.rstrip(_DIGITS)) if reference else previous + 1
        kind = cell.get("t", "n")
        if kind == "inlineStr":
            node = cell.find(_INLINE)
            return column, None if node is None else rich_text(node), True
        raw = cell.findtext(_VALUE)
        if raw is None or (raw == "" and kind not in ("str", "e")):
            # no value, or an empty one where a number, shared string, 真偽 or date belongs: a
            # formula was written without its result (openpyxl and other programs write <v/>)
            return column, None, cell.find(_FORMULA) is None
        if kind == "n":
            return column, self._number(raw, cell.get("s")), True
        if kind == "s":
            return column, self.book.shared_strings[int(raw)], True
        if kind == "b":
            return column, raw in _TRUE, True
        if kind == "d":
            return column, self.from_iso(raw), True
        return column, raw, True  # "str" (a formula's text) and "e" (#REF! …)

    def _number(self, raw: str, style: str | None):
        value = float(raw) if "." in raw or "E" in raw or "e" in raw else int(raw)
        style_id = int(style) if style else 0
        if style_id and style_id in self.book.date_formats:
            try:
                return self.from_excel(value, self.book.epoch,
                                       timedelta=style_id in self.book.timedelta_formats)
            except (OverflowError, ValueError):
                return "#VALUE!"
        return value


def _zero(size: str | None) -> bool:
    """Whether a row height or column width attribute is 0 (so Excel shows nothing there)."""
    try:
        return size is not None and float(size) == 0
    except ValueError:
        return False


def _row_problems(hidden_row: bool, hidden_values: list[int], uncalculated: list[int]
                  ) -> list[str]:
    problems = []
    if hidden_row:
        problems.append(_("The row is hidden in Excel. Show it (select the rows around it → "
                          "right-click → 再表示), check it, and import again."))
    if hidden_values:
        problems.append(_("Column {columns} is hidden in Excel but holds a value. Show the "
                          "column, check it, and import again.").format(
            columns="、".join(limits.column_letter(c - 1) for c in hidden_values)))
    if uncalculated:
        problems.append(_("Column {columns} holds a formula whose result was never calculated. "
                          "Open the file in Excel, save it, and import again.").format(
            columns="、".join(limits.column_letter(c - 1) for c in uncalculated)))
    return problems
