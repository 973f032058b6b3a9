"""A 提供記録 written from the command line names who printed: ``--printed-by`` when given,
else the computer's user name (as ``--help`` says) — never the person who printed last, who
did not make this copy (個人情報保護法 第29条: the record says who gave the data out)."""

from __future__ import annotations

import getpass
import sqlite3

from kyodo_desktop.cli import main
from kyodo_desktop.store import open_store

COUNCIL = ["--council", "湯田地域づくり協議会"]


def test_a_print_without_printed_by_is_recorded_under_the_computer_user(demo_path, tmp_path,
                                                                        monkeypatch):
    monkeypatch.setattr(getpass, "getuser", lambda: "yamada")
    db = ["--db", str(demo_path), *COUNCIL, "--fiscal-year", "2026"]
    assert main(["export", "presidents", *db, "--recipient", "山口市協働推進課",
                 "--purpose", "名簿の提出", "--printed-by", "事務局 山本",
                 "-o", str(tmp_path / "first.xlsx")]) == 0
    assert main(["export", "presidents", *db, "--recipient", "各自治会長",
                 "--purpose", "自治会長間の連絡", "-o", str(tmp_path / "second.xlsx")]) == 0
    with open_store(demo_path) as store:
        rows = store.query("SELECT recipient, printed_by FROM data_provisions "
                           "ORDER BY id DESC LIMIT 2")
    assert [(r["recipient"], r["printed_by"]) for r in rows] == [
        ("各自治会長", "yamada"), ("山口市協働推進課", "事務局 山本")]


def test_a_report_that_cannot_be_written_leaves_no_record(capsys, demo_path, monkeypatch):
    """The CLI records first; a write that fails takes the record back."""
    from kyodo_desktop import cli, fileops
    from kyodo_desktop.errors import UserError
    from kyodo_desktop.services.privacy.provisions import list_provisions
    from kyodo_desktop.store import open_store

    with open_store(demo_path) as store:
        council = store.scalar("SELECT id FROM councils WHERE name = '湯田地域づくり協議会'")
        before = len(list_provisions(store, council))
    seen = []

    def failing(path, data, **_kw):
        other = sqlite3.connect(demo_path)  # what a crash now would leave in the file
        seen.append(other.execute("SELECT count(*) FROM data_provisions WHERE council_id = ?",
                                  (council,)).fetchone()[0])
        other.close()
        raise UserError("ディスクがいっぱいです。")

    monkeypatch.setattr(fileops, "write_bytes", failing)
    code = cli.main(["report", "evacuation-support", "--db", str(demo_path), "--council",
                     "湯田地域づくり協議会", "--fiscal-year", "2026", "-o",
                     str(demo_path.parent / "list.pdf"), "--recipient", "自主防災会",
                     "--purpose", "避難支援"])
    assert code != 0 and "ディスク" in capsys.readouterr().err
    assert seen == [before + 1]
    with open_store(demo_path) as store:
        assert len(list_provisions(store, council)) == before
