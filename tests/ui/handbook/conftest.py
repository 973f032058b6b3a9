"""Handbook screen tests: the demo copy fixture (tests/fixtures/handbook.py)."""

from tests.fixtures.handbook import (  # noqa: F401 (fixtures are found by name)
    demo_copy,
)
