"""``kyodo-desktop report KIND``: the year-end set in one command, every kind of this issue
listed, a missing prerequisite named on stderr (exit 2), ``--draft`` marked 「未確定」."""

from __future__ import annotations

import shutil

from kyodo_desktop.cli import main
from kyodo_desktop.reports.readback import page_texts
from kyodo_desktop.reports.registry import report_kinds

KINDS = ("application", "payment-request", "change-request", "performance-report",
         "settlement", "cash-book", "audit-report", "budget-status", "year-end",
         "application-set")


def test_every_kind_is_registered():
    kinds = report_kinds()
    assert all(kind in kinds for kind in KINDS)
    assert all(kinds[kind].needs_fiscal_year for kind in KINDS)


def test_year_end_set_in_one_command(demo_file, tmp_path, capsys):
    db = tmp_path / "demo.sqlite3"
    shutil.copy(demo_file, db)
    out = tmp_path / "year-end.pdf"
    code = main(["report", "year-end", "--db", str(db), "--council", "湯田地域づくり協議会",
                 "--fiscal-year", "R7", "-o", str(out)])
    assert code == 0
    texts = page_texts(out.read_bytes())
    assert str(len(texts)) in capsys.readouterr().out
    assert any("様式第4号" in t for t in texts) and any("出納簿（" in t for t in texts)


def test_missing_prerequisite_names_what_to_enter(demo_file, tmp_path, capsys):
    db = tmp_path / "demo.sqlite3"
    shutil.copy(demo_file, db)
    out = tmp_path / "settlement.pdf"
    args = ["report", "settlement", "--db", str(db), "--council", "湯田地域づくり協議会",
            "--fiscal-year", "2026", "-o", str(out)]
    assert main(args) == 2
    assert "年度締め" in capsys.readouterr().err and not out.exists()
    assert main([*args, "--draft"]) == 0
    assert all("未確定" in t for t in page_texts(out.read_bytes()))
