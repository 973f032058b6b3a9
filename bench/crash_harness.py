"""Crash-safety harness: kill a writer with SIGKILL at random moments, many times, and check.

``python bench/crash_harness.py --kills 500`` (the long run; tests/safety runs a short one).
Each round starts ``bench/crash_writer.py`` on the same data file (the demo council, made once),
waits until it is writing, sleeps a random 0–``--max-delay`` seconds and sends SIGKILL. Then the
file must open, ``check`` (:func:`kyodo_desktop.services.backup.file_check.run_checks`, including the change
history) must find nothing, every operation the writer reported as committed must be there, and
every backup it reported must pass ``integrity_check``. Prints the figures; the exit code is 1
when any round failed. POSIX only (SIGKILL).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WRITER = Path(__file__).resolve().parent / "crash_writer.py"


@dataclass
class Figures:
    """What a run found: ``kills`` done, ``integrity_errors`` (rounds whose file did not open or
    failed a check), ``lost_commits`` (reported operations missing), ``commits_checked``."""

    kills: int = 0
    integrity_errors: int = 0
    lost_commits: int = 0
    commits_checked: int = 0
    backups_checked: int = 0
    final_cash_book_entries: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)


def prepare(db: Path) -> None:
    """Build the demo council in a new data file ``db``."""
    from kyodo_desktop.demo.build import build_demo
    from kyodo_desktop.store import open_store

    with open_store(db) as store:
        build_demo(store)


def _wait_ready(log: Path, process: subprocess.Popen, timeout: float = 30.0,
                marker: bytes = b"READY") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log.exists() and marker in log.read_bytes():
            return
        if process.poll() is not None:
            raise RuntimeError(f"the writer stopped by itself (exit {process.returncode})")
        time.sleep(0.005)
    raise RuntimeError("the writer did not start")


def kill_once(db: Path, log: Path, seed: int, delay: float, *,
              after_commit: bool = False) -> None:
    """Run one writer on ``db`` and SIGKILL it ``delay`` seconds after it is ready (or, with
    ``after_commit``, after its first reported commit: on a loaded machine a short delay could
    otherwise kill every writer before it wrote anything)."""
    log.unlink(missing_ok=True)
    process = subprocess.Popen([sys.executable, str(WRITER), str(db), str(log), str(seed)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_ready(log, process, timeout=60.0, marker=b"\nC " if after_commit else b"READY")
        time.sleep(delay)
    finally:
        process.send_signal(signal.SIGKILL)
        _out, err = process.communicate()
    if process.returncode != -signal.SIGKILL:
        raise RuntimeError(f"the writer ended with {process.returncode}: {err.decode()[-2000:]}")


def reported(log: Path) -> list[list[str]]:
    """The commit lines of the writer's log (a line cut by the kill is ignored)."""
    text = log.read_text(encoding="utf-8") if log.exists() else ""
    lines = text.split("\n")[:-1]  # the last piece has no newline: it may be incomplete
    return [line.split(" ", 3)[2:] for line in lines if line.startswith("C ")]


class Snapshot:
    """What the file holds, read once per check: 出納簿 memos of the writer with their counts,
    memos of entries deleted later (from the change history), budget notes, entries, officers."""

    def __init__(self, store) -> None:
        self.memos: dict[str, int] = {}
        for (memo,) in store.conn.execute(
                "SELECT memo FROM cash_book_entries WHERE memo LIKE 'crash%'"):
            self.memos[memo] = self.memos.get(memo, 0) + 1
        self.deleted = {memo for (memo,) in store.conn.execute(
            "SELECT json_extract(before, '$.memo') FROM audit_log WHERE table_name = "
            "'cash_book_entries' AND action = 'delete'")}
        self.notes = dict(store.conn.execute("SELECT id, notes FROM budget_lines"))
        self.entries = set(store.conn.execute("SELECT id, memo FROM cash_book_entries"))
        self.officers = {name for (name,) in store.conn.execute(
            "SELECT p.name FROM people AS p JOIN officer_terms AS t ON t.person_id = p.id")}

    def missing(self, report: list[str]) -> str:
        """"" when the reported operation is in the file, else what is missing."""
        from kyodo_desktop.store.backup import integrity_problem

        kind, rest = report[0], report[1] if len(report) > 1 else ""
        if kind == "entry":
            ok = self.memos.get(rest) == 1 or rest in self.deleted
        elif kind == "batch":
            memo, count = rest.split()
            found = self.memos.get(memo, 0)
            ok = found == int(count) or (found < int(count) and memo in self.deleted)
        elif kind == "budget":
            line_id, seq = rest.split()
            notes = self.notes.get(int(line_id))
            ok = notes is not None and int(notes) >= int(seq)
        elif kind == "delete":
            entry_id, memo = rest.split()
            ok = (int(entry_id), memo) not in self.entries
        elif kind == "person":
            ok = rest in self.officers
        elif kind == "backup":  # rotated away is fine; present must be whole
            ok = not Path(rest).exists() or not integrity_problem(Path(rest))
        else:
            return f"unknown report {report}"
        return "" if ok else f"{kind} {rest}"


def verify(db: Path, reports: list[list[str]], figures: Figures) -> None:
    """Open the file after a kill and check it and every reported commit."""
    from kyodo_desktop.errors import UserError
    from kyodo_desktop.services.backup.file_check import run_checks
    from kyodo_desktop.store import open_store

    try:
        store = open_store(db)
    except UserError as error:
        figures.integrity_errors += 1
        figures.failures.append(f"kill {figures.kills}: cannot open: {error} {error.detail}")
        return
    try:
        problems = run_checks(store)
        if problems:
            figures.integrity_errors += 1
            figures.failures.append(f"kill {figures.kills}: {problems[:3]}")
        snapshot = Snapshot(store)
        for report in reports:
            gone = snapshot.missing(report)
            figures.commits_checked += report[0] != "backup"
            figures.backups_checked += report[0] == "backup"
            if gone:
                figures.lost_commits += 1
                figures.failures.append(f"kill {figures.kills}: lost {gone}")
        figures.final_cash_book_entries = store.scalar("SELECT count(*) FROM cash_book_entries")
    finally:
        store.close()


def run(kills: int, *, seed: int = 1, max_delay: float = 0.4, folder: Path | None = None,
        progress=None, after_commit: bool = False) -> Figures:
    """Do ``kills`` rounds in ``folder`` (a new temporary folder by default); return figures."""
    rng = random.Random(seed)
    figures = Figures()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="kyodo-crash-") as temporary:
        work = Path(folder or temporary)
        work.mkdir(parents=True, exist_ok=True)
        db, log = work / "crash.sqlite3", work / "writer.log"
        prepare(db)
        all_reports: list[list[str]] = []
        for round_no in range(1, kills + 1):
            kill_once(db, log, seed * 100_000 + round_no, rng.uniform(0, max_delay),
                      after_commit=after_commit)
            figures.kills += 1
            round_reports = reported(log)
            all_reports.extend(round_reports)
            verify(db, round_reports, figures)
            if progress:
                progress(round_no, figures)
        final = Figures()  # at the end, every commit of every round once more
        verify(db, [r for r in all_reports if r[0] != "backup"], final)
        figures.lost_commits += final.lost_commits
        figures.integrity_errors += final.integrity_errors
        figures.failures += [f"final check: {f}" for f in final.failures]
        figures.final_cash_book_entries = final.final_cash_book_entries
    figures.seconds = round(time.monotonic() - started, 1)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-delay", type=float, default=0.4)
    parser.add_argument("--save", type=Path, help="also write the figures as JSON to this file")
    args = parser.parse_args()

    def progress(round_no: int, figures: Figures) -> None:
        if round_no % 50 == 0:
            print(f"  {round_no} kills, {figures.integrity_errors} integrity errors, "
                  f"{figures.lost_commits} lost commits", flush=True)

    figures = run(args.kills, seed=args.seed, max_delay=args.max_delay, progress=progress)
    summary = asdict(figures)
    summary["failures"] = figures.failures[:20]
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    if args.save:
        args.save.write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n",
                             encoding="utf-8")
    return 0 if not figures.integrity_errors and not figures.lost_commits else 1


if __name__ == "__main__":
    if os.name != "posix":
        sys.exit("the crash harness needs POSIX signals")
    sys.exit(main())
