"""A restore or handover file that is not a regular file — a named pipe (FIFO) that no program
writes to — is refused at once with 「エラー: …」; the app never waits forever reading it."""

from __future__ import annotations

import os
import threading

import pytest

from kyodo_desktop import cli


@pytest.mark.parametrize("command", ["restore", "handover-import"])
def test_a_named_pipe_is_refused_without_waiting(capsys, demo_path, tmp_path, command):
    pipe = tmp_path / "backup.sqlite3"
    os.mkfifo(pipe)
    before = demo_path.read_bytes()
    result: dict = {}
    worker = threading.Thread(
        target=lambda: result.setdefault("code", cli.main([command, str(pipe), "--db",
                                                           str(demo_path)])), daemon=True)
    worker.start()
    worker.join(20)
    if worker.is_alive():  # unblock the reader so the test run can end
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(5)
    assert result.get("code") == 2
    _out, err = capsys.readouterr()
    assert err.startswith("エラー:")
    assert demo_path.read_bytes() == before
