"""kyodo-desktop reconcile: book balance, passbook balance and 差額 of an account on a day; exit 0
when they agree, 1 when they differ, 2 with 「エラー: …」 on bad input."""

from __future__ import annotations

from datetime import date

from kyodo_desktop import cli
from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.services.accounting import accounts, figures
from kyodo_desktop.store import open_store

DAY = date(2026, 10, 31)


def _run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def _book(path, name="普通預金", day=DAY) -> int:
    with open_store(path) as store:
        council = store.scalar("SELECT id FROM councils WHERE name LIKE '湯田%'")
        account = accounts.find_account(store, council, name)
        return figures.account_balance(store, council, account, day)


def test_an_agreeing_passbook_exits_0_and_prints_the_three_figures(capsys, demo_path):
    book = _book(demo_path)
    code, out, err = _run(capsys, "reconcile", "--db", demo_path, "--council", "湯田",
                          "--account", "普通預金", "--date", "R8.10.31",
                          "--balance", f"¥{book:,}")
    assert (code, err) == (0, "")
    assert format_yen(book) in out and "差額: 0円" in out and "一致" in out


def test_a_differing_passbook_exits_1_with_the_difference(capsys, demo_path):
    book = _book(demo_path)
    wide = "".join(chr(ord(c) + 0xFEE0) for c in str(book + 1234))  # full-width digits
    code, out, _err = _run(capsys, "reconcile", "--db", demo_path, "--council", "湯田",
                           "--account", "普通預金", "--date", "2026-10-31",
                           "--balance", wide + "円")
    assert code == 1
    assert "差額: 1,234円" in out


def test_bad_input_exits_2_with_an_error(capsys, demo_path):
    for extra in (("--balance", "abc", "--date", "2026-10-31"),
                  ("--balance", "1000", "--date", "2026-13-45"),
                  ("--balance", "1000", "--date", "2026-10-31", "--account", "当座預金")):
        args = ["reconcile", "--db", demo_path, "--council", "湯田", "--account", "普通預金",
                *extra]
        code, out, err = _run(capsys, *args)
        assert code == 2 and err.startswith("エラー: "), (extra, err)


def test_record_needs_a_reason_for_a_difference_and_saves_it(capsys, demo_path):
    book = _book(demo_path, "現金")
    base = ["reconcile", "--db", demo_path, "--council", "湯田", "--account", "現金",
            "--date", "2026-10-31", "--balance", str(book - 10), "--record"]
    code, _out, err = _run(capsys, *base)
    assert code == 2 and "理由" in err
    code, out, _err = _run(capsys, *base, "--reason", "10円玉が1枚足りない")
    assert code == 1 and "記録しました" in out
    with open_store(demo_path) as store:
        assert store.scalar("SELECT count(*) FROM reconciliations WHERE reason = ?",
                            ("10円玉が1枚足りない",)) == 1


def test_a_statement_lists_what_is_only_in_the_bank(capsys, demo_path, tmp_path):
    statement = tmp_path / "meisai.csv"
    statement.write_bytes(
        "取引日,摘要,お支払金額,お預り金額,残高\r\n"
        "R8.10.30,ﾃｽｳﾘｮｳ,987,,1000\r\n".encode("cp932"))
    code, out, _err = _run(capsys, "reconcile", "--db", demo_path, "--council", "湯田",
                           "--account", "普通預金", "--statement", statement)
    assert code == 1
    assert "通帳のみ (1" in out and "ﾃｽｳﾘｮｳ" in out and "△987" in out
