"""Deleted personal data leaves the file: every connection erases what it deletes (PRAGMA
secure_delete), whatever the SQLite library was built with — Debian's turns it on by default,
the Windows builds of Python do not. Without it a deleted person's name and phone number (the
保存期間 deletion, 個人情報保護法 第22条) or a removed receipt stay readable in the file's free
pages, and a backup copies them."""

from __future__ import annotations

import sqlite3

from kyodo_desktop.store import database, open_store


def test_a_connection_erases_what_it_deletes_even_where_sqlite_does_not_by_default(
        tmp_path, monkeypatch):
    connect = sqlite3.connect

    def like_windows(*args, **kwargs):
        conn = connect(*args, **kwargs)
        conn.execute("PRAGMA secure_delete = OFF")  # the library default of other builds
        return conn

    monkeypatch.setattr(database.sqlite3, "connect", like_windows)
    path = tmp_path / "data.sqlite3"
    with open_store(path) as store:
        assert store.conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
        council = store.db["councils"].insert({"name": "湯田地域づくり協議会"}).last_pk
        person = store.db["people"].insert({"council_id": council, "name": "削除 太郎",
                                            "phone": "083-999-0001"}).last_pk
        store.db.execute("DELETE FROM people WHERE id = ?", (person,))
        store.conn.commit()
    data = path.read_bytes()
    assert b"083-999-0001" not in data and "削除 太郎".encode() not in data
