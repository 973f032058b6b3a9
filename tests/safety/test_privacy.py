"""Privacy: owner-only files (0600 on POSIX) and an app that never opens a network socket."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from kyodo_desktop.services.backup import automatic as backups
from kyodo_desktop.services.backup import handover_package
from kyodo_desktop.services.settings import Settings, save_settings

from .conftest import yuda_id

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 20, 17, 30)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_backups_packages_and_settings_are_owner_only(demo_store, tmp_path):
    os.umask(0o022)  # even with a permissive umask
    try:
        auto = backups.auto_backup(demo_store, Settings(), now=NOW)
        external = backups.external_backup(demo_store, tmp_path, now=NOW)
        package = handover_package.export_council(demo_store, yuda_id(demo_store),
                                                  tmp_path / "pkg.sqlite3").path
        settings_file = save_settings(Settings(), tmp_path / "config" / "settings.json")
    finally:
        os.umask(0o022)
    for path in (auto, external, package, settings_file):
        assert mode(path) == 0o600, path


def test_restored_file_is_owner_only(demo_store, tmp_path):
    copy = backups.external_backup(demo_store, tmp_path, now=NOW)
    copy.chmod(0o644)
    path = demo_store.path
    demo_store.close()
    result = backups.restore(path, copy, Settings(), now=NOW)
    assert mode(path) == 0o600 and mode(result.previous) == 0o600


def test_data_file_made_by_the_app_is_owner_only(tmp_path):
    """The window's start-up (prepare_start) makes every new file private: the data file, its
    -wal and -shm, the lock file."""
    code = (
        "import os, stat, sys\n"
        "os.umask(0o022)\n"
        "from kyodo_desktop.ui.app import prepare_start\n"
        "prepare_start()\n"
        "from kyodo_desktop.services.backup.datafile import open_data_file\n"
        "store = open_data_file(sys.argv[1])\n"
        "with store.transaction() as db:\n"
        "    db['councils'].insert({'name': '湯田地域づくり協議会'})\n"
        "for suffix in ('', '-wal', '-shm', '.lock'):\n"
        "    print(suffix or 'db', oct(stat.S_IMODE(os.stat(sys.argv[1] + suffix).st_mode)))\n")
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "kyodo.sqlite3")], capture_output=True,
        text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT),
                                     "KYODO_DESKTOP_CONFIG_DIR": str(tmp_path / "config")})
    assert result.returncode == 0, result.stderr
    modes = dict(line.split() for line in result.stdout.splitlines())
    assert modes == {"db": "0o600", "-wal": "0o600", "-shm": "0o600", ".lock": "0o600"}


NO_NETWORK = r'''
import os, socket, sys
from pathlib import Path

attempts = []
def hook(event, args):
    if event.startswith("socket.") and event not in ("socket.sethostname",):
        attempts.append(event)
        raise RuntimeError("network use: " + event)
sys.addaudithook(hook)

folder = Path(sys.argv[1])
from kyodo_desktop import cli
# every path a user takes: demo, each printable kind, each export, backup, handover, the window
assert cli.main(["demo", "--db", str(folder / "demo.sqlite3")]) == 0
from kyodo_desktop.reports.registry import report_kinds
from kyodo_desktop.io.registry import export_kinds
printed = exported = 0
for name, kind in report_kinds().items():
    args = ["report", name, "--db", str(folder / "demo.sqlite3"), "--council", "湯田地域づくり協議会",
            "--fiscal-year", "2025", "--draft", "-o", str(folder / (name + ".pdf"))]
    printed += cli.main(args) == 0
for name, kind in export_kinds().items():
    args = ["export", name, "--db", str(folder / "demo.sqlite3"), "--council", "湯田地域づくり協議会",
            "--fiscal-year", "2025", "-o", str(folder / (name + ".xlsx"))]
    exported += cli.main(args) == 0
(folder / "usb").mkdir()
assert cli.main(["backup", "--db", str(folder / "demo.sqlite3"), "-o", str(folder / "usb")]) == 0
assert cli.main(["handover-export", "--db", str(folder / "demo.sqlite3"), "--council",
                 "湯田地域づくり協議会", "-o", str(folder / "pkg.sqlite3")]) == 0
assert cli.main(["smoke-test", "-o", str(folder / "smoke")]) == 0
def target(fd):
    try:
        return os.readlink("/proc/self/fd/" + fd)
    except OSError:  # the descriptor of the listing itself
        return ""
fds = os.listdir("/proc/self/fd") if os.path.isdir("/proc/self/fd") else []
sockets = [fd for fd in fds if target(fd).startswith("socket:")]
print("printed", printed, "exported", exported, "attempts", len(attempts), "sockets", len(sockets))
'''


def test_no_network_socket_in_any_path(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "KYODO_DESKTOP_CONFIG_DIR": str(tmp_path / "config")}
    result = subprocess.run([sys.executable, "-c", NO_NETWORK, str(tmp_path)],
                            capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    words = result.stdout.splitlines()[-1].split()
    figures = dict(zip(words[::2], map(int, words[1::2]), strict=True))
    assert figures["attempts"] == 0 and figures["sockets"] == 0
    assert figures["printed"] >= 1  # the paths above really ran


def test_the_no_network_guard_would_notice_a_socket(tmp_path):
    code = NO_NETWORK.split("folder = Path")[0] + (
        "try:\n    socket.create_connection(('127.0.0.1', 9))\nexcept RuntimeError:\n    pass\n"
        "print(len(attempts))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert int(result.stdout.strip()) >= 1
