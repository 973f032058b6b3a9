"""The fast path of the safe .xlsx reader: a plain sheet's values read by calamine (Rust).

A sheet is *plain* when a streaming scan of its XML (:func:`scan_sheet`, after the zip-size
checks of :mod:`kyodo_desktop.io.sheet_limits`) finds nothing the row checks of
:mod:`kyodo_desktop.io.xlsx_reader` would have to look at cell by cell:

- no ``hidden``, ``zeroHeight``, zero ``ht`` or zero ``width`` anywhere (hidden rows and
  columns, zero-height rows, zero-width columns); merged ranges are read and what they cover is
  reported as the streaming reader reports it (:mod:`kyodo_desktop.io.xlsx_merged`);
- no error cell (``t="e"``: calamine reads ``#REF!`` as empty) and no ISO date cell (``t="d"``);
- every formula (``<f>``) directly followed by its cached value (``<v>`` with text: an empty
  ``<v/>`` is a formula written without its result, which the streaming reader reports);
- no DTD, entity or CDATA (``<!…``); namespaces declared only before ``<sheetData>`` and the
  main one never with a prefix (so rows, cells and formulas are the unprefixed elements counted);
- every ``<row>`` numbered (``<row r="…"``, as Excel writes it), in increasing order, at most
  :data:`~sheet_limits.MAX_ROWS`;
- every cell ``<c r="…"`` referring to columns A-Z (so calamine's dense grid stays small: at most
  MAX_ROWS × 26 cells).

Only then are the values taken from calamine; anything else (and any error calamine raises)
goes to the exact streaming reader, which reports each hidden row or uncalculated formula as a
row error or refuses the file. A sheet with more rows than MAX_ROWS is refused here already,
before any value is read. The rows are the same as the streaming reader gives
(tests/io/test_xlsx_engines.py compares both on the same workbooks).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import Path

from kyodo_desktop.io import sheet_limits as limits
from kyodo_desktop.io.safe_xml import check_prolog
from kyodo_desktop.io.sheet_limits import Progress
from kyodo_desktop.io.xlsx_merged import covered_values, parse_range

_CHUNK = 4 * 1024 * 1024
#: A row longer than this (bytes of XML) is not plain.
_MAX_CARRY = 8 * 1024 * 1024
_ROW_END = b"</row>"
_NOT_PLAIN = (b"hidden", b"zeroHeight", b't="e"', b't="d"')
#: ``<!``, and rows or cells without attributes (``<c>``, ``<c/``, ``<row>``, ``<row/``): one
#: pass over the block instead of five.
_NOT_PLAIN_TAGS = re.compile(rb"<(?:!|c[>/]|row[>/])")
_MAIN = b'"http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_DEFAULT_MAIN = b"xmlns=" + _MAIN
_SHEET_DATA = b"<sheetData"
_ZERO_SIZES = (re.compile(rb" ht=\"[0.]*\""), re.compile(rb" width=\"[0.]*\""))
_MERGED = re.compile(rb"<mergeCell ref=\"([A-Z0-9:]{1,24})\"")
_ROW_NUMBER = re.compile(rb"<row r=\"(\d{1,9})\"")
#: A cell whose first attribute is not a reference to columns A-Z (``<c r="A1"``): one pass
#: finds a cell without ``r`` first and a cell beyond column Z (``<c r="AA1"``).
_ODD_CELL = re.compile(rb"<c (?!r=\"[A-Z][0-9])")
_CACHED_FORMULA = re.compile(rb"<f(?:\s[^>]*)?(?:/>|>[^<]*</f>)\s*<v(?:\s[^>]*)?>[^<]")


def _tags(block: bytes, name: bytes) -> int:
    """How many elements ``name`` (unprefixed) ``block`` opens."""
    return sum(block.count(b"<" + name + end) for end in (b" ", b">", b"/"))


def _namespaces_plain(block: bytes, first: bool) -> bool:
    """Whether the rows and cells of ``block`` can only be unprefixed elements of the main
    namespace: namespaces declared only before ``<sheetData`` (in the first block), and the main
    namespace nowhere bound to a prefix."""
    start = block.find(_SHEET_DATA) if first else 0
    return start >= 0 and block.find(b"xmlns", start) < 0 and \
        block.count(_MAIN) == block.count(_DEFAULT_MAIN)


@dataclass
class Scan:
    """What :func:`scan_sheet` found: ``plain`` (see the module doc), ``rows`` the number of
    ``<row>`` elements, ``last_row`` the highest row number and ``merged`` the merged ranges
    (:func:`kyodo_desktop.io.xlsx_merged.parse_range`)."""

    plain: bool = True
    rows: int = 0
    last_row: int = 0
    merged: list = field(default_factory=list)


def scan_sheet(archive: zipfile.ZipFile, part: str, path: Path) -> Scan:
    """Stream the sheet ``part`` once (in chunks cut after a ``</row>``) and return its
    :class:`Scan`. Raises UserError (too many rows) as soon as the rows exceed MAX_ROWS."""
    scan = Scan()
    carry = b""
    with archive.open(part) as source:
        while True:
            chunk = source.read(_CHUNK)
            data = carry + chunk
            cut = len(data) if not chunk else data.rfind(_ROW_END) + len(_ROW_END)
            if cut < len(_ROW_END):
                cut = 0
            if cut:
                _scan_block(data[:cut], scan, path)
            carry = data[cut:]
            if len(carry) > _MAX_CARRY:
                scan.plain = False
                carry = carry[-len(_ROW_END):]
            if not chunk:
                return scan


def _scan_block(block: bytes, scan: Scan, path: Path) -> None:
    rows = block.count(b"<row ")
    numbers = [int(found) for found in _ROW_NUMBER.findall(block)]
    scan.rows += rows
    if scan.rows > limits.MAX_ROWS or (numbers and max(numbers) > limits.MAX_ROWS):
        raise limits.too_many_rows(path)
    if not scan.plain:
        return
    ordered = len(numbers) == rows and all(
        low < high for low, high in zip([scan.last_row, *numbers], numbers, strict=False))
    formulas = _tags(block, b"f") if b"<f" in block else 0
    scan.plain = (ordered and not any(marker in block for marker in _NOT_PLAIN)
                  and not _NOT_PLAIN_TAGS.search(block)
                  and _namespaces_plain(block, first=not scan.last_row)
                  and not any(size.search(block) for size in _ZERO_SIZES)
                  and not _ODD_CELL.search(block)
                  and (not formulas or formulas == len(_CACHED_FORMULA.findall(block))))
    if numbers:
        scan.last_row = numbers[-1]
    if b"<mergeCell " in block:
        found = [parse_range(ref.decode()) for ref in _MERGED.findall(block)]
        scan.merged += found
        scan.plain = scan.plain and all(found) and len(found) == block.count(b"<mergeCell ")


def strings_are_safe(archive: zipfile.ZipFile, part: str | None) -> bool:
    """Whether the shared-strings ``part`` (None: none) has no DTD or entity declaration."""
    if part is None:
        return True
    try:
        with archive.open(part) as source:
            check_prolog(source)
    except Exception:  # any refusal or malformed XML: the streaming reader says what it is
        return False
    return True


def read_values(path: Path, title: str, scan: Scan, progress: Progress | None, make_row,
                cell_text) -> list | None:
    """The rows of the plain sheet ``title`` as the streaming reader builds them
    (``make_row(number, cells, problems)``, missing rows blank, up to ``scan.last_row``; the
    problems are over-long cells), or None
    when calamine cannot read it (the caller then uses the streaming reader)."""
    try:
        import python_calamine

        book = python_calamine.CalamineWorkbook.from_path(str(path))
        values = book.get_sheet_by_name(title).to_python(skip_empty_area=False)
    except Exception:  # calamine's own errors: the streaming reader gives the user's message
        return None
    columns = [_column_texts(column, cell_text)
               for column in zip_longest(*values, fillvalue="")]
    long = any(max(map(len, texts), default=0) > limits.MAX_CELL_CHARS for texts in columns)
    rows = []
    grid = zip(*columns, strict=True) if columns else [()] * len(values)
    for number, cells in enumerate(grid, start=1):
        if long and max(map(len, cells), default=0) > limits.MAX_CELL_CHARS:
            rows.append(make_row(number, *limits.cell_problems(list(cells), len(cells))))
        else:
            rows.append(make_row(number, cells, []))
        if progress is not None and number % limits.PROGRESS_EVERY == 0:
            progress(number, scan.last_row)
    rows += [make_row(number, [], []) for number in range(len(rows) + 1, scan.last_row + 1)]
    return covered_values(rows, scan.merged, make_row)


def _column_texts(values: tuple, cell_text) -> list[str]:
    """The text of each cell of one column: text stripped, whole numbers as ``cell_text``
    writes them (「4700」), other values through ``cell_text``, each distinct value converted
    once (a column repeats its dates and amounts)."""
    if set(map(type, values)) <= {str}:
        return list(map(str.strip, values))
    known: dict[tuple, str] = {}
    texts = []
    for value in values:
        if value.__class__ is str:
            texts.append(value.strip())
            continue
        if value.__class__ is float and value.is_integer():  # 残高 and amounts: as cell_text
            texts.append(str(int(value)))
            continue
        key = (value.__class__, value)  # 1, 1.0 and True are equal keys otherwise
        text = known.get(key)
        if text is None:
            text = known[key] = cell_text(value)
        texts.append(text)
    return texts
