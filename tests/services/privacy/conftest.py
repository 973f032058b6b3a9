"""Fixtures of the personal data register tests: the demo council's id."""

from __future__ import annotations

import pytest


@pytest.fixture
def yuda(demo_store) -> int:
    """The id of the fully populated demo council (湯田地域づくり協議会)."""
    return demo_store.scalar("SELECT id FROM councils WHERE name = '湯田地域づくり協議会'")
