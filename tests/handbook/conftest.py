"""Handbook fixtures: a module-private copy of the session's demo data file (tests/conftest.py)."""

from __future__ import annotations

import shutil

import pytest

YUDA = "湯田地域づくり協議会"
YEAR = 2026


@pytest.fixture(scope="module")
def demo_store(demo_template, tmp_path_factory):
    """An open store on a module-private copy of the demo (tests must not leave changes that
    others in the module depend on)."""
    from kyodo_desktop.store import open_store

    path = tmp_path_factory.mktemp("handbook_module") / "demo.sqlite3"
    shutil.copy(demo_template, path)
    store = open_store(path)
    yield store
    store.close()


@pytest.fixture
def demo_copy(demo_path):
    """Path of a test-private copy of the demo data file."""
    return demo_path


@pytest.fixture(scope="module")
def yuda(demo_store) -> int:
    """The id of the demo council."""
    return demo_store.scalar("SELECT id FROM councils WHERE name = ?", (YUDA,))
