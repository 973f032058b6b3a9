"""kyodo-desktop command line in process: councils, check, the GUI start, errors, exit codes."""

from __future__ import annotations

import sqlite3
import sys
import types

import pytest

from kyodo_desktop import __version__, cli
from kyodo_desktop.store import open_store


@pytest.fixture
def councils_db(db_path):
    with open_store(db_path) as store, store.transaction() as db:
        db["councils"].insert_all([{"id": 7, "name": "大殿地域づくり協議会", "name_kana": "おおどの"},
                                   {"id": 3, "name": "湯田地域づくり協議会", "name_kana": "ゆだ"}])
    return db_path


def _run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_councils_prints_id_tab_name(capsys, councils_db):
    code, out, err = _run(capsys, "councils", "--db", councils_db)
    assert code == 0 and err == ""
    assert out.splitlines() == ["7\t大殿地域づくり協議会", "3\t湯田地域づくり協議会"]


def test_db_may_come_before_the_command(capsys, councils_db):
    code, out, _err = _run(capsys, "--db", councils_db, "councils")
    assert code == 0 and "7\t大殿地域づくり協議会" in out


def test_councils_of_an_empty_file_says_so(capsys, db_path):
    code, out, err = _run(capsys, "councils", "--db", db_path)
    assert code == 0 and out == ""
    assert "まだ協議会が登録されていません" in err


def test_check_on_a_clean_file(capsys, councils_db):
    code, out, _err = _run(capsys, "check", "--db", councils_db)
    assert code == 0
    assert out.strip() == "問題は見つかりませんでした"


def test_check_reports_problems_with_exit_code_1(capsys, councils_db, legacy_rows):
    with open_store(councils_db) as store:  # a row of a file written before the entry rules
        legacy_rows(store, "INSERT INTO cash_book_entries (council_id, fiscal_year, fund_code, "
                    "entry_date, direction, income_category_code, amount) VALUES (7, 2026, "
                    "'own_funds', '2027-04-01', 'income', 'donations', 1000)")
    code, out, _err = _run(capsys, "check", "--db", councils_db)
    assert code == 1
    assert "2027 年度" in out and "2026 年度に記帳" in out
    assert "問題は見つかりませんでした" not in out
    assert "変更履歴にない行" in out  # written behind the change log


def test_check_does_not_migrate_or_lock(capsys, councils_db):
    with open_store(councils_db):  # the window has the file open
        code, out, _err = _run(capsys, "check", "--db", councils_db)
    assert code == 0 and "問題は見つかりませんでした" in out


@pytest.mark.parametrize("command", ["councils", "check", "demo"])
def test_missing_db_is_explained(capsys, command):
    code, out, err = _run(capsys, command)
    assert code == 2 and out == ""
    assert err.startswith("エラー: ") and "--db" in err


def test_missing_file_is_not_created(capsys, tmp_path):
    path = tmp_path / "nothing.sqlite3"
    code, _out, err = _run(capsys, "councils", "--db", path)
    assert code == 2 and "見つかりません" in err
    assert not path.exists()


def test_foreign_file_is_an_error_without_traceback(capsys, tmp_path):
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    for command in ("councils", "check"):
        code, _out, err = _run(capsys, command, "--db", path)
        assert code == 2
        assert err.startswith("エラー: ") and "協働デスクのデータファイルではありません" in err


def test_locked_file_is_an_error(capsys, councils_db):
    with open_store(councils_db):
        code, _out, err = _run(capsys, "councils", "--db", councils_db)
    assert code == 2 and err.startswith("エラー: ") and "別の" in err


def test_wrong_command_line_is_explained_in_japanese(capsys):
    code, out, err = _run(capsys, "no-such-command")
    assert code == 2 and out == ""
    assert err.startswith("エラー: ") and "no-such-command" in err and "--help" in err
    code, _out, err = _run(capsys, "councils", "--db")
    assert code == 2 and "値を指定してください" in err


def test_help_and_version(capsys):
    code, out, _err = _run(capsys, "--help")
    assert code == 0
    assert "使い方" in out and "オプション" in out
    assert all(name in out for name in cli.COMMANDS)
    code, out, _err = _run(capsys, "--version")
    assert code == 0 and out.strip() == f"kyodo-desktop {__version__}"


def test_every_command_help_is_in_japanese(capsys):
    """argparse's own titles (「positional arguments:」「options:」「usage:」) never reach a user."""
    def command_lines(parser, words=()):
        yield words
        for action in parser._actions:
            for name, sub in getattr(action, "_name_parser_map", {}).items():
                yield from command_lines(sub, (*words, name))

    lines = list(command_lines(cli.build_parser()))
    assert {(name,) for name in cli.COMMANDS} <= set(lines)
    for words in lines:
        code, out, _err = _run(capsys, *words, "--help")
        assert code == 0 and "使い方" in out, words
        for english in ("positional arguments", "options:", "usage:"):
            assert english not in out, (words, english)


def test_no_command_starts_the_gui(monkeypatch, tmp_path):
    calls = []
    fake = types.ModuleType("kyodo_desktop.ui.app")
    fake.run_gui = lambda db_path, *, demo=False: calls.append((db_path, demo)) or 5
    monkeypatch.setitem(sys.modules, "kyodo_desktop.ui.app", fake)
    assert cli.main([]) == 5
    assert cli.main(["--db", str(tmp_path / "a.sqlite3"), "--demo"]) == 5
    assert calls == [(None, False), (tmp_path / "a.sqlite3", True)]


def test_a_registered_command_gets_the_shared_options(capsys, monkeypatch, councils_db):
    from kyodo_desktop import cli_options
    from kyodo_desktop.errors import UserError

    def add_arguments(parser):
        cli_options.add_db_option(parser)
        cli_options.add_council_option(parser)
        cli_options.add_fiscal_year_option(parser)

    def run(args):
        year = cli_options.fiscal_year_from(args)
        with cli_options.open_db(args) as store:
            council = cli_options.council_from(store, args)
        if year < 2000:
            raise UserError("古すぎます")
        print(council["id"], year)
        return 0

    monkeypatch.setitem(cli.COMMANDS, "probe", cli.Command("probe", "Probe", add_arguments, run))
    assert _run(capsys, "probe", "--db", councils_db, "--council", "湯田地域づくり協議会",
                "--fiscal-year", "R8")[:2] == (0, "3 2026\n")
    code, _out, err = _run(capsys, "probe", "--db", councils_db, "--fiscal-year", "2026")
    assert code == 2 and "--council" in err and "7: 大殿地域づくり協議会" in err
    code, _out, err = _run(capsys, "probe", "--db", councils_db, "--council", "7",
                           "--fiscal-year", "1999")
    assert (code, err) == (2, "エラー: 古すぎます\n")
    code, _out, err = _run(capsys, "probe", "--db", councils_db, "--council", "7",
                           "--fiscal-year", "来年")
    assert code == 2 and err.startswith("エラー: ")


def test_register_refuses_a_duplicate_name():
    with pytest.raises(ValueError):
        cli.register(cli.COMMANDS["check"])


def test_interrupt_exits_quietly(capsys, monkeypatch, councils_db):
    def interrupted(_args):
        raise KeyboardInterrupt

    monkeypatch.setitem(cli.COMMANDS, "councils", cli.Command(
        "councils", "List", cli.COMMANDS["councils"].add_arguments, interrupted))
    assert _run(capsys, "councils", "--db", councils_db)[0] == 130


@pytest.mark.parametrize(("message", "expected"), [
    ("argument --kind: invalid choice: 'pdf' (choose from 'csv', 'xlsx')",
     "「pdf」は指定できません。指定できるもの: csv, xlsx。"),
    ("the following arguments are required: --kind", "--kind を指定してください。"),
    ("unrecognized arguments: --zzz", "使えないオプションまたは値です: --zzz。"),
    ("something new", "コマンドの指定が正しくありません（something new）。"),
])
def test_argparse_errors_in_japanese(message, expected):
    assert cli.explain_command_line_error(message) == expected


def test_an_unwritable_output_gets_a_plain_reason():
    import errno

    from kyodo_desktop.errors import write_error

    error = write_error("/nowhere/a.pdf", FileNotFoundError(errno.ENOENT, "No such file"))
    assert error.message == "ファイル /nowhere/a.pdf に書き込めませんでした: 保存先のフォルダーがありません"
    rare = write_error("/x/a.pdf", OSError(errno.EIO, "I/O error"))
    assert rare.message.endswith("I/O error")
