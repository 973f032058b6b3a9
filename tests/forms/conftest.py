"""Fixtures of the printed-forms tests: the demo data file built once per session, copied per
test that writes; a helper to read a PDF's text back."""

from __future__ import annotations

import shutil

import pytest


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory):
    """Path of a closed data file holding the demo councils (built once)."""
    from kyodo_desktop.services.demo import build_demo
    from kyodo_desktop.store import open_store

    path = tmp_path_factory.mktemp("forms_demo") / "demo.sqlite3"
    store = open_store(path)
    try:
        build_demo(store)
    finally:
        store.close()
    return path


@pytest.fixture
def demo(demo_file, tmp_path):
    """An open Store on a private copy of the demo file."""
    from kyodo_desktop.store import open_store

    target = tmp_path / "demo.sqlite3"
    shutil.copy(demo_file, target)
    store = open_store(target)
    yield store
    store.close()


@pytest.fixture
def council_id(demo) -> int:
    """The id of the fully populated demo council (湯田地域づくり協議会)."""
    return demo.scalar("SELECT id FROM councils WHERE name = '湯田地域づくり協議会'")
