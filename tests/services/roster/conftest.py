"""Roster service tests: the roster fixtures (tests/fixtures/roster.py)."""

from tests.fixtures.roster import (  # noqa: F401 (fixtures are found by name)
    council,
    demo,
    demo_file,
    write_csv,
    write_xlsx,
    yuda,
)
