"""The 変更履歴 of the council's own funds and programmes (:mod:`.funders`): each logged change
of ``council_funds`` / ``council_programs`` (:mod:`kyodo_desktop.store.audit`) as a line a
treasurer reads — what was done (会計区分を追加 …) and the values that changed (名称, 交付元,
上限額, 報告の様式). The programme's name, 費目, keywords and 繰越 live in ``grant_programs``
(logged since schema step 24): its changes are lines of their own (助成制度を変更: 助成制度の名前,
対象になる費目, 対象外の経費のキーワード, 余り); its insert and delete are those of the
programme's ``council_programs`` row. A programme is named by its current name."""

from __future__ import annotations

import json
from dataclasses import dataclass

from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.services.accounting import common
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
    ("grant_programs", "update"): N_("Programme changed"),
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
    programs = {(row["after"] or row["before"])["program_id"] for row in rows
                if row["table"] == "council_programs"}
    rows += [{**row, "table": "grant_programs"} for program in sorted(programs)
             for row in audit.history(store, "grant_programs", str(program))
             if row["action"] == "update"]
    names = dict(store.conn.execute(
        "SELECT p.id, p.name FROM grant_programs p JOIN council_programs c "
        "ON c.program_id = p.id WHERE c.council_id = ?", (council_id,)).fetchall())
    categories = common.category_names(store)
    return [FundChange(row["occurred_at"].replace("T", " "),
                       _(ACTIONS.get((row["table"], row["action"]), row["action"])),
                       _program_details(row, names, categories)
                       if row["table"] == "grant_programs" else _details(row, names))
            for row in sorted(rows, key=lambda r: r["id"])]


def _program_details(row: dict, names: dict[int, str], categories: dict[str, str]) -> str:
    """The lines of a ``grant_programs`` update: the programme, then each value that changed."""
    before, after = row["before"], row["after"]
    lines = [_("Programme: {name}").format(name=names.get(after["id"], after["name"]))]
    sides = [_program_values(side, categories) for side in (before, after)]
    for label, old, new in zip(PROGRAM_FIELDS, *sides, strict=True):
        if old != new:
            lines.append(f"{_(label)}: {old} → {new}")
    return "\n".join(lines)


#: The values of a programme shown when they change, with their label msgids.
PROGRAM_FIELDS = (N_("Name of the programme"), N_("Expense categories it pays"),
                  N_("Keywords of expenses it does not pay"), N_("Surplus"))


def _program_values(row: dict, categories: dict[str, str]) -> tuple[str, str, str, str]:
    """The :data:`PROGRAM_FIELDS` of a logged ``grant_programs`` row as shown."""
    try:
        rules = json.loads(row.get("rules") or "{}")
    except ValueError:
        rules = {}
    rules = rules if isinstance(rules, dict) else {}
    allowed = rules.get("allowed_expense_categories") or []
    keywords = [k for rule in rules.get("ineligible") or [] if isinstance(rule, dict)
                for k in rule.get("keywords") or []]
    return (str(row.get("name", "")),
            "、".join(categories.get(str(c), str(c)) for c in allowed) or _("none"),
            "、".join(str(k) for k in keywords) or _("none"),
            _("carried forward") if row.get("allows_carry_forward") else _("refunded"))


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
