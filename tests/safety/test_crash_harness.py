"""The short run of the crash-safety harness (bench/crash_harness.py runs 500 kills): a writer
is SIGKILLed at random moments; the file must open, pass every check and keep every commit."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

HARNESS = Path(__file__).resolve().parents[2] / "bench" / "crash_harness.py"


@pytest.fixture(scope="module")
def harness():
    spec = importlib.util.spec_from_file_location("crash_harness", HARNESS)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_twenty_kills_lose_nothing(harness, tmp_path):
    figures = harness.run(20, seed=7, max_delay=0.25, folder=tmp_path, after_commit=True)
    assert figures.kills == 20
    assert figures.failures == []
    assert figures.integrity_errors == 0 and figures.lost_commits == 0
    assert figures.commits_checked > 20  # the writer really wrote between the kills


def test_the_checker_notices_a_lost_commit(harness, demo_store):
    snapshot = harness.Snapshot(demo_store)
    assert snapshot.missing(["entry", "crash:123"]) == "entry crash:123"
    assert snapshot.missing(["person", "試験 太郎1"]) == "person 試験 太郎1"
    entry = demo_store.query("SELECT id, memo FROM cash_book_entries LIMIT 1")[0]
    assert snapshot.missing(["delete", f"{entry['id']} {entry['memo'] or 'x'}"]) in (
        "", f"delete {entry['id']} {entry['memo']}")


def test_a_cut_log_line_is_not_counted(harness, tmp_path):
    log = tmp_path / "writer.log"
    log.write_text("READY\nC 1 entry crash:1\nC 2 entry cra", encoding="utf-8")
    assert harness.reported(log) == [["entry", "crash:1"]]
