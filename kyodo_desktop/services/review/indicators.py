"""Review rules on the 数値目標 (indicators) of the plan in force: the 実績値 of an indicator
counted in people (人) equals the participants the 事業実績書 reports for the 事業 of the same
推進項目 (エラー otherwise), and every indicator has a 目標値 for the reviewed 年度 when it lies
within the plan's years (注意 otherwise)."""

from __future__ import annotations

from kyodo_desktop.domain import wareki
from kyodo_desktop.domain.formatting import format_number
from kyodo_desktop.i18n import _
from kyodo_desktop.services.review.findings import (
    ERROR,
    TARGETS,
    WARNING,
    ReviewFinding,
    finding,
)
from kyodo_desktop.store import Store

#: The unit of indicators counted as participants.
PEOPLE = "人"

_INDICATORS = """
SELECT i.id, i.name, i.unit, i.action_id, v.target, v.actual, c.first_year
FROM indicators i JOIN community_plans c ON c.id = i.plan_id
LEFT JOIN indicator_values v ON v.indicator_id = i.id AND v.fiscal_year = ?
WHERE c.council_id = ? AND c.is_current = 1 AND ? BETWEEN c.first_year AND c.last_year
ORDER BY i.position, i.id
"""


def findings(store: Store, council_id: int, fiscal_year: int) -> list[ReviewFinding]:
    """Participants vs 実績値 (エラー) and missing 目標値 (注意) of the council-year."""
    rows = store.query(_INDICATORS, (fiscal_year, council_id, fiscal_year))
    found = []
    for row in rows:
        if row["target"] is None:
            found.append(finding(WARNING, "indicator_without_target", _(
                "The numeric target “{name}” has no target value for {fiscal_year}.").format(
                    name=row["name"], fiscal_year=wareki.format_fiscal_year(fiscal_year)),
                TARGETS))
        mismatch = _participants(store, fiscal_year, row)
        if mismatch is not None:
            found.append(mismatch)
    return found


def _participants(store: Store, fiscal_year: int, row: dict) -> ReviewFinding | None:
    if row["unit"] != PEOPLE or row["action_id"] is None or row["actual"] is None:
        return None
    projects = store.query(
        "SELECT name, actual_participants FROM projects WHERE action_id = ? AND fiscal_year = ? "
        "AND actual_participants IS NOT NULL ORDER BY sort_order, id",
        (row["action_id"], fiscal_year))
    if not projects:
        return None
    reported = sum(p["actual_participants"] for p in projects)
    if reported == round(row["actual"]):
        return None
    return finding(ERROR, "participants_vs_indicator", _(
        "“{name}” has a result of {indicator} people in {fiscal_year}, but the business results "
        "report {reported} participants for {projects}. Make the two agree.").format(
            name=row["name"], indicator=format_number(round(row["actual"])),
            fiscal_year=wareki.format_fiscal_year(fiscal_year),
            reported=format_number(reported), projects="、".join(p["name"] for p in projects)),
        TARGETS)
