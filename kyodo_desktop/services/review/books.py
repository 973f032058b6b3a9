"""Review rules on the books: 対象外経費 in a grant fund (a 費目 the programme does not allow:
エラー; a 対象外経費 keyword: 注意), expenses without 領収書番号 (注意, one finding per fund), and an
open 年度 whose 実績報告 or 精算 is already recorded (エラー: the final forms would print figures
that can still change). The entry rules come from :mod:`kyodo_desktop.domain.accounting_rules`
and :mod:`kyodo_desktop.domain.accounting`, the same as the 点検 tab."""

from __future__ import annotations

from kyodo_desktop.domain import wareki
from kyodo_desktop.domain.accounting import EXPENSE
from kyodo_desktop.domain.accounting_rules import eligibility_findings
from kyodo_desktop.domain.formatting import format_date
from kyodo_desktop.i18n import _
from kyodo_desktop.services.accounting import common
from kyodo_desktop.services.council import presets
from kyodo_desktop.services.forms.grants import grant_figures
from kyodo_desktop.services.review.findings import (
    CASH_BOOK,
    ERROR,
    WARNING,
    YEAR_CLOSE,
    ReviewFinding,
    finding,
)
from kyodo_desktop.store import Store

#: How many dates a missing-receipt finding names before 「…」.
SHOWN_DATES = 5


def findings(store: Store, council_id: int, fiscal_year: int) -> list[ReviewFinding]:
    """対象外経費, missing receipts and an open year reported as final."""
    entries = common.load_entries(store, council_id, fiscal_year)
    rules = {fund: pair[1] for fund, pair in presets.program_rules(store, council_id).items()}
    parents = common.category_parents(store)
    names = common.fund_names(store, council_id)
    found = []
    for entry in entries:
        program = rules.get(entry.fund_code)
        if program is None or entry.correction_of_id is not None:
            continue
        for problem in eligibility_findings(entry, program, parents, entry.id):
            found.append(finding(
                ERROR if problem.is_error else WARNING, "ineligible_expense",
                _("{date} {description}: {message}").format(
                    date=format_date(entry.entry_date), description=entry.description,
                    message=problem.message), CASH_BOOK))
    found += _receipts(entries, names)
    found += _open_year(store, council_id, fiscal_year)
    return found


def _receipts(entries, names: dict[str, str]) -> list[ReviewFinding]:
    missing: dict[str, list] = {}
    for entry in entries:
        if (entry.direction == EXPENSE and not entry.voucher_no.strip()
                and entry.correction_of_id is None):
            missing.setdefault(entry.fund_code, []).append(entry)
    found = []
    for fund, items in missing.items():
        days = "、".join(format_date(e.entry_date, "short") for e in items[:SHOWN_DATES])
        found.append(finding(WARNING, "missing_receipt", _(
            "{fund}: {count} expenses have no receipt number ({dates}). Enter the receipt "
            "numbers, or keep a payment note (支払証明書) for each.").format(
                fund=names.get(fund, fund), count=len(items),
                dates=days + ("…" if len(items) > SHOWN_DATES else "")), CASH_BOOK))
    return found


def _open_year(store: Store, council_id: int, fiscal_year: int) -> list[ReviewFinding]:
    if common.is_closed(store, council_id, fiscal_year):
        return []
    final = [g for g in grant_figures(store, council_id, fiscal_year)
             if g.reported_on is not None or g.settled_on is not None]
    if not final:
        return []
    return [finding(ERROR, "open_year_final", _(
        "{fiscal_year} is not closed, but its performance report or settlement is recorded "
        "({programs}): the final forms would print figures that can still change. Close the "
        "year first (年度締め).").format(
            fiscal_year=wareki.format_fiscal_year(fiscal_year),
            programs="、".join(g.program_name for g in final)), YEAR_CLOSE)]
