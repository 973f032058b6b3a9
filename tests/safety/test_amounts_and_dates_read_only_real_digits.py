"""An amount, date or 年度 typed or pasted with digits that only look like 0-9 (Arabic-Indic
「٣٠٠」, superscript 「1²」, circled 「①,000」) is refused with a message naming them, instead of
being read silently as another figure (「1²」 was 12 円, 「R⁸.5.10」 令和8年); the 会費 and the
data file stay as they were. Full-width digits (「１２３」) are still read."""

from __future__ import annotations

import pytest

from kyodo_desktop.domain.dateparse import parse_date, parse_fiscal_year
from kyodo_desktop.domain.money import parse_yen
from kyodo_desktop.errors import ValidationError

from .conftest import file_digests, run_cli

LOOKALIKES = ["٣٠٠", "1²", "①,000", "¹⁰⁰⁰", "३००"]


@pytest.mark.parametrize("text", LOOKALIKES)
def test_an_amount_with_lookalike_digits_is_refused(text):
    with pytest.raises(ValidationError, match="0〜9|0-9"):
        parse_yen(text)


@pytest.mark.parametrize("text", ["2026-٠٥-١٠", "R⁸.5.10", "2026-05-①"])
def test_a_date_with_lookalike_digits_is_refused(text):
    with pytest.raises(ValidationError, match="0〜9|0-9"):
        parse_date(text)


@pytest.mark.parametrize("text", ["٢٠٢٦", "R⁸"])
def test_a_fiscal_year_with_lookalike_digits_is_refused(text):
    with pytest.raises(ValidationError, match="0〜9|0-9"):
        parse_fiscal_year(text)


def test_full_width_and_kanji_figures_still_read():
    assert parse_yen("１２３") == 123
    assert parse_yen("５万") == 50_000
    assert parse_date("Ｒ８．５．１０").isoformat() == "2026-05-10"
    assert parse_fiscal_year("２０２６") == 2026


def test_the_membership_fee_is_not_set_from_lookalike_digits(capsys, demo_path):
    before = file_digests(demo_path)
    code, _out, err = run_cli(capsys, "dues", "set-rate", "--db", demo_path, "--council",
                              "湯田地域づくり協議会", "--fiscal-year", "2026", "--per-household",
                              "٣٠٠", "--per-association", "0")
    assert code == 2 and err.startswith("エラー:")
    assert file_digests(demo_path) == before
