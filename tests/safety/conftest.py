"""Fixtures of the data-safety tests: a demo data file made once, private copies of it, and a
private settings folder for every test (never the user's own settings)."""

from __future__ import annotations

import shutil

import pytest


@pytest.fixture(autouse=True)
def private_config(tmp_path, monkeypatch):
    """Point the app's settings at an empty folder of this test."""
    folder = tmp_path / "config"
    monkeypatch.setenv("KYODO_DESKTOP_CONFIG_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """Path of a data file holding the demo councils (built once per session)."""
    from kyodo_desktop.services.demo import build_demo
    from kyodo_desktop.store import open_store

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    with open_store(path) as store:
        build_demo(store)
    return path


@pytest.fixture
def demo_path(demo_template, tmp_path):
    """Path of a private copy of the demo data file, in its own folder."""
    folder = tmp_path / "data"
    folder.mkdir()
    target = folder / "kyodo.sqlite3"
    shutil.copy(demo_template, target)
    return target


@pytest.fixture
def demo_store(demo_path):
    """An open Store on a private copy of the demo; closed after the test."""
    from kyodo_desktop.store import open_store

    store = open_store(demo_path)
    yield store
    store.close()


def yuda_id(store) -> int:
    """The id of 湯田地域づくり協議会, the fully populated demo council."""
    return store.scalar("SELECT id FROM councils WHERE name = '湯田地域づくり協議会'")
