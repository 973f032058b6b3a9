"""Labels match the schema (seeds and CHECK lists); plan numerals Ⅰ-(2)-③."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

import kyodo_desktop
from kyodo_desktop.domain import labels
from kyodo_desktop.domain.labels import (
    action_code,
    action_numeral,
    goal_numeral,
    label_of,
    measure_numeral,
)

SCHEMA = Path(kyodo_desktop.__file__).parent / "store" / "migrations" / "m0001_initial.sql"


@pytest.fixture(scope="module")
def seeded():
    conn = sqlite3.connect(":memory:")
    conn.executescript(SCHEMA.read_text(encoding="utf-8"))
    yield conn
    conn.close()


@pytest.mark.parametrize(("table", "mapping"), [
    ("funds", labels.FUND_LABELS),
    ("organization_kinds", labels.ORGANIZATION_KIND_LABELS),
    ("roles", labels.ROLE_LABELS),
    ("income_categories", labels.INCOME_CATEGORY_LABELS),
    ("expense_categories", labels.EXPENSE_CATEGORY_LABELS),
])
def test_seeded_tables_match_in_sort_order(seeded, table, mapping):
    rows = seeded.execute(f"SELECT code, name FROM {table} ORDER BY sort_order").fetchall()
    assert list(mapping.items()) == rows


def test_expense_category_parents_match(seeded):
    rows = seeded.execute(
        "SELECT code, parent_code FROM expense_categories WHERE parent_code IS NOT NULL")
    assert dict(rows.fetchall()) == labels.EXPENSE_CATEGORY_PARENTS


def _check_list(column: str) -> set[str]:
    """The codes a CHECK (column IN (...)) of the schema allows."""
    sql = SCHEMA.read_text(encoding="utf-8")
    match = re.search(rf"\b{column} IN\s*\(([^)]*)\)", sql)
    assert match, column
    return set(re.findall(r"'([^']*)'", match.group(1)))


@pytest.mark.parametrize(("column", "mapping"), [
    ("status", labels.SCHEDULE_STATUS_LABELS),
    ("target", labels.PLAN_TARGET_LABELS),
    ("evaluator_kind", labels.EVALUATOR_KIND_LABELS),
    ("collaboration_form", labels.COLLABORATION_FORM_LABELS),
    ("direction", labels.DIRECTION_LABELS),
])
def test_every_checked_code_has_a_label(column, mapping):
    assert set(mapping) == _check_list(column)


def test_glossary_terms():
    assert labels.SCHEDULE_STATUS_LABELS["revise"] == "見直し・実施"
    assert labels.SCHEDULE_STATUS_MARKS["continue"] == "→"
    assert labels.RATING_LABELS == {"A": "達成", "B": "概ね達成", "C": "一部未達", "D": "未着手"}
    assert labels.COLLABORATION_FORM_LABELS["subsidy"] == "補助・助成"


def test_label_of():
    assert label_of(labels.FUND_LABELS, "own_funds") == "自主財源"
    assert label_of(labels.FUND_LABELS, "unknown_code") == "unknown_code"
    assert label_of(labels.FUND_LABELS, None) == ""


@pytest.mark.parametrize(("n", "expected"), [
    (1, "Ⅰ"), (2, "Ⅱ"), (4, "Ⅳ"), (9, "Ⅸ"), (10, "Ⅹ"), (11, "XI"), (14, "XIV"), (40, "XL"),
    (1999, "MCMXCIX"),
])
def test_goal_numeral(n, expected):
    assert goal_numeral(n) == expected


@pytest.mark.parametrize(("n", "expected"), [(1, "①"), (3, "③"), (20, "⑳"), (21, "(21)")])
def test_action_numeral(n, expected):
    assert action_numeral(n) == expected


def test_measure_numeral_and_action_code():
    assert measure_numeral(2) == "(2)"
    assert action_code(1, 2, 3) == "Ⅰ-(2)-③"
    assert action_code(10, 12, 21) == "Ⅹ-(12)-(21)"


@pytest.mark.parametrize("function", [goal_numeral, measure_numeral, action_numeral])
@pytest.mark.parametrize("bad", [0, -1, True])
def test_positions_start_at_one(function, bad):
    with pytest.raises(ValueError):
        function(bad)
