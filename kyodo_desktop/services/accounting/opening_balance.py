"""前年度繰越金 from an imported 出納簿: take it, or check it against the books.

The 前年度繰越 row of a treasurer's 出納簿 (``ImportPreview.opening_balance``) is the year's opening
balance of its fund. When the app holds a closed previous 年度, the carry-over was computed by the
年度締め and the file's figure is only compared with it (a difference is reported, never written);
otherwise the figure is written to ``opening_balances`` with source 'import'. Source of the rule:
issue 5, item 9.
"""

from __future__ import annotations

from dataclasses import dataclass

from kyodo_desktop.domain import wareki
from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.domain.labels import FUND_LABELS
from kyodo_desktop.i18n import _
from kyodo_desktop.services.accounting import common
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.services.council import councils
from kyodo_desktop.store import Store, audit

TABLE = "opening_balances"


@dataclass(frozen=True)
class OpeningOutcome:
    """What happened to the file's 前年度繰越: ``action`` is 'written' (taken as the opening
    balance), 'unchanged' (already stored with that amount), 'matches' (equals the closed previous
    year's carry-over), 'mismatch' (differs from it; nothing written) or 'would_write' (a dry run).
    ``stored`` 円 already in the app (None when none), ``amount`` 円 of the file, ``message`` one
    plain-Japanese sentence, ``changes`` what was written (empty unless 'written')."""

    action: str
    fund_code: str
    amount: int
    stored: int | None
    message: str
    changes: Changes = Changes()

    @property
    def is_mismatch(self) -> bool:
        """True when the file disagrees with the closed previous year."""
        return self.action == "mismatch"


def stored_opening(store: Store, council_id: int, fiscal_year: int, fund_code: str) -> int | None:
    """The stored 前年度繰越金 (円) of a fund, or None when there is no row."""
    return store.scalar("SELECT carried_in FROM opening_balances WHERE council_id = ? AND "
                        "fiscal_year = ? AND fund_code = ?", (council_id, fiscal_year, fund_code))


def take_import_opening(store: Store, council_id: int, fiscal_year: int, fund_code: str,
                        amount: int, *, dry_run: bool = False, actor: str = "") -> OpeningOutcome:
    """Take ``amount`` (円) as the 前年度繰越金 of ``fund_code`` in 年度 ``fiscal_year``, or compare
    it with the carry-over of the closed previous year (see the module docstring).

    Raises YearClosed when the year itself is closed (and something would be written),
    UserError when the council does not exist.
    """
    councils.ensure_council(store, council_id)
    fund = common.fund_names(store, council_id).get(fund_code,
                                                    FUND_LABELS.get(fund_code, fund_code))
    previous = wareki.format_fiscal_year(fiscal_year - 1)
    stored = stored_opening(store, council_id, fiscal_year, fund_code)
    values = {"fund": fund, "amount": format_yen(amount), "previous": previous,
              "stored": format_yen(stored or 0)}
    if common.is_closed(store, council_id, fiscal_year - 1):
        if stored == amount:
            return OpeningOutcome("matches", fund_code, amount, stored, _(
                "The carry-over in the file ({amount} yen, {fund}) matches the carry-over of the "
                "closed {previous}.").format(**values))
        return OpeningOutcome("mismatch", fund_code, amount, stored, _(
            "The carry-over in the file ({amount} yen, {fund}) differs from the carry-over of the "
            "closed {previous} ({stored} yen). The app keeps {stored} yen; check the file or the "
            "books of {previous}.").format(**values))
    if stored == amount:
        return OpeningOutcome("unchanged", fund_code, amount, stored, _(
            "The carry-over from the previous year ({amount} yen, {fund}) is already entered.")
            .format(**values))
    if dry_run:
        return OpeningOutcome("would_write", fund_code, amount, stored, _(
            "The carry-over in the file ({amount} yen, {fund}) would be entered as the carry-over "
            "from the previous year.").format(**values))
    common.ensure_open(store, council_id, fiscal_year)
    key = {"council_id": council_id, "fiscal_year": fiscal_year, "fund_code": fund_code}
    with store.transaction() as db:
        if stored is None:
            audit.insert_row(db, TABLE, {**key, "carried_in": amount, "source": "import"}, actor)
        else:
            audit.update_row(db, TABLE, key, {"carried_in": amount, "source": "import"}, actor)
    message = _("The carry-over in the file ({amount} yen, {fund}) was entered as the carry-over "
                "from the previous year.").format(**values)
    if stored is not None:
        message += _(" (It was {stored} yen before.)").format(**values)
    return OpeningOutcome("written", fund_code, amount, stored, message,
                          common.accounts_changed(council_id))
