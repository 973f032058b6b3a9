"""Import a treasurer's own 出納簿 (.xlsx / .csv): preview first, then write only when confirmed.

:func:`preview_cash_book` reads the file (:mod:`kyodo_desktop.io.tabular`), skips the title rows
above the header (the first row, among the first :data:`HEADER_SEARCH_ROWS`, naming a date column
and at least two more known columns), and turns each row into an entry or row-level errors
(:mod:`kyodo_desktop.io.cash_book_rows`). It writes nothing. Skipped silently: blank rows.
Skipped with a reason: 小計・合計・月計・累計 rows, 前月繰越・次年度繰越 rows, note rows. The
前年度繰越 row is not an entry: its amount is returned as ``opening_balance`` and the caller
compares it with the stored 前年度繰越金 (or takes it when no closed previous year exists).
A 残高 column is not imported but checked against the rows: a difference is a row warning.

:func:`apply_import` records the entries through the 出納簿 service, all or nothing.
Source of the rules: issue 5, item 9.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from kyodo_desktop.domain.accounting import CashBookEntryInput
from kyodo_desktop.domain.text import normalize
from kyodo_desktop.domain.wareki import format_fiscal_year
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.io import cash_book_names as names
from kyodo_desktop.io.bulk import collector_paused
from kyodo_desktop.io.cash_book_names import parse_fund
from kyodo_desktop.io.cash_book_preview import (
    ImportPreview,
    PreviewRow,
    SkippedRow,
    describe_preview,
)
from kyodo_desktop.io.cash_book_rows import Columns, RowContext
from kyodo_desktop.io.cash_book_take import RowTaker
from kyodo_desktop.io.sheet_limits import Progress
from kyodo_desktop.io.tabular import TableRow, file_sha256, read_table
from kyodo_desktop.services.accounting.accounts import find_account
from kyodo_desktop.services.accounting.cash_book import EntryValidationError, record_entries
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.services.plan.projects import create_project, project_names

#: How far down the header row is looked for (title rows, 団体名, 年度 … above it).
HEADER_SEARCH_ROWS = 30
#: Columns every 出納簿 needs (field → the name shown when missing).
REQUIRED_COLUMNS = {"entry_date": "日付", "category": "費目"}

__all__ = ["ImportPreview", "PreviewRow", "SkippedRow", "apply_import", "describe_preview",
           "parse_fund", "preview_cash_book"]


def preview_cash_book(path: Path | str, *, fiscal_year: int, fund_code: str | None,
                      category_map: dict[str, str] | None = None,
                      sheet: str | None = None, progress: Progress | None = None,
                      own_funds: dict[str, str] | None = None) -> ImportPreview:
    """Read a 出納簿 file and return what importing it would do; writes nothing.

    ``fiscal_year`` the 年度 (int, 2023 = 令和5年度) that 「4/1」「5/4/1」 resolve in and every
    date must fall in; ``fund_code`` the 会計区分 of rows without a 区分 column (code or 運営支援 /
    活動支援 / 自主財源; None: every row must name its fund); ``category_map`` 費目 name as written in the file → code
    (income_categories / expense_categories), answers of the mapping dialog; ``progress`` as
    :func:`kyodo_desktop.io.tabular.read_table` takes it; ``own_funds`` the council's own funds
    (name → code, :func:`kyodo_desktop.services.accounting.funders.own_fund_codes`). A row the
    reader found a problem in
    (hidden, formula never calculated, a cell too long) is a bad row.

    Raises UserError (Japanese) when the file cannot be read, has no header row, or lacks a
    required column (日付, 費目, and 金額 or both 収入 and 支出); ValidationError for a bad
    ``fund_code``; ValueError (a bug) for an unknown code in ``category_map``.
    """
    own_funds = dict(own_funds or {})
    fund_code = parse_fund(fund_code, own_funds) if fund_code else None
    with collector_paused():
        return _preview(Path(path), fiscal_year, fund_code, category_map or {}, sheet,
                        progress, own_funds)


def _preview(path: Path, fiscal_year: int, fund_code: str | None, category_map: dict,
             sheet: str | None, progress: Progress | None, own_funds: dict) -> ImportPreview:
    digest = file_sha256(path) if path.is_file() else ""
    table = read_table(path, sheet=sheet, progress=progress)
    header, columns, unknown = find_header(table.rows)
    preview = ImportPreview(path, fiscal_year, fund_code, header.number,
                            dict(columns.headers), unknown_columns=unknown,
                            encoding=table.encoding, sheet=table.sheet, sha256=digest,
                            own_funds=own_funds)
    ctx = RowContext(fiscal_year, fund_code, _category_keys(category_map),
                     own_funds=own_funds)
    taker = RowTaker(preview, columns, ctx)
    for row in table.rows:
        if row.number > header.number:
            taker.take(row)
    preview.unknown_categories = ctx.unknown_categories
    return preview


def apply_import(store, council_id: int, fiscal_year: int, preview: ImportPreview, *,
                 skip_bad_rows: bool = False, progress: Progress | None = None) -> Changes:
    """Record the previewed entries in the 出納簿 of ``council_id``, 年度 ``fiscal_year``, in one
    transaction through :func:`kyodo_desktop.services.accounting.cash_book.record_entries`
    (``store``: the open :class:`kyodo_desktop.store.Store`); return what changed. A row's 事業
    is the council's 事業 of that name in the 年度; one not registered yet is added (name only,
    :func:`new_projects` lists them). A row's 口座 column names one of the council's 口座
    (現金, 普通預金, a 呼び名 or 口座番号: :func:`~kyodo_desktop.services.accounting.accounts.
    find_account`); an empty one means 現金, an unknown one is a UserError naming the row. The 前年度繰越 (``preview.openings``) is not written here.
    ``progress(entries_written, entries_in_all)`` is called as the entries are written; what it
    raises (:class:`~kyodo_desktop.io.sheet_limits.ImportCancelled`) stops the import with
    nothing written.

    Raises UserError (Japanese), writing nothing, when any row has errors (unless
    ``skip_bad_rows``: then only the good rows are written), when no row is left, or when the
    preview was made for another 年度; a row the service refuses as UserError naming its row
    number; and whatever ``record_entries`` raises (YearClosed …).
    """
    if preview.fiscal_year != fiscal_year:
        raise UserError(_("The file was checked for {previewed}, not for {fiscal_year}. Check it "
                          "again for the fiscal year chosen.").format(
            previewed=format_fiscal_year(preview.fiscal_year),
            fiscal_year=format_fiscal_year(fiscal_year)))
    bad = preview.bad_rows
    if bad and not skip_bad_rows:
        shown = "、".join(str(row.row_number) for row in bad[:10]) + ("…" if len(bad) > 10 else "")
        raise UserError(_("{count} rows have errors (rows {rows}), so nothing was imported. "
                          "Correct them in the file and import it again, or import only the rows "
                          "without errors.").format(count=len(bad), rows=shown))
    good = [row for row in preview.rows if row.ok]
    if not good:
        raise UserError(_("The file has no rows that can be imported."))
    try:
        with collector_paused(), store.transaction():
            ids, changes = _project_ids(store, council_id, fiscal_year, preview.projects)
            entries = _placed_entries(store, council_id, good, ids)
            return record_entries(store, council_id, fiscal_year, entries,
                                  progress=progress) | changes
    except EntryValidationError as error:
        raise UserError(_("Row {row}: {text}").format(row=good[error.index].row_number,
                                                      text=error.message),
                        detail=error.detail) from error


def _placed_entries(store, council_id: int, good: list[PreviewRow], project_ids: dict[str, int]
                    ) -> list[CashBookEntryInput]:
    """The entries of the ``good`` rows with the 事業 (``project_ids``: name → id) and the 口座
    their rows name (UserError naming the row for an unknown 口座), in one pass."""
    accounts: dict[str, int] = {}
    entries = []
    for row in good:
        entry = row.entry
        if row.project or row.account:
            entry = replace(entry, project_id=project_ids[row.project] if row.project
                            else entry.project_id,
                            account_id=_account_id(store, council_id, row, accounts)
                            if row.account else entry.account_id)
        entries.append(entry)
    return entries


def _account_id(store, council_id: int, row: PreviewRow, found: dict[str, int]) -> int:
    """The id of the 口座 named in ``row`` (looked up once per name in ``found``)."""
    if row.account not in found:
        try:
            found[row.account] = find_account(store, council_id, row.account)
        except UserError as error:
            raise UserError(_("Row {row}: {text}").format(row=row.row_number,
                                                         text=error.message)) from error
    return found[row.account]


def new_projects(store, council_id: int, fiscal_year: int, preview: ImportPreview) -> list[str]:
    """The 事業 names of the file that the council does not have in 年度 ``fiscal_year`` yet."""
    known = {normalize(name) for _id, name in project_names(store, council_id, fiscal_year)}
    return [name for name in preview.projects if normalize(name) not in known]


def _project_ids(store, council_id: int, fiscal_year: int, names: list[str]
                 ) -> tuple[dict[str, int], Changes]:
    ids = {normalize(name): project_id
           for project_id, name in project_names(store, council_id, fiscal_year)}
    found, changes = {}, Changes()
    for name in names:
        if normalize(name) not in ids:
            ids[normalize(name)], added = create_project(store, council_id, fiscal_year,
                                                         {"name": name})
            changes = changes | added
        found[name] = ids[normalize(name)]
    return found, changes


def find_header(rows: list[TableRow]) -> tuple[TableRow, Columns, list[str]]:
    """The header row, where each field's column is, and the headers not understood.

    Raises UserError when no row names a date column and two more, or a required one is missing.
    """
    best: tuple[TableRow, Columns, list[str]] | None = None
    for row in [row for row in rows if not row.is_blank][:HEADER_SEARCH_ROWS]:
        found = _columns_of(row)
        if best is None or len(found[0].index) > len(best[1].index):
            best = (row, *found)
        if "entry_date" in found[0].index and len(found[0].index) >= 3:
            best = (row, *found)
            break
    if best is None or len(best[1].index) < 2:
        raise UserError(_("No header row was found. The file needs a row of column names such "
                          "as 日付, 摘要, 費目, 収入, 支出 (or one 金額 column) above the entries."))
    missing = [label for name, label in REQUIRED_COLUMNS.items() if name not in best[1].index]
    has = best[1].index
    if "amount" not in has and not ("income" in has and "expense" in has):
        missing.append("金額（または収入・支出）")
    if missing:
        raise UserError(_("The header row (row {row}) has no column for {columns}. Name the "
                          "columns like 日付, 摘要, 費目, 収入, 支出 (or one 金額 column) and try "
                          "again.").format(row=best[0].number,
                                           columns="、".join(f"「{m}」" for m in missing)))
    return best


def _columns_of(row: TableRow) -> tuple[Columns, list[str]]:
    index: dict[str, int] = {}
    headers: dict[str, str] = {}
    unknown: list[str] = []
    for position, text in enumerate(row.cells):
        name = names.header_field(text)
        if name is None or name in index:
            if text:
                unknown.append(text)
            continue
        index[name], headers[name] = position, text
    return Columns(index, headers), unknown


def _category_keys(category_map: dict[str, str]) -> dict[str, str]:
    keys = {}
    for name, code in category_map.items():
        if names.direction_of_code(code) is None:
            raise ValueError(f"unknown category code in category_map: {code!r}")
        keys[names.name_key(name)] = code
    return keys
