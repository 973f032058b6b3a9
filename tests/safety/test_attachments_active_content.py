"""A 証拠書類 PDF that would run something when opened (JavaScript, a launched program, an
embedded file, a form sent elsewhere) is refused: the 監事 or the city saves it with 「名前を付けて
保存」 and opens it in a PDF viewer. A plain scan, and one whose opening action only shows its
first page, are kept."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from kyodo_desktop.demo.receipts import receipt_pdf
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.services.accounting import attachments

DAY = date(2026, 5, 10)


def _writer() -> PdfWriter:
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(receipt_pdf("文具店", DAY, "コピー用紙", 1_980))))
    return writer


def _bytes(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _action(kind: str, **values) -> DictionaryObject:
    action = DictionaryObject({NameObject("/S"): NameObject(kind)})
    action.update({NameObject(f"/{k}"): TextStringObject(v) for k, v in values.items()})
    return action


def _open_action(action) -> bytes:
    writer = _writer()
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)
    return _bytes(writer)


def _page_action(action) -> bytes:
    writer = _writer()
    writer.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): action})
    return _bytes(writer)


def _embedded() -> bytes:
    writer = _writer()
    writer.add_attachment("請求書.exe", b"MZ" + b"\x00" * 100)
    return _bytes(writer)


@pytest.mark.parametrize("make", [
    lambda: _open_action(_action("/JavaScript", JS="app.alert('領収書');")),
    lambda: _open_action(_action("/Launch", F="C:\\Windows\\System32\\cmd.exe")),
    lambda: _page_action(_action("/JavaScript", JS="this.submitForm('http://x');")),
    lambda: _page_action(_action("/SubmitForm", F="http://example.com/")),
    _embedded,
], ids=["open-javascript", "open-launch", "page-javascript", "submit-form", "embedded-file"])
def test_a_pdf_that_runs_something_is_refused(make):
    with pytest.raises(ValidationError, match="動作"):
        attachments.check_content(make())


def test_a_pdf_that_opens_on_its_first_page_is_kept():
    writer = _writer()
    first = writer.pages[0].indirect_reference
    writer._root_object[NameObject("/OpenAction")] = ArrayObject([first, NameObject("/Fit")])
    link = DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Link"),
        NameObject("/Rect"): ArrayObject([NumberObject(0)] * 4),
        NameObject("/A"): _action("/URI", URI="https://www.city.yamaguchi.lg.jp/")})
    writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(link)])
    assert attachments.check_content(_bytes(writer)).media_type == "application/pdf"
