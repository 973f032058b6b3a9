"""A 提供記録 written from the command line names who printed: ``--printed-by`` when given,
else the computer's user name (as ``--help`` says) — never the person who printed last, who
did not make this copy (個人情報保護法 第29条: the record says who gave the data out)."""

from __future__ import annotations

import getpass

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
