"""配布部数表: how many copies of a paper each 自治会 gets, and a cover slip per 自治会.

全戸配布 (every household): copies = 加入世帯数 + spares; 回覧 (circulated): one copy per 班
(the 自治会's 班数 on the roster, services/roster/han.py), else one per 10 加入世帯 (rounded
up; at least 1) — the council's rule of thumb — + spares. 加入世帯数 are the 自治会's figures of the 年度 (as of 4月1日) from the roster; the 会長 is
the one on record for the 年度 (:func:`kyodo_desktop.services.roster.handover.neighborhood_presidents`,
public view: no contacts).
"""

from __future__ import annotations

from dataclasses import dataclass

from kyodo_desktop.errors import ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.roster.han import han_counts
from kyodo_desktop.services.roster.handover import neighborhood_presidents
from kyodo_desktop.store import Store

#: The kinds of distribution (the CLI word is the Japanese name).
KINDS = ("全戸配布", "回覧")
#: 回覧: one copy for this many households.
HOUSEHOLDS_PER_CIRCULAR = 10
#: The most spare copies per 自治会 (more is a typing mistake).
MAX_SPARES = 1_000


@dataclass(frozen=True)
class DistributionRow:
    """One 自治会: name, 会長 ("" when vacant), 加入世帯数 (None: not entered), copies and its
    班数 (None: not entered)."""

    organization: str
    president: str
    member_households: int | None
    copies: int
    han: int | None = None


def copies_for(kind: str, member_households: int | None, spares: int,
               han: int | None = None) -> int:
    """Copies for one 自治会 (see the module docstring); a 自治会 without figures gets the
    spares only."""
    households = member_households or 0
    if kind == "回覧" and han:
        base = han
    elif kind == "回覧":
        base = max(1, -(-households // HOUSEHOLDS_PER_CIRCULAR)) if households else 0
    else:
        base = households
    return base + spares


def check_request(kind: str, spares: object) -> int:
    """The spares as an int after checking ``kind`` and ``spares``. Raises ValidationError."""
    if kind not in KINDS:
        raise ValidationError(_("Choose the kind of distribution: 全戸配布 or 回覧."),
                              field="kind")
    try:
        count = int(spares or 0)
    except (TypeError, ValueError):
        count = -1
    if not 0 <= count <= MAX_SPARES:
        raise ValidationError(_("Enter the spare copies as a whole number from 0 to {limit}."
                                ).format(limit=MAX_SPARES), field="spares")
    return count


def distribution_rows(store: Store, council_id: int, fiscal_year: int, kind: str,
                      spares: object = 0) -> list[DistributionRow]:
    """Per 自治会 (五十音順) the copies of a ``kind`` distribution with ``spares`` each.
    Raises ValidationError for an unknown kind or bad spares."""
    count = check_request(kind, spares)
    han = han_counts(store, council_id)
    return [DistributionRow(r["organization"], r["name"], r["member_households"],
                            copies_for(kind, r["member_households"], count,
                                       han.get(r["organization_id"])),
                            han.get(r["organization_id"]))
            for r in neighborhood_presidents(store, council_id, fiscal_year, public=True)]
