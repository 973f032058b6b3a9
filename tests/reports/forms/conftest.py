"""Fixtures of the printed-forms tests: the demo data file and its private copy (from
tests/conftest.py) under the names these tests use, and the demo council's id."""

from __future__ import annotations

import pytest


@pytest.fixture
def demo_file(demo_template):
    """Path of the closed demo data file (built once per session; copy it before writing)."""
    return demo_template


@pytest.fixture
def demo(demo_store):
    """An open Store on a private copy of the demo file."""
    return demo_store


@pytest.fixture
def council_id(demo) -> int:
    """The id of the fully populated demo council (湯田地域づくり協議会)."""
    return demo.scalar("SELECT id FROM councils WHERE name = '湯田地域づくり協議会'")
