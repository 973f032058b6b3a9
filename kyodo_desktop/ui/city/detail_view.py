"""A council's return as read-only HTML (QTextBrowser): its figures, the trend over the years of
the city file, grants, 事業, 数値目標, 点検 findings and where the return came from."""

from __future__ import annotations

from html import escape

from kyodo_desktop.domain.formatting import MISSING, format_number, format_percent, format_yen
from kyodo_desktop.domain.wareki import format_fiscal_year
from kyodo_desktop.i18n import _
from kyodo_desktop.services.city.city_file import removed_text
from kyodo_desktop.services.city.detail import CouncilDetail, shown_findings

#: The most findings shown (a crafted return with thousands froze the window for seconds).
MAX_FINDINGS_SHOWN = 200


def _yen(value) -> str:
    return MISSING if value is None else format_yen(value)


def _table(headers: list[str], rows: list[list[str]], right_from: int = 1) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td align=\"{'right' if i >= right_from else 'left'}\">"
                         f"{escape(str(c))}</td>" for i, c in enumerate(row)) + "</tr>"
        for row in rows)
    return (f"<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><tr>{head}</tr>"
            f"{body}</table>")


def _heading(text: str) -> str:
    return f"<h3>{escape(text)}</h3>"


def _paragraph(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def _figure(value, decimals: int = 0) -> str:
    if value is None:
        return MISSING
    return format_number(value, decimals if value != int(value) else 0)


def detail_html(detail: CouncilDetail) -> str:
    """The whole detail as HTML (every text escaped)."""
    stored, content = detail.stored, detail.content
    times = {key: getattr(stored, key).replace("T", " ")
             for key in ("closed_at", "created_at", "imported_at")}
    parts = [f"<h2>{escape(stored.council)} {escape(format_fiscal_year(stored.fiscal_year))}"
             "</h2>",
             _paragraph(_("Closed {closed}, return made {made}, imported {imported}.").format(
                 closed=times["closed_at"], made=times["created_at"],
                 imported=times["imported_at"]) + f" SHA-256 {stored.sha256[:16]}…")]
    for earlier in detail.history:  # the same 地域 and 年度: replaced or withdrawn, and when
        if earlier.id != stored.id and earlier.replaced_at is not None:
            parts.append(_paragraph(removed_text(earlier)))
    parts.append(_heading(_("Year by year")))
    parts.append(_table(
        [_("Year"), _("Decided grant"), _("Eligible expenses"), _("Refund"),
         _("Execution rate"), _("Households"), _("Membership rate"), _("Number of projects"),
         _("Achievement rate")],
        [[format_fiscal_year(year), _yen(r.decided_amount), _yen(r.eligible),
          _yen(r.refund_amount), format_percent(r.execution_rate), _figure(r.households),
          format_percent(r.membership_rate), _figure(r.projects),
          format_percent(r.achievement_rate)] for year, r in detail.trend]))
    parts.append(_heading(_("Grants")))
    parts.append(_table(
        [_("Programme"), _("Decided grant"), _("Received"), _("Eligible expenses"), _("Refund")],
        [[g["program"], _yen(g["in_force"]), _yen(g["received"]), _yen(g["eligible"]),
          _yen(g["refund_amount"])] for g in content["grants"]]))
    parts.append(_heading(_("Projects")))
    parts.append(_table(
        [_("No."), _("Project"), _("Budget"), _("Settled amount"), _("Participants")],
        [[p["code"], p["name"], _yen(p["budget"]), _yen(p["actual"]),
          _figure(p["participants"])] for p in content["projects"]], right_from=2))
    plan = content["plan"] or {"indicators": []}
    parts.append(_heading(_("Numeric targets")))
    parts.append(_table(
        [_("Target"), _("Unit"), _("Target value"), _("Result value"), _("Achieved")],
        [[i["name"], i["unit"], _figure(i["target"], 1), _figure(i["actual"], 1),
          {True: "○", False: "×"}.get(i["achieved"], MISSING)] for i in plan["indicators"]],
        right_from=2))
    parts.append(_heading(_("Findings of the review before submission")))
    review, more = shown_findings(content["review"], MAX_FINDINGS_SHOWN)
    parts.append(_table([_("Kind"), _("Rule"), _("Finding")],
                        [[_("Error") if f["severity"] == "error" else _("Note"), f["rule_name"],
                          f["message"]] for f in review], right_from=99)
                 if review else _paragraph(_("No findings.")))
    if more:
        parts.append(_paragraph(_("… and {count} more findings.").format(count=format_number(more))))
    return "".join(parts)
