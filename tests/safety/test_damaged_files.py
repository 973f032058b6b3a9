"""Damaged, foreign, too-new, read-only and full: clear messages, never a traceback."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kyodo_desktop import cli
from kyodo_desktop.services.backup.automatic import opening_checks
from kyodo_desktop.services.settings import Settings
from kyodo_desktop.store import open_store
from kyodo_desktop.store.database import quick_check_problem
from kyodo_desktop.store.errors import (
    DatabaseCorrupt,
    DatabaseReadOnly,
    DatabaseTooNew,
    DiskFull,
    NotAKyodoDatabase,
    StoreError,
)

from .conftest import damage_a_page_read_later

ROOT = Path(__file__).resolve().parents[2]


def test_truncated_file_is_detected_on_open(demo_path):
    data = demo_path.read_bytes()
    demo_path.write_bytes(data[: len(data) // 3])
    with pytest.raises(DatabaseCorrupt) as caught:
        open_store(demo_path)
    assert "バックアップ" in caught.value.message


def test_garbage_bytes_in_the_middle_are_detected(demo_path):
    data = bytearray(demo_path.read_bytes())
    data[40960:80000] = os.urandom(80000 - 40960)
    demo_path.write_bytes(bytes(data))
    with pytest.raises((DatabaseCorrupt, NotAKyodoDatabase)):
        open_store(demo_path)


def test_opening_without_the_check_leaves_it_to_the_caller(demo_path):
    damage_a_page_read_later(demo_path)
    with open_store(demo_path, check=False) as store:  # the window: the check comes after
        assert not store.checked
        assert store.scalar("SELECT count(*) FROM councils") == 21
    assert quick_check_problem(demo_path) != ""
    with pytest.raises(DatabaseCorrupt):
        open_store(demo_path)
    result = opening_checks(demo_path, Settings(), check=True)
    assert isinstance(result.damaged, DatabaseCorrupt) and "壊れ" in result.damaged.message
    assert result.backup is None  # a damaged file is not backed up


def test_a_file_to_migrate_is_checked_even_when_the_check_is_left_for_later(demo_path):
    damage_a_page_read_later(demo_path)
    conn = sqlite3.connect(demo_path)
    conn.execute("PRAGMA user_version = 1")  # migrations are pending: write nothing unchecked
    conn.close()
    with pytest.raises(DatabaseCorrupt):
        open_store(demo_path, check=False)


def test_garbage_file_is_not_taken_for_data(tmp_path):
    path = tmp_path / "kyodo.sqlite3"
    path.write_bytes(os.urandom(20000))
    with pytest.raises(NotAKyodoDatabase):
        open_store(path)


def test_too_new_file_is_refused_unchanged(demo_path):
    conn = sqlite3.connect(demo_path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    before = demo_path.read_bytes()
    with pytest.raises(DatabaseTooNew) as caught:
        open_store(demo_path)
    assert "更新" in caught.value.message
    assert demo_path.read_bytes() == before


def test_cli_on_a_damaged_file_says_so_without_traceback(demo_path, capsys):
    demo_path.write_bytes(demo_path.read_bytes()[:20000])
    code = cli.main(["councils", "--db", str(demo_path)])
    out, err = capsys.readouterr()
    assert code == 2 and "Traceback" not in out + err
    assert err.startswith("エラー:") and "壊れ" in err


def test_full_disk_while_writing_is_a_clear_message(store):
    pages = store.scalar("PRAGMA page_count")
    store.conn.execute(f"PRAGMA max_page_count = {pages}")  # nothing more fits
    with pytest.raises(DiskFull) as caught, store.transaction() as db:
        db["settings"].insert_all({"key": f"k{i}", "value": "x" * 2000} for i in range(200))
    assert "空き" in caught.value.message


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder nobody may write to: a chmod-ed folder, or sysfs when running as root (root
    ignores file modes, but the kernel refuses new files in /sys)."""
    if os.geteuid() == 0:
        yield Path("/sys")
        return
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    yield folder
    folder.chmod(0o755)


def test_read_only_folder_gives_a_clear_message(read_only_folder):
    with pytest.raises(DatabaseReadOnly) as caught:
        open_store(read_only_folder / "kyodo.sqlite3")
    assert "書き込み" in caught.value.message


def test_cli_backup_into_a_read_only_folder_is_explained(read_only_folder, demo_path, capsys):
    code = cli.main(["backup", "--db", str(demo_path), "-o", str(read_only_folder)])
    out, err = capsys.readouterr()
    assert code == 2 and "Traceback" not in out + err
    assert err.startswith("エラー:") and "書き込" in err


def test_backup_onto_a_full_disk_is_explained(demo_path, tmp_path):
    code = (
        "import resource, signal, sys\n"
        "from kyodo_desktop.errors import UserError\n"
        "from kyodo_desktop.services.backup.copies import backup_to\n"
        "from kyodo_desktop.store import open_store\n"
        "store = open_store(sys.argv[1])\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))  # a nearly full disk\n"
        "try:\n"
        "    backup_to(store, sys.argv[2])\n"
        "except UserError as error:\n"
        "    print('UserError', error.message)\n")
    target = tmp_path / "usb" / "backup.sqlite3"
    target.parent.mkdir()
    result = subprocess.run([sys.executable, "-c", code, str(demo_path), str(target)],
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.stdout.startswith("UserError"), result.stderr
    assert "空き容量" in result.stdout
    assert not target.exists() and not list(target.parent.glob("*.partial"))


def test_store_errors_are_user_errors():
    assert issubclass(DatabaseReadOnly, StoreError) and issubclass(DiskFull, StoreError)
