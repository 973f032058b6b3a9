"""The row shapes of the 会費 area handed to ui/, reports/ and the CLI (frozen dataclasses, so
tests/services/test_typed_rows.py sees typed returns). Amounts are int 円, 年度 an int."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kyodo_desktop.domain import dues


@dataclass(frozen=True)
class DuesRate:
    """The 会費 of a council-year: ``per_household`` 円 per 加入世帯 (世帯割) and
    ``per_association`` 円 per 自治会 (均等割); either may be 0, not both."""

    council_id: int
    fiscal_year: int
    per_household: int
    per_association: int
    notes: str = ""

    def billed(self, member_households: int | None) -> int:
        """請求額 (円) of a 自治会 with ``member_households`` 加入世帯 (None: not entered)."""
        return dues.billed_amount(self.per_household, self.per_association, member_households)


@dataclass(frozen=True)
class DuesPayment:
    """One 納入: the 出納簿 entry that booked it (``entry_id``; its date, amount and 口座 are the
    payment's), the 自治会 and the 領収書 number of the 年度."""

    id: int
    fiscal_year: int
    organization_id: int
    organization: str
    entry_id: int
    paid_on: date
    amount: int
    account_id: int | None
    receipt_no: int
    description: str


@dataclass(frozen=True)
class DuesLine:
    """One 自治会 of the 納入状況一覧: 請求額 ``billed``, 納入額 ``paid``, its payments."""

    organization_id: int
    name: str
    name_kana: str
    representative: str
    member_households: int | None
    billed: int
    paid: int
    payments: tuple[DuesPayment, ...] = ()

    @property
    def balance(self) -> int:
        """残額 (円): 請求額 − 納入額 (negative when 過納)."""
        return self.billed - self.paid

    @property
    def status(self) -> str:
        """The 納入状況 code (:data:`kyodo_desktop.domain.dues.STATUS_LABELS`)."""
        return dues.payment_status(self.billed, self.paid)


@dataclass(frozen=True)
class DuesStatus:
    """The 納入状況 of a council-year: the rate (None when not set), one line per 自治会 in
    五十音順, and ``other_income`` — 会費 income of the 出納簿 not recorded as a 納入 (円)."""

    council_id: int
    fiscal_year: int
    rate: DuesRate | None
    lines: tuple[DuesLine, ...]
    other_income: int = 0

    @property
    def billed(self) -> int:
        """Σ 請求額 (円)."""
        return sum(line.billed for line in self.lines)

    @property
    def paid(self) -> int:
        """Σ 納入額 (円)."""
        return sum(line.paid for line in self.lines)

    @property
    def balance(self) -> int:
        """Σ 残額 (円)."""
        return self.billed - self.paid

    def count(self, status: str) -> int:
        """How many 自治会 have 納入状況 ``status``."""
        return sum(1 for line in self.lines if line.status == status)
