"""Every ``-o`` of every command (each report and export kind as registered, the handover
package, the backup and the smoke test) refuses, before any work, a target that would lose or
damage a file: the data file, its -wal/-shm/-journal/.lock, a backup, a link (symbolic or hard)
to the data file, a folder or a link to a folder (it was replaced by the file), and a name
Windows cannot keep (a trailing dot or space). Each ends in 「エラー: …」 with exit 2, and the
data file's tables, the backup and the folder are as they were."""

from __future__ import annotations

import os
import shutil

import pytest

from kyodo_desktop.io.registry import export_kinds
from kyodo_desktop.reports.registry import report_kinds

from .conftest import file_digests, run_cli

COUNCIL = "湯田地域づくり協議会"


def _commands() -> dict[str, tuple]:
    """``{id: (argv before --db, needs the city file)}`` of every command with ``-o``."""
    found = {}
    for group, kinds in (("report", report_kinds()), ("export", export_kinds())):
        for name, kind in kinds.items():
            city = getattr(kind, "scope", "council") == "city"
            argv = [group, name, *(() if city else ("--council", COUNCIL))]
            if getattr(kind, "needs_fiscal_year", False):
                argv += ["--fiscal-year", "2025"]
            found[f"{group} {name}"] = (tuple(argv), city)
    found["handover-export"] = (("handover-export", "--council", COUNCIL), False)
    return found


COMMANDS = _commands()


def _target(kind: str, data, tmp_path):
    """The hostile ``-o`` of ``kind`` for the data file ``data``."""
    if kind in ("-wal", "-shm", "-journal", ".lock"):
        return data.with_name(data.name + kind)
    if kind == "backup":
        backups = data.parent / "backups"
        backups.mkdir(exist_ok=True)
        backup = backups / f"{data.stem}-0123abcd-auto-20261201-120000.sqlite3"
        shutil.copy(data, backup)
        return backup
    if kind == "symlink to the data file":
        (tmp_path / "report.pdf").symlink_to(data)
        return tmp_path / "report.pdf"
    if kind == "hard link to the data file":
        os.link(data, tmp_path / "report.pdf")
        return tmp_path / "report.pdf"
    if kind == "folder":
        (tmp_path / "out").mkdir()
        return tmp_path / "out"
    if kind == "symlink to a folder":
        (tmp_path / "real").mkdir()
        (tmp_path / "out").symlink_to(tmp_path / "real", target_is_directory=True)
        return tmp_path / "out"
    if kind == "trailing dot":
        return tmp_path / "report.pdf."
    if kind == "trailing space":
        return tmp_path / "report.pdf "
    return data


TARGETS = ["data file", "-wal", "-shm", "-journal", ".lock", "backup",
           "symlink to the data file", "hard link to the data file", "folder",
           "symlink to a folder", "trailing dot", "trailing space"]


@pytest.mark.parametrize("target_kind", TARGETS)
@pytest.mark.parametrize("command", COMMANDS)
def test_every_output_refuses_what_it_would_lose(capsys, request, tmp_path, command,
                                                 target_kind):
    argv, city = COMMANDS[command]
    data = request.getfixturevalue("city_path" if city else "demo_path")
    target = _target(target_kind, data, tmp_path)
    before = file_digests(data)
    backup_bytes = target.read_bytes() if target_kind == "backup" else None
    code, _out, err = run_cli(capsys, *argv, "--db", data, "-o", target)
    assert code == 2 and err.startswith("エラー:"), err
    assert file_digests(data) == before
    if backup_bytes is not None:
        assert target.read_bytes() == backup_bytes
    if target_kind == "symlink to a folder":
        assert target.is_symlink() and target.is_dir()
    if target_kind == "folder":
        assert target.is_dir() and not any(target.iterdir())


@pytest.mark.parametrize("target_kind", ["data file", "backup", "symlink to the data file"])
def test_the_backup_folder_option_refuses_them_too(capsys, demo_path, tmp_path, target_kind):
    target = _target(target_kind, demo_path, tmp_path)
    before = file_digests(demo_path)
    code, _out, err = run_cli(capsys, "backup", "--db", demo_path, "-o", target)
    assert code == 2 and err.startswith("エラー:"), err
    assert file_digests(demo_path) == before
