"""kyodo-desktop review: findings with where to fix each, exit 1 on any エラー; the printed sets
(report application-set / year-end) print the review's findings to stderr first."""

from __future__ import annotations

from kyodo_desktop import cli
from kyodo_desktop.store import open_store


def _run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def _plant_request_before_decision(path) -> None:
    with open_store(path) as store, store.transaction() as db:
        db.execute("UPDATE grant_payments SET requested_on = '2026-04-01' WHERE id = (SELECT "
                   "min(gp.id) FROM grant_payments gp JOIN grants g ON g.id = gp.grant_id "
                   "WHERE g.fiscal_year = 2026)")


def test_an_error_exits_1_and_says_where_to_fix_it(capsys, demo_path):
    _plant_request_before_decision(demo_path)
    code, out, err = _run(capsys, "review", "--db", demo_path, "--council", "湯田",
                          "--fiscal-year", "R8")
    assert code == 1, err
    lines = [line for line in out.splitlines() if line.startswith("- ")]
    assert lines and all("直す場所: " in line for line in lines)
    assert any(line.startswith("- エラー［日付の順序］") and "令和8年4月1日" in line
               for line in lines)
    assert out.splitlines()[-1].startswith("令和8年度の提出前の点検: エラー")


def test_review_needs_the_council_and_the_year(capsys, demo_path):
    code, out, err = _run(capsys, "review", "--db", demo_path, "--fiscal-year", "2026")
    assert code == 2 and out == "" and err.startswith("エラー: ") and "--council" in err
    code, out, err = _run(capsys, "review", "--db", demo_path, "--council", "湯田")
    assert code == 2 and "--fiscal-year" in err


def test_a_printed_set_prints_the_findings_to_stderr_first(capsys, demo_path, tmp_path):
    _plant_request_before_decision(demo_path)
    target = tmp_path / "set.pdf"
    code, out, err = _run(capsys, "report", "application-set", "--db", demo_path, "--council",
                          "湯田", "--fiscal-year", "2026", "-o", target)
    assert code == 0 and target.is_file()
    assert "日付の順序" in err and "直す場所" in err and "提出前の点検" in err
    assert "日付の順序" not in out
    code, out, err = _run(capsys, "report", "cash-book", "--db", demo_path, "--council", "湯田",
                          "--fiscal-year", "2026", "-o", tmp_path / "book.pdf")
    assert code == 0 and err == ""
