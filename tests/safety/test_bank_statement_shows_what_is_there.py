"""A bank statement's 摘要 is shown as what it is: a bidi override (「\u202eトクリフ」 reads as
「フリクト」), a zero-width space or a C1 control (CSI, NEL) a UTF-8 file may hold reaches neither
the 通帳照合 screen nor the terminal, and a formula hidden behind a zero-width space is refused
like any formula-looking 摘要. Nothing is stored either way."""

from __future__ import annotations

import pytest

from kyodo_desktop.errors import UserError
from kyodo_desktop.io.bank_statement import read_statement

from .conftest import file_digests, run_cli

HEADER = "取引日,摘要,お支払金額,お預り金額,残高\r\n"
HIDDEN = "\u202e\u200b\u2066\u0085\u009b\ufeff"


def _statement(tmp_path, body: str):
    path = tmp_path / "meisai.csv"
    path.write_bytes((HEADER + body).encode("utf-8-sig"))
    return path


def test_invisible_characters_are_dropped_from_the_description(tmp_path):
    path = _statement(tmp_path, "2026/5/10,\u202eトクリフ,1000,,5000\r\n"
                                "2026/5/11,振込\u200b\u0085\u009b2J,,2000,7000\r\n")
    lines = read_statement(path).lines
    assert [line.description for line in lines] == ["トクリフ", "振込2J"]
    assert not any(c in line.description for line in lines for c in HIDDEN)


def test_a_formula_behind_a_zero_width_space_is_refused(tmp_path):
    path = _statement(tmp_path, "2026/5/10,\u200b=HYPERLINK(\"http://x\"),1000,,5000\r\n")
    with pytest.raises(UserError, match="="):
        read_statement(path)


def test_the_terminal_never_gets_them(capsys, demo_path, tmp_path):
    path = _statement(tmp_path, "2026/5/10,\u202eトクリフ\u009b2J,1000,,5000\r\n")
    before = file_digests(demo_path)
    code, out, err = run_cli(capsys, "reconcile", "--db", demo_path, "--council",
                             "湯田地域づくり協議会", "--account", "交付金受入口座",
                             "--statement", path)
    assert code in (0, 1)  # 1: the bank and the book differ (a finding, not an error)
    assert "トクリフ" in out
    assert not any(c in out + err for c in HIDDEN)
    assert file_digests(demo_path) == before
