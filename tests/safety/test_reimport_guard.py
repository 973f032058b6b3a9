"""The same file imported twice would double every entry: an import records the file's SHA-256,
and the same file, or a 出納簿 whose rows are for ≥ 90 % already in the year, is refused unless
the user confirms (``--allow-duplicate``; a question in the GUI)."""

from __future__ import annotations

import pytest

from kyodo_desktop.cli import main
from kyodo_desktop.errors import UserError
from kyodo_desktop.io import roster_import_apply
from kyodo_desktop.services.council.profile import create_council
from kyodo_desktop.services.imports.history import DuplicateImport
from kyodo_desktop.store import open_store

HEADER = ["日付", "摘要", "費目", "収入", "支出"]
ROWS = [[f"R8.4.{day}", f"用紙 {day}", "消耗品費", "", str(100 * day)] for day in range(1, 21)]


@pytest.fixture
def data_file(db_path):
    with open_store(db_path) as store:
        create_council(store, "湯田地域づくり協議会")
    return db_path


def _import(db, path, *extra) -> int:
    return main(["import", "cash-book", str(path), "--db", str(db), "--council", "湯田",
                 "--fiscal-year", "2026", "--fund", "自主財源", *extra])


def _count(db) -> int:
    with open_store(db) as store:
        return store.scalar("SELECT count(*) FROM cash_book_entries")


def test_the_same_file_twice_is_refused_unless_allowed(data_file, write_csv, capsys):
    path = write_csv([HEADER, *ROWS])
    assert _import(data_file, path) == 0 and _count(data_file) == 20
    capsys.readouterr()
    assert _import(data_file, path) == 2
    err = capsys.readouterr().err
    assert err.startswith("エラー:") and "このファイルは" in err and "--allow-duplicate" in err
    assert _import(data_file, path, "--dry-run") == 2  # the check says so too
    assert _count(data_file) == 20
    assert _import(data_file, path, "--allow-duplicate") == 0 and _count(data_file) == 40
    with open_store(data_file) as store:
        assert store.query("SELECT kind, fiscal_year, file_name, rows_imported, "
                           "length(sha256) AS digest FROM imported_files") == [
            {"kind": "cash-book", "fiscal_year": 2026, "file_name": "book.csv",
             "rows_imported": 20, "digest": 64}] * 2


def test_a_file_with_nine_tenths_of_its_rows_stored_is_refused(data_file, write_csv, capsys,
                                                              tmp_path):
    assert _import(data_file, write_csv([HEADER, *ROWS], name="first.csv")) == 0
    capsys.readouterr()
    changed = [HEADER, *ROWS[:18], ["R8.5.1", "切手", "通信運搬費", "", "840"],
               ["R8.5.2", "封筒", "消耗品費", "", "330"]]  # 18 of 20 rows (90 %) stored already
    assert _import(data_file, write_csv(changed, name="second.csv")) == 2
    assert "90%" in capsys.readouterr().err and _count(data_file) == 20
    fewer = [HEADER, *ROWS[:17], *changed[-2:], ["R8.5.3", "糊", "消耗品費", "", "120"]]
    assert _import(data_file, write_csv(fewer, name="third.csv")) == 0  # 85 %: new rows


def test_a_roster_file_imported_twice_is_refused(data_file, write_csv):
    path = write_csv([["氏名", "ふりがな"], ["山田太郎", "やまだたろう"]])
    with open_store(data_file) as store:
        council_id = store.scalar("SELECT id FROM councils")
        roster_import_apply.run_import(store, council_id, 2026, path, kind="people")
        with pytest.raises(DuplicateImport) as caught:
            roster_import_apply.run_import(store, council_id, 2026, path, kind="people",
                                           dry_run=True)
        assert isinstance(caught.value, UserError)
        assert store.scalar("SELECT count(*) FROM people") == 1
