"""The smoke test of an installed or frozen (PyInstaller) app: ``kyodo-desktop smoke-test -o DIR``.

Builds the demo council in ``DIR/demo.sqlite3``, starts the real window offscreen, shows every
page of the sidebar, prints a PDF (the first registered report kind that succeeds, or a one-page
council sheet when none is registered), renders its first page through QtPdf and sends it through
QPrinter (to ``DIR/smoke-printed.pdf``, the path a real printer takes) and closes the window. A
bundle without QtPdf or QtPrintSupport fails here instead of at the council's first print. Raises on any failure, so the
command's exit code tells CI whether the build works.
"""

from __future__ import annotations

import os
from pathlib import Path

from kyodo_desktop import fileops
from kyodo_desktop.i18n import _

SMOKE_FISCAL_YEAR = 2026


def run_smoke_test(folder: Path) -> list[str]:
    """Run the smoke test in ``folder`` (created; must not hold a data file yet) and return the
    lines to print. Raises UserError / RuntimeError when a step fails."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("KYODO_DESKTOP_CONFIG_DIR", str(folder / "config"))
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from kyodo_desktop.demo.build import build_demo
    from kyodo_desktop.services.backup.datafile import open_data_file
    from kyodo_desktop.ui.app import create_application
    from kyodo_desktop.ui.main_window import MainWindow

    folder.mkdir(parents=True, exist_ok=True)
    db_path = folder / "demo.sqlite3"
    store = open_data_file(db_path)
    summary = build_demo(store)
    app = create_application()
    window = MainWindow(store, settings=QSettings(str(folder / "window.ini"),
                                                  QSettings.Format.IniFormat))
    window.show()
    pages = window.sidebar.count()
    for row in range(pages):
        window.show_area(row)
        QApplication.processEvents()
    council_id = window.context.council_id
    pdf_path = folder / "smoke.pdf"
    kind = _print_pdf(store, council_id, pdf_path)
    pdf = pdf_path.read_bytes()
    if not pdf.startswith(b"%PDF") or b"/Page" not in pdf:
        raise RuntimeError(f"the PDF {pdf_path} is not a PDF with pages")
    printed = _print_through_qt(pdf, folder / "smoke-printed.pdf")
    read_back = _read_back_spreadsheet(store, council_id, folder / "smoke.xlsx")
    window.close()
    app.processEvents()
    return [f"platform: {app.platformName()}", f"councils: {summary['councils']}",
            f"pages shown: {pages}", f"printed: {kind} -> {pdf_path} ({len(pdf)} bytes)",
            f"through QtPdf and QPrinter: {printed}", f"spreadsheet read back: {read_back}",
            "smoke test passed"]


def _read_back_spreadsheet(store, council_id: int, target: Path) -> str:
    """Export the council's 出納簿 to ``target`` and read it back through the import's fast
    reader (calamine, a compiled module the bundle must carry)."""
    import python_calamine  # noqa: F401  (missing from the bundle: fail here, not silently slow)

    from kyodo_desktop.io import xlsx_plain
    from kyodo_desktop.io.cash_book_export import export_cash_book
    from kyodo_desktop.io.tabular import read_table

    export_cash_book(store, council_id, SMOKE_FISCAL_YEAR, target)
    fast = []
    read_values = xlsx_plain.read_values
    xlsx_plain.read_values = lambda *args: fast.append(1) or read_values(*args)
    try:
        rows = [row for row in read_table(target).rows if not row.is_blank]
    finally:
        xlsx_plain.read_values = read_values
    if not rows or not fast:
        raise RuntimeError(f"the exported cash book {target} was not read by the fast reader")
    return f"{len(rows)} rows of {target.name}"


def _print_through_qt(pdf: bytes, target: Path) -> str:
    """Render page 1 of ``pdf`` with QtPdf onto a QPrinter writing ``target``; describe it.
    Imports QtPdf and QtPrintSupport without a guard: a bundle lacking them must fail."""
    from PySide6.QtPdf import QPdfDocument  # noqa: F401  (the import is the check)
    from PySide6.QtPrintSupport import QPrinter

    from kyodo_desktop.ui.reports.printing import a4_printer, render

    printer = a4_printer("smoke test")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    pages = render(pdf, printer, range(1))
    data = target.read_bytes() if target.is_file() else b""
    if pages != 1 or not data.startswith(b"%PDF"):
        raise RuntimeError(f"QPrinter wrote no PDF page to {target}")
    return f"{pages} page -> {target} ({len(data)} bytes)"


def _print_pdf(store, council_id: int, target: Path) -> str:
    """Write a PDF of the demo council to ``target``; return the kind printed."""
    from kyodo_desktop.errors import UserError
    from kyodo_desktop.reports.registry import ReportRequest, report_kinds

    for kind in report_kinds().values():
        request = ReportRequest(council_id, SMOKE_FISCAL_YEAR if kind.needs_fiscal_year else None,
                                draft=True, options={"edition": "public"})
        try:
            fileops.write_bytes(target, kind.build(store, request))
        except UserError:
            continue
        return kind.name
    fileops.write_bytes(target, _council_sheet(store, council_id))
    return "council-sheet"


def _council_sheet(store, council_id: int) -> bytes:
    from reportlab.platypus import Paragraph

    from kyodo_desktop.reports.page import PageFurniture, build_pdf
    from kyodo_desktop.reports.styles import make_styles
    from kyodo_desktop.services.council.councils import council_name

    name = council_name(store, council_id)
    styles = make_styles()
    story = [Paragraph(name or "", styles.title),
             Paragraph(_("Printed by the smoke test of kyodo-desktop."), styles.body)]
    return build_pdf(story, PageFurniture(title=name or ""))
