"""The fast path of the .xlsx reader (calamine, for plain sheets) gives exactly the rows of the
exact streaming reader, and every sheet with something to report (hidden rows, formulas without a
cached value, namespaces, wide rows) goes to the streaming reader."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import openpyxl
import pytest

from kyodo_desktop.io import xlsx_plain, xlsx_reader
from kyodo_desktop.io.tabular import read_table

SHEET = "xl/worksheets/sheet1.xml"


def _book(tmp_path, fill, *, name="book.xlsx", epoch_1904=False, edit_xml=None):
    workbook = openpyxl.Workbook()
    if epoch_1904:
        workbook.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    fill(workbook.active)
    buffer = io.BytesIO()
    workbook.save(buffer)
    data = buffer.getvalue()
    if edit_xml is not None:
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
            for item in source.namelist():
                content = source.read(item)
                target.writestr(item, edit_xml(content.decode()).encode() if item == SHEET
                                else content)
        data = out.getvalue()
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _values(sheet):
    sheet["C3"] = "令和5年度 出納簿"
    sheet["B5"] = dt.date(2023, 4, 1)
    sheet["C5"] = dt.datetime(2023, 4, 2, 10, 30)
    sheet["D5"] = dt.time(9, 15)
    sheet["E5"] = 1234.0
    sheet["F5"] = 12.5
    sheet["G5"] = True
    sheet["H5"] = "  摘要　"
    sheet["I5"] = -3000
    sheet["B9"] = "会費"
    sheet["Z9"] = 0.1
    sheet["B10"] = 12345678901234


def _mixed(sheet):
    """A column holding values Python finds equal (True, 1, 1.0) and repeated dates, as the
    fast path converts each distinct value of a column once."""
    values = [True, 1, 1.0, False, 0, 0.0, "1", " 1 ", dt.date(2023, 4, 1),
              dt.datetime(2023, 4, 1), dt.datetime(2023, 4, 1, 9, 30), 2.5, -0.0, None]
    for index in range(60):
        sheet.cell(row=index + 1, column=2, value=values[index % len(values)])
        sheet.cell(row=index + 1, column=4, value=dt.date(2023, 4, 1 + index % 3))


def _cached_formulas(xml: str) -> str:
    xml = xml.replace('<c r="E5"', '<c r="E5"><f>1000+234</f><v>1234</v></c><c r="X5"', 1)
    return xml.replace('<c r="H5" t="s">', '<c r="H5" t="str"><f>"摘"&amp;"要"</f>'
                       '<v>摘要</v></c><c r="Y5" t="s">', 1)


def _errors(xml: str) -> str:
    return xml.replace('<c r="F5"', '<c r="F5" t="e"><v>#REF!</v></c><c r="W5"', 1)


def _rows(path, fast: bool, monkeypatch):
    with monkeypatch.context() as patch:
        if not fast:
            patch.setattr(xlsx_reader, "_plain_rows", lambda *args: None)
        return [(row.number, row.cells, row.problems) for row in read_table(path).rows]


@pytest.mark.parametrize("case", ["values", "1904", "cached_formulas", "mixed"])
def test_plain_sheets_read_the_same_by_both_engines(tmp_path, monkeypatch, case):
    path = _book(tmp_path, _mixed if case == "mixed" else _values, epoch_1904=case == "1904",
                 edit_xml={"cached_formulas": _cached_formulas}.get(case))
    taken = []
    real = xlsx_plain.read_values
    monkeypatch.setattr(xlsx_plain, "read_values", lambda *args: taken.append(1) or real(*args))
    fast = _rows(path, True, monkeypatch)
    assert taken, "the plain sheet was not read by the fast path"
    assert fast == _rows(path, False, monkeypatch)
    rows = {number: cells for number, cells, _problems in fast}
    if case == "mixed":
        assert [rows[n][1] for n in range(1, 14)] == [
            "TRUE", "1", "1", "FALSE", "0", "0", "1", "1", "2023-04-01", "2023-04-01",
            "2023-04-01 09:30:00", "2.5", "0"]
        assert rows[14] == ("", "", "", "2023-04-02") and rows[60][3] == "2023-04-03"
        return
    assert rows[3] == ("", "", "令和5年度 出納簿") and rows[4] == ()
    assert rows[5][1:5] == ("2023-04-01", "2023-04-02 10:30:00", "09:15:00", "1234")
    assert rows[9][-1] == "0.1" and rows[10] == ("", "12345678901234")


def _hidden_row(sheet):
    _values(sheet)
    sheet.row_dimensions[9].hidden = True


def _zero_height(xml: str) -> str:
    return xml.replace('<row r="9"', '<row r="9" ht="0" customHeight="1"', 1)


def _prefixed(xml: str) -> str:
    return xml.replace("<worksheet xmlns=", "<x:worksheet xmlns:x=", 1).replace(
        "</worksheet>", "</x:worksheet>").replace("<sheetData>", "<x:sheetData>").replace(
        "</sheetData>", "</x:sheetData>").replace("<row ", "<x:row ").replace(
        "</row>", "</x:row>").replace("<c ", "<x:c ").replace("</c>", "</x:c>").replace(
        "<v>", "<x:v>").replace("</v>", "</x:v>")


@pytest.mark.parametrize("name, fill, edit", [
    ("hidden_row", _hidden_row, None),
    ("zero_height", _values, _zero_height),
    ("uncalculated", _values, lambda xml: xml.replace(
        '<c r="E5"', '<c r="E5"><f>SUM(A1:A2)</f></c><c r="X5"', 1)),
    ("prefixed", _values, _prefixed),
    ("error_cell", _values, _errors),
    ("iso_date_cell", _values, lambda xml: xml.replace(
        '<c r="F5"', '<c r="F5" t="d"><v>2023-04-03T00:00:00</v></c><c r="W5"', 1)),
    ("wide", lambda sheet: (_values(sheet), sheet.cell(9, 30, "x")), None),
    ("unnumbered_row", _values, lambda xml: xml.replace('<row r="10">', "<row>", 1)),
    ("empty_unnumbered_row", _values, lambda xml: xml.replace("</row>", "</row><row/>", 1)),
    ("cell_without_reference", _values, lambda xml: xml.replace(
        '<c r="E5"', '<c><v>7</v></c><c r="E5"', 1)),
    ("empty_cell_without_reference", _values, lambda xml: xml.replace(
        '<c r="E5"', '<c/><c r="E5"', 1)),
    ("reference_not_first", _values, lambda xml: xml.replace('<c r="E5"', '<c s="0" r="E5"', 1)),
    ("lowercase_reference", _values, lambda xml: xml.replace('<c r="E5"', '<c r="e5"', 1)),
    ("comment", _values, lambda xml: xml.replace("</row>", "</row><!-- note -->", 1)),
])
def test_sheets_with_something_to_check_take_the_streaming_reader(tmp_path, monkeypatch, name,
                                                                  fill, edit):
    path = _book(tmp_path, fill, edit_xml=edit)
    with zipfile.ZipFile(path) as archive:
        assert not xlsx_plain.scan_sheet(archive, SHEET, path).plain
    rows = _rows(path, True, monkeypatch)
    assert rows == _rows(path, False, monkeypatch)
    if name == "error_cell":
        assert rows[4][1][5] == "#REF!"


def test_a_zero_height_row_is_reported_like_a_hidden_one(tmp_path):
    path = _book(tmp_path, _values, edit_xml=_zero_height)
    rows = {row.number: row for row in read_table(path).rows}
    assert "非表示" in "".join(rows[9].problems)
    assert not rows[10].problems
