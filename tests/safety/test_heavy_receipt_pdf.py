"""A receipt PDF of 40 KB whose page inflates to 20 MB of drawing instructions passes every
check of an attachment (it opens, has one page, runs nothing), but laying it into the 証拠書類綴り
made pypdf hold hundreds of MB (≈ 415 MB measured) and then stop the whole report. The bundle
now measures each page's instructions without inflating them beyond
:data:`~kyodo_desktop.domain.pdf_check.MAX_PAGE_CONTENT` and prints a note in the frame of a
page beyond it; the other receipts are printed as before."""

from __future__ import annotations

import io
import re
import tracemalloc
import zlib
from datetime import date

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, StreamObject

from kyodo_desktop.demo.receipts import receipt_pdf
from kyodo_desktop.domain import pdf_check
from kyodo_desktop.domain.accounting import CashBookEntryInput
from kyodo_desktop.reports.evidence_bundle import build_evidence_bundle
from kyodo_desktop.reports.readback import page_texts
from kyodo_desktop.reports.registry import ReportRequest
from kyodo_desktop.services.accounting import attachments
from kyodo_desktop.services.accounting.cash_book import record_entries_with_ids
from kyodo_desktop.services.council.profile import create_council

DAY = date(2026, 5, 10)


def heavy_pdf(megabytes: int, filters: tuple[str, ...] = ("/FlateDecode",)) -> bytes:
    """One A4 page whose content stream is ``megabytes`` MB of line drawing, deflated."""
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    stream = StreamObject()
    stream._data = zlib.compress(b"0 0 m 10 10 l S\n" * (megabytes * 2**20 // 16), 9)
    stream[NameObject("/Filter")] = NameObject(filters[0])
    page[NameObject("/Contents")] = writer._add_object(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _council_with_receipts(store, *files: tuple[str, bytes]) -> int:
    council_id, _changes = create_council(store, "湯田地域づくり協議会")
    [entry_id] = record_entries_with_ids(store, council_id, 2026, [CashBookEntryInput(
        DAY, "own_funds", "expense", "consumables", "用紙代", 1200, payee="文具店",
        voucher_no="R-1")])
    for name, data in files:
        attachments.add_attachment(store, entry_id, data, name)
    return council_id


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_a_heavy_page_is_a_note_and_the_report_stays_small(store):
    heavy = heavy_pdf(20)
    assert len(heavy) < 100_000
    assert attachments.check_content(heavy).media_type == "application/pdf"  # a valid receipt
    council = _council_with_receipts(store, ("heavy.pdf", heavy),
                                     ("receipt.pdf", receipt_pdf("文具店", DAY, "用紙代", 1200)))
    tracemalloc.start()
    try:
        pdf = build_evidence_bundle(store, ReportRequest(council, 2026))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 60 * 2**20, peak / 2**20
    texts = [_flat(t) for t in page_texts(pdf)]
    assert len(texts) == 3  # contents, the heavy page's note, the receipt laid in
    assert "このPDFのページはここには印刷していません" in texts[1]
    assert "512KB" in texts[1] and "heavy.pdf" in texts[1]
    assert "文具店" in texts[2] and "印刷していません" not in texts[2]
    assert len(PdfReader(io.BytesIO(pdf)).pages[1].get_contents().get_data()) < 100_000


def test_the_measure_counts_no_further_than_the_limit():
    page = PdfReader(io.BytesIO(heavy_pdf(20))).pages[0]
    assert pdf_check.page_content_size(page) == pdf_check.MAX_PAGE_CONTENT + 1
    small = PdfReader(io.BytesIO(receipt_pdf("店", DAY, "但し", 100))).pages[0]
    assert 0 < pdf_check.page_content_size(small) < pdf_check.MAX_PAGE_CONTENT
    lzw = PdfReader(io.BytesIO(heavy_pdf(1, ("/LZWDecode",)))).pages[0]
    assert pdf_check.page_content_size(lzw) is None  # not measured: printed as a note
