"""The app's own 出納簿 export imports back (issue 13, Round trip): every demo year of 湯田,
exported and imported into a fresh empty council of the same data file, gives the same entries,
funds, 事業 (matched by name) and balances. A file with a 会計区分 column puts each row in its
fund; ``--fund`` that disagrees with that column is refused naming the rows."""

from __future__ import annotations

from collections import Counter

import pytest

from kyodo_desktop.cli import main
from kyodo_desktop.io.cash_book_export import export_cash_book
from kyodo_desktop.io.cash_book_kinds import run_import
from kyodo_desktop.services.accounting import accounts, figures, funders
from kyodo_desktop.services.accounting.cash_book import entry_totals
from kyodo_desktop.services.accounting.common import fund_names
from kyodo_desktop.services.council.profile import create_council
from kyodo_desktop.store import open_store

ENTRIES = """
SELECT e.entry_date, e.fund_code, e.direction, e.income_category_code, e.expense_category_code,
       e.description, e.amount, e.payee, e.voucher_no, e.memo, coalesce(p.name, '') AS project,
       a.label AS account
FROM cash_book_entries e LEFT JOIN projects p ON p.id = e.project_id
JOIN council_accounts a ON a.id = e.account_id
WHERE e.council_id = ? AND e.fiscal_year = ?"""
BANK_FIELDS = ("label", "bank_name", "branch_name", "account_type", "account_number", "holder",
               "holder_kana")


def _yuda(store) -> int:
    return store.scalar("SELECT id FROM councils WHERE name = '湯田地域づくり協議会'")


def _entries(store, council_id: int, year: int) -> Counter:
    """The entries with their fund by name (a council's own fund has its own code)."""
    names = fund_names(store, council_id)
    return Counter(tuple(dict(row, fund_code=names[row["fund_code"]]).values())
                   for row in store.query(ENTRIES, (council_id, year)))


def _balances(store, council_id: int, year: int) -> dict[str, tuple[int, int]]:
    opening = figures.opening_balances(store, council_id, year)
    names = fund_names(store, council_id)
    return {names[fund]: (opening[fund],
                          opening[fund] + entry_totals(store, council_id, year, fund=fund).net)
            for fund in opening}


def test_every_demo_year_exported_imports_into_an_empty_council(demo_store, tmp_path):
    yuda = _yuda(demo_store)
    years = [row["fiscal_year"] for row in demo_store.query(
        "SELECT DISTINCT fiscal_year FROM cash_book_entries WHERE council_id = ? ORDER BY 1",
        (yuda,))]
    fresh, _changes = create_council(demo_store, "湯田写し地域づくり協議会")
    for bank in demo_store.query("SELECT * FROM council_accounts WHERE council_id = ? AND "
                                 "kind = 'bank'", (yuda,)):  # the 口座 column names them
        accounts.save_bank_account(demo_store, fresh, {k: bank[k] for k in BANK_FIELDS})
    for own in funders.list_funds(demo_store, yuda):  # 共同募金配分金: the 会計区分 column names it
        funders.add_fund(demo_store, fresh, own.name)
    assert len(years) >= 2
    for year in years:
        path = tmp_path / f"{year}.xlsx"
        count = export_cash_book(demo_store, yuda, year, path)
        report = run_import(demo_store, fresh, year, path, dry_run=False, skip_bad_rows=False,
                            options={})
        assert f"{count} 件を取り込みました" in report
        assert _entries(demo_store, fresh, year) == _entries(demo_store, yuda, year)
        assert len({key[1] for key in _entries(demo_store, fresh, year)}) == (
            3 if year == 2025 else 4)  # the city's three funds, in 2026 also 湯田's own
        assert _balances(demo_store, fresh, year) == _balances(demo_store, yuda, year)
    projects = "SELECT fiscal_year, name FROM projects WHERE council_id = ? AND id IN " \
               "(SELECT project_id FROM cash_book_entries) ORDER BY 1, 2"
    assert demo_store.query(projects, (fresh,)) == demo_store.query(projects, (yuda,))


@pytest.fixture
def exported(demo_path, tmp_path):
    with open_store(demo_path) as store:
        yuda = _yuda(store)
        path = tmp_path / "all.xlsx"
        export_cash_book(store, yuda, 2026, path)
        fresh, _changes = create_council(store, "湯田写し地域づくり協議会")
        funders.add_fund(store, fresh, "共同募金配分金")  # 湯田's own fund, named in the file
    return demo_path, path


def test_fund_that_disagrees_with_the_file_is_refused_naming_rows(exported, capsys):
    db, path = exported
    args = ["import", "cash-book", str(path), "--db", str(db), "--council", "湯田写し",
            "--fiscal-year", "2026"]
    assert main([*args, "--fund", "活動支援", "--dry-run"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("エラー:") and "--fund で選んだ会計区分（活動支援）" in err
    assert "5、6、7" in err or "行目" in err
    assert main([*args, "--dry-run"]) == 0  # without --fund each row goes to its fund
    out = capsys.readouterr().out
    with open_store(db) as store:
        rows = entry_totals(store, _yuda(store), 2026).count
    assert "会計区分」列のとおり" in out and f"取り込む行: {rows} 行" in out  # 共同募金配分金 too
    assert "council_" not in out and "共同募金配分金" in out
