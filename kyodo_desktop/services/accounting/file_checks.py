"""Accounting checks of a whole data file (``kyodo-desktop check``): 精算 of grants and 年度締め
balances, with the figures of :mod:`kyodo_desktop.services.accounting.figures`.

Each check is a function ``(store) -> Iterable[Problem]`` listed in :data:`CHECKS`;
:func:`kyodo_desktop.services.backup.file_check.run_checks` runs them after the checks of
:mod:`kyodo_desktop.store.check`. Amounts are int yen.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from kyodo_desktop.domain.accounting_rules import settle
from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.i18n import _
from kyodo_desktop.services.accounting import figures
from kyodo_desktop.store.check import Check, Problem
from kyodo_desktop.store.database import Store


def check_grant_refunds(store: Store) -> Iterator[Problem]:
    """交付金: once 対象経費 and 返還金 are both recorded, 返還金 (and 繰越額, when recorded) are
    those of :func:`kyodo_desktop.domain.accounting_rules.settle`.

    Rule: the unspent part max(0, 交付額 − 対象経費) is refunded, or carried forward where the
    programme allows it; 交付額 is the 交付済額 of
    :func:`kyodo_desktop.services.accounting.figures.received` (payments with a payment date).
    """
    rows = store.query(
        "SELECT g.id, g.council_id, g.fiscal_year, p.name AS program, p.allows_carry_forward, "
        "g.eligible_spending, g.refund_amount, g.carried_forward_amount "
        "FROM grants AS g JOIN grant_programs AS p ON p.id = g.program_id "
        "WHERE g.eligible_spending IS NOT NULL AND g.refund_amount IS NOT NULL ORDER BY g.id")
    for row in rows:
        row["paid"] = figures.received(store, row["id"])
        expected = settle(row["paid"], row["eligible_spending"], bool(row["allows_carry_forward"]))
        carried = row["carried_forward_amount"]
        if row["refund_amount"] != expected.refund or (
                carried is not None and carried != expected.carried_forward):
            yield Problem("grant_refund", "grants", _(
                "The refund of the grant “{program}” for fiscal year {year} is {recorded} yen, "
                "but the payments and eligible spending give {expected} yen."
            ).format(program=row["program"], year=row["fiscal_year"],
                     recorded=format_yen(row['refund_amount']), expected=format_yen(expected.refund)),
                f"grants id={row['id']}, council_id={row['council_id']}, paid={row['paid']}, "
                f"eligible_spending={row['eligible_spending']}, carried_forward={carried} "
                f"(expected {expected.carried_forward})")


def _recorded_carried_out(text: str) -> dict[str, int] | None:
    try:
        value = json.loads(text)
    except ValueError:
        return None
    if not isinstance(value, dict) or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in value.values()):
        return None
    return value


def _fund_names(store: Store) -> dict[str, str]:
    """Every fund's name by code, a council's own funds by the name the council gave them."""
    names = {row["code"]: row["name"] for row in store.query("SELECT code, name FROM funds")}
    return names | {row["fund_code"]: row["name"] for row in store.query(
        "SELECT fund_code, name FROM council_funds")}


def _closed_years(store: Store) -> list[dict]:
    return store.query(
        "SELECT id, council_id, fiscal_year, carried_out FROM year_closes "
        "WHERE reopened_at IS NULL ORDER BY council_id, fiscal_year")


def check_year_closes(store: Store) -> Iterator[Problem]:
    """年度締め: the recorded 次年度繰越金 of a closed year equal the balances computed per fund."""
    names = _fund_names(store)
    for close in _closed_years(store):
        recorded = _recorded_carried_out(close["carried_out"])
        if recorded is None:
            yield Problem("year_close_carried_out", "year_closes", _(
                "The year close of fiscal year {year} has unreadable carried-out balances."
            ).format(year=close["fiscal_year"]), f"year_closes id={close['id']}")
            continue
        computed = figures.fund_balances(store, close["council_id"], close["fiscal_year"])
        for fund in [*computed, *(code for code in recorded if code not in computed)]:
            if recorded.get(fund, 0) != computed.get(fund, 0):
                yield Problem("year_close_carried_out", "year_closes", _(
                    "The year close of fiscal year {year} records {recorded} yen carried out "
                    "for the fund {fund}, but the cash book gives {computed} yen."
                ).format(year=close["fiscal_year"], fund=names.get(fund, fund),
                         recorded=format_yen(recorded.get(fund, 0)),
                         computed=format_yen(computed.get(fund, 0))),
                    f"year_closes id={close['id']}, council_id={close['council_id']}")


def check_carried_in(store: Store) -> Iterator[Problem]:
    """前年度繰越金 written by a 年度締め equal the 次年度繰越金 of that (still closed) year."""
    closes = {(c["council_id"], c["fiscal_year"]): _recorded_carried_out(c["carried_out"])
              for c in _closed_years(store)}
    names = _fund_names(store)
    rows = store.query(
        "SELECT council_id, fiscal_year, fund_code, carried_in FROM opening_balances "
        "WHERE source = 'year_close' ORDER BY council_id, fiscal_year, fund_code")
    for row in rows:
        key = (row["council_id"], row["fiscal_year"] - 1)
        if key in closes and closes[key] is None:
            continue  # reported by check_year_closes
        recorded = closes.get(key)
        if recorded is None or recorded.get(row["fund_code"], 0) != row["carried_in"]:
            yield Problem("carried_in", "opening_balances", _(
                "The amount carried in to fiscal year {year} for the fund {fund} ({amount} yen) "
                "does not match the year close of the previous year."
            ).format(year=row["fiscal_year"], fund=names.get(row["fund_code"], row["fund_code"]),
                     amount=format_yen(row['carried_in'])),
                f"council_id={row['council_id']}, previous close "
                f"{'missing' if recorded is None else recorded.get(row['fund_code'], 0)}")


#: The accounting checks, in order; append new ones here.
CHECKS: list[Check] = [check_grant_refunds, check_year_closes, check_carried_in]
