"""Shared fixtures: a fresh database per test, copied from a template migrated once per session."""

from __future__ import annotations

import os
import shutil

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def template_db(tmp_path_factory):
    """Path of an empty, fully migrated database (made once per test session)."""
    from kyodo_desktop.store import open_store

    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    open_store(path).close()
    return path


@pytest.fixture
def db_path(template_db, tmp_path):
    """Path of a private copy of the empty template database."""
    target = tmp_path / "test.sqlite3"
    shutil.copy(template_db, target)
    return target


@pytest.fixture
def store(db_path):
    """An open Store on a private empty database; closed after the test."""
    from kyodo_desktop.store import open_store

    opened = open_store(db_path)
    yield opened
    opened.close()
