"""会費・分担金 rules (issue 15): the 請求額 of a 自治会 and its 納入状況. Pure; amounts int 円.

請求額 = 世帯割 (円 per 加入世帯) × 加入世帯数 of the 年度 (as of 4月1日, the roster's figure) +
均等割 (円 per 自治会). A 自治会 without a 加入世帯数 for the 年度 is billed the 均等割 only.
納入状況: 未納 (nothing paid), 一部 (less than billed), 済 (exactly billed), 過納 (more than
billed); 請求なし when nothing is billed and nothing paid.
"""

from __future__ import annotations

from kyodo_desktop.i18n import N_

#: The largest 世帯割 (円 per 加入世帯) and 均等割 (円 per 自治会) a council can set (schema CHECK).
MAX_PER_HOUSEHOLD = 100_000
MAX_PER_ASSOCIATION = 10_000_000
#: The largest single 納入 (円): more is a typing mistake, not a 会費.
MAX_PAYMENT = 10_000_000

UNPAID, PARTIAL, PAID, OVERPAID, NOT_BILLED = "unpaid", "partial", "paid", "overpaid", "none"
#: 納入状況 codes and their Japanese names (message ids).
STATUS_LABELS = {UNPAID: N_("Unpaid"), PARTIAL: N_("Partly paid"), PAID: N_("Paid in full"),
                 OVERPAID: N_("Overpaid"), NOT_BILLED: N_("Not billed")}


def billed_amount(per_household: int, per_association: int, member_households: int | None
                  ) -> int:
    """請求額 (円): ``per_household`` × ``member_households`` (None counts as 0) +
    ``per_association``."""
    return per_household * (member_households or 0) + per_association


def payment_status(billed: int, paid: int) -> str:
    """The 納入状況 code of a 自治会 that was billed ``billed`` and paid ``paid`` (円)."""
    if paid <= 0:
        return NOT_BILLED if billed <= 0 else UNPAID
    if paid < billed:
        return PARTIAL
    return PAID if paid == billed else OVERPAID
