"""What a user cannot see in Excel is never imported silently, however it is hidden: a row of
zero height, rows hidden by the sheet's default (``zeroHeight``), a column of zero width, and a
value under merged cells (Excel shows only the top-left cell of a merged range). Each is a row
error of the import, by the fast reader and by the streaming one alike."""

from __future__ import annotations

import pytest

from kyodo_desktop.io import xlsx_reader
from kyodo_desktop.io.cash_book_import import preview_cash_book


def _edit_sheet(hostile_sheets, data: bytes, change) -> bytes:
    xml = hostile_sheets.sheet_xml(data)
    changed = change(xml)
    assert changed != xml
    return hostile_sheets.replace_parts(data, {hostile_sheets.SHEET: changed.encode()})


def _zero_height(xml: str) -> str:
    return xml.replace('<row r="3">', '<row r="3" ht="0" customHeight="1">', 1)


def _hidden_by_default(xml: str) -> str:
    xml = xml.replace("<sheetFormatPr ", '<sheetFormatPr zeroHeight="1" ', 1)
    for number in (1, 2):  # the header and the good row keep a height of their own
        xml = xml.replace(f'<row r="{number}">', f'<row r="{number}" ht="15" customHeight="1">')
    return xml


def _value_in_j3(sheet) -> None:
    sheet["J3"] = "見えない"


def _zero_width(xml: str) -> str:
    return xml.replace("<sheetData>", '<cols><col min="10" max="10" width="0" customWidth="1"/>'
                       "</cols><sheetData>", 1)


def _merged(sheet) -> None:
    sheet.merge_cells("C3:D3")  # 費目 merged over 収入


@pytest.fixture
def files(hostile_sheets, tmp_path):
    good = hostile_sheets.workbook_bytes
    bad = hostile_sheets.GOOD_ROWS[1]
    rows = [hostile_sheets.HEADER, hostile_sheets.GOOD_ROWS[0], bad]
    made = {
        "zero_height": _edit_sheet(hostile_sheets, good(rows), _zero_height),
        "hidden_by_default": _edit_sheet(hostile_sheets, good(rows), _hidden_by_default),
        "zero_width": _edit_sheet(hostile_sheets, good(rows, edit=_value_in_j3), _zero_width),
        "merged": _with_merged_value(hostile_sheets, good(rows, edit=_merged)),
    }
    paths = {}
    for name, data in made.items():
        paths[name] = tmp_path / f"{name}.xlsx"
        paths[name].write_bytes(data)
    return paths


def _with_merged_value(hostile_sheets, data: bytes) -> bytes:
    """openpyxl empties merged-away cells when saving: put a 50,000 円 back into D3, under the
    merge, as a file from other hands may hold it."""
    xml = hostile_sheets.sheet_xml(data)
    assert "<mergeCell" in xml
    for existing in ('<c r="D3"/>', '<c r="D3" s="0"/>'):
        xml = xml.replace(existing, "")
    start = xml.index('<c r="C3"')
    end = xml.index("</c>", start) + len("</c>")
    return hostile_sheets.replace_parts(data, {hostile_sheets.SHEET: (
        xml[:end] + '<c r="D3"><v>50000</v></c>' + xml[end:]).encode()})


PROBLEMS = {
    "zero_height": "この行は Excel で非表示になっています",
    "hidden_by_default": "この行は Excel で非表示になっています",
    "zero_width": "J 列は Excel で非表示ですが、値が入っています",
    "merged": "D 列は Excel で結合されたセルに隠れていて",
}


@pytest.mark.parametrize("streaming", [False, True])
@pytest.mark.parametrize("name", sorted(PROBLEMS))
def test_a_value_excel_does_not_show_is_a_row_error(files, monkeypatch, name, streaming):
    if streaming:
        monkeypatch.setattr(xlsx_reader, "_plain_rows", lambda *args: None)
    preview = preview_cash_book(files[name], fiscal_year=2026, fund_code="own_funds")
    assert [row.row_number for row in preview.bad_rows] == [3], name
    assert PROBLEMS[name] in "\n".join(preview.bad_rows[0].errors)
    assert len(preview.entries) == 1  # only the row a user can see
