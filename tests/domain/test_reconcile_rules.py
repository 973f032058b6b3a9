"""通帳照合 matching and the 金種表: amounts must agree, dates within ±3 days, each book move
matched once."""

from __future__ import annotations

from datetime import date

import pytest

from kyodo_desktop.domain.reconcile import (
    DENOMINATIONS,
    BookMove,
    StatementLine,
    cash_total,
    count_for,
    difference,
    match_lines,
)
from kyodo_desktop.errors import ValidationError


def _line(day: int, deposit: int = 0, withdrawal: int = 0, row: int = 0) -> StatementLine:
    return StatementLine(date(2026, 5, day), "摘要", withdrawal, deposit, None, row)


def _move(ident: int, day: int, signed: int) -> BookMove:
    return BookMove("entry", ident, date(2026, 5, day), signed)


def test_lines_match_same_amount_within_three_days_and_each_move_once():
    lines = [_line(10, deposit=5000, row=1), _line(11, deposit=5000, row=2),
             _line(20, withdrawal=3000, row=3), _line(25, withdrawal=700, row=4)]
    moves = [_move(1, 13, 5000), _move(2, 6, 5000), _move(3, 16, -3000), _move(4, 25, 700)]
    result = match_lines(lines, moves)
    pairs = {line.row: move.id for line, move in result.matched}
    assert pairs == {1: 1}  # 5/11's 5,000 is 5 days from 5/6: not the same move
    assert [line.row for line in result.bank_only] == [2, 3, 4]
    assert [move.id for move in result.book_only] == [2, 3, 4]


def test_the_closest_date_wins_and_a_move_is_never_used_twice():
    lines = [_line(10, deposit=100, row=1), _line(12, deposit=100, row=2)]
    moves = [_move(1, 9, 100), _move(2, 12, 100)]
    result = match_lines(lines, moves)
    assert {line.row: move.id for line, move in result.matched} == {1: 1, 2: 2}
    assert result.bank_only == [] and result.book_only == []


def test_the_cash_count_adds_up_and_refuses_what_is_no_coin():
    counts = count_for(123_456)
    assert cash_total(counts) == 123_456
    assert set(map(int, counts)) == set(DENOMINATIONS)
    assert cash_total({10_000: 2, "500": 3, 1: 4}) == 21_504
    for bad in ({3: 1}, {"x": 1}, {100: -1}, {100: 1.5}, {100: 10**9}):
        with pytest.raises(ValidationError):
            cash_total(bad)
    assert difference(1000, 1200) == 200


def test_the_first_overdraft_of_each_account_is_found_at_the_end_of_a_day():
    from kyodo_desktop.domain.reconcile import first_overdrafts

    day = date(2026, 5, 1)
    moves = [(day, 1, -500), (day, 1, 800), (date(2026, 5, 3), 1, -400),
             (date(2026, 5, 4), 2, -1), (date(2026, 5, 5), 1, -900)]
    assert first_overdrafts({1: 0, 2: 0}, moves) == {1: (date(2026, 5, 3), -100),
                                                      2: (date(2026, 5, 4), -1)}
    assert first_overdrafts({1: 1000, 2: 1}, moves) == {}
