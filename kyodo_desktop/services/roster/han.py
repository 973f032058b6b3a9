"""班: how many 班 each 自治会 has (``organization_han``, migration 17). The 配布部数表 sends a
回覧 one copy per 班 (services/meetings/distribution.py); a 自治会 without a count gets one per
10 加入世帯. Writes return ``Changes.of(ROSTER, council_id=…)``.
"""

from __future__ import annotations

from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.changes import ROSTER, Changes
from kyodo_desktop.services.roster.validate import clean_count
from kyodo_desktop.store import Store

#: The most 班 a 自治会 can have (more is a typing mistake).
MAX_HAN = 999


def han_counts(store: Store, council_id: int) -> dict[int, int]:
    """``{organization id: 班数}`` of the council's groups that have a count."""
    return {r["organization_id"]: r["han_count"] for r in store.query(
        "SELECT h.organization_id, h.han_count FROM organization_han h "
        "JOIN member_organizations o ON o.id = h.organization_id WHERE o.council_id = ?",
        (council_id,))}


def clean_han(value: object) -> int | None:
    """班数 typed as 「12」「１２」「12班」 → 12; ""/None → None (no count). Raises
    ValidationError (field "han_count") for 0, more than :data:`MAX_HAN` or anything else."""
    plain = value if isinstance(value, int) else str(value or "").replace("班", "")
    number = clean_count(plain, "han_count")
    if number is not None and not 1 <= number <= MAX_HAN:
        raise ValidationError(_("Enter the number of 班 from 1 to {most}, or leave it empty."
                                ).format(most=MAX_HAN), field="han_count")
    return number


def set_han_count(store: Store, organization_id: int, value: object) -> Changes:
    """Store (or with ""/None clear) the 班数 of a 自治会. Raises ValidationError, or UserError
    when the group no longer exists."""
    count = clean_han(value)
    council_id = store.scalar("SELECT council_id FROM member_organizations WHERE id = ?",
                              (organization_id,))
    if council_id is None:
        raise UserError(_("This group no longer exists in the data file."))
    with store.transaction() as db:
        db.execute("DELETE FROM organization_han WHERE organization_id = ?", (organization_id,))
        if count is not None:
            db["organization_han"].insert({"organization_id": organization_id,
                                           "han_count": count})
    return Changes.of(ROSTER, council_id=council_id)
