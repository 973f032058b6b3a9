"""Placeholders: filling from the data, escapes, and unknown placeholders flagged by name."""

from __future__ import annotations

import pytest

from kyodo_desktop.domain.handbook_placeholders import (
    UnknownPlaceholderError,
    fill,
    fill_lenient,
    find_placeholders,
    unknown_placeholders,
)

VALUES = {"年度": "令和8年度", "交付金額:活動支援": "5,406,000円"}


def test_fill_replaces_plain_and_argument_placeholders():
    text = "{年度}の活動支援は{交付金額:活動支援}です。{年度}も"
    assert fill(text, VALUES) == "令和8年度の活動支援は5,406,000円です。令和8年度も"


def test_full_width_colon_and_escaped_braces():
    assert fill("{交付金額：活動支援}", VALUES) == "5,406,000円"
    assert fill("{{年度}} は {年度}", VALUES) == "{年度} は 令和8年度"


def test_unknown_placeholders_are_listed_once_in_order_with_the_chapter():
    with pytest.raises(UnknownPlaceholderError) as caught:
        fill("{会長の好物}と{年度}と{交付金額:運営}と{会長の好物}", VALUES, where="はじめに")
    assert caught.value.unknown == ["会長の好物", "交付金額:運営"]
    assert "はじめに" in caught.value.message
    assert "{会長の好物}" in caught.value.message


def test_find_and_unknown_helpers():
    text = "x{交付金額:活動支援}y"
    found = find_placeholders(text)
    assert [(p.key, p.name, p.argument) for p in found] == [
        ("交付金額:活動支援", "交付金額", "活動支援")]
    assert text[found[0].start:found[0].end] == "{交付金額:活動支援}"
    assert unknown_placeholders(["{年度}", "{謎}"], VALUES) == ["謎"]


def test_lenient_fill_marks_unknown_instead_of_failing():
    assert fill_lenient("{年度}{謎}", VALUES) == "令和8年度【謎?】"
