"""Temporary copies of a data file (a handover package being read or imported) live only in the
app's temporary folder and are gone after the next start, even when the process was killed
(``kill -9`` during ``handover-import``); errors name the user's own file, never a copy."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kyodo_desktop import cli, fileops
from kyodo_desktop.errors import UserError
from kyodo_desktop.services.backup import handover_package

from .conftest import yuda_id

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def temp_root(tmp_path, monkeypatch):
    folder = tmp_path / "app-temp"
    monkeypatch.setenv(fileops.temporary.TEMP_ENV, str(folder))
    return folder


@pytest.fixture
def package(demo_store, tmp_path):
    return handover_package.export_council(demo_store, yuda_id(demo_store),
                                           tmp_path / "引継ぎ.sqlite3").path


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


KILLED_IMPORT = textwrap.dedent("""
    import os, signal, sys
    from kyodo_desktop.store import handover_copy

    def killed(self, council_id):  # kill -9 in the middle of copying the council
        os.kill(os.getpid(), signal.SIGKILL)

    handover_copy.CouncilCopier.copy = killed
    from kyodo_desktop import cli
    cli.main(["handover-import", sys.argv[1], "--db", sys.argv[2]])
""")


def test_a_killed_handover_import_leaves_nothing_after_the_next_start(
        package, tmp_path, temp_root, capsys):
    target = tmp_path / "new.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(ROOT), fileops.temporary.TEMP_ENV: str(temp_root)}
    done = subprocess.run([sys.executable, "-c", KILLED_IMPORT, str(package), str(target)],
                          env=env, capture_output=True, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr.decode()[-2000:]
    left = files_under(temp_root)
    assert any(p.name == "package.sqlite3" for p in left)  # the copy with personal data
    assert all(str(p).startswith(str(temp_root)) for p in left)
    assert cli.main(["councils", "--db", str(package)]) == 0  # the next start
    capsys.readouterr()
    assert files_under(temp_root) == []


def test_the_window_start_cleans_leftovers_before_opening_the_file(temp_root, monkeypatch):
    from kyodo_desktop.ui import app

    leftover = temp_root / "handover-999999-0badcafe"
    leftover.mkdir(parents=True)
    (leftover / "package.sqlite3").write_bytes(b"personal data")
    seen_when_opening = []

    def resolve_store(db_path, *, demo, check=True):
        seen_when_opening.append(files_under(temp_root))
        return None  # the user chose 終了

    class Window:
        def close(self):
            pass

    monkeypatch.setattr(app, "resolve_store", resolve_store)
    monkeypatch.setattr(app.QApplication, "exit", staticmethod(lambda code: None))
    assert app.show_file(Window(), None) == 0
    assert seen_when_opening == [[]]
    assert files_under(temp_root) == []


def test_the_window_start_leaves_cleaning_until_after_its_first_paint(temp_root):
    from kyodo_desktop.ui.app import prepare_start

    leftover = temp_root / "handover-999999-0badcafe"
    leftover.mkdir(parents=True)
    (leftover / "package.sqlite3").write_bytes(b"personal data")
    prepare_start()  # before the window: owner-only files and settings only
    assert files_under(temp_root) == [leftover / "package.sqlite3"]


def test_a_copy_in_use_is_never_cleaned(temp_root):
    with fileops.temporary_folder("handover") as folder:
        (folder / "package.sqlite3").write_bytes(b"in use")
        assert fileops.clean_leftovers() == []  # a second window starting meanwhile
        assert (folder / "package.sqlite3").exists()
    assert files_under(temp_root) == []


def test_reading_a_package_leaves_no_copy(package, temp_root):
    handover_package.read_package(package)
    assert files_under(temp_root) == []


def test_a_package_that_fails_to_open_is_named_not_its_copy(package, temp_root):
    conn = sqlite3.connect(package)  # migration 3 will fail on this file's copy
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    with pytest.raises(UserError) as raised:
        handover_package.read_package(package)
    text = raised.value.message
    assert str(package) in text
    assert str(temp_root) not in text and "package.sqlite3" not in text
    assert files_under(temp_root) == []


def test_cleaning_touches_only_what_the_app_made(temp_root):
    temp_root.mkdir(parents=True, exist_ok=True)
    foreign = temp_root / "someone-elses-notes.txt"
    foreign.write_text("keep me")
    (temp_root / "photos").mkdir()
    fileops.clean_leftovers()
    assert foreign.read_text() == "keep me" and (temp_root / "photos").is_dir()
