"""Hostile files offered as 証拠書類: judged by content, refused whole when damaged, too large, a
decompression bomb or another type in disguise; hostile names are cleaned; a file whose stored
bytes do not match their checksum is refused on import and reported by ``check``."""

from __future__ import annotations

import struct
import zlib
from datetime import date

import pytest

from kyodo_desktop.demo.receipts import receipt_pdf, receipt_picture
from kyodo_desktop.domain import attachments as rules
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.services.accounting import attachments

DAY = date(2026, 5, 10)


def _entry(store) -> int:
    return store.scalar("SELECT id FROM cash_book_entries WHERE fiscal_year = 2026 "
                        "AND direction = 'expense' ORDER BY id LIMIT 1")


def _chunk(tag: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + tag + body + struct.pack(
        ">I", zlib.crc32(tag + body) & 0xFFFFFFFF)


def _png(width: int, height: int, raw: bytes) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit grey
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(raw, 9)) + _chunk(b"IEND", b""))


def test_a_small_png_jpeg_and_pdf_are_accepted():
    assert rules.check_file(_png(2, 2, b"\x00\x10\x20\x00\x30\x40")).media_type == rules.PNG
    photo = rules.check_file(receipt_picture("店", DAY, "但し", 100))
    assert (photo.media_type, photo.width) == (rules.JPEG, 420)
    assert attachments.check_content(receipt_pdf("店", DAY, "但し", 100)).media_type == rules.PDF


@pytest.mark.parametrize("data", [
    b"MZ\x90\x00" + b"\x00" * 200,  # a Windows program renamed 領収書.jpg
    b"PK\x03\x04" + b"\x00" * 200,  # a zip / Office file
    b"GIF89a" + b"\x00" * 200,
    "領収書 ¥1,234".encode() * 10,
    b"",
])
def test_other_content_is_refused_whatever_its_name(demo_store, data, tmp_path):
    target = tmp_path / "領収書.jpg"
    target.write_bytes(data)
    with pytest.raises(ValidationError):
        attachments.attach_file(demo_store, _entry(demo_store), target)


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.pdf"
    with open(big, "wb") as handle:
        handle.write(b"%PDF-1.4\n")
        handle.truncate(rules.MAX_BYTES + 1)
    with pytest.raises(ValidationError, match="10 MB"):
        attachments.read_file(big)
    with pytest.raises(ValidationError):
        attachments.read_file(tmp_path)  # a folder


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.95])
@pytest.mark.parametrize("kind", ["PNG", "JPEG", "PDF"])
def test_cut_short_files_are_refused(kind, cut):
    whole = (receipt_pdf("店", DAY, "但し", 100) if kind == "PDF"
             else receipt_picture("店", DAY, "但し", 100, kind=kind))
    attachments.check_content(whole)
    with pytest.raises(ValidationError, match=kind):
        attachments.check_content(whole[:int(len(whole) * cut)])


def test_a_png_with_a_flipped_byte_is_refused():
    data = bytearray(receipt_picture("店", DAY, "但し", 100, kind="PNG"))
    data[len(data) // 2] ^= 0xFF
    with pytest.raises(ValidationError, match="PNG"):
        rules.check_file(bytes(data))


def test_a_decompression_bomb_is_refused_without_expanding_it():
    bomb = _png(15_000, 15_000, b"")  # 225 million pixels announced by a tiny file
    assert len(bomb) < 200
    with pytest.raises(ValidationError, match="画素"):
        rules.check_file(bomb)
    lying = _png(100, 100, b"\x00" * 50_000_000)  # small picture, data expanding to 50 MB
    with pytest.raises(ValidationError, match="PNG"):
        rules.check_file(lying)


def test_a_jpeg_announcing_a_huge_frame_is_refused():
    data = bytearray(receipt_picture("店", DAY, "但し", 100))
    sof = data.find(b"\xff\xc0")
    data[sof + 5:sof + 9] = struct.pack(">HH", 60_000, 60_000)
    with pytest.raises(ValidationError, match="画素"):
        rules.check_file(bytes(data))


def test_a_pdf_that_is_only_a_header_is_refused():
    with pytest.raises(ValidationError, match="PDF"):
        attachments.check_content(b"%PDF-1.7\n" + b"x" * 100 + b"\n%%EOF\n")


@pytest.mark.parametrize(("name", "kept"), [
    ("../../etc/passwd", "passwd.pdf"),
    ("..\\..\\Windows\\system32\\evil.pdf", "evil.pdf"),
    ("..", "証拠書類.pdf"),
    ("", "証拠書類.pdf"),
    ("領収\x00書\x1b[31m.pdf", "領収書[31m.pdf"),
    ("invoice\u202egpj.exe", "invoicegpj.exe.pdf"),  # right-to-left override removed
    ("a" * 500 + ".pdf", "a" * 116 + ".pdf"),
])
def test_hostile_names_are_cleaned(name, kept):
    assert rules.clean_file_name(name, rules.PDF) == kept


def test_a_stored_hostile_name_keeps_no_folder(demo_store):
    link, _c = attachments.add_attachment(demo_store, _entry(demo_store),
                                          receipt_pdf("店", DAY, "但し", 1), "../../x/領収書.pdf")
    assert attachments.get_attachment(demo_store, link).file_name == "領収書.pdf"


def test_a_password_protected_pdf_is_refused():
    import io

    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, encrypt="himitsu")
    pdf.drawString(100, 700, "receipt")
    pdf.showPage()
    pdf.save()
    with pytest.raises(ValidationError, match="パスワード"):
        attachments.check_content(out.getvalue())
