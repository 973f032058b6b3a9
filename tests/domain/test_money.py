"""parse_yen: every accepted and rejected form of the brief, and round trips with format_yen."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kyodo_desktop.domain.formatting import format_yen, format_yen_signed
from kyodo_desktop.domain.money import MAX_YEN, parse_yen
from kyodo_desktop.errors import ValidationError

FULL_WIDTH = str.maketrans("0123456789,-", "０１２３４５６７８９，－")

ACCEPTED = [
    ("1234", 1234),
    ("1,234", 1234),
    ("１，２３４", 1234),
    ("¥1,234", 1234),
    ("￥1,234", 1234),
    ("￥1,234-", 1234),  # a receipt's closing dash is not a minus
    ("¥1,234－", 1234),
    ("1,234円", 1234),
    ("金1,234円也", 1234),
    ("1万2千円", 12_000),
    ("1万円", 10_000),
    ("3千円", 3_000),
    ("千円", 1_000),
    ("十万円", 100_000),
    ("1,000万円", 10_000_000),
    ("2千3百45円", 2_345),
    ("三千円", 3_000),
    ("1億2345万6789円", 123_456_789),
    ("1億円", 100_000_000),
    ("  1,234  ", 1234),
    ("\u30001,234\u3000", 1234),
    ("¥ 1,234 円", 1234),
    ("0", 0),
    ("0円", 0),
    ("99,999,999,999", MAX_YEN),
]

NEGATIVE = [
    ("△1,234", -1234),
    ("▲1,234", -1234),
    ("-1,234", -1234),
    ("－１，２３４", -1234),
    ("−1,234円", -1234),
    ("-¥1,234", -1234),
    ("¥-1,234", -1234),
    ("△1万円", -10_000),
]

# (text, keyword arguments, a word the Japanese message must contain)
REJECTED = [
    ("", {}, "金額を入力"),
    ("   ", {}, "金額を入力"),
    ("\u3000", {}, "金額を入力"),
    ("12.5", {}, "小数点"),
    ("1,234.5円", {}, "小数点"),
    ("１２．５", {}, "小数点"),
    ("abc", {}, "読み取れません"),
    ("12a", {}, "読み取れません"),
    ("¥", {}, "読み取れません"),
    ("円", {}, "読み取れません"),
    ("1-2", {}, "読み取れません"),
    ("1 234", {}, "読み取れません"),  # maybe two amounts: never guess
    ("1,000\u30002,000", {}, "読み取れません"),
    ("1万12000円", {}, "読み取れません"),
    ("2万1億", {}, "読み取れません"),
    ("1億万", {}, "読み取れません"),
    ("12千", {}, "読み取れません"),
    ("1,23", {}, "カンマ"),
    ("1,2345", {}, "カンマ"),
    (",123", {}, "カンマ"),
    ("-1,234", {}, "マイナス"),
    ("△1,234", {}, "マイナス"),
    ("▲500", {}, "マイナス"),
    ("0", {"allow_zero": False}, "0円"),
    ("0円", {"allow_zero": False}, "0円"),
    ("100,000,000,000", {}, "大きすぎ"),
    ("1000億円", {}, "大きすぎ"),
    ("9" * 40, {}, "大きすぎ"),
]


@pytest.mark.parametrize(("text", "expected"), ACCEPTED)
def test_accepted_forms(text, expected):
    assert parse_yen(text) == expected


@pytest.mark.parametrize(("text", "expected"), NEGATIVE)
def test_negative_forms_when_allowed(text, expected):
    assert parse_yen(text, allow_negative=True) == expected


@pytest.mark.parametrize(("text", "kwargs", "word"), REJECTED)
def test_rejected_forms_say_what_is_wrong(text, kwargs, word):
    with pytest.raises(ValidationError) as caught:
        parse_yen(text, **kwargs)
    assert caught.value.field == "amount"
    assert word in caught.value.message


def test_rejection_quotes_the_input():
    with pytest.raises(ValidationError) as caught:
        parse_yen("12x4")
    assert "12x4" in caught.value.message


def test_zero_is_accepted_by_default_and_minus_zero_is_zero():
    assert parse_yen("0") == 0
    assert parse_yen("-0", allow_negative=True) == 0


def test_negative_zero_is_still_refused_when_zero_is():
    with pytest.raises(ValidationError):
        parse_yen("△0", allow_negative=True, allow_zero=False)


amounts = st.integers(min_value=-MAX_YEN, max_value=MAX_YEN)


@settings(max_examples=200)
@given(amounts, st.booleans())
def test_format_yen_round_trips(amount, unit):
    assert parse_yen(format_yen(amount, unit=unit), allow_negative=True) == amount


@settings(max_examples=100)
@given(amounts)
def test_signed_and_full_width_round_trip(amount):
    signed = format_yen_signed(amount)
    assert parse_yen(signed, allow_negative=True) == amount
    assert parse_yen("￥" + signed.translate(FULL_WIDTH) + "円", allow_negative=True) == amount


@settings(max_examples=100)
@given(st.integers(0, 999), st.integers(0, 9999), st.integers(0, 9999))
def test_kanji_units_add_up(oku, man, rest):
    text = (f"{oku}億" if oku else "") + (f"{man}万" if man else "") + (str(rest) if rest else "")
    if text:
        assert parse_yen(text + "円") == oku * 100_000_000 + man * 10_000 + rest


@settings(max_examples=200)
@given(st.text(alphabet="0123456789,.万千百十億円¥￥-△▲ 金也a１", max_size=16),
       st.booleans(), st.booleans())
def test_any_text_gives_an_int_in_range_or_a_validation_error(text, negative, zero):
    try:
        amount = parse_yen(text, allow_negative=negative, allow_zero=zero)
    except ValidationError as error:
        assert error.field == "amount" and error.message
        return
    assert isinstance(amount, int)
    assert -MAX_YEN <= amount <= MAX_YEN
    assert negative or amount >= 0
    assert zero or amount != 0


class _Typed(str):
    """Text that is not exactly ``str``: :func:`parse_yen` reads it by the full rules only."""


@given(st.text(alphabet="0123456789", min_size=1, max_size=20), st.booleans(), st.booleans())
def test_plain_ascii_digits_read_as_the_full_rules_read_them(text, allow_negative, allow_zero):
    """「1234」 takes a short path (a spreadsheet's amounts and 残高 are such cells); it gives the
    same amount, or the same refusal, as the full rules (leading zeros, 0 where 0 is not
    allowed, more than MAX_YEN)."""

    def read(value):
        try:
            return parse_yen(value, allow_negative=allow_negative, allow_zero=allow_zero)
        except ValidationError as error:
            return error.message

    assert read(text) == read(_Typed(text))


def test_plain_digits_beyond_python_int_string_limit_are_refused_not_crashed():
    with pytest.raises(ValidationError, match="大きすぎ"):
        parse_yen("9" * 5000)


def test_plain_ascii_digits_skip_the_cleaning(monkeypatch):
    from kyodo_desktop.domain import money

    def no_cleaning(text):
        raise AssertionError(f"{text!r} was cleaned")

    monkeypatch.setattr(money, "foreign_digits", no_cleaning)
    assert parse_yen("1234") == 1234 and parse_yen("0") == 0
    with pytest.raises(AssertionError):
        parse_yen("1,234")
