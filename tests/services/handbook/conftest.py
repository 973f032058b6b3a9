"""Handbook service tests: a module-private demo copy (tests/fixtures/handbook.py)."""

from tests.fixtures.handbook import (  # noqa: F401 (fixtures are found by name)
    demo_copy,
    demo_store,
    yuda,
)
