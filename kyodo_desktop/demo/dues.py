"""Demo step 6c: 湯田's 会費 of each 年度 — 300円 per 加入世帯 (``dues_rates``) and a
``dues_payments`` link for every 会費 entry of the 出納簿 (the planned entries carry their
自治会 as ``dues_org`` and, once written, their ``entry_id``). 領収書 numbers follow the payment
dates. Which 自治会 have not paid (未納) or paid a part (一部) is decided by
:func:`kyodo_desktop.demo.ledger.dues_share`."""

from __future__ import annotations

from kyodo_desktop.demo.common import DemoContext, load


def add_dues(ctx: DemoContext, year: int, entries: list[dict]) -> None:
    """Write the 年度's rate and one payment per 会費 entry of ``entries`` (written already)."""
    spec = load("ledger")["own_income"]
    ctx.insert("dues_rates", [{"council_id": ctx.council_id, "fiscal_year": year,
                               "household_amount": spec["membership_per_household"],
                               "association_amount": 0, "notes": ""}])
    paid = sorted((e for e in entries if "dues_org" in e),
                  key=lambda e: (e["date"], e["entry_id"]))
    ctx.insert("dues_payments", [
        {"id": ctx.new_id("dues_payments"), "council_id": ctx.council_id, "fiscal_year": year,
         "organization_id": e["dues_org"], "entry_id": e["entry_id"], "receipt_no": number}
        for number, e in enumerate(paid, start=1)])
