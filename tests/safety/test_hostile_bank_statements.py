"""A bank statement comes from outside: huge, binary, wrongly encoded files, formula-looking 摘要
and absurd amounts are refused with a clear Japanese message; nothing is stored."""

from __future__ import annotations

import pytest

from kyodo_desktop.errors import UserError
from kyodo_desktop.io import bank_statement
from kyodo_desktop.io.bank_statement import read_statement

HEADER = "取引日,摘要,お支払金額,お預り金額,残高\r\n"


def _write(tmp_path, data: bytes, name: str = "meisai.csv"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _refused(path) -> str:
    with pytest.raises(UserError) as refused:
        read_statement(path)
    message = refused.value.message
    assert message and "Traceback" not in message
    return message


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    line = "2026/4/1,振込,1000,,5000\r\n".encode("cp932")
    path = _write(tmp_path, HEADER.encode("cp932")
                  + line * (bank_statement.MAX_STATEMENT_BYTES // len(line) + 10))
    assert "大きすぎ" in _refused(path)


def test_too_many_lines_are_refused(tmp_path):
    path = _write(tmp_path, (HEADER + "\r\n" * (bank_statement.MAX_STATEMENT_LINES + 5))
                  .encode("utf-8"))
    assert "行" in _refused(path)


def test_a_binary_file_is_refused(tmp_path):
    path = _write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    assert "CSV" in _refused(path)


def test_a_wrong_encoding_is_refused(tmp_path):
    path = _write(tmp_path, HEADER.encode("utf-16"))
    message = _refused(path)
    assert "文字" in message or "CSV" in message


def test_a_formula_looking_description_refuses_the_statement(tmp_path):
    path = _write(tmp_path, (HEADER + '2026/4/1,"=HYPERLINK(""http://x"",""詳細"")",1000,,5000'
                             "\r\n+cmd,@SUM(A1),,,\r\n").encode("cp932"))
    message = _refused(path)
    assert "2 行目" in message and "数式" in message


def test_absurd_amounts_are_refused(tmp_path):
    path = _write(tmp_path, (HEADER + "2026/4/1,振込,999999999999999,,5000\r\n"
                             "2026/4/2,振込,1.5,,5000\r\n2026/4/3,振込,100,200,5000\r\n"
                             "2026/4/4,振込,-100,,5000\r\n").encode("utf-8-sig"))
    message = _refused(path)
    for row in ("2 行目", "3 行目", "4 行目", "5 行目"):
        assert row in message


def test_no_header_row_is_a_clear_error(tmp_path):
    path = _write(tmp_path, b"a,b,c\r\n1,2,3\r\n")
    assert "取引日" in _refused(path)


def test_other_file_kinds_are_refused(tmp_path):
    assert ".csv" in _refused(_write(tmp_path, b"PK\x03\x04", "meisai.xlsx"))


def test_common_bank_layouts_read_in_cp932_and_utf8_with_bom(tmp_path):
    cp932 = ("お取引明細\r\n口座番号,1234567\r\n\r\n"
             "日付,お取引内容,出金,入金,差引残高（円）\r\n"
             "R8.4.1,前日残高,,,\"100,000\"\r\n"
             "令和8年4月2日,ﾌﾘｺﾐ ﾕﾀﾞｼ,,\"1,000,000\",\"1,100,000\"\r\n"
             "2026/04/03,ｶｰﾄﾞ,\"30,000\",,\"1,070,000\"\r\n").encode("cp932")
    utf8 = ("\ufeff年月日,摘要,お引出し金額,お預入れ金額,残高\n"
            "20260402,ﾌﾘｺﾐ,,１，０００，０００,1100000\n").encode("utf-8")
    first = read_statement(_write(tmp_path, cp932, "a.csv"))
    assert [(line.day.isoformat(), line.signed, line.balance) for line in first.lines] == [
        ("2026-04-02", 1_000_000, 1_100_000), ("2026-04-03", -30_000, 1_070_000)]
    assert first.encoding == "cp932"
    second = read_statement(_write(tmp_path, utf8, "b.csv"))
    assert [(line.day.isoformat(), line.signed) for line in second.lines] == [
        ("2026-04-02", 1_000_000)]
