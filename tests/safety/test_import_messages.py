"""The import command says the same thing the same way for every kind: a check (--dry-run) of a
roster with bad rows ends with 「エラー:」 and exit code 2 like the 出納簿's, and ``import --help``
names every kind that can be imported."""

from __future__ import annotations

import pytest

from kyodo_desktop.cli import main
from kyodo_desktop.io.registry import import_kinds
from kyodo_desktop.services.council.profile import create_council
from kyodo_desktop.store import open_store


@pytest.fixture
def council_db(db_path):
    with open_store(db_path) as store:
        create_council(store, "湯田地域づくり協議会")
    return db_path


@pytest.mark.parametrize("kind, header", [("organizations", "自治会名"), ("people", "氏名")])
def test_roster_dry_run_with_bad_rows_exits_2(council_db, write_csv, capsys, kind, header):
    bad = write_csv([[header, "ふりがな", "世帯数", "加入世帯数", "電話番号"],
                     ["新町", "しんまち", "40", "30", "083"], ["", "", "x", "1", "abc"]])
    code = main(["import", kind, str(bad), "--db", str(council_db), "--council", "湯田",
                 "--fiscal-year", "2026", "--dry-run"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("エラー:") and "3行目" in err and "Traceback" not in err


def test_import_help_lists_every_kind(capsys):
    assert main(["import", "--help"]) == 0
    out = capsys.readouterr().out
    assert {"organizations", "people", "cash-book"} <= set(import_kinds())
    assert all(name in out for name in import_kinds())
