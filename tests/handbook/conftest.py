"""Handbook fixtures: the demo data file built once per session, copied per module."""

from __future__ import annotations

import shutil

import pytest

YUDA = "湯田地域づくり協議会"
YEAR = 2026


@pytest.fixture(scope="session")
def handbook_demo_template(tmp_path_factory):
    """Path of a closed data file holding the demo (built once per session)."""
    from kyodo_desktop.services.demo import build_demo
    from kyodo_desktop.store import open_store

    path = tmp_path_factory.mktemp("handbook_demo") / "demo.sqlite3"
    with open_store(path) as store:
        build_demo(store)
    return path


@pytest.fixture(scope="module")
def demo_store(handbook_demo_template, tmp_path_factory):
    """An open store on a module-private copy of the demo (tests must not leave changes that
    others in the module depend on)."""
    from kyodo_desktop.store import open_store

    path = tmp_path_factory.mktemp("handbook_module") / "demo.sqlite3"
    shutil.copy(handbook_demo_template, path)
    store = open_store(path)
    yield store
    store.close()


@pytest.fixture
def demo_copy(handbook_demo_template, tmp_path):
    """Path of a test-private copy of the demo data file."""
    target = tmp_path / "demo.sqlite3"
    shutil.copy(handbook_demo_template, target)
    return target


@pytest.fixture(scope="module")
def yuda(demo_store) -> int:
    """The id of the demo council."""
    return demo_store.scalar("SELECT id FROM councils WHERE name = ?", (YUDA,))
