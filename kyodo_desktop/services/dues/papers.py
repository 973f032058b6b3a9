"""What the 会費 papers print (reports/dues_papers.py): the 請求書 of every 自治会 and the 領収書
of every 納入, in 五十音順 of the 自治会 (their ふりがな, else the name), and the issuer — the
council with its 所在地 and 代表者 (the 会長 in office on the paper's day), taken from the
applicant block of the city forms (:func:`kyodo_desktop.services.forms.common.applicant`), so a
receipt names the council, its 代表者の職 (the city preset's wording) and its 会長 exactly as the
交付申請書 does.

A council is a 人格のない社団 that runs no business: its receipts are 営業に関しない受取書 and need no
収入印紙 (印紙税法 別表第一 第17号 非課税物件 2), so no stamp box is printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.council import accounts as council_accounts
from kyodo_desktop.services.dues.rows import DuesLine, DuesPayment, DuesRate, DuesStatus
from kyodo_desktop.services.dues.status import dues_status
from kyodo_desktop.services.forms.common import Gate, applicant, wording
from kyodo_desktop.store import Store


@dataclass(frozen=True)
class Issuer:
    """The council as the issuer of a paper: 所在地 (with 〒), 団体名, 代表者の職 (the preset's
    ``representative_role``) and 氏名 ("" when no 会長 is on record and drafting), and the 振込先
    as one line ("" without a bank account)."""

    address: str
    name: str
    role: str
    representative: str
    payee: str = ""


@dataclass(frozen=True)
class Invoice:
    """One 請求書: the 自治会's line and the rate it was billed at."""

    line: DuesLine
    rate: DuesRate


@dataclass(frozen=True)
class Receipt:
    """One 領収書: the payment (its number, date and amount) and the 自治会's 会長 ("" if none)."""

    payment: DuesPayment
    representative: str


def issuer(store: Store, council_id: int, on: date, gate: Gate) -> Issuer:
    """The council as issuer on day ``on``: the applicant block of the city forms plus the
    振込先. A 会長 on record on ``on`` is a prerequisite: MissingPrerequisite names what to
    enter, unless ``gate`` is drafting (then the name is left blank)."""
    block = applicant(store, council_id, on, gate, wording(store, council_id, "common"))
    account = council_accounts.payee_account(store, council_id)
    payee = "" if account is None else " ".join(part for part in (
        account.bank_name, account.branch_name, account.type_label, account.account_number,
        account.holder) if part)
    return Issuer(block.address, block.name, block.role, block.representative, payee)


def _status(store: Store, council_id: int, fiscal_year: int) -> DuesStatus:
    status = dues_status(store, council_id, fiscal_year)
    if status.rate is None:
        raise UserError(_("The membership fee of {fiscal_year} is not set. Enter it on the "
                          "Membership fees tab of Budget and cash book (or with 'dues set-rate')."
                          ).format(fiscal_year=_fiscal_year(fiscal_year)))
    return status


def _fiscal_year(fiscal_year: int) -> str:
    from kyodo_desktop.domain.wareki import format_fiscal_year

    return format_fiscal_year(fiscal_year)


def invoices(store: Store, council_id: int, fiscal_year: int, *,
             unpaid_only: bool = False) -> list[Invoice]:
    """A 請求書 for every 自治会 billed in the 年度 (五十音順); ``unpaid_only`` leaves out those
    fully paid. Raises UserError when the 年度's rate is not set."""
    status = _status(store, council_id, fiscal_year)
    return [Invoice(line, status.rate) for line in status.lines
            if line.billed > 0 and not (unpaid_only and line.balance <= 0)]


def receipts(store: Store, council_id: int, fiscal_year: int) -> list[Receipt]:
    """A 領収書 for every 納入 of the 年度: 自治会 in 五十音順, each 自治会's payments by date."""
    status = dues_status(store, council_id, fiscal_year)
    return [Receipt(payment, line.representative) for line in status.lines
            for payment in line.payments]
