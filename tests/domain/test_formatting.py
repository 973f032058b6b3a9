"""The one formatting module: numbers, yen (△ for negatives), percentages and dates."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kyodo_desktop.domain import formatting
from kyodo_desktop.domain.formatting import (
    format_date,
    format_fiscal_year,
    format_iso,
    format_number,
    format_percent,
    format_yen,
    format_yen_signed,
)

GROUPED = re.compile(r"\d{1,3}(,\d{3})*")


@pytest.mark.parametrize(("n", "decimals", "expected"), [
    (0, 0, "0"),
    (999, 0, "999"),
    (1000, 0, "1,000"),
    (1234567, 0, "1,234,567"),
    (-1234567, 0, "-1,234,567"),
    (87.4, 1, "87.4"),
    (1234.5, 2, "1,234.50"),
    (3, 1, "3.0"),
])
def test_format_number(n, decimals, expected):
    assert format_number(n, decimals) == expected


@pytest.mark.parametrize(("amount", "unit", "expected"), [
    (0, False, "0"),
    (1234, False, "1,234"),
    (1234, True, "1,234円"),
    (-1234, False, "△1,234"),
    (-1234, True, "△1,234円"),
    (12_000_000, True, "12,000,000円"),
])
def test_format_yen(amount, unit, expected):
    assert format_yen(amount, unit=unit) == expected


def test_format_yen_signed():
    assert format_yen_signed(-1234) == "-1,234"
    assert format_yen_signed(1234, unit=True) == "1,234円"


@pytest.mark.parametrize("bad", [12.0, "1234", None, True])
def test_money_must_be_int(bad):
    with pytest.raises(TypeError):
        format_yen(bad)
    with pytest.raises(TypeError):
        format_yen_signed(bad)


@settings(max_examples=200)
@given(st.integers(min_value=-10**15, max_value=10**15))
def test_yen_groups_digits_by_three_and_keeps_the_value(amount):
    text = format_yen(amount)
    assert text.startswith("△") == (amount < 0)
    figure = text.lstrip("△")
    assert GROUPED.fullmatch(figure)
    assert int(figure.replace(",", "")) == abs(amount)


@pytest.mark.parametrize(("ratio", "decimals", "expected"), [
    (0.874, 1, "87.4%"),
    (0, 1, "0.0%"),
    (1, 1, "100.0%"),
    (1.25, 0, "125%"),
    (0.5, 2, "50.00%"),
    (12.3456, 1, "1,234.6%"),
    (None, 1, "—"),
    (float("nan"), 1, "—"),
    (-1.27, 0, "△127%"),
    (-0.0004, 1, "0.0%"),
])
def test_format_percent(ratio, decimals, expected):
    assert format_percent(ratio, decimals) == expected


@pytest.mark.parametrize(("style", "expected"), [
    ("long", "令和8年4月1日"),
    ("short", "R8.4.1"),
    ("era_year", "令和8年"),
    ("weekday", "令和8年4月1日（水）"),
    ("western", "2026年4月1日"),
    ("iso", "2026-04-01"),
])
def test_format_date_styles(style, expected):
    assert format_date(date(2026, 4, 1), style) == expected


def test_missing_dates_are_blank():
    assert format_date(None) == ""
    assert format_iso(None) == ""
    assert format_iso(date(2027, 3, 31)) == "2027-03-31"


def test_fiscal_year_is_re_exported():
    assert format_fiscal_year(2026) == "令和8年度"
    assert "format_fiscal_year" in formatting.__all__


def test_importing_formatting_does_not_load_babel():
    code = "import sys, kyodo_desktop.domain.formatting; print('babel' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=-10**18, max_value=10**18))
def test_whole_numbers_are_grouped_exactly_as_babel_does(n):
    from babel.numbers import format_decimal

    assert format_number(n) == format_decimal(n, format="#,##0", locale=formatting.LOCALE)


def test_format_date_time():
    from datetime import datetime

    assert formatting.format_date_time(datetime(2026, 11, 21, 5, 30)) == "令和8年11月21日 05:30"


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False),
                 st.decimals(min_value=-10**12, max_value=10**12, allow_nan=False,
                             allow_infinity=False, places=4)),
       st.integers(min_value=0, max_value=4))
def test_fractions_are_formatted_exactly_as_babel_does(n, decimals):
    from decimal import Decimal

    expected = formatting._number_pattern(decimals)[0].apply(
        Decimal(repr(n)) if isinstance(n, float) else n, formatting._number_pattern(decimals)[1])
    assert format_number(n, decimals) == expected
