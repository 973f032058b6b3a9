"""The 前年度繰越 row of an import (taken, or checked against a closed previous year) and the CLI:
``import cash-book`` (--dry-run, bad rows, --skip-bad-rows) and ``close-year`` (--reopen)."""

from __future__ import annotations

from datetime import date

import pytest

from kyodo_desktop.cli import main
from kyodo_desktop.services.accounting import cash_book
from kyodo_desktop.services.accounting.opening_balance import take_import_opening
from kyodo_desktop.services.accounting.year_close import close_year
from kyodo_desktop.store.errors import YearClosed

from .conftest import FY, make_entry

HEADER = ["日付", "摘要", "費目", "収入", "支出", "残高", "領収書番号"]


def _opening(store, council, year, fund="own_funds"):
    rows = store.query("SELECT carried_in, source FROM opening_balances WHERE council_id = ? AND "
                       "fiscal_year = ? AND fund_code = ?", (council, year, fund))
    return (rows[0]["carried_in"], rows[0]["source"]) if rows else None


def _close_previous(store, council, carry: int) -> None:
    """Close FY with an own_funds balance of ``carry``: its carry-over into FY + 1."""
    cash_book.record_entry(store, council, FY, make_entry(
        date(FY, 4, 10), direction="income", amount=carry, description="会費"))
    close_year(store, council, FY)


def test_opening_is_written_when_no_previous_year_is_closed(store, council):
    outcome = take_import_opening(store, council, FY, "own_funds", 45_000)
    assert outcome.action == "written" and outcome.changes
    assert _opening(store, council, FY) == (45_000, "import")
    again = take_import_opening(store, council, FY, "own_funds", 45_000)
    assert again.action == "unchanged" and not again.changes


def test_dry_run_writes_no_opening(store, council):
    outcome = take_import_opening(store, council, FY, "own_funds", 45_000, dry_run=True)
    assert outcome.action == "would_write"
    assert _opening(store, council, FY) is None


def test_opening_is_only_compared_after_a_closed_year(store, council):
    _close_previous(store, council, 80_000)
    assert _opening(store, council, FY + 1) == (80_000, "year_close")
    differs = take_import_opening(store, council, FY + 1, "own_funds", 79_000)
    assert differs.is_mismatch and not differs.changes
    assert "79,000" in differs.message and "80,000" in differs.message
    assert "令和7年度" in differs.message
    assert _opening(store, council, FY + 1) == (80_000, "year_close")
    assert take_import_opening(store, council, FY + 1, "own_funds", 80_000).action == "matches"


def _cli(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_import_dry_run_writes_nothing(store, council, db_path, write_csv, capsys):
    path = write_csv([["令和7年度 出納簿"], HEADER, ["", "前年度繰越", "", "10,000", "", "10,000"],
                      ["R7.4.5", "会費", "会費", "5,000", "", "15,000"],
                      ["4/6", "用紙", "消耗品費", "", "1,000", "14,000", "1"]])
    store.close()
    code, out, err = _cli(["import", "cash-book", str(path), "--db", str(db_path),
                           "--fiscal-year", "R7", "--fund", "自主財源", "--dry-run"], capsys)
    assert code == 0, err
    assert "2 行" in out and "--dry-run" in out
    from kyodo_desktop.store import open_store

    with open_store(db_path) as reopened:
        assert reopened.scalar("SELECT count(*) FROM cash_book_entries") == 0
        assert reopened.scalar("SELECT count(*) FROM opening_balances") == 0


def test_cli_import_refuses_bad_rows_then_skips_them(store, council, db_path, write_csv, capsys):
    path = write_csv([HEADER, ["R7.4.5", "会費", "会費", "5,000", "", ""],
                      ["R7.4.6", "用紙", "消耗品費", "", "千円くらい", "", "1"],
                      ["R7.4.7", "切手", "通信運搬費", "", "840", "", "2"]])
    store.close()
    args = ["import", "cash-book", str(path), "--db", str(db_path), "--fiscal-year", "2025",
            "--fund", "own_funds"]
    code, out, err = _cli(args, capsys)
    assert code == 2 and "3 行目" in err and out == ""
    from kyodo_desktop.store import open_store

    with open_store(db_path) as reopened:
        assert reopened.scalar("SELECT count(*) FROM cash_book_entries") == 0
    code, out, err = _cli([*args, "--skip-bad-rows"], capsys)
    assert code == 0, err
    with open_store(db_path) as reopened:
        assert reopened.scalar("SELECT group_concat(amount) FROM cash_book_entries") == "5000,840"


def test_cli_import_takes_the_opening_row(store, council, db_path, write_csv, capsys):
    path = write_csv([HEADER, ["", "前年度繰越", "", "10,000", "", "10,000"],
                      ["R7.4.5", "会費", "会費", "5,000", "", "15,000"]])
    store.close()
    code, out, err = _cli(["import", "cash-book", str(path), "--db", str(db_path),
                           "--fiscal-year", "R7", "--fund", "自主財源"], capsys)
    assert code == 0, err
    from kyodo_desktop.store import open_store

    with open_store(db_path) as reopened:
        assert _opening(reopened, council, FY) == (10_000, "import")


def test_cli_import_needs_a_fund_without_a_fund_column(store, council, db_path, write_csv,
                                                      capsys):
    path = write_csv([HEADER, ["R7.4.5", "会費", "会費", "5,000", "", ""]])
    store.close()
    code, _out, err = _cli(["import", "cash-book", str(path), "--db", str(db_path),
                            "--fiscal-year", "R7"], capsys)
    assert code == 2 and "--fund" in err


def test_cli_close_year_and_reopen(store, council, db_path, capsys):
    cash_book.record_entry(store, council, FY, make_entry(
        date(FY, 5, 1), direction="income", amount=30_000, description="会費"))
    store.close()
    base = ["close-year", "--db", str(db_path), "--fiscal-year", "R7"]
    code, out, err = _cli(base, capsys)
    assert code == 0, err
    assert "30,000" in out and "令和8年度" in out
    from kyodo_desktop.store import open_store

    with open_store(db_path) as reopened, pytest.raises(YearClosed):
        cash_book.record_entry(reopened, council, FY, make_entry(date(FY, 6, 1)))
    code, _out, err = _cli(base, capsys)
    assert code == 2 and "締め" in err
    code, _out, err = _cli([*base, "--reopen"], capsys)
    assert code == 2 and "理由" in err
    code, out, err = _cli([*base, "--reopen", "--reason", "領収書の入力漏れ"], capsys)
    assert code == 0, err
    with open_store(db_path) as reopened:
        assert reopened.scalar("SELECT reopen_reason FROM year_closes") == "領収書の入力漏れ"
        cash_book.record_entry(reopened, council, FY, make_entry(date(FY, 6, 1)))


def test_cli_close_year_lists_the_errors_that_block_it(store, council, db_path, capsys):
    cash_book.record_entry(store, council, FY, make_entry(date(FY, 4, 2)))  # own funds < 0
    store.close()
    code, out, err = _cli(["close-year", "--db", str(db_path), "--fiscal-year", "2025"], capsys)
    assert code == 2 and out == ""
    assert "令和7年4月2日" in err
    from kyodo_desktop.store import open_store

    with open_store(db_path) as reopened:
        assert reopened.scalar("SELECT count(*) FROM year_closes") == 0


def test_cli_import_shows_the_writing_on_a_terminal(store, council, db_path, write_csv, capsys,
                                                   monkeypatch):
    import io

    from kyodo_desktop import cli_progress
    from kyodo_desktop.store import audit

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(cli_progress.sys, "stderr", terminal)
    monkeypatch.setattr(audit, "BATCH", 100)
    path = write_csv([HEADER] + [["R7.4.5", f"会費 {n}", "会費", "500", "", "", ""]
                                 for n in range(250)])
    store.close()
    code, _out, err = _cli(["import", "cash-book", str(path), "--db", str(db_path),
                            "--fiscal-year", "R7", "--fund", "自主財源"], capsys)
    assert code == 0, err
    shown = terminal.getvalue()
    assert "\r出納簿に書き込み中… 100 / 250 行" in shown
    assert "\r出納簿に書き込み中… 250 / 250 行" in shown and shown.endswith("\r\033[K")
