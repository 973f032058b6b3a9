"""Reading spreadsheets: encodings of CSV files, Excel row numbers and cell values, and the
errors a user gets for files that cannot be read."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from kyodo_desktop.errors import UserError
from kyodo_desktop.io.tabular import cell_text, decode_csv_bytes, read_table

CSV_TEXT = "令和5年度 出納簿\n\n日付,摘要,金額\nR5.4.1,\"会費, 4月分\",\"1,000\"\n"


@pytest.mark.parametrize(("encoding", "expected"), [
    ("utf-8", "utf-8-sig"),
    ("utf-8-sig", "utf-8-sig"),
    ("cp932", "cp932"),
])
def test_csv_encodings_are_detected(tmp_path, encoding, expected):
    path = tmp_path / "book.csv"
    path.write_bytes(CSV_TEXT.encode(encoding))
    table = read_table(path)
    assert table.encoding == expected
    assert [(row.number, row.cells) for row in table.rows] == [
        (1, ("令和5年度 出納簿",)),
        (2, ()),
        (3, ("日付", "摘要", "金額")),
        (4, ("R5.4.1", "会費, 4月分", "1,000")),
    ]
    assert table.rows[0].cells[0].startswith("令")  # no BOM left in the first cell


def test_csv_record_numbers_count_quoted_line_breaks_as_one_row(tmp_path):
    path = tmp_path / "book.csv"
    path.write_text('日付,摘要\nR5.4.1,"二行に\nわたる摘要"\nR5.4.2,次\n', encoding="utf-8")
    rows = read_table(path).rows
    assert [(row.number, row.cell(1)) for row in rows] == [
        (1, "摘要"), (2, "二行に\nわたる摘要"), (3, "次")]


def test_tsv_is_split_on_tabs(tmp_path):
    path = tmp_path / "book.tsv"
    path.write_text("日付\t金額\nR5.4.1\t1,000\n", encoding="utf-8")
    assert read_table(path).rows[1].cells == ("R5.4.1", "1,000")


def test_undecodable_csv_is_a_user_error():
    with pytest.raises(UserError) as caught:
        decode_csv_bytes(b"\x81\xff\xfe", name="book.csv")
    assert "CSV UTF-8" in caught.value.message and "book.csv" in caught.value.message


def test_xlsx_keeps_excel_row_numbers_and_converts_cells(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["A1"] = "令和5年度 出納簿"
    sheet["A4"] = dt.date(2023, 4, 1)
    sheet["B4"] = 1234.0
    sheet["C4"] = "  摘要　"
    sheet["E4"] = 12.5
    sheet["A6"] = dt.datetime(2023, 4, 2, 10, 30)
    path = tmp_path / "book.xlsx"
    workbook.save(path)
    rows = {row.number: row for row in read_table(path).rows}
    assert rows[1].cells == ("令和5年度 出納簿",)
    assert rows[4].cells == ("2023-04-01", "1234", "摘要", "", "12.5")
    assert rows[6].cells == ("2023-04-02 10:30:00",)
    assert rows[2].is_blank and not rows[4].is_blank
    assert rows[4].cell(10) == "" and rows[4].cell(None) == ""


def test_xlsx_named_sheet_and_missing_sheet(tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.title = "表紙"
    workbook.create_sheet("出納簿")["A1"] = "日付"
    path = tmp_path / "book.xlsx"
    workbook.save(path)
    table = read_table(path, sheet="出納簿")
    assert table.sheet == "出納簿" and table.rows[0].cells == ("日付",)
    with pytest.raises(UserError) as caught:
        read_table(path, sheet="収支")
    assert "収支" in caught.value.message and "表紙、出納簿" in caught.value.message


def test_damaged_xlsx_is_a_user_error(tmp_path):
    path = tmp_path / "book.xlsx"
    path.write_bytes(b"not a zip at all")
    with pytest.raises(UserError) as caught:
        read_table(path)
    assert "book.xlsx" in caught.value.message and "パスワード" in caught.value.message


def test_other_kinds_of_files_are_refused(tmp_path):
    path = tmp_path / "book.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(UserError) as caught:
        read_table(path)
    assert ".xlsx" in caught.value.message
    with pytest.raises(UserError) as missing:
        read_table(tmp_path / "none.csv")
    assert "none.csv" in missing.value.message


@pytest.mark.parametrize(("value", "text"), [
    (None, ""), (3, "3"), (3.0, "3"), (-2.5, "-2.5"), (True, "TRUE"),
    (dt.date(2024, 3, 31), "2024-03-31"), (dt.datetime(2024, 3, 31), "2024-03-31"),
    (dt.time(9, 5), "09:05:00"), ("\u3000費目 ", "費目"),
])
def test_cell_text(value, text):
    assert cell_text(value) == text


def test_an_empty_cached_value_is_uncalculated_unless_the_formula_gives_text(tmp_path):
    """``<f>…</f><v/>`` (a formula saved without its result) is a row problem; a text formula
    whose result is empty (``t="str"``, 「=IF(A1="","",A1)」) reads as an empty cell."""
    import zipfile

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["A1"], sheet["B1"] = "=1+1", "x"
    sheet["A2"], sheet["B2"] = "=IF(B1=\"\",\"\",\"\")", "y"
    saved = tmp_path / "saved.xlsx"
    workbook.save(saved)
    path = tmp_path / "book.xlsx"
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                assert text.count("<v />") == 2  # openpyxl writes no result
                head, tail = text.split('<c r="A2"', 1)
                data = (head + '<c r="A2" t="str"' + tail.replace("<v />", "<v></v>", 1)).encode()
            target.writestr(item, data)
    rows = {row.number: row for row in read_table(path).rows}
    assert rows[1].problems and "A 列の数式は計算結果が保存されていません" in rows[1].problems[0]
    assert rows[2].problems == () or not rows[2].problems
    assert rows[2].cells == ("", "y")
