"""Printing a form's PDF through the system's print dialog (QPrintDialog), A4 portrait with no
scaling surprises: each PDF page is rendered by QtPdf at the printer's resolution (capped at
:data:`MAX_DPI`) and painted onto the whole sheet, so 100 % on paper is 100 % of the form.

QtPdf renders pages to images only, so the spooler receives raster pages; 150 dpi keeps 8 pt
Mincho crisp on office laser printers while sending a quarter of what 300 dpi did (≈ 35 MB per
A4 page to the Windows spooler). ``bench/print_spool.py`` measures both.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.ui.reports.preview import load_document

#: The highest resolution a page is rendered at for the printer (dots per inch).
MAX_DPI = 150


def a4_printer(title: str) -> QPrinter:
    """A high-resolution printer set to A4 portrait, full page (the forms carry their margins)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    printer.setDocName(title)
    return printer


def render(data: bytes, printer: QPrinter, pages: range | None = None) -> int:
    """Paint the PDF ``data`` on ``printer`` (all pages, or ``pages`` 0-based); return the
    number of pages printed. Raises UserError when the PDF cannot be rendered."""
    document = load_document(data)
    if document is None:
        raise UserError(_("Printing needs the PySide6-Pdf package. Save the form as PDF and "
                          "print it from a PDF viewer."))
    pages = pages or range(document.pageCount())
    dpi = min(printer.resolution(), MAX_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError(_("The printer could not be started. Check that it is on and "
                          "connected, then try again."))
    try:
        for number, page in enumerate(pages):
            if number:
                printer.newPage()
            size = document.pagePointSize(page)
            image = document.render(page, QSize(round(size.width() * dpi / 72),
                                                round(size.height() * dpi / 72)))
            target = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
            target.moveTo(0, 0)
            painter.drawImage(target, image)
    finally:
        painter.end()
        document.deleteLater()
    return len(pages)


def print_with_dialog(data: bytes, title: str, parent: QWidget | None = None) -> bool:
    """Ask with QPrintDialog (printer, copies, page range) and print; False when cancelled."""
    printer = a4_printer(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Print {title}").format(title=title))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    pages = None
    if printer.printRange() == QPrinter.PrintRange.PageRange:
        pages = range(max(printer.fromPage(), 1) - 1, printer.toPage())
    render(data, printer, pages)
    return True
