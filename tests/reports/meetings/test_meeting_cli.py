"""The meeting reports from the command line: 議事録 by meeting number, the 議案書, and the
配布部数表 with --kind and --spares; a bad kind is an error (exit 2), never a traceback."""

from __future__ import annotations

from kyodo_desktop.cli import main
from kyodo_desktop.reports.readback import page_texts

COUNCIL = ["--council", "湯田地域づくり協議会"]


def test_meeting_reports_print_from_the_command_line(demo_path, tmp_path, capsys):
    from kyodo_desktop.store import open_store

    with open_store(demo_path) as store:
        meeting = store.scalar("SELECT min(id) FROM meetings")
    db = ["--db", str(demo_path), *COUNCIL]
    assert main(["report", "minutes", *db, "--meeting", str(meeting),
                 "-o", str(tmp_path / "m.pdf")]) == 0
    assert "議事録" in "".join(page_texts((tmp_path / "m.pdf").read_bytes()))
    assert main(["report", "general-assembly", *db, "--fiscal-year", "R8",
                 "-o", str(tmp_path / "g.pdf")]) == 0
    assert main(["report", "distribution", *db, "--fiscal-year", "2026", "--kind", "回覧",
                 "--spares", "3", "-o", str(tmp_path / "d.pdf")]) == 0
    assert "配布部数表（回覧）" in "".join(page_texts((tmp_path / "d.pdf").read_bytes()))
    assert main(["report", "distribution", *db, "--fiscal-year", "2026", "--kind", "郵送",
                 "-o", str(tmp_path / "x.pdf")]) == 2
    assert main(["report", "minutes", *db, "-o", str(tmp_path / "y.pdf")]) == 2
    err = capsys.readouterr().err
    assert "エラー" in err and "Traceback" not in err
