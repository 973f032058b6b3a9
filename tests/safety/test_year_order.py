"""Fiscal years close in order and a close stays what it is: no year is closed while an earlier
one is reopened, reopening needs a printable reason, a year without entries is closed only on
purpose, and a ``year_closes`` row cannot be moved or rewritten by SQL."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from kyodo_desktop import cli
from kyodo_desktop.domain.accounting import CashBookEntryInput
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.services.accounting import cash_book, year_close
from kyodo_desktop.services.council import presets
from kyodo_desktop.store import open_store
from kyodo_desktop.store.backup import table_digests
from kyodo_desktop.store.errors import YearClosed

FY = 2025


@pytest.fixture
def council(store) -> int:
    council_id = store.db["councils"].insert({"name": "年度テスト協議会"}).last_pk
    presets.install_programs(store, "yamaguchi")
    return council_id


def _income(store, council, year, amount=10_000):
    cash_book.record_entries(store, council, year, [CashBookEntryInput(
        date(year, 5, 1), "own_funds", "income", "membership_fees", "会費", amount)])


def test_a_year_cannot_be_closed_while_an_earlier_year_is_reopened(store, council):
    _income(store, council, FY)
    year_close.close_year(store, council, FY)
    _income(store, council, FY + 1)
    year_close.reopen_year(store, council, FY, "領収書の入力漏れ")
    before = table_digests(store.conn)
    with pytest.raises(UserError) as caught:
        year_close.close_year(store, council, FY + 1)
    assert "令和7年度" in caught.value.message and "令和8年度" in caught.value.message
    assert table_digests(store.conn) == before
    _income(store, council, FY, 500)  # the correction, then both close in order
    year_close.close_year(store, council, FY)
    result = year_close.close_year(store, council, FY + 1)
    assert result.carried_out["own_funds"] == 20_500


@pytest.mark.parametrize("reason", ["", "   ", "\u3000", "\x07", "理由\x00", "\x1b[31m赤",
                                    "\u200b", "訂正\u200b", "a\u2028b"])
def test_reopening_needs_a_printable_reason(store, council, reason):
    _income(store, council, FY)
    year_close.close_year(store, council, FY)
    with pytest.raises(ValidationError):
        year_close.reopen_year(store, council, FY, reason)
    assert year_close.close_row(store, council, FY) is not None


def test_a_plain_reason_with_full_width_spaces_is_kept_trimmed(store, council):
    _income(store, council, FY)
    year_close.close_year(store, council, FY)
    year_close.reopen_year(store, council, FY, "\u3000監査の指摘　による訂正 ")
    assert store.scalar("SELECT reopen_reason FROM year_closes") == "監査の指摘　による訂正"


def test_closing_a_year_without_entries_is_asked_first(store, council):
    with pytest.raises(year_close.EmptyYear) as caught:
        year_close.close_year(store, council, FY)
    assert "令和7年度" in caught.value.message
    assert store.scalar("SELECT count(*) FROM year_closes") == 0
    year_close.close_year(store, council, FY, allow_empty=True)
    assert year_close.close_row(store, council, FY) is not None


def test_the_command_line_closes_an_empty_year_only_with_allow_empty(db_path, capsys):
    with open_store(db_path) as store:
        store.db["councils"].insert({"name": "年度テスト協議会"})
        presets.install_programs(store, "yamaguchi")
    argv = ["close-year", "--db", str(db_path), "--fiscal-year", str(FY)]
    assert cli.main(argv) == 2
    _out, err = capsys.readouterr()
    assert err.startswith("エラー:") and "--allow-empty" in err
    assert cli.main([*argv, "--allow-empty"]) == 0
    capsys.readouterr()
    assert cli.main(["close-year", "--db", str(db_path), "--fiscal-year", str(FY), "--reopen",
                     "--reason", "\x07"]) == 2
    _out, err = capsys.readouterr()
    assert err.startswith("エラー:") and "Traceback" not in err


@pytest.mark.parametrize("sql", [
    "UPDATE year_closes SET fiscal_year = fiscal_year + 1",
    "UPDATE year_closes SET council_id = 99",
    "UPDATE year_closes SET carried_out = '{\"own_funds\": 999999}'",
    "UPDATE year_closes SET closed_at = '2020-01-01T00:00:00'",
    "UPDATE year_closes SET reopened_at = '2026-06-01T09:00:00'",  # without a reason
])
def test_a_close_cannot_be_moved_or_rewritten_by_sql(store, council, sql):
    _income(store, council, FY)
    year_close.close_year(store, council, FY)
    before = table_digests(store.conn)
    with pytest.raises(YearClosed), store.transaction() as db:
        db.execute(sql)
    with pytest.raises(sqlite3.IntegrityError):  # also on a plain connection
        conn = sqlite3.connect(store.path)
        try:
            conn.execute(sql)
        finally:
            conn.close()
    assert table_digests(store.conn) == before


def test_a_reopening_is_written_once(store, council):
    _income(store, council, FY)
    year_close.close_year(store, council, FY)
    year_close.reopen_year(store, council, FY, "入力漏れ")
    with pytest.raises(YearClosed), store.transaction() as db:
        db.execute("UPDATE year_closes SET reopen_reason = '別の理由'")
