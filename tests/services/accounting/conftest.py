"""Fixtures of the accounting tests (helpers in accounting_support.py)."""

from __future__ import annotations

import pytest

from .accounting_support import new_council


@pytest.fixture
def council(store) -> int:
    """A council of its own (山口市 preset installed) in the test's private database."""
    return new_council(store)
