"""The 証拠書類綴り of a council-year for the 会計監査: every attached file behind its 出納簿 entry,
in 出納簿 order (reports/evidence_bundle.py prints it). Only the list is built here; the report
reads each file's bytes by id when it prints it
(:func:`kyodo_desktop.services.accounting.attachments.attachment_data`).
"""

from __future__ import annotations

from dataclasses import dataclass

from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.accounting import attachments, common
from kyodo_desktop.services.accounting.attachments import Attachment
from kyodo_desktop.services.accounting.cash_book import list_entries
from kyodo_desktop.services.accounting.cash_book_query import CashBookRow
from kyodo_desktop.services.council import councils
from kyodo_desktop.services.forms import common as fd


@dataclass(frozen=True)
class EvidenceItem:
    """One 出納簿 entry with its files: the ``entry`` (日付, 摘要, 金額, 支払先, 領収書番号,
    費目), its ``fund`` name and its ``files`` in the order attached."""

    entry: CashBookRow
    fund: str
    files: tuple[Attachment, ...]


@dataclass(frozen=True)
class EvidenceBundle:
    """The 証拠書類綴り: ``title``, 年度 text, ``council`` name, the ``items`` in 出納簿 order and
    ``without`` how many expenses of the year have no file attached."""

    title: str
    fiscal_year: str
    council: str
    items: tuple[EvidenceItem, ...]
    without: int


def evidence_bundle_data(store, council_id: int, fiscal_year: int,
                         _gate: fd.Gate | None = None) -> EvidenceBundle:
    """The entries of the council-year with attached files, in 出納簿 order. Raises UserError
    when no entry of the year has a file attached."""
    found: dict[int, list[Attachment]] = {}
    for attachment in attachments.year_attachments(store, council_id, fiscal_year):
        found.setdefault(attachment.entry_id, []).append(attachment)
    if not found:
        raise UserError(_("No cash book entry of this fiscal year has evidence attached. Attach "
                          "the receipts on the cash book tab first."))
    funds = common.fund_names(store)
    rows = list_entries(store, council_id, fiscal_year)
    items = tuple(EvidenceItem(r, funds.get(r.fund_code, r.fund_code), tuple(found[r.id]))
                  for r in rows if r.id in found)
    without = sum(1 for r in rows if r.direction == "expense" and r.id not in found)
    return EvidenceBundle(_("Evidence bundle (証拠書類綴り)"), fd.fiscal_year_text(fiscal_year),
                          councils.council_row(store, council_id)["name"], items, without)
