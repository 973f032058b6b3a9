"""A 証拠書類 photo that is also another file — a ZIP archive (with a program and a ``../``
path) or an HTML page appended after the picture's end, a polyglot that becomes that file when
renamed — is stored as the picture alone, so 「名前を付けて保存」 and the 証拠書類綴り hand on
nothing hidden (a phone's "motion photo" video trailer, with its sound, is dropped the same
way). A PDF with an archive appended, an HTML page or an SVG named .pdf are refused."""

from __future__ import annotations

import io
import zipfile

import pytest

from kyodo_desktop.demo.receipts import receipt_pdf, receipt_picture
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.services.accounting import attachments

from .test_hostile_attachments import DAY, _entry, _png


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("領収書.exe", b"MZ" + b"\x00" * 64)
        archive.writestr("../../startup.bat", "calc")
    return buffer.getvalue()


PICTURES = {
    "jpeg": receipt_picture("店", DAY, "但し", 100),
    "png": _png(2, 2, b"\x00\x10\x20\x00\x30\x40"),
}
TRAILERS = {
    "zip": _zip(),
    "html": b"<html><script>alert(1)</script></html>",
    "motion photo video": b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 512,
}


@pytest.mark.parametrize("trailer", TRAILERS)
@pytest.mark.parametrize("picture", PICTURES)
def test_only_the_picture_is_stored(demo_store, tmp_path, picture, trailer):
    path = tmp_path / f"receipt.{picture}"
    path.write_bytes(PICTURES[picture] + TRAILERS[trailer])
    link, _changes = attachments.attach_file(demo_store, _entry(demo_store), path)
    stored = attachments.attachment_data(demo_store, link)
    assert stored == PICTURES[picture]
    assert not zipfile.is_zipfile(io.BytesIO(stored))
    assert attachments.get_attachment(demo_store, link).size == len(PICTURES[picture])


def test_a_plain_picture_is_stored_as_it_is(demo_store, tmp_path):
    path = tmp_path / "receipt.jpg"
    path.write_bytes(PICTURES["jpeg"])
    link, _changes = attachments.attach_file(demo_store, _entry(demo_store), path)
    assert attachments.attachment_data(demo_store, link) == PICTURES["jpeg"]


@pytest.mark.parametrize("data", [
    receipt_pdf("店", DAY, "但し", 100) + _zip() + b"\n%%EOF\n",
    b"%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF\n",
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    b"<!DOCTYPE html><html><body>receipt</body></html>",
], ids=["pdf+zip", "html with a PDF header", "svg", "html"])
def test_other_files_named_pdf_are_refused(demo_store, tmp_path, data):
    path = tmp_path / "receipt.pdf"
    path.write_bytes(data)
    before = demo_store.scalar("SELECT count(*) FROM attachment_blobs")
    with pytest.raises(ValidationError):
        attachments.attach_file(demo_store, _entry(demo_store), path)
    assert demo_store.scalar("SELECT count(*) FROM attachment_blobs") == before
