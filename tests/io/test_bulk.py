"""The cycle collector is paused while a large file is read, checked and written, and is always
switched back on (kyodo_desktop.io.bulk)."""

from __future__ import annotations

import gc

import openpyxl
import pytest

from kyodo_desktop.errors import UserError
from kyodo_desktop.io import bulk, cash_book_import
from kyodo_desktop.io.cash_book_import import apply_import, preview_cash_book
from kyodo_desktop.services.council.profile import create_council


@pytest.fixture(autouse=True)
def _collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


def test_paused_inside_and_on_again_after():
    with bulk.collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_on_again_after_an_error():
    with pytest.raises(RuntimeError), bulk.collector_paused():
        raise RuntimeError("a file that cannot be read")
    assert gc.isenabled()


def test_left_off_when_it_was_off_and_nested_blocks_keep_it_off_until_the_outer_ends():
    gc.disable()
    with bulk.collector_paused():
        pass
    assert not gc.isenabled()
    gc.enable()
    with bulk.collector_paused():
        with bulk.collector_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_cash_book_is_read_and_written_with_the_collector_paused(tmp_path, monkeypatch,
                                                                     store):
    seen = []
    real_read, real_record = cash_book_import.read_table, cash_book_import.record_entries

    def reading(*args, **kwargs):
        seen.append(("read", gc.isenabled()))
        return real_read(*args, **kwargs)

    def recording(*args, **kwargs):
        seen.append(("write", gc.isenabled()))
        return real_record(*args, **kwargs)

    monkeypatch.setattr(cash_book_import, "read_table", reading)
    monkeypatch.setattr(cash_book_import, "record_entries", recording)
    book = tmp_path / "book.xlsx"
    workbook = openpyxl.Workbook()
    for row in (["日付", "摘要", "費目", "収入", "支出"], ["R7.4.1", "会費", "会費", 3000, None],
                ["R7.4.2", "用紙", "消耗品費", None, 1100]):
        workbook.active.append(row)
    workbook.save(book)
    council_id, _changes = create_council(store, "湯田地域づくり協議会")
    preview = preview_cash_book(book, fiscal_year=2025, fund_code="own_funds")
    assert gc.isenabled()
    assert [row.entry.amount for row in preview.rows] == [3000, 1100]
    apply_import(store, council_id, 2025, preview)
    assert seen == [("read", False), ("write", False)]
    assert gc.isenabled()


def test_the_collector_is_on_again_after_a_refused_file(tmp_path):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(UserError):
        preview_cash_book(broken, fiscal_year=2025, fund_code="own_funds")
    assert gc.isenabled()
