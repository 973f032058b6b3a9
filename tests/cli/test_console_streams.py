"""The command line never fails on its own streams: the windowed Windows build has no console
(``sys.stdout is None``), and a CP932 console or redirected file cannot encode every character of
a council's data (kyodo_desktop/console.py)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from kyodo_desktop import console
from kyodo_desktop.cli import main
from kyodo_desktop.services.council.profile import create_council

REPO = Path(__file__).resolve().parents[2]
UNENCODABLE = "𠮷田☎地域づくり協議会—"


def test_missing_streams_of_the_windowed_build_get_a_sink(monkeypatch, db_path, store):
    create_council(store, "湯田地域づくり協議会")
    store.close()
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    attached = []
    monkeypatch.setattr(console, "attach_parent_console", lambda: attached.append(1) or False)
    assert main(["councils", "--db", str(db_path)]) == 0
    assert sys.stdout is not None and sys.stderr is not None
    assert attached == [1]  # asked the parent console once for both streams
    assert main(["councils", "--db", str(db_path / "missing" / "x.sqlite3")]) == 2  # error path


def test_cp932_stream_replaces_what_it_cannot_encode(monkeypatch):
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp932")
    monkeypatch.setattr(sys, "stdout", stream)
    console.prepare_streams(attach=lambda: False)
    print(UNENCODABLE)
    stream.flush()
    written = raw.getvalue().decode("cp932")
    assert "田" in written and "地域づくり協議会" in written
    assert "?" in written  # 𠮷 and ☎ replaced, not raised


def test_cli_output_redirected_to_a_cp932_file_does_not_crash(tmp_path, db_path, store):
    create_council(store, UNENCODABLE)
    store.close()
    env = {**os.environ, "PYTHONIOENCODING": "cp932", "PYTHONPATH": str(REPO)}
    out = tmp_path / "councils.txt"
    with out.open("wb") as target:
        result = subprocess.run([sys.executable, "-m", "kyodo_desktop", "councils", "--db",
                                 str(db_path)], stdout=target, stderr=subprocess.PIPE,
                                env=env, cwd=REPO, timeout=60, check=False)
    assert result.returncode == 0, result.stderr.decode("cp932", "replace")
    assert "地域づくり協議会" in out.read_bytes().decode("cp932")
