"""A large data file for the start-up benchmark: every one of the demo's 21 councils populated,
each with 10 fiscal years of accounts and projects.

Built from the demo (湯田, fiscal 2025 closed and 2026 open): its handover package is imported
in place of each of the other 20 (empty) councils, then every council's closed year is copied to
the 8 years before it with dates and 年度 shifted (:func:`copy_year`). The file is cached in the
temporary folder under a name keyed by the source of the builder, so the benchmark builds it once.
Run alone: ``python bench/big_file.py`` prints its path and size.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

YEARS_STORED = 10
SOURCE_YEAR = 2025  # the demo's closed year; copied to SOURCE_YEAR - 1 … SOURCE_YEAR - 8
#: Tables whose rows belong to one 年度 (by a ``fiscal_year`` column or through one of these).
YEAR_ROOTS = ("grants", "budget_lines", "budget_transfers", "projects", "cash_book_entries",
              "opening_balances", "year_closes", "audits", "council_year_stats",
              "handbook_chapters")
YEAR_CHILDREN = {"grant_payments": ("grant_id", "grants")}
_ISO_DATE = re.compile(r"^(\d{4})(-\d\d-\d\d)")


def cached_big_file() -> Path:
    """The path of the 21-council × 10-year file, built on first use (≈ 1–3 minutes)."""
    key = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]
    path = Path(tempfile.gettempdir()) / f"kyodo-bench-{key}" / "big.sqlite3"
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        staged = path.with_name("building.sqlite3")
        for leftover in staged.parent.glob("building.sqlite3*"):
            leftover.unlink()
        build(staged)
        shutil.move(staged, path)
    return path


def build(path: Path) -> None:
    """Write the large file at ``path`` (which must not exist)."""
    from kyodo_desktop.demo.build import build_demo
    from kyodo_desktop.services.backup import handover_package
    from kyodo_desktop.store import open_store

    with tempfile.TemporaryDirectory() as folder, open_store(path) as store:
        build_demo(store)
        source_id = store.scalar("SELECT council_id FROM cash_book_entries LIMIT 1")
        package = Path(folder) / "package.sqlite3"
        handover_package.export_council(store, source_id, package)
        for council_id, name in store.conn.execute(
                "SELECT id, name FROM councils WHERE id != ? ORDER BY id", (source_id,)).fetchall():
            handover_package.import_package(store, package, replace_council_id=council_id,
                                            new_name=name)
        for (council_id,) in store.conn.execute("SELECT id FROM councils").fetchall():
            with store.transaction():
                for back in range(1, YEARS_STORED - 1):
                    copy_year(store.conn, council_id, SOURCE_YEAR, SOURCE_YEAR - back)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _shift(value, years: int):
    if isinstance(value, str):
        match = _ISO_DATE.match(value)
        if match:
            return f"{int(match.group(1)) - years}{value[4:]}"
    return value


def copy_year(conn: sqlite3.Connection, council_id: int, source: int, target: int) -> None:
    """Copy the council's rows of 年度 ``source`` to ``target``: new ids, references to copied
    rows remapped, ``fiscal_year`` set and every ISO date moved by the difference in years.
    ``year_closes`` rows are written last (a closed year refuses its entries)."""
    years = source - target
    ids: dict[str, dict[int, int]] = {}
    for table in (*[t for t in YEAR_ROOTS if t != "year_closes"], *YEAR_CHILDREN, "year_closes"):
        if table in YEAR_CHILDREN:
            column, parent = YEAR_CHILDREN[table]
            wanted = ids.get(parent, {})
            rows = [r for r in _rows(conn, f'SELECT * FROM "{table}"') if r[column] in wanted]
        else:
            rows = _rows(conn, f'SELECT * FROM "{table}" WHERE council_id = ? AND fiscal_year = ?',
                         (council_id, source))
        ids[table] = {}
        for row in sorted(rows, key=lambda r: r.get("id") or 0):
            values = {c: _shift(v, years) for c, v in row.items() if c != "id"}
            if "fiscal_year" in values:
                values["fiscal_year"] = target
            for column, parent in (("project_id", "projects"), ("grant_id", "grants"),
                                   ("correction_of_id", "cash_book_entries"),
                                   *YEAR_CHILDREN.values()):
                if values.get(column) is not None and parent in ids:
                    values[column] = ids[parent].get(values[column], values[column])
            names = list(values)
            verb = "INSERT" if "id" in row else "INSERT OR IGNORE"  # stats kept from the demo
            cursor = conn.execute(
                f'{verb} INTO "{table}" ({", ".join(names)}) '
                f'VALUES ({", ".join("?" * len(names))})', [values[n] for n in names])
            if "id" in row:
                ids[table][row["id"]] = cursor.lastrowid


def _rows(conn: sqlite3.Connection, sql: str, params: tuple = ()) -> list[dict]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


if __name__ == "__main__":
    built = cached_big_file()
    conn = sqlite3.connect(built)
    entries = conn.execute("SELECT count(*) FROM cash_book_entries").fetchone()[0]
    years = conn.execute("SELECT count(DISTINCT council_id || '-' || fiscal_year) "
                         "FROM cash_book_entries").fetchone()[0]
    print(f"{built}: {built.stat().st_size / 2**20:.1f} MB, {entries} entries, "
          f"{years} council-years")
