"""Every hostile spreadsheet of the corpus (tests/safety/hostile_sheets.py: bombs, malformed
workbooks and CSV, hidden rows and sheets, formulas without a value, huge rows and cells, control
characters, digits that are not 0-9, bad encodings) is refused on every import path — the
services and the CLI, for the 出納簿, 構成団体 and 人 — with a Japanese message (CLI: 「エラー:」
and exit code 2, never a traceback), and no table of the data file changes."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date

import pytest

from kyodo_desktop.cli import main
from kyodo_desktop.domain.accounting import CashBookEntryInput
from kyodo_desktop.errors import UserError
from kyodo_desktop.io import cash_book_kinds, roster_import_apply
from kyodo_desktop.services.accounting.cash_book import record_entries
from kyodo_desktop.services.council.profile import create_council
from kyodo_desktop.store import open_store

KINDS = ("cash-book", "organizations", "people")
#: The corpus as hostile_sheets.hostile_files() writes it (checked against it below).
NAMES = (
    "zip_bomb.xlsx", "not_a_zip.xlsx", "truncated.xlsx", "bad_sheet_xml.xlsx",
    "no_sheet_part.xlsx", "no_sheets_listed.xlsx", "bad_styles.xlsx", "odd_styles.xlsx",
    "billion_laughs_sheet.xlsx", "billion_laughs_workbook.xlsx", "external_entity.xlsx",
    "encrypted_part.xlsx", "hidden_row.xlsx", "hidden_column.xlsx", "hidden_sheet.xlsx",
    "formula_without_value.xlsx", "huge_cell.xlsx", "far_row.xlsx", "superscript_digits.xlsx",
    "huge_cell.csv", "wide_row.csv", "many_rows.csv", "huge_file.csv", "arabic_digits.csv",
    "control_chars.csv", "zero_width_names.csv", "utf16.csv", "broken_cp932.csv",
    "nul_only.csv", "spreadsheet.xls")


@pytest.fixture
def data_file(db_path):
    """A data file with one council that already holds an entry and a person."""
    with open_store(db_path) as store:
        council_id, _changes = create_council(store, "湯田地域づくり協議会")
        record_entries(store, council_id, 2026, [CashBookEntryInput(
            date(2026, 4, 1), "own_funds", "income", "membership_fees", "会費", 3000)])
        from kyodo_desktop.services.roster import people
        people.create_person(store, council_id, {"name": "山田太郎"})
    return db_path, council_id


def digests(path) -> dict[str, str]:
    """SHA-256 of every table's rows (sorted), by table name."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {table: hashlib.sha256(repr(sorted(
            map(repr, connection.execute(f'SELECT * FROM "{table}"')))).encode()).hexdigest()
            for table in tables}
    finally:
        connection.close()


def test_the_corpus_has_every_kind_of_hostile_file(hostile_corpus):
    assert tuple(hostile_corpus) == NAMES and len(NAMES) >= 20


def _service_import(store, council_id, kind, path):
    if kind == "cash-book":
        return cash_book_kinds.run_import(store, council_id, 2026, path, dry_run=False,
                                          skip_bad_rows=False, options={"fund": "自主財源"})
    return roster_import_apply.run_import(store, council_id, 2026, path, kind=kind)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", NAMES)
def test_service_refuses_and_changes_nothing(data_file, hostile_corpus, kind, name):
    path, council_id = data_file
    before = digests(path)
    with open_store(path) as store, pytest.raises(UserError) as caught:
        _service_import(store, council_id, kind, hostile_corpus[name])
    assert not caught.value.message.isascii()  # a Japanese message
    assert digests(path) == before


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", NAMES)
def test_cli_refuses_with_exit_2_and_changes_nothing(data_file, hostile_corpus, capsys, kind,
                                                     name):
    path, _council_id = data_file
    before = digests(path)
    code = main(["import", kind, str(hostile_corpus[name]), "--db", str(path), "--council",
                 "湯田", "--fiscal-year", "2026", "--fund", "自主財源"])
    out, err = capsys.readouterr()
    assert code == 2, out + err
    assert err.startswith("エラー:") and "Traceback" not in out + err
    assert digests(path) == before
