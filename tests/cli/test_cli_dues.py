"""kyodo-desktop dues status|set-rate|pay: the 納入状況 list, the 年度's rate and payments booked in
the 出納簿; hostile input gives 「エラー: …」 and exit 2 with nothing written."""

from __future__ import annotations

import pytest

from kyodo_desktop import cli
from kyodo_desktop.services.accounting import figures
from kyodo_desktop.services.dues.status import dues_status
from kyodo_desktop.store import open_store


def _run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def _status(path, year=2026):
    with open_store(path) as store:
        council = store.scalar("SELECT id FROM councils WHERE name LIKE '湯田%'")
        return dues_status(store, council, year), figures.category_income(
            store, council, year, "membership_fees")


def test_status_lists_every_association_with_the_totals(capsys, demo_path):
    status, _income = _status(demo_path)
    code, out, err = _run(capsys, "dues", "status", "--db", demo_path, "--council", "湯田",
                          "--fiscal-year", "R8")
    assert (code, err) == (0, "")
    assert "加入世帯1世帯あたり300円" in out and "未納 3・一部 1" in out
    assert all(line.name in out for line in status.lines)
    assert f"請求額 {status.billed:,}円" in out and f"残額 {status.balance:,}円" in out


def test_pay_books_a_payment_in_the_cash_book(capsys, demo_path):
    before, income = _status(demo_path)
    partial = next(line for line in before.lines if line.status == "partial")
    code, out, err = _run(capsys, "dues", "pay", "--db", demo_path, "--council", "湯田",
                          "--fiscal-year", "R8", "--association", partial.name,
                          "--date", "令和８年１１月２日", "--amount", f"￥{partial.balance:,}",
                          "--account", "普通預金")
    assert (code, err) == (0, "")
    after, new_income = _status(demo_path)
    line = next(x for x in after.lines if x.organization_id == partial.organization_id)
    assert line.status == "paid" and new_income == income + partial.balance == after.paid


def test_set_rate_changes_every_bill(capsys, demo_path):
    code, _out, err = _run(capsys, "dues", "set-rate", "--db", demo_path, "--council", "湯田",
                           "--fiscal-year", "R8", "--per-household", "３５０",
                           "--per-association", "¥1,000")
    assert (code, err) == (0, "")
    status, _income = _status(demo_path)
    assert all(x.billed == 350 * x.member_households + 1000 for x in status.lines)


@pytest.mark.parametrize(("args", "message"), [
    (("pay", "--fiscal-year", "R7", "--association", "葵一丁目", "--date", "R7.6.1",
      "--amount", "100"), "締められて"),
    (("pay", "--fiscal-year", "R8", "--association", "湯田", "--date", "R8.6.1",
      "--amount", "100"), "複数"),
    (("pay", "--fiscal-year", "R8", "--association", "葵一丁目", "--date", "R8.6.1",
      "--amount", "-100"), "マイナス"),
    (("pay", "--fiscal-year", "R8", "--association", "葵一丁目", "--date", "R8.6.1",
      "--amount", "999999999999"), "大きすぎ"),
    (("pay", "--fiscal-year", "R8", "--association", "葵一丁目", "--date", "R9.6.1",
      "--amount", "100"), "令和8年度"),
    (("pay", "--fiscal-year", "R8", "--association", "子ども会", "--date", "R8.6.1",
      "--amount", "100"), "自治会"),
    (("set-rate", "--fiscal-year", "R8", "--per-household", "1,000,000"), "100,000"),
])
def test_hostile_input_exits_2_in_japanese_with_nothing_written(capsys, demo_path, args,
                                                                 message):
    before = _status(demo_path)
    code, out, err = _run(capsys, "dues", args[0], "--db", demo_path, "--council", "湯田",
                          *args[1:])
    assert code == 2 and err.startswith("エラー: ") and message in err
    assert _status(demo_path) == before
