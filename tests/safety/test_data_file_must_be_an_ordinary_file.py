"""A data file given as a named pipe or a device (``--db /dev/zero``, a FIFO a settings file or
a careless path points at) is refused at once with 「エラー: … は普通のファイルではありません」 and
exit 2 — it was 「データファイルの読み書きに失敗しました … USB メモリがつながっているか」, which
sends the user looking at the wrong thing — and nothing is created beside it."""

from __future__ import annotations

import os

import pytest

from .conftest import run_cli


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("command", [("councils",), ("check",), ("status", "--fiscal-year", "R8")])
def test_a_named_pipe_is_not_a_data_file(capsys, tmp_path, command):
    fifo = tmp_path / "kyodo.sqlite3"
    os.mkfifo(fifo)
    code, _out, err = run_cli(capsys, *command, "--db", fifo)
    assert code == 2 and err.startswith("エラー:") and "普通のファイル" in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kyodo.sqlite3"]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_is_not_a_data_file(capsys):
    code, _out, err = run_cli(capsys, "councils", "--db", "/dev/zero")
    assert code == 2 and "普通のファイル" in err, err


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
@pytest.mark.parametrize("argv", [
    ("import", "cash-book", "--fiscal-year", "2026", "/dev/zero"),
    ("reconcile", "--account", "交付金受入口座", "--statement", "/dev/zero"),
], ids=["import", "reconcile"])
def test_a_device_is_not_a_file_to_read(capsys, demo_path, argv):
    code, _out, err = run_cli(capsys, *argv, "--db", demo_path, "--council",
                              "湯田地域づくり協議会")
    assert code == 2 and "普通のファイル" in err, err
