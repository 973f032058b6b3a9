"""和暦 and 年度: parsing every listed form, the messages of rejections, and round trips."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kyodo_desktop.domain.wareki import (
    ERAS,
    MAX_DATE,
    MIN_DATE,
    era_of,
    fiscal_year_contains,
    fiscal_year_end,
    fiscal_year_of,
    fiscal_year_start,
    format_fiscal_year,
    format_wareki,
    parse_date,
    parse_fiscal_year,
)
from kyodo_desktop.errors import ValidationError

APRIL_1 = date(2026, 4, 1)
FULL_WIDTH = str.maketrans("0123456789./-RHSTM", "０１２３４５６７８９．／－ＲＨＳＴＭ")

ACCEPTED_DATES = [
    ("2026-04-01", APRIL_1),
    ("2026/4/1", APRIL_1),
    ("2026.4.1", APRIL_1),
    ("20260401", APRIL_1),
    ("2026年4月1日", APRIL_1),
    ("2026-04-01 00:00:00", APRIL_1),
    ("R8.4.1", APRIL_1),
    ("R8/4/1", APRIL_1),
    ("R8-4-1", APRIL_1),
    ("r8.4.1", APRIL_1),
    ("R08.04.01", APRIL_1),
    ("令和8年4月1日", APRIL_1),
    ("令和 8年 4月 1日", APRIL_1),
    ("Ｒ８．４．１", APRIL_1),
    ("２０２６／４／１", APRIL_1),
    ("8/4/1", APRIL_1),  # a 1–2 digit first part is a 令和 year
    ("8.4.1", APRIL_1),
    ("令和元年5月1日", date(2019, 5, 1)),
    ("R1.5.1", date(2019, 5, 1)),
    ("H31.4.30", date(2019, 4, 30)),
    ("平成31年4月30日", date(2019, 4, 30)),
    ("平成元年1月8日", date(1989, 1, 8)),
    ("S64.1.7", date(1989, 1, 7)),
    ("昭和元年12月25日", date(1926, 12, 25)),
    ("T15.12.24", date(1926, 12, 24)),
    ("大正元年7月30日", date(1912, 7, 30)),
    ("M45.7.29", date(1912, 7, 29)),
    ("明治元年1月1日", date(1868, 1, 1)),
    ("2028/2/29", date(2028, 2, 29)),
]

MONTH_DAY = [
    ("4/1", date(2026, 4, 1)),
    ("4月1日", date(2026, 4, 1)),
    ("12/31", date(2026, 12, 31)),
    ("1/15", date(2027, 1, 15)),
    ("3月31日", date(2027, 3, 31)),
    ("１／１５", date(2027, 1, 15)),
]

# (text, words every one of which the Japanese message must contain)
REJECTED_DATES = [
    ("", ["日付を入力"]),
    ("  ", ["日付を入力"]),
    ("garbage", ["読み取れません"]),
    ("2026/4", ["読み取れません"]),
    ("R8.4", ["読み取れません"]),
    ("X8.4.1", ["読み取れません"]),
    ("2026-02-30", ["2026-02-30", "2月は28日まで"]),
    ("2027/2/29", ["2月は28日まで"]),
    ("2026/4/31", ["4月は30日まで"]),
    ("2026/4/0", ["4月は30日まで"]),
    ("R8.13.1", ["13月"]),
    ("2026/0/1", ["0月"]),
    ("H31.5.1", ["平成", "平成31年4月30日まで", "令和元年5月1日"]),
    ("平成32年1月1日", ["平成", "平成31年4月30日まで"]),
    ("R1.4.30", ["令和", "令和元年5月1日から", "平成31年4月30日"]),
    ("S64.1.8", ["昭和", "平成元年1月8日"]),
    ("R0.5.1", ["元年"]),
    ("4/1", ["年も入力"]),
    ("4月1日", ["年も入力"]),
    ("1800/1/1", ["範囲外"]),
    ("2201/1/1", ["範囲外"]),
]


@pytest.mark.parametrize(("text", "expected"), ACCEPTED_DATES)
def test_accepted_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(("text", "expected"), MONTH_DAY)
def test_month_and_day_fall_in_the_fiscal_year(text, expected):
    assert parse_date(text, fiscal_year=2026) == expected


@pytest.mark.parametrize(("text", "words"), REJECTED_DATES)
def test_rejected_dates_say_what_is_wrong(text, words):
    with pytest.raises(ValidationError) as caught:
        parse_date(text)
    assert caught.value.field == "date"
    for word in words:
        assert word in caught.value.message


def test_month_day_rejects_an_impossible_day_even_with_a_fiscal_year():
    with pytest.raises(ValidationError) as caught:
        parse_date("2/29", fiscal_year=2026)  # 2027 is not a leap year
    assert "2月は28日まで" in caught.value.message
    assert parse_date("2/29", fiscal_year=2027) == date(2028, 2, 29)


@pytest.mark.parametrize(("d", "style", "expected"), [
    (APRIL_1, "long", "令和8年4月1日"),
    (date(2019, 5, 1), "long", "令和元年5月1日"),
    (date(2019, 4, 30), "long", "平成31年4月30日"),
    (date(1989, 1, 7), "long", "昭和64年1月7日"),
    (APRIL_1, "short", "R8.4.1"),
    (date(2019, 5, 1), "short", "R1.5.1"),
    (APRIL_1, "era_year", "令和8年"),
    (date(2019, 12, 1), "era_year", "令和元年"),
    (APRIL_1, "weekday", "令和8年4月1日（水）"),
])
def test_format_wareki(d, style, expected):
    assert format_wareki(d, style) == expected


def test_format_wareki_rejects_unknown_style():
    with pytest.raises(ValueError):
        format_wareki(APRIL_1, "fancy")


@pytest.mark.parametrize(("fy", "expected"), [
    (2026, "令和8年度"), (2019, "令和元年度"), (2020, "令和2年度"), (2018, "平成30年度"),
    (1989, "平成元年度"), (1988, "昭和63年度"),
])
def test_format_fiscal_year(fy, expected):
    assert format_fiscal_year(fy) == expected


def test_format_fiscal_year_other_styles():
    assert format_fiscal_year(2026, "short") == "R8年度"
    assert format_fiscal_year(2026, "with_western") == "令和8年度（2026年度）"


@pytest.mark.parametrize(("text", "expected"), [
    (2026, 2026), ("2026", 2026), ("２０２６", 2026), ("R8", 2026), ("r8", 2026),
    ("令和8", 2026), ("令和8年度", 2026), ("令和元年度", 2019), ("H30", 2018),
    ("2026年度", 2026), (" 令和 8 年度 ", 2026), ("平成31年度", 2019), ("8年度", 2026),
    ("1989", 1989), (2200, 2200),
])
def test_parse_fiscal_year(text, expected):
    assert parse_fiscal_year(text) == expected


@pytest.mark.parametrize(("text", "word"), [
    ("", "年度を入力"), ("x", "読み取れません"), ("R8.4", "読み取れません"), (True, "読み取れません"),
    (1988, "範囲外"), ("2201", "範囲外"), ("S63", "範囲外"), ("H32", "平成31年"),
    ("R0", "元年"), ("20260", "読み取れません"),
])
def test_parse_fiscal_year_rejects(text, word):
    with pytest.raises(ValidationError) as caught:
        parse_fiscal_year(text)
    assert caught.value.field == "fiscal_year"
    assert word in caught.value.message


def test_fiscal_year_bounds():
    assert fiscal_year_start(2026) == date(2026, 4, 1)
    assert fiscal_year_end(2026) == date(2027, 3, 31)
    assert fiscal_year_of(date(2027, 3, 31)) == 2026
    assert fiscal_year_of(date(2027, 4, 1)) == 2027
    assert not fiscal_year_contains(2026, date(2026, 3, 31))


def test_each_era_starts_with_gannen_the_day_after_the_previous_one_ends():
    for before, after in zip(ERAS, ERAS[1:], strict=False):
        assert before.end == after.start - timedelta(days=1)
        assert era_of(before.end) is before and era_of(after.start) is after
        assert format_wareki(after.start).startswith(after.name + "元年")


dates = st.dates(min_value=MIN_DATE, max_value=MAX_DATE)


@settings(max_examples=200)
@given(dates, st.sampled_from(["long", "short", "weekday_less"]))
def test_wareki_round_trips_across_eras(d, style):
    text = format_wareki(d, "long" if style == "weekday_less" else style)
    assert parse_date(text) == d
    if style == "short":
        assert parse_date(text.translate(FULL_WIDTH)) == d
        assert parse_date(text.lower().replace(".", "/")) == d


@settings(max_examples=200)
@given(dates)
def test_western_forms_round_trip(d):
    assert parse_date(d.isoformat()) == d
    assert parse_date(d.strftime("%Y%m%d")) == d
    assert parse_date(f"{d.year}年{d.month}月{d.day}日") == d


@settings(max_examples=200)
@given(dates)
def test_fiscal_year_of_lies_within_its_start_and_end(d):
    fy = fiscal_year_of(d)
    assert fiscal_year_start(fy) <= d <= fiscal_year_end(fy)
    assert fiscal_year_contains(fy, d)
    assert not fiscal_year_contains(fy + 1, d) and not fiscal_year_contains(fy - 1, d)


@settings(max_examples=200)
@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2199, 12, 31)))
def test_month_day_within_the_fiscal_year_round_trips(d):
    assert parse_date(f"{d.month}/{d.day}", fiscal_year=fiscal_year_of(d)) == d


def test_every_fiscal_year_round_trips_through_its_name():
    for fy in range(1989, 2201):
        assert parse_fiscal_year(format_fiscal_year(fy)) == fy
        assert parse_fiscal_year(format_fiscal_year(fy, "short")) == fy
        # the year is named by the era of its last day
        assert format_fiscal_year(fy).startswith(era_of(fiscal_year_end(fy)).name)


@settings(max_examples=200)
@given(st.text(alphabet="0123456789./-年月日元RHSrh令和平成 ", max_size=14))
def test_any_text_gives_a_date_in_range_or_a_validation_error(text):
    try:
        d = parse_date(text)
    except ValidationError as error:
        assert error.field == "date" and error.message
        return
    assert MIN_DATE <= d <= MAX_DATE


@pytest.mark.parametrize(("text", "expected"), [
    ("令8.4.1", date(2026, 4, 1)), ("令８．８．１", date(2026, 8, 1)),
    ("令元.5.1", date(2019, 5, 1)), ("平31.4.30", date(2019, 4, 30)),
    ("昭64.1.7", date(1989, 1, 7)), ("令8年4月1日", date(2026, 4, 1))])
def test_the_eras_first_kanji_alone_is_read_as_forms_abbreviate_it(text, expected):
    """Receipts and city forms write 令和 as 「令」 (令8.4.1); typed that way it is read."""
    assert parse_date(text, fiscal_year=2026) == expected


def test_an_abbreviated_era_keeps_the_eras_rules():
    with pytest.raises(ValidationError, match="平成"):
        parse_date("平31.5.1")
    assert parse_fiscal_year("令8年度") == 2026
