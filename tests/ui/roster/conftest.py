"""Roster screen tests: the roster fixtures (tests/fixtures/roster.py)."""

from tests.fixtures.roster import (  # noqa: F401 (fixtures are found by name)
    demo,
    write_csv,
    yuda,
)
