"""A handover package comes from other hands: a council, person, organisation, 摘要 or 地域
whose text was crafted with a terminal escape (ESC [2J), a bidi override (「\u202eトクリフ」, the
RTLO of 「…\u202efdp.exe」 file names) or zero-width characters arrives without them, so they
reach no terminal, PDF or suggested file name; the rest of the text (blanks, line breaks) is
kept."""

from __future__ import annotations

import sqlite3

from kyodo_desktop.services.backup import handover_package as handover

from .conftest import run_cli, yuda_id
from .hostile_sqlite import mutate_copy

HIDDEN = "\x1b\u202e\u200b\u2066\u0085\u009b\ufeff\x07"
CRAFTED = "\x1b[2J\u202e会協\u200b"


def _crafted_package(demo_store, tmp_path):
    plain = handover.export_council(demo_store, yuda_id(demo_store), tmp_path / "pkg.sqlite3")

    def change(conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("UPDATE councils SET name = ? || name", (CRAFTED,))
        conn.execute("UPDATE people SET name = ? || name, notes = ?",
                     (CRAFTED, "一行目\n二行目\u202e"))
        conn.execute("UPDATE member_organizations SET name = name || ?", (CRAFTED,))
        conn.execute("UPDATE cash_book_entries SET description = ? || description "
                     "WHERE fiscal_year = 2026", (CRAFTED,))
        conn.execute("UPDATE districts SET name = name || '\u200b\u202e'")

    return mutate_copy(plain.path, tmp_path / "crafted.sqlite3", change)


def _texts(store, sql: str) -> list[str]:
    return [row[0] for row in store.conn.execute(sql)]


def test_no_hidden_character_arrives(store, demo_store, tmp_path):
    result = handover.import_package(store, _crafted_package(demo_store, tmp_path))
    council = result.council_id
    texts = (_texts(store, "SELECT name FROM councils")
             + _texts(store, f"SELECT name FROM people WHERE council_id = {council}")
             + _texts(store, f"SELECT notes FROM people WHERE council_id = {council}")
             + _texts(store, "SELECT name FROM member_organizations")
             + _texts(store, "SELECT description FROM cash_book_entries")
             + _texts(store, "SELECT name FROM districts"))
    assert texts and not [t for t in texts if any(c in t for c in HIDDEN)]
    assert _texts(store, "SELECT name FROM councils") == ["[2J会協湯田地域づくり協議会"]
    assert set(_texts(store, "SELECT notes FROM people")) == {"一行目\n二行目"}


def test_the_terminal_gets_none_of_them(capsys, store, demo_store, tmp_path):
    handover.import_package(store, _crafted_package(demo_store, tmp_path))
    path = store.path
    store.close()
    code, out, err = run_cli(capsys, "councils", "--db", path)
    assert code == 0 and "会協湯田" in out
    assert not any(c in out + err for c in HIDDEN)
