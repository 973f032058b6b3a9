"""Roster fixtures: the demo data file built once per module and copied per test, helpers that
write roster spreadsheets (no binary fixtures kept)."""

from __future__ import annotations

import csv
import io
import shutil

import openpyxl
import pytest


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    """Path of a closed data file holding the demo (built once per module)."""
    from kyodo_desktop.services.demo import build_demo
    from kyodo_desktop.store import open_store

    path = tmp_path_factory.mktemp("roster_demo") / "demo.sqlite3"
    with open_store(path) as store:
        build_demo(store)
    return path


@pytest.fixture
def demo(demo_file, tmp_path):
    """An open Store on a private copy of the demo."""
    from kyodo_desktop.store import open_store

    target = tmp_path / "demo.sqlite3"
    shutil.copy(demo_file, target)
    opened = open_store(target)
    yield opened
    opened.close()


@pytest.fixture
def yuda(demo):
    """The id of the demo's fully populated council (湯田)."""
    return demo.scalar("SELECT id FROM councils WHERE name = '湯田地域づくり協議会'")


@pytest.fixture
def council(store):
    """An empty council in an empty data file: its id."""
    from kyodo_desktop.services.council_profile import create_council

    council_id, _changes = create_council(store, "テスト地域づくり協議会")
    return council_id


@pytest.fixture
def write_xlsx(tmp_path):
    """``write_xlsx(rows, name=...)``: a workbook whose first sheet holds ``rows`` from A1."""

    def write(rows: list[list], name: str = "roster.xlsx"):
        workbook = openpyxl.Workbook()
        for row in rows:
            workbook.active.append(row)
        path = tmp_path / name
        workbook.save(path)
        return path

    return write


@pytest.fixture
def write_csv(tmp_path):
    """``write_csv(rows, encoding=..., name=...)``: a CSV file of ``rows`` (CRLF, as Excel)."""

    def write(rows: list[list], encoding: str = "utf-8", name: str = "roster.csv"):
        buffer = io.StringIO(newline="")
        csv.writer(buffer, lineterminator="\r\n").writerows(rows)
        path = tmp_path / name
        path.write_bytes(buffer.getvalue().encode(encoding))
        return path

    return write
