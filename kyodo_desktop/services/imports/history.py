"""The files a council imported (table ``imported_files``, migration 10) and the re-import guard.

The same cash book imported twice doubles every entry. Before an import writes anything,
:func:`check_not_imported` refuses (:class:`DuplicateImport`) a file whose SHA-256 was already
imported into the council as the same kind, and a 出納簿 whose rows are for
:data:`DUPLICATE_SHARE` or more already in the council-year's 出納簿 (same date, fund,
direction, 費目 and amount), unless the user confirmed (``--allow-duplicate`` on the CLI, a
question in the GUI). :func:`record_import` notes an import inside its transaction.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from kyodo_desktop.domain.accounting import CashBookEntryInput
from kyodo_desktop.domain.formatting import format_date, format_number, format_percent
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.backup.datafile import Store

#: Share of a file's entries already in the 出納簿 from which it counts as imported before.
DUPLICATE_SHARE = 0.9


class DuplicateImport(UserError):
    """The file (or ≥ 90 % of its rows) was imported before; ``message`` says when and how to
    import it anyway."""


def check_not_imported(store: Store, council_id: int, kind: str, sha256: str, *,
                       fiscal_year: int | None = None,
                       entries: list[CashBookEntryInput] | None = None) -> None:
    """Raise DuplicateImport when the file of digest ``sha256`` was imported into the council
    as ``kind`` before, or when ``entries`` (a 出納簿 of 年度 ``fiscal_year``) are for
    :data:`DUPLICATE_SHARE` or more already stored."""
    earlier = store.query(
        "SELECT file_name, imported_at, rows_imported FROM imported_files WHERE council_id = ? "
        "AND kind = ? AND sha256 = ? ORDER BY id DESC LIMIT 1", (council_id, kind, sha256))
    if earlier:
        row = earlier[0]
        raise DuplicateImport(_(
            "This file was already imported on {date} ({name}, {count} rows). Importing it again "
            "would enter its rows twice. To import it anyway, confirm it (CLI: add "
            "--allow-duplicate).").format(
            date=format_date(datetime.fromisoformat(row["imported_at"]).date()),
            name=row["file_name"], count=format_number(row["rows_imported"])))
    if entries and fiscal_year is not None:
        found = stored_share(store, council_id, fiscal_year, entries)
        if found >= DUPLICATE_SHARE:
            raise DuplicateImport(_(
                "{share} of the file's rows ({count} rows) are already in the cash book of this "
                "year: the file seems to have been imported or typed in before. Importing it "
                "would enter them twice. To import it anyway, confirm it (CLI: add "
                "--allow-duplicate).").format(share=format_percent(found, 0),
                                              count=format_number(len(entries))))


def stored_share(store: Store, council_id: int, fiscal_year: int,
                 entries: list[CashBookEntryInput]) -> float:
    """The share (0–1) of ``entries`` that match a stored entry of the council-year (same date,
    fund, direction, 費目 and amount; each stored entry matches once)."""
    stored = Counter(
        (r["entry_date"], r["fund_code"], r["direction"], r["category"], r["amount"])
        for r in store.query(
            "SELECT entry_date, fund_code, direction, coalesce(income_category_code, "
            "expense_category_code) AS category, amount FROM cash_book_entries "
            "WHERE council_id = ? AND fiscal_year = ?", (council_id, fiscal_year)))
    wanted = Counter((e.entry_date.isoformat(), e.fund_code, e.direction, e.category_code,
                      e.amount) for e in entries)
    matched = sum(min(count, stored[key]) for key, count in wanted.items())
    return matched / len(entries) if entries else 0.0


def record_import(store: Store, council_id: int, kind: str, sha256: str, file_name: str,
                  rows: int, *, fiscal_year: int | None = None) -> None:
    """Note that a file was imported (call inside the import's transaction); nothing is noted
    without a digest (a preview made in code, not read from a file)."""
    if not sha256:
        return
    with store.transaction() as db:
        db["imported_files"].insert({
            "council_id": council_id, "kind": kind, "fiscal_year": fiscal_year,
            "sha256": sha256, "file_name": file_name, "rows_imported": rows,
            "imported_at": datetime.now().isoformat(timespec="seconds")})

