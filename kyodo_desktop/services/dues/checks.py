"""会費 in the year's checks: a 自治会 that has not paid its 会費 in full (未納 or 一部) is a
warning of the 点検 and the 年度締め (:func:`kyodo_desktop.services.accounting.checks.year_findings`),
naming the 自治会 and the 円 still to pay. A warning never blocks closing the year: a 会費 can
stay unpaid, but the council should decide about it knowingly (総会 / 役員会).

Source of the figures: :func:`kyodo_desktop.services.dues.status.dues_status` (請求額 from the
rate and the roster, 納入額 from the one figure source).
"""

from __future__ import annotations

from kyodo_desktop.domain import dues, wareki
from kyodo_desktop.domain.accounting import WARNING, Finding
from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.i18n import _
from kyodo_desktop.services.dues.status import dues_status
from kyodo_desktop.store import Store


def unpaid_findings(store: Store, council_id: int, fiscal_year: int) -> list[Finding]:
    """A warning (code ``dues_unpaid``) per 自治会 billed a 会費 in 年度 ``fiscal_year`` that paid
    nothing (未納) or less (一部), in 五十音順; [] when no rate is set for the 年度."""
    status = dues_status(store, council_id, fiscal_year)
    year = wareki.format_fiscal_year(fiscal_year)
    found = []
    for line in status.lines:
        if line.status == dues.UNPAID:
            message = _("{association} has not paid its membership fee of {fiscal_year}: "
                        "{balance} yen.").format(association=line.name, fiscal_year=year,
                                                 balance=format_yen(line.balance))
        elif line.status == dues.PARTIAL:
            message = _("{association} has paid {paid} yen of its membership fee of "
                        "{fiscal_year} ({billed} yen): {balance} yen is still unpaid.").format(
                association=line.name, paid=format_yen(line.paid), fiscal_year=year,
                billed=format_yen(line.billed), balance=format_yen(line.balance))
        else:
            continue
        found.append(Finding(WARNING, "dues_unpaid", message, _(
            "Record the payment on the Membership fees tab of Budget and cash book when it "
            "arrives. If it will not be paid, decide how to treat it (役員会 or 総会); the year "
            "can be closed with this warning.")))
    return found
