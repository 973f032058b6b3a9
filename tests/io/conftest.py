"""Helpers that write messy 出納簿 files in the test's tmp_path (no binary fixtures kept)."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest


@pytest.fixture
def write_xlsx(tmp_path):
    """``write_xlsx(rows, name=...)``: a workbook whose first sheet holds ``rows`` from A1
    (``[]`` is a blank row; dates stay Excel date cells); returns its path."""

    def write(rows: list[list], name: str = "book.xlsx"):
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        for row in rows:
            sheet.append(row)
        path = tmp_path / name
        workbook.save(path)
        return path

    return write


@pytest.fixture
def write_csv(tmp_path):
    """``write_csv(rows, encoding=..., name=...)``: a CSV file of ``rows``; returns its path."""

    def write(rows: list[list], encoding: str = "utf-8", name: str = "book.csv"):
        buffer = io.StringIO(newline="")
        csv.writer(buffer, lineterminator="\r\n").writerows(rows)
        path = tmp_path / name
        path.write_bytes(buffer.getvalue().encode(encoding))
        return path

    return write
