"""A handover package brings only its own council's rows: shared reference rows (交付金
programmes, 費目, funds, 地域, 団体の種類, 役職) must be the receiving file's own, so no import —
accepted or refused — changes another council's figures (its 精算書 対象経費 among them)."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from kyodo_desktop.errors import UserError
from kyodo_desktop.services.accounting.figures import eligible_cost
from kyodo_desktop.services.backup import handover_package as handover
from kyodo_desktop.store.backup import table_digests
from kyodo_desktop.store.handover_copy import NEVER_COPIED, council_rows, owned_tables, read_schema

from .conftest import yuda_id
from .hostile_sqlite import REFERENCE_ATTACKS, altered_programme_rules, mutate_copy

#: The council's own funds and programmes (migration 19): rows of shared tables that belong to
#: the council owning them, so they count in that council's digest, not in the table's.
OWN_ROWS = {"funds": "SELECT f.* FROM funds f JOIN council_funds c ON c.fund_code = f.code "
                     "WHERE c.council_id = ?",
            "grant_programs": "SELECT p.* FROM grant_programs p JOIN council_programs c ON "
                              "c.program_id = p.id WHERE c.council_id = ?"}


def _digest(conn: sqlite3.Connection, sql: str, params=()) -> str:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return hashlib.sha256(repr(sorted(repr(sorted(zip(names, row, strict=True)))
                                      for row in cursor.fetchall())).encode()).hexdigest()


def council_digests(conn: sqlite3.Connection) -> dict[str, str]:
    """``{council name or shared table: sha256}``: every council's own rows (its own funds and
    programmes included) and every shared reference table, so a change to any other council's
    figures or rules shows."""
    digests = {}
    for council_id, name in conn.execute("SELECT id, name FROM councils ORDER BY id").fetchall():
        rows = council_rows(conn, council_id)
        digests[name] = hashlib.sha256(repr(sorted(
            (t, repr(sorted(r.items()))) for t, rs in rows.items() for r in rs)).encode()
        ).hexdigest()
        digests[f"{name} own funds and programmes"] = "".join(
            _digest(conn, sql, (council_id,)) for sql in OWN_ROWS.values())
    schema = read_schema(conn)
    shared = set(schema) - owned_tables(schema) - NEVER_COPIED
    all_tables = table_digests(conn)
    digests.update({f"table {t}": all_tables[t] for t in shared - set(OWN_ROWS)})
    digests.update({f"table {t}": _digest(conn, f"SELECT * FROM {t} WHERE substr(code, 1, 8) "
                                                "<> 'council_'") for t in OWN_ROWS})
    return digests


def eligible_figures(store) -> dict[int, int]:
    """湯田's 対象経費 per grant (円), as its 精算書 prints them."""
    council = yuda_id(store)
    return {r["id"]: eligible_cost(store, r["id"]) for r in store.query(
        "SELECT id FROM grants WHERE council_id = ? ORDER BY id", (council,))}


@pytest.fixture
def package(demo_store, tmp_path):
    return handover.export_council(demo_store, yuda_id(demo_store),
                                   tmp_path / "pkg.sqlite3").path


@pytest.mark.parametrize("attack", sorted(REFERENCE_ATTACKS))
def test_a_package_with_altered_reference_rows_is_refused_and_changes_nothing(
        demo_store, package, tmp_path, attack):
    change, named = REFERENCE_ATTACKS[attack]
    hostile = mutate_copy(package, tmp_path / f"{attack}.sqlite3", change)
    before, figures = table_digests(demo_store.conn), eligible_figures(demo_store)
    with pytest.raises(UserError) as caught:
        handover.import_package(demo_store, hostile, new_name="別の地域づくり協議会")
    assert named in caught.value.message
    assert "何も取り込みませんでした" in caught.value.message
    assert table_digests(demo_store.conn) == before
    assert eligible_figures(demo_store) == figures


def test_the_finding_altered_programme_would_change_yuda_figures(demo_store, package):
    """The attack is real: the same rows written straight into the file change 湯田's 対象経費
    (so the refusal above is what protects it)."""
    figures = eligible_figures(demo_store)
    with demo_store.transaction() as db:
        code, rules = altered_programme_rules(db.conn)
        db.execute("INSERT INTO grant_programs (code, name, fund_code, city_preset, rules) "
                   "SELECT 'evil_' || code, name, fund_code, city_preset, ? FROM grant_programs "
                   "WHERE code = ?", [rules, code])
    assert eligible_figures(demo_store) != figures


def test_an_accepted_import_leaves_every_other_council_as_it_was(demo_store, package):
    before = council_digests(demo_store.conn)
    figures = eligible_figures(demo_store)
    result = handover.import_package(demo_store, package, new_name="湯田の写し")
    after = council_digests(demo_store.conn)
    assert set(after) - set(before) == {"湯田の写し", "湯田の写し own funds and programmes"}
    assert {k: v for k, v in after.items() if k in before} == before
    assert eligible_figures(demo_store) == figures
    assert result.council_id != yuda_id(demo_store)


def test_a_sound_package_goes_into_a_new_file_with_the_preset_programmes(store, package):
    result = handover.import_package(store, package)
    assert store.scalar("SELECT count(*) FROM grant_programs") >= 1
    assert store.scalar("SELECT count(*) FROM grants WHERE council_id = ?",
                        (result.council_id,)) >= 1
