"""出納簿 operations: record, update, delete, 訂正, list with running balances, totals.

Every write runs in one ``store.transaction()`` and is logged in the 変更履歴
(:mod:`kyodo_desktop.store.audit`); a closed 年度 refuses it with
:class:`~kyodo_desktop.store.errors.YearClosed`. Checks (warnings) never block saving: run them
with :mod:`kyodo_desktop.services.accounting.checks`. Listing and filtering are in
:mod:`kyodo_desktop.services.accounting.cash_book_query`, their totals in
:mod:`kyodo_desktop.services.accounting.figures`; both re-exported here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from functools import cached_property

from kyodo_desktop.domain import text
from kyodo_desktop.domain.accounting import (
    DIRECTIONS,
    EXPENSE,
    INCOME,
    CashBookEntry,
    CashBookEntryInput,
    entry_refusals,
    refusal_text,
)
from kyodo_desktop.domain.formatting import format_date
from kyodo_desktop.domain.wareki import fiscal_year_end, fiscal_year_start
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.accounting import accounts, common
from kyodo_desktop.services.accounting.cash_book_query import (  # noqa: F401  (re-exported)
    history_values,
    list_entries,
)
from kyodo_desktop.services.accounting.figures import entry_totals  # noqa: F401  (re-exported)
from kyodo_desktop.services.accounting.rows import EntryHistoryRow
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.services.council import councils
from kyodo_desktop.store import Store, audit
from kyodo_desktop.store.audit import Progress
from kyodo_desktop.store.errors import refund_with_project_message

TABLE = "cash_book_entries"
_INPUT_FIELDS = tuple(f.name for f in fields(CashBookEntryInput))
_REFUSAL_FIELDS = {"amount_not_positive": "amount", "outside_fiscal_year": "entry_date"}


class EntryValidationError(ValidationError):
    """An entry of a batch cannot be stored; ``index`` is its position (0-based) in the list
    given to :func:`record_entries`, ``field`` the input concerned."""

    def __init__(self, message: str, *, index: int, field: str = "") -> None:
        super().__init__(message, field=field)
        self.index = index


def check_entry(store: Store, council_id: int, fiscal_year: int, entry: CashBookEntryInput, *,
                allow_negative: bool = False, lookup: _Lookup | None = None) -> None:
    """Raise ValidationError (``field`` set) when the entry cannot be stored at all: not a date,
    unknown fund or direction, no 費目 / 収入科目 or an unknown one, amount not an int, the hard
    rules of :func:`~kyodo_desktop.domain.accounting.entry_refusals` (amount ≤ 0 unless
    ``allow_negative`` for a 訂正, a date outside 年度 ``fiscal_year``; the message is the one the
    entry panel shows), a 事業 or 交付金 of another council, a 返還金 (expense carrying
    ``grant_id``) linked to a 事業 (it is never a 事業's cost; the store refuses it too,
    migration 7). Soft problems are findings, not errors (see checks). A closed year is refused by
    the callers (YearClosed). ``lookup``: the answers of the store shared by a batch."""
    if not isinstance(entry.entry_date, date) or isinstance(entry.entry_date, datetime):
        raise ValidationError(_("Enter the date."), field="entry_date")
    lookup = lookup or _Lookup(store, council_id)
    if entry.fund_code not in lookup.funds:
        raise ValidationError(_("Choose a fund."), field="fund_code")
    if entry.direction not in DIRECTIONS:
        raise ValidationError(_("Choose income or expense."), field="direction")
    table = "income_categories" if entry.direction == INCOME else "expense_categories"
    if not entry.category_code or not lookup.scalar(
            f"SELECT 1 FROM {table} WHERE code = ?", (entry.category_code,)):
        raise ValidationError(_("Choose a category."), field="category_code")
    if not isinstance(entry.amount, int) or isinstance(entry.amount, bool):
        raise ValidationError(_("The amount must be a whole number of yen, at least 1."),
                              field="amount")
    for finding in entry_refusals(entry, fiscal_year, allow_negative=allow_negative):
        raise ValidationError(refusal_text(finding), field=_REFUSAL_FIELDS[finding.code])
    if entry.project_id is not None and not lookup.scalar(
            "SELECT 1 FROM projects WHERE id = ? AND council_id = ?",
            (entry.project_id, council_id)):
        raise ValidationError(_("Choose a project of this council."), field="project_id")
    if entry.grant_id is not None and not lookup.scalar(
            "SELECT 1 FROM grants WHERE id = ? AND council_id = ?", (entry.grant_id, council_id)):
        raise ValidationError(_("Choose a grant of this council."), field="grant_id")
    if entry.direction == EXPENSE and entry.grant_id is not None and entry.project_id is not None:
        raise ValidationError(refund_with_project_message(), field="project_id")
    if entry.account_id is not None:
        accounts.resolve_account(store, council_id, entry.account_id)


def _on_account(store: Store, council_id: int, entry: CashBookEntryInput) -> CashBookEntryInput:
    """The entry with its 口座: the one given, or the council's 現金."""
    if entry.account_id is not None:
        return entry
    return replace(entry, account_id=accounts.cash_account_id(store, council_id))


def _rows_on_accounts(store: Store, council_id: int, fiscal_year: int,
                      entries: list[CashBookEntryInput]) -> Iterator[list]:
    """The stored values of ``entries`` in the council-year, in the order of
    :data:`_ROW_COLUMNS`, each on its 口座: the one given, or the council's 現金 (looked up once,
    before the first value is made); made one at a time, so that a large import never holds
    them all."""
    cash = None
    if any(entry.account_id is None for entry in entries):
        cash = accounts.cash_account_id(store, council_id)
    for entry in entries:
        values = [council_id, fiscal_year, *_value_list(entry)]
        if entry.account_id is None:
            values[-1] = cash
        yield values


class _Lookup:
    """The store's answers to :func:`check_entry`'s look-ups, each asked once per batch."""

    def __init__(self, store: Store, council_id: int) -> None:
        self.store = store
        self.council_id = council_id
        self.answers: dict[tuple, object] = {}

    @cached_property
    def funds(self) -> dict[str, str]:
        return common.fund_names(self.store, self.council_id)

    def scalar(self, sql: str, params: tuple):
        key = (sql, params)
        if key not in self.answers:
            self.answers[key] = self.store.scalar(sql, params)
        return self.answers[key]


#: The stored columns of an entry's input (:func:`_values`), in order.
_VALUE_COLUMNS = ("fund_code", "entry_date", "direction", "income_category_code",
                  "expense_category_code", "description", "amount", "payee", "voucher_no",
                  "project_id", "grant_id", "memo", "account_id")
#: The columns :func:`record_entries` writes (:func:`_rows_on_accounts`), in order.
_ROW_COLUMNS = ("council_id", "fiscal_year", *_VALUE_COLUMNS)


def _values(entry: CashBookEntryInput) -> dict:
    return dict(zip(_VALUE_COLUMNS, _value_list(entry), strict=True))


def _value_list(entry: CashBookEntryInput) -> list:
    """The stored values of ``entry``, in the order of :data:`_VALUE_COLUMNS`."""
    is_income = entry.direction == INCOME
    printable = text.printable
    return [entry.fund_code, entry.entry_date.isoformat(), entry.direction,
            entry.category_code if is_income else None,
            None if is_income else entry.category_code,
            printable(entry.description, keep_newlines=False), entry.amount,
            printable(entry.payee, keep_newlines=False), text.normalize(entry.voucher_no),
            entry.project_id, entry.grant_id, printable(entry.memo), entry.account_id]


def record_entries(store: Store, council_id: int, fiscal_year: int,
                   entries: list[CashBookEntryInput], *, actor: str = "",
                   progress: Progress | None = None) -> Changes:
    """Store ``entries`` in the 出納簿 of the council-year, all or none (one transaction).
    ``progress(entries_written, len(entries))`` is called as the rows are written (every
    :data:`~kyodo_desktop.store.audit.BATCH`); whatever it raises stops the write, with nothing
    stored.

    Raises EntryValidationError naming the first bad entry (nothing stored; dated outside the
    年度, amount ≤ 0, no 費目 … see :func:`check_entry`), YearClosed when the year is closed,
    UserError when the council does not exist.
    """
    record_entries_with_ids(store, council_id, fiscal_year, entries, actor=actor,
                            progress=progress)
    return common.accounts_changed(council_id)


def record_entries_with_ids(store: Store, council_id: int, fiscal_year: int,
                            entries: list[CashBookEntryInput], *, actor: str = "",
                            progress: Progress | None = None) -> list[int]:
    """Like :func:`record_entries` but return the new entries' ids, in the given order."""
    councils.ensure_council(store, council_id)
    common.ensure_open(store, council_id, fiscal_year)
    _check_entries(store, council_id, fiscal_year, entries)
    rows = _rows_on_accounts(store, council_id, fiscal_year, entries)
    written = None if progress is None else (lambda done, _total: progress(done, len(entries)))
    with store.transaction() as db:
        return audit.insert_rows(db, TABLE, rows, actor, columns=_ROW_COLUMNS, progress=written)


def _check_entries(store: Store, council_id: int, fiscal_year: int,
                   entries: list[CashBookEntryInput]) -> None:
    """:func:`check_entry` of every entry (EntryValidationError naming the first bad one), the
    store's look-ups asked once per batch. An entry is checked in full only when no entry before
    it had the same fund, direction, 費目, 事業, 交付金 and 口座 (the rules that ask the store
    depend on nothing else); the others only for what varies: a date (not a datetime) in the
    年度 and an int amount ≥ 1 — what check_entry checks of them."""
    lookup = _Lookup(store, council_id)
    first, last = fiscal_year_start(fiscal_year), fiscal_year_end(fiscal_year)
    passed: set[tuple] = set()
    for index, entry in enumerate(entries):
        day, amount = entry.entry_date, entry.amount
        kind = (entry.fund_code, entry.direction, entry.category_code, entry.project_id,
                entry.grant_id, entry.account_id)
        if (day.__class__ is date and first <= day <= last and amount.__class__ is int
                and amount > 0 and kind in passed):
            continue
        try:
            check_entry(store, council_id, fiscal_year, entry, lookup=lookup)
        except ValidationError as error:
            raise EntryValidationError(error.message, index=index, field=error.field) from error
        passed.add(kind)


def record_entry(store: Store, council_id: int, fiscal_year: int, entry: CashBookEntryInput, *,
                 actor: str = "") -> tuple[int, Changes]:
    """Store one entry; return ``(entry_id, Changes)``. Errors as :func:`record_entries`."""
    ids = record_entries_with_ids(store, council_id, fiscal_year, [entry], actor=actor)
    return ids[0], common.accounts_changed(council_id)


@dataclass(frozen=True)
class StoredEntry(CashBookEntry):
    """A :class:`~kyodo_desktop.domain.accounting.CashBookEntry` with the council and 年度 it
    belongs to: what :func:`get_entry` returns."""

    council_id: int = 0
    fiscal_year: int = 0


def entry_input(row: CashBookEntry) -> CashBookEntryInput:
    """The :class:`CashBookEntryInput` of a stored entry (a :func:`get_entry` row)."""
    return CashBookEntryInput(**{name: getattr(row, name) for name in _INPUT_FIELDS})


def get_entry(store: Store, entry_id: int) -> StoredEntry:
    """One stored entry. Raises UserError when it does not exist."""
    row = store.conn.execute(f"SELECT {common.ENTRY_COLUMNS}, council_id, fiscal_year "
                             "FROM cash_book_entries WHERE id = ?", (entry_id,)).fetchone()
    if row is None:
        raise UserError(_("This cash book entry no longer exists."))
    return StoredEntry(row[0], date.fromisoformat(row[1]), *row[2:])


def update_entry(store: Store, entry_id: int, entry: CashBookEntryInput, *,
                 actor: str = "") -> Changes:
    """Replace an entry's fields by ``entry`` (council and 年度 stay). A 訂正 may stay negative.

    Raises ValidationError, YearClosed, or UserError when the entry is gone.
    """
    row = get_entry(store, entry_id)
    council_id, fiscal_year = row.council_id, row.fiscal_year
    common.ensure_open(store, council_id, fiscal_year)
    check_entry(store, council_id, fiscal_year, entry,
                allow_negative=row.correction_of_id is not None)
    entry = _on_account(store, council_id, entry)
    with store.transaction() as db:
        audit.update_row(db, TABLE, {"id": entry_id}, _values(entry), actor)
    return common.accounts_changed(council_id)


#: Audited tables whose rows belong to one entry (``entry_id``, ON DELETE CASCADE): the
#: entry's 証拠書類 and its 会費の納入. Deleting the entry deletes them through the change log.
ENTRY_CHILDREN = audit.ENTRY_CHILD_TABLES


def delete_entry(store: Store, entry_id: int, *, actor: str = "") -> Changes:
    """Delete an entry. Raises YearClosed, or UserError when it is gone or a 訂正 refers to it."""
    row = get_entry(store, entry_id)
    common.ensure_open(store, row.council_id, row.fiscal_year)
    if store.scalar("SELECT 1 FROM cash_book_entries WHERE correction_of_id = ?", (entry_id,)):
        raise UserError(_("This entry cannot be deleted because a correction entry refers to it. "
                          "Delete the correction entry first."))
    with store.transaction() as db:
        for child in ENTRY_CHILDREN:  # the schema would delete them unlogged (CASCADE)
            for (child_id,) in db.execute(f"SELECT id FROM {child} WHERE entry_id = ?",
                                          [entry_id]).fetchall():
                audit.delete_row(db, child, {"id": child_id}, actor)
        audit.delete_row(db, TABLE, {"id": entry_id}, actor)
    return common.accounts_changed(row.council_id)


def record_correction(store: Store, original_id: int, fiscal_year: int,
                      entry: CashBookEntryInput, *, actor: str = "") -> tuple[int, Changes]:
    """Record a 訂正 entry in the open 年度 ``fiscal_year`` for an entry of a closed earlier year.

    ``entry.amount`` may be negative (a reversal) but not 0. An empty memo becomes
    「訂正: <original date> <original 摘要>」. Returns ``(entry_id, Changes)``.
    Raises UserError when the original is missing, in an open year (edit it instead) or not in an
    earlier year; YearClosed when ``fiscal_year`` is closed; ValidationError for bad input.
    """
    original = get_entry(store, original_id)
    council_id = original.council_id
    if original.fiscal_year >= fiscal_year:
        raise UserError(_("A correction entry is recorded in a later fiscal year than the entry "
                          "it corrects."))
    if not common.is_closed(store, council_id, original.fiscal_year):
        raise UserError(_("The fiscal year of this entry is not closed: correct the entry "
                          "itself instead."))
    common.ensure_open(store, council_id, fiscal_year)
    check_entry(store, council_id, fiscal_year, entry, allow_negative=True)
    entry = _on_account(store, council_id, entry)
    if not entry.memo.strip():
        entry = replace(entry, memo=_("Correction: {date} {description}").format(
            date=format_date(original.entry_date), description=original.description))
    values = {"council_id": council_id, "fiscal_year": fiscal_year, **_values(entry),
              "correction_of_id": original_id}
    with store.transaction() as db:
        entry_id = audit.insert_row(db, TABLE, values, actor)["id"]
    return entry_id, common.accounts_changed(council_id)


def entry_history(store: Store, entry_id: int) -> list[EntryHistoryRow]:
    """The 変更履歴 of one entry, oldest first: the entry's own changes and those of its
    証拠書類 and 会費の納入 (:data:`ENTRY_CHILDREN`), each row naming its ``table_name``
    (see :func:`kyodo_desktop.store.audit.history`)."""
    rows = [{**row, "table_name": TABLE} for row in audit.history(store, TABLE, str(entry_id))]
    for child in ENTRY_CHILDREN:
        rows += [{**row, "table_name": child}
                 for row in audit.entry_children_history(store, child, entry_id)]
    _name_organizations(store, rows)
    return sorted(rows, key=lambda row: row["id"])


def _name_organizations(store: Store, rows: list[dict]) -> None:
    """Give the logged 会費の納入 their 自治会's name (``organization``) for the history."""
    sides = [side for row in rows if row["table_name"] == "dues_payments"
             for side in (row["before"], row["after"]) if side]
    ids = sorted({side["organization_id"] for side in sides})
    if not ids:
        return
    names = dict(store.conn.execute(
        f"SELECT id, name FROM member_organizations WHERE id IN ({', '.join('?' * len(ids))})",
        ids).fetchall())
    for side in sides:
        side["organization"] = names.get(side["organization_id"], "")
