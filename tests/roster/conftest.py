"""Roster fixtures: the demo data file and its private copy (tests/conftest.py) under the names
these tests use, and the spreadsheet writers of tests/conftest.py with roster file names."""

from __future__ import annotations

import functools

import pytest


@pytest.fixture
def demo_file(demo_template):
    """Path of the closed demo data file (built once per session; copy it before writing)."""
    return demo_template


@pytest.fixture
def demo(demo_store):
    """An open Store on a private copy of the demo."""
    return demo_store


@pytest.fixture
def yuda(demo):
    """The id of the demo's fully populated council (湯田)."""
    return demo.scalar("SELECT id FROM councils WHERE name = '湯田地域づくり協議会'")


@pytest.fixture
def council(store):
    """An empty council in an empty data file: its id."""
    from kyodo_desktop.services.council.profile import create_council

    council_id, _changes = create_council(store, "テスト地域づくり協議会")
    return council_id


@pytest.fixture
def write_xlsx(write_xlsx):
    """``write_xlsx(rows, name=...)`` of tests/conftest.py, named ``roster.xlsx`` by default."""
    return functools.partial(write_xlsx, name="roster.xlsx")


@pytest.fixture
def write_csv(write_csv):
    """``write_csv(rows, encoding=..., name=...)`` of tests/conftest.py, named ``roster.csv`` by
    default."""
    return functools.partial(write_csv, name="roster.csv")
