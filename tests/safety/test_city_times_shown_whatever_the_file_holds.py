"""The city file's time stamps of a return (made, imported, withdrawn or replaced) are shown as
「令和8年12月2日 14:30」; a city file changed with another program (or restored from such a
backup: the full check looks only at the date part of a time stamp) holding 「2026-06-01T9時」
made ``city list``, ``report city-summary`` and the 市 page raise ValueError (a traceback). Such a
stamp is now shown as it is stored."""

from __future__ import annotations

import sqlite3

import pytest

from kyodo_desktop.services.city import city_file

from .conftest import run_cli

ODD = ["2026-06-01T9時", "2026-06-01 zz", "2026-06-01T25:00:00", "2026-06-01garbage"]


def _set(city_path, sql: str, value: str) -> None:
    conn = sqlite3.connect(city_path)
    guards = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                          "AND tbl_name = 'city_returns'").fetchall()
    for name, _sql in guards:
        conn.execute(f'DROP TRIGGER "{name}"')
    conn.execute(sql, (value,))
    for _name, text in guards:
        conn.execute(text)
    conn.commit()
    conn.close()


@pytest.mark.parametrize("stamp", ODD)
def test_city_list_shows_an_odd_withdrawal_time_as_stored(capsys, city_path, stamp):
    code, out, err = run_cli(capsys, "city", "withdraw-return", "--district", "湯田",
                             "--fiscal-year", "2025", "--db", city_path)
    assert code == 0, err
    _set(city_path, "UPDATE city_returns SET replaced_at = ? WHERE replaced_at IS NOT NULL",
         stamp)
    code, out, err = run_cli(capsys, "city", "list", "--fiscal-year", "2025", "--db", city_path)
    assert code == 0, err
    assert stamp in out


@pytest.mark.parametrize("stamp", ODD)
def test_the_summary_pdf_is_made_with_an_odd_time(capsys, city_path, tmp_path, stamp):
    run_cli(capsys, "city", "withdraw-return", "--district", "湯田", "--fiscal-year", "2025",
            "--db", city_path)
    _set(city_path, "UPDATE city_returns SET replaced_at = ?1, created_at = ?1 "
         "WHERE replaced_at IS NOT NULL", stamp)
    code, out, err = run_cli(capsys, "report", "city-summary", "--fiscal-year", "2025", "--db",
                             city_path, "--out", tmp_path / "summary.pdf")
    assert code == 0, err


def test_shown_time_keeps_a_sound_stamp():
    assert city_file.shown_time("2026-12-02T14:30:00") == "令和8年12月2日 14:30"
    assert city_file.shown_time("2026-12-02T9時") == "2026-12-02T9時"
