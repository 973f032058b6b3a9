"""班数 per 自治会: stored, cleared, hostile input refused; the 回覧 copies of the 配布部数表 are
one per 班 where a count is entered, else one per 10 加入世帯."""

from __future__ import annotations

import pytest

from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.services.meetings.distribution import distribution_rows
from kyodo_desktop.services.roster.han import han_counts, set_han_count


def _yuda(store) -> int:
    return store.scalar("SELECT id FROM councils WHERE name = '湯田地域づくり協議会'")


def test_circulars_are_one_per_han_else_one_per_ten_households(demo_store):
    council = _yuda(demo_store)
    counts = han_counts(demo_store, council)
    assert sorted(counts.values()) == [6, 8, 9, 10, 12, 15]
    rows = distribution_rows(demo_store, council, 2026, "回覧", 2)
    with_han = [r for r in rows if r.han is not None]
    without = [r for r in rows if r.han is None and r.member_households]
    assert len(with_han) == 6 and without
    assert all(r.copies == r.han + 2 for r in with_han)
    assert all(r.copies == -(-r.member_households // 10) + 2 for r in without)
    whole = distribution_rows(demo_store, council, 2026, "全戸配布", 0)
    assert all(r.copies == (r.member_households or 0) for r in whole)


def test_han_counts_are_set_and_cleared(demo_store):
    council = _yuda(demo_store)
    organization = next(iter(han_counts(demo_store, council)))
    set_han_count(demo_store, organization, "２０班")
    assert han_counts(demo_store, council)[organization] == 20
    set_han_count(demo_store, organization, "")
    assert organization not in han_counts(demo_store, council)


@pytest.mark.parametrize("value", ["0", "1000", "-3", "3.5", "十二", "¥1,234", True,
                                   "99999999999999999999"])
def test_hostile_han_counts_are_refused(demo_store, value):
    council = _yuda(demo_store)
    organization, before = next(iter(han_counts(demo_store, council).items()))
    with pytest.raises(ValidationError) as raised:
        set_han_count(demo_store, organization, value)
    assert raised.value.field == "han_count"
    assert han_counts(demo_store, council)[organization] == before


def test_a_deleted_group_is_reported(demo_store):
    with pytest.raises(UserError):
        set_han_count(demo_store, 999_999, 3)
