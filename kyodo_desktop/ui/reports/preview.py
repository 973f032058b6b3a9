"""The 帳票印刷 page's preview: the PDF's pages shown in the app (QtPdf's QPdfView, from the
PySide6-Pdf wheel), with page count and zoom (ページ全体 / 幅に合わせる / 100%).

When QtPdf is not installed the pane says so; printing and saving still work where QtPdf is
(printing needs it to render pages, see :mod:`kyodo_desktop.ui.reports.printing`).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kyodo_desktop.i18n import _

try:  # QtPdf ships in the PySide6-Pdf wheel, not in PySide6-Essentials
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView
except ImportError:  # pragma: no cover - depends on the installation
    QPdfDocument = QPdfView = None


def has_pdf_support() -> bool:
    """Whether QtPdf is available (preview and printing)."""
    return QPdfDocument is not None


def load_document(data: bytes, parent=None):
    """A QPdfDocument reading ``data`` (kept alive with its buffer); None without QtPdf.

    Raises RuntimeError when Qt cannot read the PDF.
    """
    if QPdfDocument is None:
        return None
    document = QPdfDocument(parent)
    document._bytes = QByteArray(data)
    document._buffer = QBuffer(document._bytes, document)
    document._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(document._buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise RuntimeError(f"QtPdf cannot read the PDF: {document.error()}")
    return document


class PreviewPane(QWidget):
    """Shows one PDF: pages stacked, scrollable; zoom buttons; ``page_count()``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.info = QLabel(_("Choose a form and press “Show preview”."))
        self.info.setWordWrap(True)  # shares the bar with the zoom buttons at large text
        bar.addWidget(self.info, 1)
        self.zoom_buttons = {}
        for key, text in (("page", _("Whole page")), ("width", _("Fit width")),
                          ("actual", _("100%"))):
            button = QPushButton(text)
            button.clicked.connect(lambda _checked=False, key=key: self.set_zoom(key))
            button.setEnabled(False)
            bar.addWidget(button)
            self.zoom_buttons[key] = button
        layout.addLayout(bar)
        self.document = None
        if QPdfView is None:
            self.view = QLabel(_("The preview needs the PySide6-Pdf package. Save the form as "
                                 "PDF and open it to look at it."))
            self.view.setWordWrap(True)
        else:
            self.view = QPdfView(self)
            self.view.setPageMode(QPdfView.PageMode.MultiPage)
            self.view.setPageSpacing(12)
            # an empty document stands in for 「nothing shown」: QPdfView must never be given
            # None (its link model then warns 「invalid nullptr parameter」 and, after many
            # previews and text-size changes, the app crashed on quit)
            self.blank = QPdfDocument(self)
            self.view.setDocument(self.blank)
        layout.addWidget(self.view, 1)

    def show_pdf(self, data: bytes, title: str) -> None:
        """Show ``data`` (PDF bytes) titled ``title``."""
        self.info.setText(title)
        if QPdfView is None:
            return
        old = self.document
        self.document = load_document(data, self)
        self.view.setDocument(self.document)
        if old is not None:
            old.deleteLater()
        self.info.setText(_("{title}: {pages} pages").format(title=title,
                                                             pages=self.page_count()))
        for button in self.zoom_buttons.values():
            button.setEnabled(True)
        self.set_zoom("width")

    def page_count(self) -> int:
        """Pages of the shown PDF (0 when none)."""
        return 0 if self.document is None else self.document.pageCount()

    def set_zoom(self, key: str) -> None:
        """'page' (ページ全体), 'width' (幅に合わせる) or 'actual' (100%)."""
        if QPdfView is None:
            return
        modes = {"page": QPdfView.ZoomMode.FitInView, "width": QPdfView.ZoomMode.FitToWidth,
                 "actual": QPdfView.ZoomMode.Custom}
        self.view.setZoomMode(modes[key])
        if key == "actual":
            self.view.setZoomFactor(1.0)

    def clear(self) -> None:
        """Show nothing (after the council or 年度 changed)."""
        self.info.setText(_("Choose a form and press “Show preview”."))
        if QPdfView is not None:
            self.view.setDocument(self.blank)
            if self.document is not None:
                self.document.deleteLater()
            self.document = None
        for button in self.zoom_buttons.values():
            button.setEnabled(False)
