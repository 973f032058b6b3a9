"""A restored backup kept hidden characters: a backup changed by another program (an ESC that
repaints the terminal, a bidi override reversing a name, zero-width spaces) came back whole,
while a handover import drops them. Restore now treats them as a handover import does: text of
the tables the change log does not cover loses them (the rest of each text kept, the user told,
the backup file untouched); an audited row holding them (the 出納簿 …) is refused with a message
naming the table, the row and the column, nothing changed — cleaning it would make it differ
from its logged state, and the app never writes them there. The change log and a sealed return
are kept byte for byte."""

from __future__ import annotations

from datetime import datetime

import pytest

from kyodo_desktop.services.backup import automatic as backups
from kyodo_desktop.services.backup.file_check import run_checks
from kyodo_desktop.services.settings import Settings
from kyodo_desktop.store import open_store
from kyodo_desktop.store.hidden_text import HiddenCharacters

from .conftest import run_cli
from .hostile_sqlite import mutate_copy

NOW = datetime(2026, 11, 20, 17, 30)
HIDDEN = "\x1b\u202e\u200b\u2066\u0085\u009b\ufeff\x07"
CRAFTED = "\x1b[2J\u202e会協\u200b"


def _backup(demo_store, tmp_path):
    backup = backups.external_backup(demo_store, tmp_path / "usb", now=NOW)
    path = demo_store.path
    demo_store.close()
    return path, backup


def _texts(store, sql: str) -> list[str]:
    return [row[0] for row in store.conn.execute(sql)]


def test_names_and_notes_come_back_without_hidden_characters(demo_store, tmp_path):
    (tmp_path / "usb").mkdir()
    path, backup = _backup(demo_store, tmp_path)

    def change(conn) -> None:
        conn.execute("UPDATE councils SET name = ? || name", (CRAFTED,))
        conn.execute("UPDATE people SET name = ? || name, notes = ?",
                     (CRAFTED, "一行目\n二行目\u202e"))
        conn.execute("UPDATE member_organizations SET name = name || ?", (CRAFTED,))

    crafted = mutate_copy(backup, tmp_path / "crafted.sqlite3", change)
    sent = crafted.read_bytes()
    result = backups.restore(path, crafted, Settings(), now=NOW)
    with open_store(path) as store:
        texts = (_texts(store, "SELECT name FROM councils") + _texts(store, "SELECT name FROM "
                 "people") + _texts(store, "SELECT notes FROM people")
                 + _texts(store, "SELECT name FROM member_organizations"))
        assert texts and not [t for t in texts if any(c in t for c in HIDDEN)]
        assert "[2J会協湯田地域づくり協議会" in _texts(store, "SELECT name FROM councils")
        assert set(_texts(store, "SELECT notes FROM people")) == {"一行目\n二行目"}
        assert not [p for p in run_checks(store) if p.severity == "error"]
    assert set(result.cleaned) == {"councils", "people", "member_organizations"}
    assert "見えない文字" in result.cleaned_text()
    assert crafted.read_bytes() == sent  # the backup itself is left as it was


def test_an_audited_row_with_hidden_characters_is_refused_by_name(demo_store, tmp_path, capsys):
    (tmp_path / "usb").mkdir()
    path, backup = _backup(demo_store, tmp_path)
    entry = 7
    crafted = mutate_copy(backup, tmp_path / "crafted.sqlite3",
                          lambda conn: conn.executescript(_update_entry(conn, entry)))
    before = path.read_bytes()
    with pytest.raises(HiddenCharacters) as caught:
        backups.restore(path, crafted, Settings(), now=NOW)
    message = caught.value.message
    assert "出納簿" in message and f"{entry}" in message and "description" in message
    assert path.read_bytes() == before
    code, out, err = run_cli(capsys, "restore", crafted, "--db", path)
    assert code == 2 and err.startswith("エラー: ") and "出納簿" in err
    assert path.read_bytes() == before


def _update_entry(conn, entry: int) -> str:
    """SQL giving the 出納簿 entry ``entry`` a crafted 摘要 around the closed-year triggers."""
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND "
                            "tbl_name = 'cash_book_entries'").fetchall()
    drop = "".join(f'DROP TRIGGER "{name}";' for name, _sql in triggers)
    make = "".join(f"{sql};" for _name, sql in triggers)
    return (f"{drop} UPDATE cash_book_entries SET description = '{CRAFTED}' || description "
            f"WHERE id = {entry}; {make}")


def test_the_cli_says_what_was_cleaned(demo_store, tmp_path, capsys):
    (tmp_path / "usb").mkdir()
    path, backup = _backup(demo_store, tmp_path)
    crafted = mutate_copy(backup, tmp_path / "crafted.sqlite3", lambda conn: conn.execute(
        "UPDATE people SET name = ? || name WHERE id = 1", (CRAFTED,)))
    code, out, err = run_cli(capsys, "restore", crafted, "--db", path)
    assert code == 0, err
    assert "見えない文字" in out and "people 1" in out
