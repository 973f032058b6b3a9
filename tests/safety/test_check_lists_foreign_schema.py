"""``kyodo-desktop check`` on a file whose schema is not the app's (an extra trigger, view,
table or index, a changed one, a dropped guard) lists every difference by name and exits 1
("problems found"), instead of stopping at the first with an error; the records of a file with a
foreign view are not read (a view runs its own SQL), and the file is never changed by the
check."""

from __future__ import annotations

import pytest

from kyodo_desktop import cli
from kyodo_desktop.store.backup import copy_file

from .conftest import file_digests
from .hostile_sqlite import MUTATIONS, SPY_TRIGGER, _sql, mutate_copy

SCHEMA_CHANGES = {
    "extra_trigger": "「cash_book_spy」",
    "extra_view": "ビュー「everyone」",
    "extra_table": "テーブル「exfiltrate」",
    "extra_index": "インデックス「people_phone」",
    "dropped_year_lock": "トリガー「cash_book_entries_closed_insert」がありません",
    "changed_check": "テーブル「cash_book_entries」は、協働デスクが作るものと違っています",
}


@pytest.fixture(scope="module")
def backup(demo_template, tmp_path_factory):
    path = tmp_path_factory.mktemp("sound") / "backup.sqlite3"
    copy_file(demo_template, path)
    return path


def _check(path, capsys):
    code = cli.main(["check", "--db", str(path)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("name", sorted(SCHEMA_CHANGES))
def test_each_schema_change_is_a_problem_named_in_the_report(backup, tmp_path, capsys, name):
    hostile = mutate_copy(backup, tmp_path / f"{name}.sqlite3", MUTATIONS[name][0])
    code, out, err = _check(hostile, capsys)
    assert code == 1, out + err
    assert SCHEMA_CHANGES[name] in out
    assert ("記録の中身は確かめていません" in out) is (name == "extra_view")
    assert "エラー" not in err and "Traceback" not in out + err


def test_every_difference_of_one_file_is_listed(backup, tmp_path, capsys):
    hostile = mutate_copy(backup, tmp_path / "many.sqlite3", _sql(
        SPY_TRIGGER,
        "CREATE VIEW everyone AS SELECT name, phone, address FROM people",
        "CREATE TABLE exfiltrate (data TEXT) STRICT",
        "DROP INDEX cash_book_project",
        "CREATE INDEX cash_book_project ON cash_book_entries(project_id, amount)"))
    before = file_digests(hostile)
    code, out, err = _check(hostile, capsys)
    assert code == 1, out + err
    for named in ("トリガー「cash_book_spy」", "ビュー「everyone」", "テーブル「exfiltrate」",
                  "インデックス「cash_book_project」は、協働デスクが作るものと違っています"):
        assert named in out
    assert out.splitlines()[-1] == "問題が 5 件見つかりました。"
    assert file_digests(hostile) == before


def test_a_sound_file_still_passes(backup, capsys):
    code, out, _err = _check(backup, capsys)
    assert code == 0 and "問題は見つかりませんでした" in out
