"""変更履歴: the hash chain detects a changed log, and the covered rows detect changed data."""

from __future__ import annotations

from datetime import date

import pytest

from kyodo_desktop.services.accounting import budget, cash_book
from kyodo_desktop.store import audit
from kyodo_desktop.store.errors import StoreError

from .accounting_support import FY, entry


def _some_books(store, council) -> list[int]:
    ids = cash_book.record_entries_with_ids(store, council, FY, [
        entry(direction="income", amount=10_000), entry(amount=3_000), entry(amount=2_000)])
    budget.set_budget_line(store, council, FY, "own_funds", "expense", "consumables", 9_000)
    return ids


def test_a_clean_log_verifies_and_starts_from_zeros(store, council):
    _some_books(store, council)
    first = store.query("SELECT * FROM audit_log ORDER BY id LIMIT 1")[0]
    assert first["prev_hash"] == "0" * 64 and len(first["hash"]) == 64
    assert audit.verify_chain(store) == [] and audit.verify_covered_rows(store) == []


def test_an_amount_changed_with_raw_sql_is_reported(store, council):
    ids = _some_books(store, council)
    store.conn.execute("UPDATE cash_book_entries SET amount = 30 WHERE id = ?", (ids[1],))
    problems = audit.verify_covered_rows(store)
    assert len(problems) == 1
    assert "出納簿" in problems[0] and str(ids[1]) in problems[0] and "書き換え" in problems[0]
    assert audit.verify_chain(store) == []


def test_a_changed_log_row_breaks_the_chain(store, council):
    ids = _some_books(store, council)
    log_id = store.scalar("SELECT id FROM audit_log WHERE row_key = ? AND table_name = "
                          "'cash_book_entries'", (str(ids[1]),))
    store.conn.execute("UPDATE audit_log SET after = replace(after, '3000', '30') WHERE id = ?",
                       (log_id,))
    problems = audit.verify_chain(store)
    assert len(problems) == 1 and str(log_id) in problems[0]


def test_changing_data_and_log_together_still_breaks_the_chain(store, council):
    ids = _some_books(store, council)
    store.conn.execute("UPDATE cash_book_entries SET amount = 30 WHERE id = ?", (ids[1],))
    store.conn.execute("UPDATE audit_log SET after = replace(after, '\"amount\":3000', "
                       "'\"amount\":30') WHERE table_name = 'cash_book_entries' AND row_key = ?",
                       (str(ids[1]),))
    assert audit.verify_covered_rows(store) == []
    assert audit.verify_chain(store) != []


def test_a_removed_log_row_is_detected(store, council):
    _some_books(store, council)
    store.conn.execute("DELETE FROM audit_log WHERE id = 2")
    problems = audit.verify_chain(store)
    assert len(problems) == 1 and "3" in problems[0] and "1" in problems[0]


def test_rows_deleted_or_added_behind_the_logs_back(store, council):
    ids = _some_books(store, council)
    store.conn.execute("DELETE FROM cash_book_entries WHERE id = ?", (ids[0],))
    store.conn.execute("INSERT INTO budget_transfers (council_id, fiscal_year, fund_code, "
                       "from_category_code, to_category_code, amount, transferred_on) VALUES "
                       "(?, ?, 'own_funds', 'consumables', 'fuel', 1, '2025-08-01')",
                       (council, FY))
    problems = audit.verify_covered_rows(store)
    assert len(problems) == 2
    assert any("削除" in p and "出納簿" in p for p in problems)
    assert any("変更履歴にない" in p and "予算の流用" in p for p in problems)


def test_a_deleted_row_put_back_is_detected(store, council):
    ids = _some_books(store, council)
    row = cash_book.get_entry(store, ids[2])
    cash_book.delete_entry(store, ids[2])
    store.conn.execute("INSERT INTO cash_book_entries (id, council_id, fiscal_year, fund_code, "
                       "entry_date, direction, expense_category_code, amount) VALUES "
                       "(?, ?, ?, 'own_funds', '2025-05-01', 'expense', 'consumables', ?)",
                       (ids[2], council, FY, row.amount))
    assert any("削除したはず" in p for p in audit.verify_covered_rows(store))


def test_baseline_logs_rows_written_without_the_log_once(store, council):
    store.db["cash_book_entries"].insert({
        "council_id": council, "fiscal_year": FY, "fund_code": "own_funds",
        "entry_date": date(FY, 5, 1).isoformat(), "direction": "income",
        "income_category_code": "donations", "amount": 500})
    store.db["opening_balances"].insert({"council_id": council, "fiscal_year": FY,
                                         "fund_code": "own_funds", "carried_in": 10})
    assert len(audit.verify_covered_rows(store)) == 2
    assert audit.baseline(store) == 2
    assert audit.baseline(store) == 0
    assert audit.verify_covered_rows(store) == [] and audit.verify_chain(store) == []
    assert audit.history(store, "opening_balances", f"{council}:{FY}:own_funds")[0][
        "after"]["carried_in"] == 10


TEXTS = ['"quoted"', "back\\slash", "改行\u2028区切り", "絵文字 🎌", "</script>", "a\u00e9", "",
         "tab\tnew\nline"]


def _batch(count: int) -> list:
    return [entry(amount=index + 1, description=TEXTS[index % len(TEXTS)],
                  payee=TEXTS[(index + 3) % len(TEXTS)], memo=TEXTS[(index + 5) % len(TEXTS)])
            for index in range(count)]


def _stored(store, ids: list[int]) -> list[dict]:
    return [audit.snapshot(store.db, "cash_book_entries", {"id": i}) for i in ids]


def test_a_small_batch_logs_each_row_as_one_insert_would(store, council):
    ids = cash_book.record_entries_with_ids(store, council, FY,
                                            _batch(audit.LOGGED_TOGETHER - 1), actor='会計 "A"')
    assert audit.verify_chain(store) == [] and audit.verify_covered_rows(store) == []
    logged = store.query("SELECT row_key, after, actor FROM audit_log "
                         "WHERE table_name = 'cash_book_entries' ORDER BY id")
    assert [row["row_key"] for row in logged] == [str(i) for i in ids]
    assert {row["actor"] for row in logged} == {'会計 "A"'}
    assert [row["after"] for row in logged] == [audit.canonical(row) for row in
                                                _stored(store, ids)]


def test_a_large_batch_is_logged_as_one_record_of_its_rows_as_stored(store, council):
    """record_entries writes many rows in multi-row INSERTs and logs each BATCH of them as one
    record: the canonical JSON of the rows as stored (made by SQLite, the same text Python's
    canonical JSON gives, whatever the text), with the hash the chain check computes; each
    entry's 変更履歴 shows its insert; a refused row stores none of the batch."""
    entries = _batch(audit.VALUES_ROWS * 2 + 7)
    ids = cash_book.record_entries_with_ids(store, council, FY, entries, actor='会計 "A"')
    assert ids == list(range(ids[0], ids[0] + len(entries)))
    assert audit.verify_chain(store) == [] and audit.verify_covered_rows(store) == []
    [logged] = store.query("SELECT row_key, action, before, after, actor FROM audit_log "
                           "WHERE table_name = 'cash_book_entries' ORDER BY id")
    assert logged["row_key"] == f"rows:{ids[0]}-{ids[-1]}" and logged["action"] == "insert"
    assert logged["actor"] == '会計 "A"' and logged["before"] is None
    stored = _stored(store, ids)
    assert logged["after"] == audit.canonical({"columns": list(stored[0]), "rows": [
        list(row.values()) for row in stored]})
    assert audit.batch_rows(logged["after"]) == stored
    [history] = cash_book.entry_history(store, ids[9])
    assert history["action"] == "insert" and history["after"] == stored[9]
    assert audit.history(store, "cash_book_entries", str(ids[-1]))[0]["after"] == stored[-1]
    assert audit.history(store, "cash_book_entries", str(ids[-1] + 1)) == []
    count = store.scalar("SELECT count(*) FROM audit_log")
    rows = [{"council_id": council, "fiscal_year": FY, "fund_code": "own_funds",
             "entry_date": "2025-05-01", "direction": "income",
             "income_category_code": "membership_fees", "amount": int(index != 600)}
            for index in range(1_000)]  # the store's trigger refuses the amount 0 of row 600
    with pytest.raises(StoreError), store.transaction() as db:
        audit.insert_rows(db, "cash_book_entries", rows)
    assert store.scalar("SELECT count(*) FROM audit_log") == count
    assert store.scalar("SELECT count(*) FROM cash_book_entries") == len(entries)


def test_a_batch_record_escapes_every_character_as_the_canonical_json_does(store, council):
    """SQLite's JSON text of a batch record is Python's canonical JSON even for characters the
    app never stores (control characters written by raw SQL)."""
    odd = "".join(map(chr, range(0x20))) + '"\\/\x7f\u2028\ud7ff\ue000\U0001f38c'
    rows = [{"council_id": council, "fiscal_year": FY, "fund_code": "own_funds",
             "entry_date": "2025-05-01", "direction": "income",
             "income_category_code": "membership_fees", "amount": 1 + index,
             "description": odd[index % len(odd):], "memo": odd[:index % len(odd)]}
            for index in range(audit.LOGGED_TOGETHER)]
    with store.transaction() as db:
        ids = audit.insert_rows(db, "cash_book_entries", rows)
    after = store.scalar("SELECT after FROM audit_log WHERE row_key GLOB 'rows:*'")
    stored = _stored(store, ids)
    assert after == audit.canonical({"columns": list(stored[0]),
                                     "rows": [list(row.values()) for row in stored]})
    assert audit.verify_chain(store) == [] and audit.verify_covered_rows(store) == []
