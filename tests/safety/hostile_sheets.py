"""Hostile spreadsheets, made on the fly (no binary fixtures kept): zip bombs, malformed
workbooks, hidden rows and sheets, formulas without a cached value, huge rows and cells,
control characters, digits that are not 0-9, bad encodings. Used by the safety tests and by
``bench/import_limits.py``.

Every data row uses one header that the 出納簿 import and both roster imports understand
(:data:`HEADER`), so each file is refused on every import path for the reason it was made for.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import openpyxl

HEADER = ["日付", "摘要", "費目", "収入", "支出", "団体名", "氏名", "世帯数", "加入世帯数"]
GOOD = ["R8.4.1", "会費", "会費", "3,000", "", "新町自治会", "山田太郎", "40", "30"]
#: Rows that are fine on their own (a hostile file adds one bad row among them).
GOOD_ROWS = [GOOD, ["R8.4.2", "用紙", "消耗品費", "", "1,100", "旧町自治会", "山田花子", "20",
                    "10"]]
SHEET = "xl/worksheets/sheet1.xml"


def workbook_bytes(rows: list[list], *, edit: Callable | None = None) -> bytes:
    """An .xlsx of ``rows`` from A1; ``edit(sheet)`` may change the sheet before saving."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "人"  # also the sheet the people import looks for
    for row in rows:
        sheet.append(row)
    if edit is not None:
        edit(sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def replace_parts(data: bytes, parts: dict[str, bytes | None]) -> bytes:
    """The zip ``data`` with ``parts`` replaced (None: removed)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            if name in parts:
                continue
            target.writestr(name, source.read(name))
        for name, content in parts.items():
            if content is not None:
                target.writestr(name, content)
    return out.getvalue()


def sheet_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(SHEET).decode()


def write_zip_bomb(path: Path, unpacked_mb: int = 1500) -> Path:
    """A valid .xlsx (about 1.5 MB) whose sheet unpacks to ``unpacked_mb`` MB of blanks inside
    ``<sheetData>``: each 1 MB block is deflated once and repeated (full flushes reset the
    compressor, so every block's bytes are the same)."""
    base = workbook_bytes([HEADER, GOOD])
    head = sheet_xml(base).split("<sheetData>")[0].encode() + b"<sheetData>"
    tail = b"</sheetData></worksheet>"
    block = b" " * (1024 * 1024)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeated = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    assert repeated == again
    last = compressor.compress(tail) + compressor.flush()
    crc = zlib.crc32(head)
    for _ in range(unpacked_mb):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(tail, crc)
    size = len(head) + len(block) * unpacked_mb + len(tail)
    raw = first + repeated * unpacked_mb + last
    members = [(name, _deflated(content)) for name, content in _parts(base) if name != SHEET]
    members.append((SHEET, (raw, crc, size)))
    _write_raw_zip(path, members)
    return path


def _parts(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(name, archive.read(name)) for name in archive.namelist()]


def _deflated(content: bytes) -> tuple[bytes, int, int]:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(content) + compressor.flush(), zlib.crc32(content), len(content)


def _write_raw_zip(path: Path, members: list[tuple[str, tuple[bytes, int, int]]]) -> None:
    """A zip of already-deflated members ``(name, (raw deflate, crc, unpacked size))``."""
    central, offset = [], 0
    with path.open("wb") as stream:
        for name, (raw, crc, size) in members:
            encoded = name.encode()
            header = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(raw),
                                 size, len(encoded), 0)
            stream.write(header + encoded + raw)
            central.append(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc,
                                       len(raw), size, len(encoded), 0, 0, 0, 0, 0, offset)
                           + encoded)
            offset += len(header) + len(encoded) + len(raw)
        directory = b"".join(central)
        stream.write(directory)
        stream.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members),
                                 len(directory), offset, 0))


def _hide_row(sheet) -> None:
    sheet.row_dimensions[3].hidden = True


def _hide_column(sheet) -> None:
    sheet.column_dimensions["J"].hidden = True
    sheet["J3"] = "隠し"


def _hide_sheet(sheet) -> None:
    sheet.sheet_state = "hidden"
    sheet.parent.create_sheet("表")


def _uncalculated(data: bytes) -> bytes:
    xml = sheet_xml(data).replace('<c r="B3" t="inlineStr"><is><t>用紙</t></is></c>',
                                  '<c r="B3"><f>CONCATENATE("用","紙")</f></c>')
    assert "<f>" in xml
    return replace_parts(data, {SHEET: xml.encode()})


LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                    for i in range(1, 10))
          + ']>')


def _laughs(data: bytes, part: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read(part).decode()
    body = xml.split("?>", 1)[1] if xml.startswith("<?xml") else xml
    return replace_parts(data, {part: (LAUGHS + body.replace("用紙", "&lol9;")).encode()})


def _xxe(data: bytes) -> bytes:
    xml = sheet_xml(data).split("?>", 1)[-1].replace("用紙", "&x;")
    return replace_parts(data, {SHEET: (
        '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        + xml).encode()})


def _workbook_with(bad_row: list, edit=None) -> bytes:
    return workbook_bytes([HEADER, GOOD_ROWS[0], bad_row], edit=edit)


def _csv(rows: list[list], encoding: str = "utf-8") -> bytes:
    import csv

    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


def _row(**changes) -> list:
    row = list(GOOD_ROWS[1])
    for index, value in changes.items():
        row[int(index[1:])] = value
    return row


def _huge_file(path: Path) -> None:
    from kyodo_desktop.io.sheet_limits import MAX_FILE_BYTES

    with path.open("wb") as stream:
        stream.write(_csv([HEADER, GOOD]))
        stream.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk space used


def _many_rows() -> bytes:
    from kyodo_desktop.io.sheet_limits import MAX_ROWS

    line = ",".join(GOOD).encode() + b"\r\n"
    return ",".join(HEADER).encode() + b"\r\n" + line * MAX_ROWS


def _far_row(sheet) -> None:
    sheet["A1000000"] = "R8.4.3"


def _encrypted_part(data: bytes) -> bytes:
    out = bytearray(data)
    central = out.rfind(b"PK\x01\x02")
    out[central + 8] |= 0x01  # the "encrypted" flag of the last part in the directory
    return bytes(out)


def _huge_xlsx_cell(data: bytes) -> bytes:
    """openpyxl cuts text at 32,767 characters when writing, so the long cell is put in the
    sheet's XML directly."""
    xml = sheet_xml(data)
    assert "<t>長い</t>" in xml
    return replace_parts(data, {SHEET: xml.replace("<t>長い</t>",
                                                   "<t>" + "あ" * 131_073 + "</t>").encode()})


def _no_sheet(data: bytes) -> bytes:
    return replace_parts(data, {SHEET: None})


def hostile_files(folder: Path) -> dict[str, Path]:
    """Write the corpus into ``folder``; return ``{name: path}`` (≥ 25 files)."""
    folder.mkdir(parents=True, exist_ok=True)
    good = workbook_bytes([HEADER, *GOOD_ROWS])
    made: dict[str, bytes | Callable[[Path], object]] = {
        "zip_bomb.xlsx": lambda path: write_zip_bomb(path),
        "not_a_zip.xlsx": b"this is not an Excel file\n" * 10,
        "truncated.xlsx": good[: len(good) // 2],
        "bad_sheet_xml.xlsx": replace_parts(good, {SHEET: b"<worksheet><sheetData><row><c"}),
        "no_sheet_part.xlsx": _no_sheet(good),
        "no_sheets_listed.xlsx": replace_parts(good, {"xl/workbook.xml": (
            b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b"<sheets/></workbook>")}),
        "bad_styles.xlsx": replace_parts(good, {"xl/styles.xml": b"<styleSheet><cellXfs"}),
        "odd_styles.xlsx": replace_parts(good, {"xl/styles.xml": (
            b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b'<numFmts count="1"><numFmt numFmtId="x" formatCode="0"/></numFmts>'
            b"</styleSheet>")}),
        "billion_laughs_sheet.xlsx": _laughs(good, SHEET),
        "billion_laughs_workbook.xlsx": _laughs(good, "xl/workbook.xml"),
        "external_entity.xlsx": _xxe(good),
        "encrypted_part.xlsx": _encrypted_part(good),
        "hidden_row.xlsx": _workbook_with(_row(c3="50,000"), _hide_row),
        "hidden_column.xlsx": _workbook_with(_row(), _hide_column),
        "hidden_sheet.xlsx": _workbook_with(_row(), _hide_sheet),
        "formula_without_value.xlsx": _uncalculated(good),
        "huge_cell.xlsx": _huge_xlsx_cell(_workbook_with(_row(c1="長い"))),
        "far_row.xlsx": workbook_bytes([HEADER, *GOOD_ROWS], edit=_far_row),
        "superscript_digits.xlsx": _workbook_with(_row(c4="1,1²0", c7="2²")),
        "huge_cell.csv": _csv([HEADER, GOOD, _row(c1="あ" * 131_073)]),
        "wide_row.csv": _csv([HEADER, GOOD, _row() + ["x"] * 300]),
        "many_rows.csv": _many_rows(),
        "huge_file.csv": _huge_file,
        "arabic_digits.csv": _csv([HEADER, GOOD, _row(c4="١,١٠٠", c7="٢٠", c8="١٠")]),
        "control_chars.csv": _csv([HEADER, GOOD, _row(c2="\x1b\x07", c5="\x07", c6="\x00")]),
        "zero_width_names.csv": _csv([HEADER, GOOD, _row(c2="\u200b", c5="\u200b\u200d",
                                                          c6="\ufeff")]),
        "utf16.csv": _csv([HEADER, GOOD], encoding="utf-16"),
        "broken_cp932.csv": _csv([HEADER, GOOD], encoding="cp932")[:-3] + b"\x81\x00\xff\r\n",
        "nul_only.csv": b"\x00" * 4096,
        "spreadsheet.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512,
    }
    paths = {}
    for name, content in made.items():
        path = folder / name
        if callable(content):
            content(path)
        else:
            path.write_bytes(content)
        paths[name] = path
    return paths
