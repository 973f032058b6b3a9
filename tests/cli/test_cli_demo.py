"""kyodo-desktop demo: builds the demo council with services.demo.build_demo, refuses to overwrite
a file unless --force, and never deletes a file another window has open."""

from __future__ import annotations

import pytest

from kyodo_desktop import cli
from kyodo_desktop.errors import UserError
from kyodo_desktop.store import open_store


def _run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_demo_refuses_an_existing_file(capsys, db_path):
    before = db_path.read_bytes()
    code, out, err = _run(capsys, "demo", "--db", db_path)
    assert code == 2 and out == ""
    assert err.startswith("エラー: ") and "--force" in err
    assert db_path.read_bytes() == before


def test_demo_builds_a_consistent_council(capsys, tmp_path):
    path = tmp_path / "demo.sqlite3"
    code, out, _err = _run(capsys, "demo", "--db", path)
    assert code == 0 and str(path) in out
    code, out, _err = _run(capsys, "councils", "--db", path)
    assert code == 0 and len(out.splitlines()) >= 1
    assert all("\t" in line for line in out.splitlines())
    code, out, _err = _run(capsys, "check", "--db", path)
    assert (code, out.strip()) == (0, "問題は見つかりませんでした")


def test_demo_force_replaces_the_file(capsys, tmp_path):
    path = tmp_path / "demo.sqlite3"
    with open_store(path) as store, store.transaction() as db:
        db["councils"].insert({"name": "消えるはずの協議会"})
    (tmp_path / "demo.sqlite3-wal").write_bytes(b"stale")
    code, _out, _err = _run(capsys, "demo", "--db", path, "--force")
    assert code == 0
    code, out, _err = _run(capsys, "councils", "--db", path)
    assert code == 0 and "消えるはずの協議会" not in out and out.strip()


def test_remove_database_deletes_the_file_and_its_companions(tmp_path):
    path = tmp_path / "old.sqlite3"
    with open_store(path) as store, store.transaction() as db:
        db["councils"].insert({"name": "大殿地域づくり協議会"})
    (tmp_path / "old.sqlite3-shm").write_bytes(b"x")
    cli.remove_database(path)
    assert not [p for p in tmp_path.iterdir() if not p.name.endswith(".lock")]


def test_remove_database_refuses_a_file_open_in_the_app(tmp_path):
    path = tmp_path / "open.sqlite3"
    with open_store(path):
        with pytest.raises(UserError) as raised:
            cli.remove_database(path)
        assert "開かれています" in raised.value.message
        assert path.exists()
