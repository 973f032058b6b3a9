"""Fixtures of the city tests: the demo's 湯田 return written to a file, and a new city file."""

from __future__ import annotations

import pytest


@pytest.fixture
def return_file(yuda_return, tmp_path):
    """Path of the demo's 湯田 令和7年度 return in this test's folder."""
    path = tmp_path / "湯田_R7.kyodo-return"
    path.write_bytes(yuda_return)
    return path


@pytest.fixture
def city_store(store):
    """An empty data file made a city file, 湯田 registered."""
    from kyodo_desktop.services.city.city_file import make_city_file, register_districts

    make_city_file(store)
    register_districts(store, ["湯田"])
    return store
