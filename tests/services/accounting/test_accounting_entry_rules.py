"""The 出納簿's hard rules hold everywhere (issue 13): an entry dated outside its 年度, in a
closed year, with an amount ≤ 0 (except a 訂正) or without a 費目 is refused by the service with
the entry panel's message, by the import, and by SQL on the app's connection (migration 8)."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from kyodo_desktop.domain.accounting import entry_refusals, refusal_text
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.services.accounting import cash_book, year_close
from kyodo_desktop.store.errors import EntryRefused, YearClosed

from .accounting_support import FY, entry


@pytest.mark.parametrize(("bad", "field", "code"), [
    ({"day": date(FY + 1, 4, 1)}, "entry_date", "outside_fiscal_year"),
    ({"day": date(FY, 3, 31)}, "entry_date", "outside_fiscal_year"),
    ({"amount": 0}, "amount", "amount_not_positive"),
    ({"amount": -300}, "amount", "amount_not_positive"),
])
def test_the_service_refuses_with_the_panels_message(store, council, bad, field, code):
    typed = entry(**bad)
    [finding] = [f for f in entry_refusals(typed, FY) if f.code == code]
    with pytest.raises(ValidationError) as caught:
        cash_book.record_entry(store, council, FY, typed)
    assert caught.value.field == field
    assert caught.value.message == refusal_text(finding)  # what the panel shows in red
    assert store.scalar("SELECT count(*) FROM cash_book_entries") == 0


def test_an_out_of_year_date_is_named_in_japanese(store, council):
    with pytest.raises(ValidationError) as caught:
        cash_book.record_entry(store, council, FY, entry(date(FY + 1, 4, 1)))
    assert "令和8年4月1日" in caught.value.message and "令和7年度" in caught.value.message
    assert "期間外" in caught.value.message


@pytest.mark.parametrize("category", ["", None])
def test_an_entry_without_a_category_is_refused(store, council, category):
    typed = entry()
    typed = type(typed)(**{**typed.__dict__, "category_code": category})
    with pytest.raises(ValidationError) as caught:
        cash_book.record_entry(store, council, FY, typed)
    assert caught.value.message == "費目を選んでください。"


def test_an_update_cannot_move_an_entry_out_of_its_year(store, council):
    entry_id, _ = cash_book.record_entry(store, council, FY, entry())
    with pytest.raises(ValidationError, match="期間外"):
        cash_book.update_entry(store, entry_id, entry(date(FY + 1, 4, 2)))
    with pytest.raises(ValidationError, match="1円以上"):
        cash_book.update_entry(store, entry_id, entry(amount=0))
    assert cash_book.get_entry(store, entry_id).entry_date == date(FY, 5, 1)


def test_a_closed_year_is_refused_by_the_service(store, council):
    cash_book.record_entry(store, council, FY, entry(direction="income"))
    year_close.close_year(store, council, FY)
    with pytest.raises(YearClosed, match="締め"):
        cash_book.record_entry(store, council, FY, entry())


def test_a_correction_may_be_negative_but_stays_in_its_year(store, council):
    original, _ = cash_book.record_entry(store, council, FY, entry(direction="income",
                                                                   amount=5_000))
    year_close.close_year(store, council, FY)
    fixed, _ = cash_book.record_correction(store, original, FY + 1,
                                           entry(date(FY + 1, 4, 3), direction="income", amount=-2_000))
    assert cash_book.get_entry(store, fixed).amount == -2_000
    with pytest.raises(ValidationError, match="期間外"):
        cash_book.record_correction(store, original, FY + 1, entry(date(FY, 4, 3), direction="income", amount=-1))


def _insert(store, council, **changes):
    values = {"council_id": council, "fiscal_year": FY, "fund_code": "own_funds",
              "entry_date": date(FY, 5, 1).isoformat(), "direction": "expense",
              "expense_category_code": "consumables", "description": "模造紙", "amount": 500}
    values |= changes
    columns = ", ".join(values)
    store.conn.execute(f"INSERT INTO cash_book_entries ({columns}) VALUES "
                       f"({', '.join('?' for _ in values)})", tuple(values.values()))


@pytest.mark.parametrize(("changes", "mark"), [
    ({"entry_date": "2026-04-01"}, "kyodo:entry_outside_year"),
    ({"entry_date": "2025-03-31"}, "kyodo:entry_outside_year"),
    ({"amount": 0}, "kyodo:entry_amount"),
    ({"amount": -1}, "kyodo:entry_amount"),
    ({"expense_category_code": None}, "kyodo:entry_category"),
    ({"direction": "income", "expense_category_code": None}, "kyodo:entry_category"),
])
def test_sql_on_the_apps_connection_refuses_the_same_entries(store, council, changes, mark):
    with pytest.raises(sqlite3.IntegrityError, match=mark):
        _insert(store, council, **changes)
    assert store.scalar("SELECT count(*) FROM cash_book_entries") == 0


def test_sql_updates_are_refused_and_become_japanese_errors(store, council):
    _insert(store, council)
    _insert(store, council, entry_date="2026-03-31")  # the last day of 令和7年度 is fine
    for sql, word in (("UPDATE cash_book_entries SET entry_date = '2026-04-01'", "年度内"),
                      ("UPDATE cash_book_entries SET amount = 0", "1円以上"),
                      ("UPDATE cash_book_entries SET expense_category_code = NULL", "費目")):
        with pytest.raises(EntryRefused) as caught, store.transaction() as db:
            db.execute(sql)
        assert word in caught.value.message
    assert {r["entry_date"] for r in store.query("SELECT entry_date FROM cash_book_entries")} == {
        "2025-05-01", "2026-03-31"}


def test_the_import_goes_through_the_same_rule(store, council, tmp_path):
    from kyodo_desktop.io.cash_book_import import apply_import
    from kyodo_desktop.io.cash_book_preview import ImportPreview, PreviewRow

    rows = [PreviewRow(2, entry()), PreviewRow(3, entry(date(FY + 1, 4, 1)))]
    preview = ImportPreview(path=tmp_path / "x.csv", fiscal_year=FY, fund_code="own_funds",
                            header_row=1, columns={}, rows=rows)
    with pytest.raises(UserError) as caught:
        apply_import(store, council, FY, preview)
    assert "3" in caught.value.message and "期間外" in caught.value.message
    assert store.scalar("SELECT count(*) FROM cash_book_entries") == 0
