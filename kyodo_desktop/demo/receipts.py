"""Demo step: 証拠書類 for a handful of 湯田's 出納簿 entries — pictures of receipts drawn here
(a shop's name, the date, the 但し書き and the amount of the entry; fictional shops, no person's
data), stored through :func:`kyodo_desktop.services.accounting.attachments.add_attachment` like a
user's scans: photos as JPEG, a scan as PNG and one PDF 領収書.

:func:`receipt_picture` and :func:`receipt_pdf` also make the files of the tests.
"""

from __future__ import annotations

import io
from datetime import date

from kyodo_desktop.demo.common import DemoContext
from kyodo_desktop.domain import wareki

#: How many entries of each 年度 get a receipt (the first expenses with a 領収書番号).
RECEIPT_COUNT = 4
_PAPER = (250, 247, 238)
_INK = (40, 40, 48)


def _font(size: int):
    from PIL import ImageFont

    from kyodo_desktop.resources import resource_path

    return ImageFont.truetype(str(resource_path("fonts", "ipaexg.ttf")), size)


def receipt_picture(shop: str, day: date, purpose: str, amount: int, *, number: str = "",
                    kind: str = "JPEG", width: int = 420, to: str = "地域づくり協議会") -> bytes:
    """A picture of a 領収書 (``kind`` "JPEG" like a phone photo, "PNG" like a scan) of
    ``amount`` 円 from ``shop`` on ``day`` for ``purpose`` (但し書き)."""
    from PIL import Image, ImageDraw

    height = int(width * 1.45)
    image = Image.new("RGB", (width, height), (205, 200, 190) if kind == "JPEG" else _PAPER)
    draw = ImageDraw.Draw(image)
    margin = width // 14 if kind == "JPEG" else 0  # a photo shows the table around the paper
    draw.rectangle((margin, margin, width - margin, height - margin), fill=_PAPER)
    left, line = margin + width // 12, width // 16
    big, small = _font(int(line * 1.5)), _font(int(line * 0.8))
    y = margin + line
    draw.text((width // 2, y), "領　収　書", font=big, fill=_INK, anchor="mt")
    y += int(line * 2.4)
    draw.text((width - margin - line, y), wareki.format_wareki(day, "long"), font=small,
              fill=_INK, anchor="rt")
    y += int(line * 1.6)
    draw.text((left, y), f"{to}　様", font=small, fill=_INK)
    y += int(line * 1.8)
    draw.rectangle((left, y, width - margin - line, y + int(line * 2.2)), outline=_INK, width=2)
    draw.text((width // 2, y + int(line * 1.1)), f"¥{amount:,}－", font=big, fill=_INK,
              anchor="mm")
    y += int(line * 3.0)
    draw.text((left, y), f"但し　{purpose[:16]}", font=small, fill=_INK)
    y += int(line * 1.3)
    draw.text((left, y), "上記正に領収いたしました", font=small, fill=_INK)
    y = height - margin - int(line * 3.2)
    draw.text((width - margin - line, y), shop, font=small, fill=_INK, anchor="rt")
    if number:
        draw.text((left, y + int(line * 1.4)), f"No. {number}", font=small, fill=_INK)
    stamp = (width - margin - int(line * 3.2), y - int(line * 2.4))
    draw.ellipse((*stamp, stamp[0] + int(line * 2), stamp[1] + int(line * 2)),
                 outline=(190, 40, 40), width=3)
    draw.text((stamp[0] + line, stamp[1] + line), "印", font=small, fill=(190, 40, 40),
              anchor="mm")
    out = io.BytesIO()
    if kind == "JPEG":
        image.rotate(1.5, fillcolor=(205, 200, 190)).save(out, "JPEG", quality=80)
    else:
        image.save(out, "PNG")
    return out.getvalue()


def receipt_pdf(shop: str, day: date, purpose: str, amount: int, *, pages: int = 1,
                to: str = "地域づくり協議会") -> bytes:
    """A PDF 領収書 (A5 pages) like a shop's e-mailed receipt."""
    from reportlab.lib.pagesizes import A5
    from reportlab.pdfgen import canvas

    from kyodo_desktop.reports.fonts import register_fonts

    _mincho, gothic = register_fonts()
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A5, invariant=1)
    width, height = A5
    for page in range(pages):
        pdf.setFont(gothic, 20)
        pdf.drawCentredString(width / 2, height - 60, "領収書" if page == 0 else "明細")
        pdf.setFont(gothic, 11)
        pdf.drawRightString(width - 40, height - 90, wareki.format_wareki(day, "long"))
        pdf.drawString(40, height - 120, f"{to}　様")
        pdf.setFont(gothic, 18)
        pdf.drawCentredString(width / 2, height - 170, f"¥{amount:,}－")
        pdf.setFont(gothic, 11)
        pdf.drawString(40, height - 210, f"但し　{purpose}")
        pdf.drawRightString(width - 40, 80, shop)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def add_receipts(ctx: DemoContext, fiscal_year: int) -> int:
    """Attach drawn receipts to the first :data:`RECEIPT_COUNT` grant expenses of 1,000 円 or
    more of ``fiscal_year`` that carry a 領収書番号 and a 支払先; returns how many files were
    attached."""
    from kyodo_desktop.services.accounting.attachments import add_attachment

    rows = ctx.db.execute(
        "SELECT id, entry_date, description, amount, payee, voucher_no FROM cash_book_entries "
        "WHERE council_id = ? AND fiscal_year = ? AND direction = 'expense' AND voucher_no <> '' "
        "AND payee <> '' AND amount >= 1000 AND fund_code IN "
        "(SELECT code FROM funds WHERE is_grant = 1) ORDER BY entry_date, id LIMIT ?",
        (ctx.council_id, fiscal_year, RECEIPT_COUNT)).fetchall()
    to = ctx.db.execute("SELECT name FROM councils WHERE id = ?", (ctx.council_id,)).fetchone()[0]
    for number, (entry_id, day, description, amount, payee, voucher) in enumerate(rows):
        day = date.fromisoformat(day)
        if number == 1:
            data = receipt_pdf(payee, day, description, amount, to=to)
            name = f"領収書_{voucher}.pdf"
        else:
            kind = "PNG" if number == 2 else "JPEG"
            data = receipt_picture(payee, day, description, amount, number=voucher, kind=kind,
                                   to=to)
            name = f"IMG_{1040 + number}.{'png' if kind == 'PNG' else 'jpg'}"
        add_attachment(ctx.store, entry_id, data, name, today=day)
    return len(rows)
