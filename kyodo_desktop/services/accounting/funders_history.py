"""The 変更履歴 of the council's own funds and programmes (:mod:`.funders`): each logged change
of ``council_funds`` / ``council_programs`` (:mod:`kyodo_desktop.store.audit`) as a line a
treasurer reads — what was done (会計区分を追加 …) and the values that changed (名称, 交付元,
上限額, 報告の様式). The programme's name and 費目 rules live in ``grant_programs`` (logged since
schema step 24, its own 変更履歴); a programme is named here by its current name."""

from __future__ import annotations

from dataclasses import dataclass

from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.services.accounting.funders import REPORT_LAYOUTS
from kyodo_desktop.store import Store, audit

#: (table, action) → what was done (msgid).
ACTIONS = {
    ("council_funds", "insert"): N_("Fund added"),
    ("council_funds", "update"): N_("Fund changed"),
    ("council_funds", "delete"): N_("Fund deleted"),
    ("council_programs", "insert"): N_("Programme added"),
    ("council_programs", "update"): N_("Programme changed"),
    ("council_programs", "delete"): N_("Programme deleted"),
}
#: Logged fields shown, with their label msgids.
FIELDS = {"name": N_("Fund"), "funder": N_("Funder (交付元)"),
          "max_amount": N_("Maximum (yen)"), "report_layout": N_("Report form")}


@dataclass(frozen=True)
class FundChange:
    """One change: ``occurred_at`` (「2026-11-20 09:00:00」), ``what`` (会計区分を追加 …) and
    ``details`` (lines 「交付元: 社協 → 市社協」; for a programme its name first)."""

    occurred_at: str
    what: str
    details: str


def fund_changes(store: Store, council_id: int) -> list[FundChange]:
    """The 変更履歴 of the council's own funds and programmes, oldest first."""
    rows = [{**row, "table": table} for table in ("council_funds", "council_programs")
            for row in audit.history_by(store, table, "council_id", council_id)]
    names = dict(store.conn.execute(
        "SELECT p.id, p.name FROM grant_programs p JOIN council_programs c "
        "ON c.program_id = p.id WHERE c.council_id = ?", (council_id,)).fetchall())
    return [FundChange(row["occurred_at"].replace("T", " "),
                       _(ACTIONS.get((row["table"], row["action"]), row["action"])),
                       _details(row, names)) for row in sorted(rows, key=lambda r: r["id"])]


def _details(row: dict, names: dict[int, str]) -> str:
    before, after = row["before"] or {}, row["after"] or {}
    lines = []
    if row["table"] == "council_programs":
        program = names.get((after or before).get("program_id"), "")
        lines.append(_("Programme: {name}").format(name=program or _("(deleted)")))
    for field, label in FIELDS.items():
        if field not in before and field not in after:
            continue
        old, new = (_shown(field, side.get(field)) for side in (before, after))
        if before and after and old == new:
            continue
        text = f"{old} → {new}" if before and after else (new if after else old)
        lines.append(f"{_(label)}: {text}")
    return "\n".join(lines)


def _shown(field: str, value) -> str:
    if value is None:
        return _("none") if field == "max_amount" else ""
    if field == "max_amount":
        return format_yen(value)
    if field == "report_layout":
        return _(REPORT_LAYOUTS.get(value, value))
    return str(value)
