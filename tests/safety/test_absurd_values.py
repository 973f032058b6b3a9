"""Values no council can have (2^63−1 円, text in a number column, the year 9999) are refused on
opening and before a restore or handover import, and ``check`` reports them instead of failing
later with ``integer overflow``."""

from __future__ import annotations

import sqlite3

import pytest

from kyodo_desktop import cli
from kyodo_desktop.domain.money import MAX_YEN
from kyodo_desktop.services.backup import automatic as backups
from kyodo_desktop.services.settings import Settings
from kyodo_desktop.store import open_store
from kyodo_desktop.store.errors import ImpossibleValues
from kyodo_desktop.store.values import value_findings

ABSURD = 2**63 - 1


def _plant(path, sql, *params):
    conn = sqlite3.connect(path)
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def _first_entry(path):
    conn = sqlite3.connect(path)
    (found,) = conn.execute("SELECT max(id) FROM cash_book_entries WHERE correction_of_id IS NULL"
                            ).fetchone()  # in the open year (closed years refuse changes)
    conn.close()
    return found


def test_the_money_cap_is_a_sane_number_of_yen():
    assert 10**9 < MAX_YEN <= 10**12


def test_check_reports_an_amount_of_2_63_instead_of_overflowing(demo_path, capsys):
    _plant(demo_path, "UPDATE cash_book_entries SET amount = ? WHERE id = ?", ABSURD,
           _first_entry(demo_path))
    code = cli.main(["check", "--db", str(demo_path)])
    out, err = capsys.readouterr()
    assert code == 1, err
    assert "Traceback" not in out + err and "overflow" not in out + err
    assert "cash_book_entries" in out and "amount" in out


def test_opening_a_file_with_an_absurd_amount_is_refused_with_a_message(demo_path, capsys):
    _plant(demo_path, "UPDATE cash_book_entries SET amount = ? WHERE id = ?", MAX_YEN + 1,
           _first_entry(demo_path))
    with pytest.raises(ImpossibleValues) as caught:
        open_store(demo_path)
    assert "cash_book_entries.amount" in caught.value.message
    code = cli.main(["councils", "--db", str(demo_path)])
    _out, err = capsys.readouterr()
    assert code == 2 and err.startswith("エラー:") and "Traceback" not in err


@pytest.mark.parametrize("sql, params, column", [
    ("UPDATE council_year_stats SET population = ? WHERE rowid = 1", (10**11,), "population"),
    ("UPDATE budget_lines SET fiscal_year = ? WHERE id = (SELECT max(id) FROM budget_lines)", (9999,), "fiscal_year"),
    ("UPDATE grants SET decided_on = ? WHERE id = 1", ("2026-13-40",), "decided_on"),
    ("UPDATE officer_terms SET ends_on = ? WHERE id = 1", ("9999-12-31",), "ends_on"),
    ("UPDATE opening_balances SET carried_in = ? WHERE rowid = (SELECT max(rowid) FROM opening_balances)", (-(2**63),), "carried_in"),
])
def test_counts_years_and_dates_out_of_range_are_found(demo_path, sql, params, column):
    _plant(demo_path, sql, *params)
    conn = sqlite3.connect(demo_path)
    assert column in {f.column for f in value_findings(conn)}
    conn.close()


def test_restore_refuses_a_backup_with_absurd_values(demo_path, tmp_path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(demo_path.read_bytes())
    _plant(bad, "UPDATE cash_book_entries SET amount = ? WHERE id = ?", ABSURD, _first_entry(bad))
    before = demo_path.read_bytes()
    with pytest.raises(ImpossibleValues):
        backups.restore(demo_path, bad, Settings())
    assert demo_path.read_bytes() == before


def test_the_demo_breaks_no_value_rule(demo_path):
    conn = sqlite3.connect(demo_path)
    assert value_findings(conn) == []
    conn.close()


def test_the_window_start_leaves_the_value_rules_to_the_check_after_its_first_paint(demo_path):
    from kyodo_desktop.store.database import deferred_check_problem

    assert deferred_check_problem(demo_path) is None  # the demo passes both checks
    _plant(demo_path, "UPDATE cash_book_entries SET amount = ? WHERE id = ?", MAX_YEN + 1,
           _first_entry(demo_path))
    with open_store(demo_path, check=False) as store:  # its time grows with the file: later
        assert not store.checked
        problem = deferred_check_problem(demo_path)  # while the file is open, as the window does
    assert isinstance(problem, ImpossibleValues)
    assert "cash_book_entries.amount" in problem.message
