"""The free columns of a fitted table share the room by need: an empty 所見 column beside a
long 推進項目 keeps its header's width and leaves the rest to the text that needs it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kyodo_desktop.ui.shell.table_fit import free_shares


def test_a_column_that_needs_little_leaves_the_room_to_the_others():
    widths = free_shares(900, [1, 4, 5], {1: 1200, 4: 60, 5: 80}, 40)
    assert widths == {1: 760, 4: 60, 5: 80}


def test_columns_that_all_need_more_share_equally():
    assert free_shares(900, [1, 4, 5], {1: 1200, 4: 500, 5: 400}, 40) == {1: 300, 4: 300,
                                                                          5: 300}


def test_columns_that_all_fit_fill_the_width_equally():
    assert free_shares(900, [1, 4], {1: 100, 4: 60}, 40) == {1: 450, 4: 450}


@given(left=st.integers(0, 3000), needs=st.lists(st.integers(0, 2000), min_size=1, max_size=5),
       minimum=st.integers(1, 80))
def test_shares_fill_the_room_and_never_go_below_the_minimum(left, needs, minimum):
    free = list(range(len(needs)))
    widths = free_shares(left, free, dict(zip(free, needs, strict=True)), minimum)
    assert set(widths) == set(free)
    assert all(width >= minimum for width in widths.values())
    if left >= minimum * len(free):
        assert sum(widths.values()) == left
        wanted = {c: max(needs[c], minimum) for c in free}
        short = [c for c in free if widths[c] < wanted[c]]
        if short:  # the short columns share equally; every other one got just what it needs
            assert max(widths[c] for c in short) - min(widths[c] for c in short) < len(short)
            assert all(widths[c] == wanted[c] for c in free if c not in short)


def test_a_column_is_never_narrower_than_its_floor_when_the_room_allows():
    """Per-column floors (a free column's header, 推進項目 on two lines): the columns that need
    little take what they need, the long one the rest, never below its floor."""
    assert free_shares(581, [1, 4, 5], {1: 381, 4: 114, 5: 180}, {1: 215, 4: 126, 5: 180}) == {
        1: 275, 4: 126, 5: 180}
    assert free_shares(500, [1, 4, 5], {1: 900, 4: 900, 5: 900}, {1: 100, 4: 100, 5: 240}) == {
        1: 130, 4: 130, 5: 240}
