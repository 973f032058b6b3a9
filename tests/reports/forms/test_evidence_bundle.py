"""証拠書類綴り (``report evidence``): every attached file behind its 出納簿 entry in 出納簿 order,
pictures on A4 pages, each PDF page laid into a page, a header naming the entry; the 領収書総括表
marks the expenses whose evidence is attached."""

from __future__ import annotations

import io
import re
import shutil
from datetime import date

import pytest
from pypdf import PdfReader

from kyodo_desktop.cli import main
from kyodo_desktop.demo.receipts import receipt_pdf
from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.errors import UserError
from kyodo_desktop.reports.readback import fonts, page_texts
from kyodo_desktop.reports.registry import ReportRequest, report_kinds
from kyodo_desktop.services.accounting import attachments, year_close

YEAR = 2025


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _bundle(store, council_id, year=YEAR) -> bytes:
    return report_kinds()["evidence"].build(store, ReportRequest(council_id, year))


def _with_evidence(store, council_id) -> list[dict]:
    return store.query(
        "SELECT DISTINCT e.id, e.voucher_no, e.amount, e.entry_date FROM cash_book_entries e "
        "JOIN entry_attachments a ON a.entry_id = e.id WHERE e.council_id = ? AND "
        "e.fiscal_year = ? ORDER BY e.entry_date, e.id", (council_id, YEAR))


def test_every_file_follows_its_entry_in_cash_book_order(demo, council_id):
    pdf = _bundle(demo, council_id)
    texts = [_flat(t) for t in page_texts(pdf)]
    entries = _with_evidence(demo, council_id)
    files = attachments.year_attachments(demo, council_id, YEAR)
    assert len(texts) == 1 + len(files)  # the contents, then one page per picture / PDF page
    assert "証拠書類綴り" in texts[0] and "湯田地域づくり協議会" in texts[0]
    headers = [t for t in texts[1:]]
    for number, (entry, text) in enumerate(zip(entries, headers, strict=True), start=1):
        assert text.startswith(f"No.{number}")
        assert entry["voucher_no"] in text and f"{format_yen(entry['amount'])}円" in text
        assert entry["voucher_no"] in texts[0]
    assert all(fonts(pdf).values())


def test_pictures_are_embedded_and_pdf_pages_laid_in(demo, council_id):
    reader = PdfReader(io.BytesIO(_bundle(demo, council_id)))
    files = attachments.year_attachments(demo, council_id, YEAR)
    for page, found in zip(reader.pages[1:], files, strict=True):
        if found.is_pdf:  # the receipt's own text is on the page, under the header
            assert "領収書" in _flat(page.extract_text()) and not page.images
        else:
            assert len(page.images) == 1


def test_a_pdf_of_several_pages_gives_a_page_each(demo, council_id):
    entry = _with_evidence(demo, council_id)[0]
    two = receipt_pdf("試験商店", date(2025, 4, 19), "明細つき", 4_400, pages=2)
    year_close.reopen_year(demo, council_id, YEAR, "明細の添付漏れ")  # a closed year's are fixed
    attachments.add_attachment(demo, entry["id"], two, "明細.pdf")
    texts = [_flat(t) for t in page_texts(_bundle(demo, council_id))]
    assert len(texts) == 1 + len(attachments.year_attachments(demo, council_id, YEAR)) + 1
    assert any("明細.pdf（1/2）" in t for t in texts) and any("明細.pdf（2/2）" in t for t in texts)


def test_a_year_without_evidence_is_explained(demo, council_id):
    year_close.reopen_year(demo, council_id, YEAR, "証拠書類の差し替え")
    with demo.transaction() as db:
        db.execute("DELETE FROM entry_attachments")
    with pytest.raises(UserError, match="添付"):
        _bundle(demo, council_id)


def test_the_receipts_summary_marks_the_entries_with_evidence(demo, council_id):
    request = ReportRequest(council_id, YEAR)
    text = _flat("".join(page_texts(report_kinds()["receipts-summary"].build(demo, request))))
    marked = demo.scalar(
        "SELECT count(DISTINCT e.id) FROM cash_book_entries e JOIN entry_attachments a "
        "ON a.entry_id = e.id JOIN funds f ON f.code = e.fund_code WHERE e.council_id = ? AND "
        "e.fiscal_year = ? AND f.is_grant = 1 AND e.direction = 'expense' "
        "AND e.grant_id IS NULL", (council_id, YEAR))
    assert marked >= 3
    assert text.count("○") == marked + 1  # the marks and the note explaining them
    assert "証拠欄の○は" in text


def test_report_evidence_from_the_command_line(demo_file, tmp_path, capsys):
    db = tmp_path / "demo.sqlite3"
    shutil.copy(demo_file, db)
    out = tmp_path / "evidence.pdf"
    assert main(["report", "evidence", "--db", str(db), "--council", "湯田地域づくり協議会",
                 "--fiscal-year", "R7", "-o", str(out)]) == 0
    assert "証拠書類綴り" in _flat(page_texts(out.read_bytes())[0])


def test_a_scanned_page_stored_sideways_is_laid_in_upright(demo, council_id):
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(
        receipt_pdf("試験商店", date(2025, 4, 19), "横向き", 1_100))))
    writer.pages[0].rotate(90)
    out = io.BytesIO()
    writer.write(out)
    entry = _with_evidence(demo, council_id)[0]
    year_close.reopen_year(demo, council_id, YEAR, "横向きの領収書の添付漏れ")
    attachments.add_attachment(demo, entry["id"], out.getvalue(), "横向き.pdf")
    reader = PdfReader(io.BytesIO(_bundle(demo, council_id)))
    [page] = [p for p in reader.pages if "横向き.pdf" in _flat(p.extract_text())]
    assert "但し横向き" in _flat(page.extract_text()) and page.rotation == 0
