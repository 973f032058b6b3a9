"""Nothing the app writes for a user — a report, an export, a backup, a handover package — can
land on the data file, on another data file or backup, or on SQLite's working files beside them;
the data stays byte for byte as it was and the user gets 「エラー: …」 with exit code 2."""

from __future__ import annotations

import shutil

import pytest

from kyodo_desktop import cli, fileops
from kyodo_desktop.errors import UserError
from kyodo_desktop.services.backup import automatic as backups
from kyodo_desktop.services.backup import handover_package
from kyodo_desktop.services.backup.copies import backup_to
from kyodo_desktop.services.settings import Settings
from kyodo_desktop.store import open_store

from .conftest import file_digests, yuda_id

COUNCIL = "湯田地域づくり協議会"


def run(capsys, *argv) -> tuple[int, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, err


WRITERS = [
    ("export", "cash-book", "--fiscal-year", "2026", "--council", COUNCIL),
    ("export", "organizations", "--fiscal-year", "2026", "--council", COUNCIL),
    ("report", "plan", "--fiscal-year", "2026", "--council", COUNCIL),
    ("handover-export", "--council", COUNCIL),
]


@pytest.mark.parametrize("command", WRITERS, ids=lambda c: " ".join(c[:2]))
def test_no_command_writes_onto_the_data_file(capsys, demo_path, command):
    before = demo_path.read_bytes()
    code, err = run(capsys, *command, "--db", demo_path, "-o", demo_path)
    assert code == 2 and err.startswith("エラー:")
    assert "データファイル" in err
    assert demo_path.read_bytes() == before


def test_no_export_writes_onto_another_data_file_or_a_backup(capsys, demo_path, tmp_path):
    other = tmp_path / "other.sqlite3"
    shutil.copy(demo_path, other)
    with open_store(demo_path) as store:
        auto = backups.auto_backup(store, Settings())
    expected = {p: p.read_bytes() for p in (other, auto)}
    for target in (other, auto):
        code, err = run(capsys, "export", "cash-book", "--db", demo_path, "--council", COUNCIL,
                        "--fiscal-year", "2026", "-o", target)
        assert code == 2 and "上書きしません" in err
    assert {p: p.read_bytes() for p in expected} == expected


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal", ".lock"])
def test_no_report_writes_onto_the_working_files_of_a_data_file(capsys, demo_path, suffix):
    expected = file_digests(demo_path)
    companion = demo_path.with_name(demo_path.name + suffix)
    code, err = run(capsys, "report", "plan", "--db", demo_path, "--council", COUNCIL,
                    "--fiscal-year", "2026", "-o", companion)
    assert code == 2 and err.startswith("エラー:")
    assert not companion.exists() or not companion.read_bytes().startswith(b"%PDF")
    assert file_digests(demo_path) == expected


def test_a_hard_link_to_the_data_file_is_refused(capsys, demo_path, tmp_path):
    link = tmp_path / "report.pdf"
    link.hardlink_to(demo_path)
    before = demo_path.read_bytes()
    code, _err = run(capsys, "report", "plan", "--db", demo_path, "--council", COUNCIL,
                     "--fiscal-year", "2026", "-o", link)
    assert code == 2 and demo_path.read_bytes() == before


def test_backups_and_packages_never_replace_a_data_file(demo_store, tmp_path):
    other = tmp_path / "other.sqlite3"
    shutil.copy(demo_store.path, other)
    expected = other.read_bytes()
    with pytest.raises(UserError, match="上書きしません"):
        backup_to(demo_store, other)
    with pytest.raises(UserError, match="上書きしません"):
        handover_package.export_council(demo_store, yuda_id(demo_store), other)
    assert other.read_bytes() == expected


def test_a_new_handover_package_may_replace_an_older_package(demo_store, tmp_path):
    target = tmp_path / "pkg.sqlite3"
    handover_package.export_council(demo_store, yuda_id(demo_store), target)
    again = handover_package.export_council(demo_store, yuda_id(demo_store), target)
    assert again.council_name == COUNCIL


def test_an_ordinary_file_is_replaced_whole(demo_path, tmp_path):
    target = tmp_path / "old.pdf"
    target.write_bytes(b"%PDF-old")
    fileops.write_bytes(target, b"%PDF-new", open_data=demo_path)
    assert target.read_bytes() == b"%PDF-new"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []


def test_the_reports_page_refuses_the_open_data_file(qtbot, demo_store, monkeypatch):
    from kyodo_desktop.ui.app import create_application
    from kyodo_desktop.ui.context import AppContext
    from kyodo_desktop.ui.reports import page as reports_page

    create_application()
    shown = []
    monkeypatch.setattr(reports_page, "show_error", lambda error, _parent: shown.append(error))
    context = AppContext(demo_store, yuda_id(demo_store), 2026)
    page = reports_page.ReportsPage(context)
    qtbot.addWidget(page)
    before = demo_store.path.read_bytes()
    assert page.save_to(demo_store.path) is False
    assert shown and "いま開いている" in str(shown[0])
    assert demo_store.path.read_bytes() == before
