"""交付金 lifecycle per council-year and programme: 申請 → 交付決定 → 概算払 → 変更申請/承認 →
実績報告 → 精算 (返還金 or 繰越).

One ``grants`` row per council, 年度 and programme; 概算払 are ``grant_payments``. Each step records
its date; :func:`grant_state` shows where a grant stands. The amount in force is the 変更 amount
once approved, else the 交付決定額. 精算: 返還金 = max(0, received − 対象経費) unless the programme
allows carrying forward (issue 5 item 2; preset). Writes are logged in the 変更履歴; 概算払 of a
closed year are refused (YearClosed), while 実績報告 and 精算 stay possible after the close.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kyodo_desktop.domain.accounting import EXPENSE, REFUND_CATEGORY, CashBookEntryInput
from kyodo_desktop.domain.accounting_rules import Settlement, settle
from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.domain.wareki import fiscal_year_of
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.services.accounting import accounts, cash_book, common, figures, funders
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.services.council import councils, presets
from kyodo_desktop.store import Store, audit

#: The steps in order, with their Japanese labels (translated at display time).
STEPS = (
    ("applied", N_("Application (grant step)")),
    ("decided", N_("Grant decision (grant step)")),
    ("paid", N_("Advance payment (grant step)")),
    ("change_requested", N_("Change request (grant step)")),
    ("change_approved", N_("Change approved (grant step)")),
    ("reported", N_("Performance report (grant step)")),
    ("settled", N_("Settlement (grant step)")),
)


def _require_date(value: object, field: str) -> str:
    if not isinstance(value, date):
        raise ValidationError(_("Enter the date."), field=field)
    return value.isoformat()


def _grant(store: Store, grant_id: int) -> dict:
    rows = store.query("SELECT g.*, p.code AS program_code, p.name AS program_name, p.fund_code, "
                       "p.allows_carry_forward FROM grants g JOIN grant_programs p "
                       "ON p.id = g.program_id WHERE g.id = ?", (grant_id,))
    if not rows:
        raise UserError(_("This grant no longer exists."))
    return rows[0]


def _update(store: Store, grant: dict, changes: dict, actor: str) -> Changes:
    with store.transaction() as db:
        audit.update_row(db, "grants", {"id": grant["id"]}, changes, actor)
    return common.accounts_changed(grant["council_id"])


def _program_id(store: Store, council_id: int, program_code: str) -> int:
    if funders.is_council_code(program_code):  # the council's own programme, never another's
        found = store.scalar("SELECT p.id FROM grant_programs p JOIN council_programs cp ON "
                             "cp.program_id = p.id WHERE p.code = ? AND cp.council_id = ?",
                             (program_code, council_id))
        if found is None:
            raise ValidationError(_("Choose a grant programme."), field="program")
        return found
    found = store.scalar("SELECT id FROM grant_programs WHERE code = ?", (program_code,))
    if found is None:
        presets.install_programs(store, presets.preset_for_council(store, council_id).code)
        found = store.scalar("SELECT id FROM grant_programs WHERE code = ?", (program_code,))
    if found is None:
        raise ValidationError(_("Choose a grant programme."), field="program")
    return found


def _within_cap(store: Store, council_id: int, program_id: int, amount: int, field: str) -> None:
    """Refuse an amount above the 上限額 of a council-defined programme (ValidationError)."""
    cap = funders.program_cap(store, council_id, program_id)
    if cap is not None and amount > cap:
        raise ValidationError(_("The amount is above the programme's maximum of {cap} yen.")
                              .format(cap=format_yen(cap)), field=field)


def proposed_amount(store: Store, council_id: int, fiscal_year: int, program_code: str) -> int:
    """The amount (円) the preset's formula gives from the council's 世帯数 and 人口 of the 年度.

    Raises ValidationError when the programme has no formula or the figures are missing.
    """
    rules = presets.preset_for_council(store, council_id).program(program_code)
    if rules is None or rules.formula is None:
        raise ValidationError(_("Choose a grant programme."), field="program")
    stats = store.query("SELECT households, population FROM council_year_stats "
                        "WHERE council_id = ? AND fiscal_year = ?", (council_id, fiscal_year))
    counts = stats[0] if stats else {"households": None, "population": None}
    return rules.formula.proposed_amount(counts["households"], counts["population"])


def apply_grant(store: Store, council_id: int, fiscal_year: int, program_code: str,
                applied_amount: int, applied_on: date, *, actor: str = "") -> tuple[int, Changes]:
    """申請: create (or update) the grant of the council-year and programme with the 申請額 and
    date; the formula's proposed amount is stored when the figures exist. Returns
    ``(grant_id, Changes)``. Raises ValidationError, UserError."""
    councils.ensure_council(store, council_id)
    common.require_amount(applied_amount, "applied_amount", allow_zero=True)
    values = {"applied_amount": applied_amount,
              "applied_on": _require_date(applied_on, "applied_on")}
    try:
        values["proposed_amount"] = proposed_amount(store, council_id, fiscal_year, program_code)
    except ValidationError:
        values["proposed_amount"] = None
    program_id = _program_id(store, council_id, program_code)
    _within_cap(store, council_id, program_id, applied_amount, "applied_amount")
    existing = store.scalar("SELECT id FROM grants WHERE council_id = ? AND fiscal_year = ? "
                            "AND program_id = ?", (council_id, fiscal_year, program_id))
    with store.transaction() as db:
        if existing:
            audit.update_row(db, "grants", {"id": existing}, values, actor)
            grant_id = existing
        else:
            grant_id = audit.insert_row(db, "grants", {
                "council_id": council_id, "fiscal_year": fiscal_year, "program_id": program_id,
                **values}, actor)["id"]
    return grant_id, common.accounts_changed(council_id)


def decide_grant(store: Store, grant_id: int, decided_amount: int, decided_on: date,
                 decision_no: str = "", *, actor: str = "") -> Changes:
    """交付決定: the amount, date and number of the city's notice. Raises ValidationError."""
    grant = _grant(store, grant_id)
    common.require_amount(decided_amount, "decided_amount", allow_zero=True)
    _within_cap(store, grant["council_id"], grant["program_id"], decided_amount, "decided_amount")
    return _update(store, grant, {"decided_amount": decided_amount,
                                  "decided_on": _require_date(decided_on, "decided_on"),
                                  "decision_no": decision_no.strip()}, actor)


def record_payment(store: Store, grant_id: int, amount: int, paid_on: date | None, *,
                   requested_on: date | None = None, kind: str = "advance",
                   actor: str = "") -> tuple[int, Changes]:
    """概算払 (``kind`` 'advance') or 精算払 ('final'): ``amount`` 円 paid on ``paid_on`` (None
    while only requested). Returns ``(payment_id, Changes)``. Raises ValidationError (no
    交付決定 yet, bad amount or kind), YearClosed when the grant's year is closed."""
    grant = _grant(store, grant_id)
    if grant["decided_amount"] is None:
        raise ValidationError(_("Record the grant decision before its payments."),
                              field="decided_amount")
    common.require_amount(amount)
    if kind not in ("advance", "final"):
        raise ValueError(f"unknown payment kind {kind!r}")
    common.ensure_open(store, grant["council_id"], grant["fiscal_year"])
    values = {"grant_id": grant_id, "kind": kind, "amount": amount,
              "paid_on": None if paid_on is None else _require_date(paid_on, "paid_on"),
              "requested_on": None if requested_on is None else _require_date(
                  requested_on, "requested_on")}
    with store.transaction() as db:
        payment_id = audit.insert_row(db, "grant_payments", values, actor)["id"]
    return payment_id, common.accounts_changed(grant["council_id"])


def request_change(store: Store, grant_id: int, change_amount: int, requested_on: date, *,
                   actor: str = "") -> Changes:
    """変更申請: the new amount asked for and the date (clears an earlier approval)."""
    grant = _grant(store, grant_id)
    if grant["decided_amount"] is None:
        raise ValidationError(_("Record the grant decision before a change request."),
                              field="decided_amount")
    common.require_amount(change_amount, "change_amount", allow_zero=True)
    _within_cap(store, grant["council_id"], grant["program_id"], change_amount, "change_amount")
    return _update(store, grant, {"change_amount": change_amount, "change_approved_on": None,
                                  "change_requested_on": _require_date(requested_on,
                                                                       "change_requested_on")},
                   actor)


def approve_change(store: Store, grant_id: int, approved_on: date, *, actor: str = "") -> Changes:
    """変更承認: from ``approved_on`` the 変更 amount is the amount in force."""
    grant = _grant(store, grant_id)
    if grant["change_requested_on"] is None:
        raise ValidationError(_("Record the change request first."), field="change_amount")
    return _update(store, grant, {"change_approved_on": _require_date(approved_on,
                                                                      "change_approved_on")},
                   actor)


def report_grant(store: Store, grant_id: int, reported_on: date,
                 eligible: int | None = None, *, actor: str = "") -> Changes:
    """実績報告: the date and 対象経費 (円; computed from the 出納簿 when None)."""
    grant = _grant(store, grant_id)
    if grant["decided_amount"] is None:
        raise ValidationError(_("Record the grant decision before the performance report."),
                              field="decided_amount")
    if eligible is None:
        eligible = figures.eligible_cost(store, grant_id)
    common.require_amount(eligible, "eligible_spending", allow_zero=True)
    return _update(store, grant, {"reported_on": _require_date(reported_on, "reported_on"),
                                  "eligible_spending": eligible}, actor)


def settle_grant(store: Store, grant_id: int, settled_on: date, *,
                 actor: str = "") -> tuple[Settlement, Changes]:
    """精算: 返還金 (or 繰越) = max(0, received − 対象経費). Requires the 実績報告 and every payment
    to have a payment date. Returns ``(Settlement, Changes)``."""
    grant = _grant(store, grant_id)
    if grant["reported_on"] is None or grant["eligible_spending"] is None:
        raise ValidationError(_("Record the performance report before the settlement."),
                              field="reported_on")
    if figures.received(store, grant_id) != figures.received(store, grant_id, paid_only=False):
        raise ValidationError(_("Some payments have no payment date yet. Enter the date the "
                                "money arrived before the settlement."), field="paid_on")
    result = settle(figures.received(store, grant_id), grant["eligible_spending"],
                    bool(grant["allows_carry_forward"]))
    changes = _update(store, grant, {
        "settled_on": _require_date(settled_on, "settled_on"), "refund_amount": result.refund,
        "carried_forward_amount": result.carried_forward}, actor)
    return result, changes


def record_refund_paid(store: Store, grant_id: int, refunded_on: date, *,
                       actor: str = "") -> Changes:
    """The date the 返還金 was paid back to the city. Requires the 精算."""
    grant = _grant(store, grant_id)
    if grant["settled_on"] is None:
        raise ValidationError(_("Record the settlement first."), field="settled_on")
    return _update(store, grant, {"refunded_on": _require_date(refunded_on, "refunded_on")},
                   actor)


def pay_refund(store: Store, grant_id: int, paid_on: date, *, actor: str = "") -> Changes:
    """返還: the 返還金 of the 精算 paid back to the city on ``paid_on``, in one step (one
    transaction): the grant's 返還日 (:func:`record_refund_paid`) and, for the part the 出納簿 does
    not hold yet (the 精算's 返還額 less :func:`figures.refunds_booked`, 円), an expense of
    費目 返還金 of the grant's 会計区分, linked to the grant, in the 出納簿 of the 年度 of
    ``paid_on`` (usually the next one: the 精算 follows the 実績報告), paid from the 口座 the
    grant is paid into (振込先), else the first bank 口座, else 現金. Source of the rule:
    the 精算書's 返還額 is what the 収支決算書's 返還金 line must show once paid
    (:func:`kyodo_desktop.services.review.totals`, 返還金と出納簿).

    Raises ValidationError before the 精算, when the 精算 left nothing to return, or for a
    date that is not a date; YearClosed when the 年度 of ``paid_on`` is closed; UserError for a
    grant that no longer exists."""
    grant = _grant(store, grant_id)
    if grant["settled_on"] is None:
        raise ValidationError(_("Record the settlement first."), field="settled_on")
    if not grant["refund_amount"]:
        raise ValidationError(_("The settlement of this grant returns nothing: there is no "
                                "refund to pay back."), field="refund_amount")
    _require_date(paid_on, "refunded_on")
    left = grant["refund_amount"] - figures.refunds_booked(store, grant_id)
    with store.transaction():
        changes = record_refund_paid(store, grant_id, paid_on, actor=actor)
        if left > 0:
            entry = CashBookEntryInput(
                entry_date=paid_on, fund_code=grant["fund_code"], direction=EXPENSE,
                category_code=REFUND_CATEGORY, amount=left, grant_id=grant_id,
                description=_("{program} refund").format(program=grant["program_name"]),
                payee=_("City"), account_id=_refund_account(
                    accounts.list_ledger_accounts(store, grant["council_id"])))
            changes = changes | cash_book.record_entries(
                store, grant["council_id"], fiscal_year_of(paid_on), [entry], actor=actor)
    return changes


def _refund_account(listed: list) -> int:
    """The 口座 a 返還金 is paid from: the 振込先, else the first bank 口座, else 現金
    (``listed`` in :func:`accounts.list_ledger_accounts` order, 現金 first)."""
    banks = [account for account in listed if account.kind == "bank"]
    payee = [account for account in banks if account.is_payee]
    return (payee or banks or listed)[0].id


@dataclass(frozen=True)
class GrantStep:
    """A lifecycle step: ``code`` (see :data:`STEPS`), Japanese ``label``, ``done``, its date
    ``on`` and the amount recorded with it (円, None when none)."""

    code: str
    label: str
    done: bool
    on: date | None
    amount: int | None


@dataclass(frozen=True)
class GrantState:
    """Where a grant stands: ``current`` is the code of the last step done ("" before the
    申請); amounts in 円."""

    grant_id: int
    program_name: str
    fund_code: str
    program_code: str
    current: str
    steps: tuple[GrantStep, ...]
    amount_in_force: int | None
    received: int
    refund: int | None
    carried_forward: int | None


def _on(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def grant_state(store: Store, grant_id: int) -> GrantState:
    """The lifecycle of a grant at a glance. Raises UserError when it does not exist."""
    g = _grant(store, grant_id)
    received = figures.received(store, grant_id)
    last_paid = store.scalar("SELECT max(paid_on) FROM grant_payments WHERE grant_id = ?",
                             (grant_id,))
    facts = {"applied": (g["applied_on"], g["applied_amount"]),
             "decided": (g["decided_on"], g["decided_amount"]),
             "paid": (last_paid, received if last_paid else None),
             "change_requested": (g["change_requested_on"], g["change_amount"]),
             "change_approved": (g["change_approved_on"], g["change_amount"]
                                 if g["change_approved_on"] else None),
             "reported": (g["reported_on"], g["eligible_spending"]),
             "settled": (g["settled_on"], g["refund_amount"])}
    steps = tuple(GrantStep(code, _(label), facts[code][0] is not None, _on(facts[code][0]),
                            facts[code][1]) for code, label in STEPS)
    current = next((s.code for s in reversed(steps) if s.done), "")
    return GrantState(g["id"], g["program_name"], g["fund_code"], g["program_code"], current, steps,
                      figures.amount_in_force(g), received, g["refund_amount"],
                      g["carried_forward_amount"])


def list_grants(store: Store, council_id: int, fiscal_year: int) -> list[GrantState]:
    """The grants of a council-year, by fund order."""
    ids = [r["id"] for r in store.query(
        "SELECT g.id FROM grants g JOIN grant_programs p ON p.id = g.program_id JOIN funds f "
        "ON f.code = p.fund_code WHERE g.council_id = ? AND g.fiscal_year = ? "
        "ORDER BY f.sort_order, g.id", (council_id, fiscal_year))]
    return [grant_state(store, grant_id) for grant_id in ids]
