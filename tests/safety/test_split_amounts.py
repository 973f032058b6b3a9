"""A CSV 出納簿 written without quotes splits 「¥1,234」 and 「1,234円」 at the comma into 「¥1」 and
「234」 / 「234円」: every later cell moves one column to the right and the row would be stored
as 1 円 with no warning. Such a row is refused, naming the amount column and what to write."""

from __future__ import annotations

import pytest

from kyodo_desktop.io.cash_book_import import preview_cash_book

HEADER = "年月日,内容,科目,金額,取引先\r\n"


def _csv(tmp_path, lines: list[str]):
    path = tmp_path / "book.csv"
    path.write_text(HEADER + "".join(f"{line}\r\n" for line in lines), encoding="utf-8")
    return path


@pytest.mark.parametrize("fast", [True, False])
def test_an_amount_split_at_its_comma_is_refused_not_stored_as_1_yen(tmp_path, fast,
                                                                     monkeypatch):
    if not fast:  # the row-by-row path, as a row the remembered parts do not cover takes
        from kyodo_desktop.io import cash_book_take

        monkeypatch.setattr(cash_book_take.RowTaker, "_take_plain", lambda self, row: False)
    path = _csv(tmp_path, ["R8.4.1,ノート,消耗品費,¥1,234,文具店",
                           "R8.4.2,ペン,消耗品費,1,234円,",
                           "R8.4.3,紙,消耗品費,100,文具店",
                           "R8.4.4,付箋,消耗品費,500,101"])
    preview = preview_cash_book(path, fiscal_year=2026, fund_code="own_funds")
    stored = {row.row_number: row.entry.amount for row in preview.rows if row.ok}
    assert stored == {4: 100, 5: 500}  # a 取引先 of 101 in its own column is no split
    errors = {row.row_number: row.errors for row in preview.bad_rows}
    assert set(errors) == {2, 3}
    assert errors[2][0].startswith("「金額」列: 金額「¥1」の次の列に「234」があります")
    assert "\"1,234\"" in errors[3][0] and "「234円」" in errors[3][0]


def test_an_amount_of_a_few_yen_before_its_balance_is_a_real_row(tmp_path):
    path = tmp_path / "book.csv"
    path.write_text("年月日,内容,科目,金額,残高\r\n"
                    "R8.4.1,前年度より繰越,,1000,1000\r\n"
                    "R8.4.2,手数料,消耗品費,¥1,999\r\n"
                    "R8.4.3,手数料,消耗品費,1円,998円\r\n", encoding="utf-8")
    preview = preview_cash_book(path, fiscal_year=2026, fund_code="own_funds")
    assert [(row.row_number, row.entry.amount) for row in preview.rows if row.ok] == [
        (3, 1), (4, 1)]
    assert not preview.bad_rows
