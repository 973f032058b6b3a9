"""The 会費 rate of a council-year (``dues_rates``, migration 21): 世帯割 (円 per 加入世帯)
and 均等割 (円 per 自治会), either or both. Writes are logged in the 変更履歴 and refused in a
closed 年度 (YearClosed). Text typed by a person is read with
:func:`kyodo_desktop.domain.money.parse_yen` (:func:`parse_rate`)."""

from __future__ import annotations

from kyodo_desktop.domain import dues, money, text
from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.accounting import common
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.services.council import councils
from kyodo_desktop.services.dues.rows import DuesRate
from kyodo_desktop.store import Store, audit

TABLE = "dues_rates"


def parse_rate(value: str | int, field: str) -> int:
    """An amount of the rate typed as text (「300」「¥300」「３００円」; empty = 0) as int 円.
    ``field`` is ``per_household`` or ``per_association`` (its limit applies). Raises
    ValidationError (``field`` set) for a negative, decimal, absurd or unreadable amount."""
    if isinstance(value, int) and not isinstance(value, bool):
        amount = value
    else:
        raw = str(value or "").strip()
        try:
            amount = money.parse_yen(raw) if raw else 0
        except ValidationError as error:
            raise ValidationError(error.message, field=field) from error
    limit = dues.MAX_PER_HOUSEHOLD if field == "per_household" else dues.MAX_PER_ASSOCIATION
    if not 0 <= amount <= limit:
        raise ValidationError(_("Enter an amount from 0 to {limit} yen.").format(
            limit=format_yen(limit)), field=field)
    return amount


def check_rate(per_household: object, per_association: object) -> tuple[int, int]:
    """Both amounts as int 円 after checking them (:func:`parse_rate`); at least one above 0.
    Raises ValidationError."""
    household = parse_rate(per_household, "per_household")
    association = parse_rate(per_association, "per_association")
    if household == 0 and association == 0:
        raise ValidationError(_("Enter the fee per member household, the fee per association, "
                                "or both."), field="per_household")
    return household, association


def get_rate(store: Store, council_id: int, fiscal_year: int) -> DuesRate | None:
    """The 会費 rate of the council-year, or None when it is not set."""
    rows = store.query("SELECT * FROM dues_rates WHERE council_id = ? AND fiscal_year = ?",
                       (council_id, fiscal_year))
    if not rows:
        return None
    row = rows[0]
    return DuesRate(council_id, fiscal_year, row["household_amount"],
                    row["association_amount"], row["notes"])


def set_rate(store: Store, council_id: int, fiscal_year: int, per_household: object,
             per_association: object = 0, *, notes: str = "", actor: str = "") -> Changes:
    """Set (or replace) the 会費 rate of the council-year. Amounts as int 円 or typed text.
    Raises ValidationError, YearClosed, UserError (no such council)."""
    councils.ensure_council(store, council_id)
    common.ensure_open(store, council_id, fiscal_year)
    household, association = check_rate(per_household, per_association)
    values = {"household_amount": household, "association_amount": association,
              "notes": text.printable(notes)}
    key = {"council_id": council_id, "fiscal_year": fiscal_year}
    with store.transaction() as db:
        if get_rate(store, council_id, fiscal_year) is None:
            audit.insert_row(db, TABLE, {**key, **values}, actor)
        else:
            audit.update_row(db, TABLE, key, values, actor)
    return common.accounts_changed(council_id)


def delete_rate(store: Store, council_id: int, fiscal_year: int, *, actor: str = "") -> Changes:
    """Remove the 会費 rate of the council-year (payments stay). Raises YearClosed."""
    common.ensure_open(store, council_id, fiscal_year)
    if get_rate(store, council_id, fiscal_year) is not None:
        with store.transaction() as db:
            audit.delete_row(db, TABLE, {"council_id": council_id, "fiscal_year": fiscal_year},
                             actor)
    return common.accounts_changed(council_id)
