"""納入状況 of the 会費 per 自治会 for a council-year: 請求額 from the rate and the roster's 加入世帯数
(:func:`kyodo_desktop.services.roster.organizations.list_organizations`, 五十音順 of the
ふりがな), 納入額 from :func:`kyodo_desktop.services.accounting.figures.dues_paid` (the one
figure source), 残額 and 未納 / 一部 / 済 / 過納 (:mod:`kyodo_desktop.domain.dues`).

Listed: every 自治会 belonging to the council in the 年度, and any other 自治会 that paid in it
(one that left during the year still shows its payment).
"""

from __future__ import annotations

from kyodo_desktop.domain import text, wareki
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.accounting import figures
from kyodo_desktop.services.dues import payments as payment_rows
from kyodo_desktop.services.dues.rates import get_rate
from kyodo_desktop.services.dues.rows import DuesLine, DuesStatus
from kyodo_desktop.services.roster import organizations
from kyodo_desktop.store import Store


def dues_status(store: Store, council_id: int, fiscal_year: int) -> DuesStatus:
    """The 納入状況一覧 of the council-year (see the module docstring). Without a rate every
    請求額 is 0."""
    rate = get_rate(store, council_id, fiscal_year)
    paid = figures.dues_paid(store, council_id, fiscal_year)
    by_org: dict[int, list] = {}
    for payment in payment_rows.list_payments(store, council_id, fiscal_year):
        by_org.setdefault(payment.organization_id, []).append(payment)
    lines = []
    for row in organizations.list_organizations(store, council_id, fiscal_year,
                                                kind=organizations.NEIGHBORHOOD,
                                                include_left=True):
        if not row["belongs"] and row["id"] not in paid:
            continue
        members = row["member_households"] if row["belongs"] else None
        billed = rate.billed(members) if rate is not None and row["belongs"] else 0
        lines.append(DuesLine(row["id"], row["name"], row["name_kana"], row["representative"],
                              members, billed, paid.get(row["id"], 0),
                              tuple(by_org.get(row["id"], ()))))
    other = figures.category_income(store, council_id, fiscal_year, payment_rows.CATEGORY) \
        - sum(paid.values())
    return DuesStatus(council_id, fiscal_year, rate, tuple(lines), other)


def find_association(store: Store, council_id: int, fiscal_year: int, wanted: str) -> int:
    """The 自治会 a user named (its name or ふりがな, NFKC, spaces ignored; a unique part of the
    name will do) among the 年度's list. Raises UserError naming the choices when none or
    several match."""
    key = text.normalize(wanted).replace(" ", "")
    lines = dues_status(store, council_id, fiscal_year).lines
    names = {line.organization_id: {text.normalize(n).replace(" ", "")
                                    for n in (line.name, line.name_kana) if n} for line in lines}
    exact = [org for org, keys in names.items() if key and key in keys]
    found = exact or [org for org, keys in names.items() if key and any(key in k for k in keys)]
    if len(found) == 1:
        return found[0]
    if found:
        choices = "、".join(line.name for line in lines if line.organization_id in found)
        raise UserError(_("Several neighbourhood associations match {name}: {choices}. Give the "
                          "full name.").format(name=wanted, choices=choices))
    raise UserError(_("There is no neighbourhood association called {name} in {fiscal_year}."
                      ).format(name=wanted, fiscal_year=wareki.format_fiscal_year(fiscal_year)))
