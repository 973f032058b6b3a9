"""The CLI kinds of the 出納簿: ``import cash-book``, ``export cash-book`` and
``export budget-vs-actual`` (found by :mod:`kyodo_desktop.io.registry`).

``kyodo-desktop import cash-book FILE --db … --fiscal-year R7 [--fund 活動支援] [--dry-run]
[--skip-bad-rows]`` previews the file, refuses it (writing nothing) when a row is bad unless
``--skip-bad-rows``, records the entries and takes the file's 前年度繰越 rows (one per fund) as the
opening balances (or checks them against the closed previous year; see
:mod:`kyodo_desktop.services.accounting.opening_balance`), all in one transaction.
"""

from __future__ import annotations

from pathlib import Path

from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.io.cash_book_export import export_budget_vs_actual, export_cash_book
from kyodo_desktop.io.cash_book_import import (
    ImportPreview,
    apply_import,
    describe_preview,
    new_projects,
    parse_fund,
    preview_cash_book,
)
from kyodo_desktop.io.registry import ExportKind, ImportKind
from kyodo_desktop.io.sheet_limits import Progress
from kyodo_desktop.services.accounting import common, funders
from kyodo_desktop.services.accounting.opening_balance import OpeningOutcome, take_import_opening
from kyodo_desktop.services.backup.datafile import Store
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.services.council import councils
from kyodo_desktop.services.imports.history import check_not_imported, record_import

KIND = "cash-book"


def preview_for_fund(path: Path | str, fiscal_year: int, fund: str | None, *,
                     category_map: dict[str, str] | None = None,
                     progress: Progress | None = None,
                     own_funds: dict[str, str] | None = None) -> ImportPreview:
    """Preview ``path`` for 年度 ``fiscal_year``; ``fund`` the Japanese name or code of the
    会計区分, needed unless the file has a 会計区分 column; ``own_funds`` the council's own funds
    (name → code); ``progress`` as
    :func:`kyodo_desktop.io.tabular.read_table` takes it.

    Raises UserError (Japanese) as :func:`preview_cash_book`, or when the fund is missing.
    """
    preview = preview_cash_book(path, fiscal_year=fiscal_year, fund_code=fund or None,
                                category_map=category_map, progress=progress,
                                own_funds=own_funds)
    if not fund and "fund" not in preview.columns:
        raise UserError(_("The file has no fund column. Choose the fund with --fund (運営支援, "
                          "活動支援 or 自主財源)."))
    return preview


def import_with_opening(store: Store, council_id: int, fiscal_year: int,
                        preview: ImportPreview, *, skip_bad_rows: bool = False,
                        progress: Progress | None = None
                        ) -> tuple[Changes, list[OpeningOutcome]]:
    """Record the previewed entries and handle the 前年度繰越 rows (one per fund) in one
    transaction; ``progress(entries_written, entries_in_all)`` as :func:`apply_import` takes it
    (what it raises stops the import, nothing written).

    Returns ``(Changes, one OpeningOutcome per 前年度繰越 row)``. Raises what
    :func:`apply_import` and :func:`take_import_opening` raise (nothing is written then).
    """
    with store.transaction():
        changes = apply_import(store, council_id, fiscal_year, preview,
                               skip_bad_rows=skip_bad_rows, progress=progress)
        record_import(store, council_id, KIND, preview.sha256, preview.path.name,
                      len(preview.entries), fiscal_year=fiscal_year)
        outcomes = []
        for fund, (amount, _row) in preview.openings.items():
            outcomes.append(take_import_opening(store, council_id, fiscal_year, fund, amount))
            changes = changes | outcomes[-1].changes
    return changes, outcomes


def run_import(store: Store, council_id: int, fiscal_year: int, path: Path, *, dry_run: bool,
               skip_bad_rows: bool, options: dict) -> str:
    """The ``import cash-book`` kind: see the module docstring. Returns the Japanese summary."""
    councils.ensure_council(store, council_id)
    common.ensure_open(store, council_id, fiscal_year)
    fund = options.get("fund")
    own = funders.own_fund_codes(store, council_id)
    preview = preview_for_fund(path, fiscal_year, fund, progress=options.get("progress"),
                               own_funds=own)
    summary = describe_preview(preview)
    if fund:
        refuse_other_funds(preview, parse_fund(fund, own))
    if not options.get("allow_duplicate"):
        check_duplicate(store, council_id, fiscal_year, preview)
    if preview.bad_rows and not skip_bad_rows:
        raise UserError(summary + "\n" + _(
            "Nothing was imported because {count} rows have errors. Correct them in the file, or "
            "add --skip-bad-rows to import only the good rows.").format(
            count=len(preview.bad_rows)))
    lines = [summary]
    added = new_projects(store, council_id, fiscal_year, preview)
    if added:
        lines.append(_("Projects to be added (named in the file, not registered yet): {names}")
                     .format(names="、".join(added)))
    if dry_run:
        lines += [take_import_opening(store, council_id, fiscal_year, opening_fund, amount,
                                      dry_run=True).message
                  for opening_fund, (amount, _row) in preview.openings.items()]
        lines.append(_("This was a check only (--dry-run): nothing was written."))
        return "\n".join(lines)
    _changes, outcomes = import_with_opening(store, council_id, fiscal_year, preview,
                                             skip_bad_rows=skip_bad_rows,
                                             progress=options.get("writing"))
    lines.append(_("{count} entries were imported.").format(count=len(preview.entries)))
    lines += [outcome.message for outcome in outcomes]
    return "\n".join(lines)


def check_duplicate(store: Store, council_id: int, fiscal_year: int,
                    preview: ImportPreview) -> None:
    """DuplicateImport when the file, or ≥ 90 % of its entries, is already in the 出納簿 of the
    council-year (:func:`kyodo_desktop.services.imports.history.check_not_imported`)."""
    check_not_imported(store, council_id, KIND, preview.sha256, fiscal_year=fiscal_year,
                       entries=preview.entries)


def refuse_other_funds(preview: ImportPreview, fund_code: str) -> None:
    """``--fund`` with a file whose 会計区分 column names other funds: UserError naming the rows
    (up to ten), so that funds are never merged or split by mistake."""
    other = [row.row_number for row in preview.rows
             if row.entry is not None and row.entry.fund_code != fund_code]
    other += [row for fund, (_amount, row) in preview.openings.items() if fund != fund_code]
    if not other:
        return
    other.sort()
    shown = "、".join(str(number) for number in other[:10]) + ("…" if len(other) > 10 else "")
    raise UserError(_("The fund chosen with --fund ({fund}) differs from the column {column} of "
                      "the file in {count} rows (rows {rows}). Import the file without --fund "
                      "(each row goes to the fund of its column), or correct those rows.").format(
        fund=preview.fund_label(fund_code), column=preview.columns.get("fund", "会計区分"),
        count=len(other), rows=shown))


def run_export_cash_book(store: Store, council_id: int, fiscal_year: int, path: Path,
                         options: dict) -> str:
    """The ``export cash-book`` kind (``--fund`` optional). Returns the Japanese summary."""
    fund = options.get("fund")
    own = funders.own_fund_codes(store, council_id)
    count = export_cash_book(store, council_id, fiscal_year, path,
                             fund=parse_fund(fund, own) if fund else None)
    return _("Wrote {path} ({count} entries).").format(path=path, count=count)


def run_export_budget(store: Store, council_id: int, fiscal_year: int, path: Path,
                      options: dict) -> str:
    """The ``export budget-vs-actual`` kind. Returns the Japanese summary."""
    count = export_budget_vs_actual(store, council_id, fiscal_year, path)
    return _("Wrote {path} ({count} rows).").format(path=path, count=count)


IMPORTS = [ImportKind(KIND, N_("Cash book"), run_import, needs_fiscal_year=True)]
EXPORTS = [
    ExportKind("cash-book", N_("Cash book"), run_export_cash_book),
    ExportKind("budget-vs-actual", N_("Budget vs actual"), run_export_budget),
]
