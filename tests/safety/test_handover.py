"""The handover package (引継ぎ): one council exported and imported, nothing lost or added."""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import datetime

import pytest

from kyodo_desktop.errors import UserError
from kyodo_desktop.services.backup import handover_package as handover
from kyodo_desktop.services.backup.file_check import run_checks
from kyodo_desktop.store import open_store
from kyodo_desktop.store.handover_copy import council_rows, read_schema

from .conftest import yuda_id

NOW = datetime(2026, 11, 20, 17, 30)


def content(store, council_id) -> dict[str, Counter]:
    """The council's rows per table with ids and references left out (they are renumbered)."""
    schema = read_schema(store.conn)
    result = {}
    for table, rows in council_rows(store.conn, council_id).items():
        drop = {"id"} | {column for column, _p, _pc in schema[table].fks}
        result[table] = Counter(tuple(sorted((k, v) for k, v in row.items() if k not in drop))
                                for row in rows)
    return result


@pytest.fixture
def package(demo_store, tmp_path):
    return handover.export_council(demo_store, yuda_id(demo_store),
                                   tmp_path / "pkg.sqlite3", now=NOW)


def test_package_holds_one_council_with_all_its_years(demo_store, package):
    assert package.council_name == "湯田地域づくり協議会"
    assert package.fiscal_years == (2025, 2026)
    assert package.exported_at == "2026-11-20T17:30:00"
    with open_store(package.path) as opened:
        assert opened.scalar("SELECT count(*) FROM councils") == 1
        assert run_checks(opened) == []
        assert content(opened, 1) == content(demo_store, yuda_id(demo_store))


def test_import_into_another_file_brings_everything(demo_store, package, store):
    result = handover.import_package(store, package.path)
    assert not result.replaced
    assert content(store, result.council_id) == content(demo_store, yuda_id(demo_store))
    assert sum(len(c) for c in content(store, result.council_id).values()) > 1000
    assert run_checks(store) == []


def test_same_name_asks_then_replaces(demo_store, package):
    yuda = yuda_id(demo_store)
    with demo_store.transaction() as db:  # the receiving file has an outdated copy
        db.execute("DELETE FROM cash_book_entries WHERE council_id = ? AND fiscal_year = 2026 "
                   "AND id IN (SELECT id FROM cash_book_entries WHERE council_id = ? "
                   "ORDER BY id DESC LIMIT 5)", [yuda, yuda])
    with pytest.raises(handover.CouncilExists) as caught:
        handover.import_package(demo_store, package.path)
    assert caught.value.council_id == yuda
    others = demo_store.scalar("SELECT count(*) FROM councils")
    result = handover.import_package(demo_store, package.path, replace_council_id=yuda)
    assert result.replaced
    assert demo_store.scalar("SELECT count(*) FROM councils") == others
    with open_store(package.path) as opened:
        assert content(demo_store, result.council_id) == content(opened, 1)
    assert run_checks(demo_store) == []


def test_import_under_another_name(demo_store, package):
    result = handover.import_package(demo_store, package.path, new_name="湯田地域づくり協議会（旧）")
    name = demo_store.scalar("SELECT name FROM councils WHERE id = ?", (result.council_id,))
    assert name == "湯田地域づくり協議会（旧）"
    assert run_checks(demo_store) == []


def test_shared_rows_are_matched_not_duplicated(demo_store, package):
    districts = demo_store.scalar("SELECT count(*) FROM districts")
    city = "SELECT count(*) FROM grant_programs WHERE city_preset <> ''"
    programs, own = demo_store.scalar(city), demo_store.scalar("SELECT count(*) FROM "
                                                              "council_programs")
    result = handover.import_package(demo_store, package.path, new_name="別名の協議会")
    assert demo_store.scalar("SELECT count(*) FROM districts") == districts
    assert demo_store.scalar(city) == programs
    # the council's own programme (共同募金) comes as its own, never shared with 湯田
    assert demo_store.scalar("SELECT count(*) FROM council_programs WHERE council_id = ?",
                             (result.council_id,)) == own


def test_a_plain_data_file_is_not_a_package(demo_path):
    with pytest.raises(UserError) as caught:
        handover.read_package(demo_path)
    assert "引継ぎ" in caught.value.message


def test_export_of_a_missing_council_is_explained(demo_store, tmp_path):
    with pytest.raises(UserError):
        handover.export_council(demo_store, 9999, tmp_path / "x.sqlite3")
    assert not (tmp_path / "x.sqlite3").exists()


def test_package_is_a_self_contained_file(package):
    conn = sqlite3.connect(package.path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()
    assert not list(package.path.parent.glob("*.partial*"))
    assert not package.path.with_name(package.path.name + "-wal").exists()


def test_default_package_name_is_safe_for_files():
    name = handover.default_package_name("湯田 地域/協議会", NOW.date())
    assert name == "引継ぎ_湯田_地域_協議会_20261120.sqlite3"
