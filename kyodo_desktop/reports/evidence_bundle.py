"""証拠書類綴り for the 会計監査: a contents list, then every attached file behind its 出納簿 entry
in 出納簿 order — each picture scaled onto an A4 page, each page of a PDF scaled onto one —
under a header naming the entry (No., 日付, 領収書番号, 摘要, 支払先, 金額, 費目, the file).
``kyodo-desktop report evidence``.

The pages are drawn with reportlab (pictures embedded there; a JPEG photo turned upright by its
EXIF orientation); a PDF's pages are then laid into their frames with pypdf. Files are read one
at a time, by id. A PDF page whose drawing instructions are larger than
:data:`~kyodo_desktop.domain.pdf_check.MAX_PAGE_CONTENT` (measured without inflating them) is
not laid in: its frame holds a note saying so and where the file is (pypdf holds about 100 MB
for each MB of a page's instructions; a crafted 40 KB file cost 415 MB).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas

from kyodo_desktop.domain import pdf_check, wareki
from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.reports.fonts import register_fonts
from kyodo_desktop.reports.registry import ReportKind, ReportRequest
from kyodo_desktop.services.accounting import attachments
from kyodo_desktop.services.backup.datafile import Store
from kyodo_desktop.services.forms.evidence import (
    EvidenceBundle,
    EvidenceItem,
    evidence_bundle_data,
)

MARGIN = 15 * mm
HEADER = 22 * mm
FOOTER = 10 * mm
CONTENT_LINES = 38
#: The frame a file is fitted into (x, y, width, height), below the header.
FRAME = (MARGIN, MARGIN + FOOTER, A4[0] - 2 * MARGIN, A4[1] - 2 * MARGIN - HEADER - FOOTER)


@dataclass(frozen=True)
class _Sheet:
    """One page of the bundle behind the contents: ``item`` number ``number`` (1-based), its
    file ``index`` in the item, the attachment's ``page`` of ``pages`` (a picture has 1)."""

    number: int
    item: EvidenceItem
    index: int
    page: int
    pages: int
    size: tuple[float, float] = (0.0, 0.0)  # a PDF page's upright width and height (pt)
    too_heavy: bool = False  # a PDF page printed as a note (:func:`_pdf_pages`)


def _pdf_pages(data: bytes) -> list[tuple[tuple[float, float], bool]]:
    """The upright (width, height) in points of each page of the PDF ``data`` and whether it is
    too heavy to lay in: drawing instructions beyond :data:`~kyodo_desktop.domain.pdf_check.
    MAX_PAGE_CONTENT` (measured without inflating them further) or under a filter that cannot be
    measured."""
    from pypdf import PdfReader

    pages = []
    for page in PdfReader(io.BytesIO(data), strict=False).pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        content = pdf_check.page_content_size(page)
        pages.append(((height, width) if page.rotation % 180 else (width, height),
                      content is None or content > pdf_check.MAX_PAGE_CONTENT))
    return pages


def _sheets(store: Store, bundle: EvidenceBundle) -> list[_Sheet]:
    sheets = []
    for number, item in enumerate(bundle.items, start=1):
        for index, found in enumerate(item.files):
            if not found.is_pdf:
                sheets.append(_Sheet(number, item, index, 1, 1))
                continue
            pages = _pdf_pages(attachments.attachment_data(store, found.id))
            sheets += [_Sheet(number, item, index, page, len(pages), size, heavy)
                       for page, (size, heavy) in enumerate(pages, start=1)]
    return sheets


def _placement(width: float, height: float, enlarge: bool) -> tuple[float, float, float]:
    """Where a ``width`` × ``height`` (pt or px) picture or page goes in :data:`FRAME`:
    (left, bottom, scale); centred at the top, never enlarged unless ``enlarge``."""
    x, y, w, h = FRAME
    scale = min(w / width, h / height)
    if not enlarge:
        scale = min(scale, 1.0)
    return x + (w - width * scale) / 2, y + h - height * scale, scale


def _fit(text: str, font: str, size: float, width: float) -> str:
    while text and stringWidth(text, font, size) > width:
        text = text[:-2] + "…"
    return text


class _Pages:
    """Draws the pages on one reportlab canvas with the footer 「council  page / total」."""

    def __init__(self, bundle: EvidenceBundle, total: int) -> None:
        self.mincho, self.gothic = register_fonts()
        self.buffer = io.BytesIO()
        self.canvas = rl_canvas.Canvas(self.buffer, pagesize=A4, invariant=1)
        self.canvas.setTitle(bundle.title)
        self.bundle, self.total, self.page = bundle, total, 0

    def finish_page(self) -> None:
        self.page += 1
        c = self.canvas
        c.setFont(self.mincho, 8)
        c.drawString(MARGIN, MARGIN, self.bundle.council)
        c.drawRightString(A4[0] - MARGIN, MARGIN, f"{self.page} / {self.total}")
        c.showPage()

    def contents(self) -> None:
        c, width = self.canvas, A4[0] - 2 * MARGIN
        items = self.bundle.items
        for start in range(0, max(len(items), 1), CONTENT_LINES):
            y = A4[1] - MARGIN - 8 * mm
            if start == 0:
                c.setFont(self.gothic, 16)
                c.drawCentredString(A4[0] / 2, y, f"{self.bundle.fiscal_year}　{self.bundle.title}")
                c.setFont(self.mincho, 10)
                y -= 9 * mm
                c.drawRightString(A4[0] - MARGIN, y, self.bundle.council)
                y -= 6 * mm
                c.drawString(MARGIN, y, _("{count} entries with evidence; {without} expenses "
                                          "without.").format(count=len(items),
                                                             without=self.bundle.without))
            y -= 9 * mm
            columns = (0, 12, 36, 60, 130, 160)
            c.setFont(self.gothic, 8.5)
            for x, title in zip(columns, ("No.", _("Date"), _("Receipt no."), _("Description"),
                                          _("Amount (yen)"), _("Files")), strict=True):
                c.drawString(MARGIN + x * mm, y, title)
            c.line(MARGIN, y - 1.5 * mm, MARGIN + width, y - 1.5 * mm)
            c.setFont(self.mincho, 8.5)
            for number, item in enumerate(items[start:start + CONTENT_LINES], start=start + 1):
                y -= 5.6 * mm
                e = item.entry
                cells = (str(number), wareki.format_wareki(e.entry_date, "short"), e.voucher_no,
                         _fit(e.description, self.mincho, 8.5, 68 * mm))
                for x, text in zip(columns, cells, strict=False):
                    c.drawString(MARGIN + x * mm, y, text)
                c.drawRightString(MARGIN + 155 * mm, y, format_yen(e.amount))
                c.drawString(MARGIN + columns[5] * mm, y, _fit(
                    "、".join(f.file_name for f in item.files), self.mincho, 8.5,
                    width - columns[5] * mm))
            self.finish_page()

    def header(self, sheet: _Sheet) -> None:
        c, e = self.canvas, sheet.item.entry
        found = sheet.item.files[sheet.index]
        top, width = A4[1] - MARGIN, A4[0] - 2 * MARGIN
        c.setFillGray(0.93)
        c.rect(MARGIN, top - HEADER + 3 * mm, width, HEADER - 3 * mm, stroke=0, fill=1)
        c.setFillGray(0)
        c.setFont(self.gothic, 11)
        first = (f"No.{sheet.number}　{wareki.format_wareki(e.entry_date, 'long')}　"
                 f"{e.voucher_no}　{format_yen(e.amount)}{_('yen')}")
        c.drawString(MARGIN + 2 * mm, top - 7 * mm, _fit(first, self.gothic, 11, width - 4 * mm))
        c.setFont(self.mincho, 9)
        second = "　".join(t for t in (e.description, e.payee, sheet.item.fund,
                                       e.category_name) if t)
        c.drawString(MARGIN + 2 * mm, top - 12.5 * mm,
                     _fit(second, self.mincho, 9, width - 4 * mm))
        third = found.file_name + (f"（{sheet.page} / {sheet.pages}）" if sheet.pages > 1 else "")
        c.drawString(MARGIN + 2 * mm, top - 17 * mm, _fit(third, self.mincho, 9, width - 4 * mm))

    def picture(self, data: bytes) -> None:
        image = ImageReader(io.BytesIO(_upright(data)))
        width, height = image.getSize()
        left, bottom, scale = _placement(width, height, enlarge=True)
        self.canvas.drawImage(image, left, bottom, width * scale, height * scale)
        self.border(left, bottom, width * scale, height * scale)

    def page_frame(self, size: tuple[float, float]) -> None:
        """The border of a PDF page laid in later (:func:`_lay_in`)."""
        left, bottom, scale = _placement(*size, enlarge=False)
        self.border(left, bottom, size[0] * scale, size[1] * scale)

    def too_heavy(self, size: tuple[float, float]) -> None:
        """The frame of a PDF page left out (:func:`_pdf_pages`), with a note saying why and
        where the file is."""
        left, bottom, scale = _placement(*size, enlarge=False)
        width, height = size[0] * scale, size[1] * scale
        self.border(left, bottom, width, height)
        note = _("This page of the PDF is not printed here: its drawing instructions are larger "
                 "than {limit} KB (or cannot be measured), more than a receipt needs, and "
                 "printing them could stop the computer. The file itself is still attached: open "
                 "it from the entry on the cash book tab and print it from a PDF viewer.").format(
            limit=pdf_check.MAX_PAGE_CONTENT // 1024)
        c, size_pt = self.canvas, 10.5
        c.setFont(self.gothic, size_pt)
        y = bottom + height - 12 * mm
        for line in _wrapped(note, self.gothic, size_pt, width - 12 * mm):
            c.drawString(left + 6 * mm, y, line)
            y -= size_pt * 1.6

    def border(self, left: float, bottom: float, width: float, height: float) -> None:
        c = self.canvas
        c.setStrokeGray(0.6)
        c.rect(left, bottom, width, height)
        c.setStrokeGray(0)

    def save(self) -> bytes:
        self.canvas.save()
        return self.buffer.getvalue()


_NO_LINE_START = "、。，．）」』・ー"


def _wrapped(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (character by character, as Japanese
    text breaks; a closing mark such as 「、」 hangs at the end of a line instead of starting
    the next)."""
    lines, line = [], ""
    for char in text:
        if line and char not in _NO_LINE_START and stringWidth(line + char, font, size) > width:
            lines.append(line)
            line = ""
        line += char
    return [*lines, line] if line else lines


def _upright(data: bytes) -> bytes:
    """A JPEG photo turned as its EXIF orientation says (a phone's portrait photo is stored
    sideways); other files as they are."""
    if not data.startswith(b"\xff\xd8"):
        return data
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(data)) as image:
        if image.getexif().get(0x0112, 1) == 1:
            return data
        turned = ImageOps.exif_transpose(image)
        out = io.BytesIO()
        turned.save(out, "JPEG", quality=90)
        return out.getvalue()


def _lay_in_pdfs(store: Store, drawn: bytes, sheets: list[_Sheet], first: int) -> bytes:
    """Lay each PDF page into the frame of its sheet (pages from ``first`` on). Raises
    UserError naming a file whose page cannot be read."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(drawn)))
    current: tuple[int, PdfWriter] | None = None
    for offset, sheet in enumerate(sheets):
        found = sheet.item.files[sheet.index]
        if not found.is_pdf or sheet.too_heavy:
            continue
        try:
            if current is None or current[0] != found.id:
                data = attachments.attachment_data(store, found.id)
                current = (found.id, PdfWriter(clone_from=PdfReader(io.BytesIO(data),
                                                                    strict=False)))
            _lay_in(writer.pages[first + offset], current[1].pages[sheet.page - 1])
        except UserError:
            raise
        except Exception as error:  # pypdf raises many kinds on a damaged page
            raise UserError(_("A page of the attached file {name} cannot be printed. Open it "
                              "on the cash book tab and attach it again.").format(
                name=found.file_name), detail=str(error)) from error
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _lay_in(target, source) -> None:
    """Scale ``source`` (a PDF page, turned upright) into :data:`FRAME` of ``target``."""
    from pypdf import Transformation

    if source.rotation:
        source.transfer_rotation_to_content()
    box = source.mediabox
    left, bottom, scale = _placement(float(box.width), float(box.height), enlarge=False)
    move = (Transformation().translate(-float(box.left), -float(box.bottom))
            .scale(scale, scale).translate(left, bottom))
    target.merge_transformed_page(source, move)


def build_evidence_bundle(store: Store, request: ReportRequest) -> bytes:
    """``report evidence``: the 証拠書類綴り of the council-year. Raises UserError when no entry
    has a file attached."""
    bundle = evidence_bundle_data(store, request.council_id, request.fiscal_year)
    sheets = _sheets(store, bundle)
    contents = -(-len(bundle.items) // CONTENT_LINES)
    pages = _Pages(bundle, contents + len(sheets))
    pages.contents()
    for sheet in sheets:
        pages.header(sheet)
        found = sheet.item.files[sheet.index]
        if sheet.too_heavy:
            pages.too_heavy(sheet.size)
        elif found.is_pdf:
            pages.page_frame(sheet.size)
        else:
            pages.picture(attachments.attachment_data(store, found.id))
        pages.finish_page()
    drawn = pages.save()
    if not any(s.item.files[s.index].is_pdf and not s.too_heavy for s in sheets):
        return drawn
    return _lay_in_pdfs(store, drawn, sheets, contents)


REPORTS = [ReportKind("evidence", N_("Evidence bundle (証拠書類綴り)"), build_evidence_bundle,
                      order=27)]
