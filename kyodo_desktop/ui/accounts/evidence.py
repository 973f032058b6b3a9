"""証拠書類 of the chosen 出納簿 entry, below the entry panel: thumbnails of its receipts with
添付… / 開く / 外す. Adding and removing are undo steps (``save_with_undo``); opening shows the
file inside the app (a picture scaled to the window, a PDF page by page), so no copy of a
receipt is left in a temporary folder; 「名前を付けて保存…」 writes it where the user chooses.

Pictures are decoded only here, through QImageReader with the size scaled on reading: the
service has already refused anything above 40 million pixels before it was stored.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QSize, Qt
from PySide6.QtGui import QIcon, QImageReader, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop import fileops
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.accounting import attachments, cash_book
from kyodo_desktop.services.accounting.attachments import Attachment
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.shell.errors import show_error

#: Thumbnail side (px): the strip stays one line high, so the 出納簿 keeps its rows.
THUMBNAIL = 28
#: The file dialog's filter (types are checked by content after choosing).
FILE_FILTER = "PDF / JPEG / PNG (*.pdf *.jpg *.jpeg *.png);;* (*)"


def picture(data: bytes, fit: QSize) -> QPixmap:
    """The picture in ``data`` scaled on reading to fit ``fit`` (aspect kept); a null pixmap
    when Qt cannot read it."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size = reader.size()
    if size.isValid() and (size.width() > fit.width() or size.height() > fit.height()):
        reader.setScaledSize(size.scaled(fit, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return QPixmap.fromImage(image) if not image.isNull() else QPixmap()


def pdf_page(data: bytes, fit: QSize) -> QPixmap:
    """The first page of the PDF ``data`` rendered to fit ``fit``; a null pixmap without QtPdf
    or when Qt cannot read it."""
    from kyodo_desktop.ui.reports.preview import load_document

    try:
        document = load_document(data)
    except RuntimeError:
        return QPixmap()
    if document is None or document.pageCount() < 1:
        return QPixmap()
    page = document.pagePointSize(0).toSize().scaled(fit, Qt.AspectRatioMode.KeepAspectRatio)
    image = document.render(0, page)
    document.close()
    if image.isNull():
        return QPixmap()
    sheet = QPixmap(image.size())
    sheet.fill(Qt.GlobalColor.white)  # the page is rendered on a transparent background
    painter = QPainter(sheet)
    painter.drawImage(0, 0, image)
    painter.setPen(Qt.GlobalColor.gray)
    painter.drawRect(0, 0, sheet.width() - 1, sheet.height() - 1)
    painter.end()
    return sheet


class EvidenceStrip(QWidget):
    """The attachments of one entry (``set_entry``); hidden without an entry."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.entry_id: int | None = None
        self.found: list[Attachment] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(_("Evidence"), self)
        self.list = QListWidget(self, objectName="evidenceList")
        self.list.setViewMode(QListWidget.ViewMode.ListMode)  # one line: icon, then name
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setSpacing(2)
        self.list.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.horizontalScrollBar().rangeChanged.connect(lambda _low, _high: self._fit())
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        self.add_button = QPushButton(_("Attach…"), self)
        self.open_button = QPushButton(_("Open"), self)
        self.remove_button = QPushButton(_("Detach"), self)
        self.add_button.clicked.connect(self.choose_files)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        row.addWidget(self.title)
        row.addWidget(self.list, 1)
        for button in (self.add_button, self.open_button, self.remove_button):
            row.addWidget(button)
        self.set_entry(None)
        self._fit()

    def _fit(self) -> None:
        """One line of thumbnails; room for a scroll bar only while the files need one."""
        bar = self.list.horizontalScrollBar()
        needed = max(THUMBNAIL, self.list.fontMetrics().height()) + 8 + 2 * self.list.frameWidth()
        if bar.maximum() > 0:
            needed += bar.sizeHint().height()
        if self.list.height() != needed or self.list.minimumHeight() != needed:
            self.list.setFixedHeight(needed)

    def changeEvent(self, event) -> None:  # Qt override: the text size changed
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()

    def set_entry(self, entry_id: int | None) -> None:
        """Show the files of ``entry_id`` (None: nothing chosen)."""
        self.entry_id = entry_id
        self.reload()

    def reload(self) -> None:
        """Re-read the chosen entry's files (after a change, undo or redo)."""
        self.list.clear()
        self.found, about = [], ""
        if self.entry_id is not None:
            try:
                entry = cash_book.get_entry(self.context.store, self.entry_id)
                if (entry.council_id, entry.fiscal_year) != (self.context.council_id,
                                                             self.context.fiscal_year):
                    raise UserError("")  # another council or 年度 is shown now
                about = entry.description
                self.found = attachments.list_attachments(self.context.store, self.entry_id)
            except UserError:
                self.entry_id = None
        for found in self.found:
            item = QListWidgetItem(self._icon(found), _short(found.file_name), self.list)
            item.setToolTip(f"{found.file_name}（{found.size / 1024:,.0f} KB）")
            item.setData(Qt.ItemDataRole.UserRole, found.id)
        self.add_button.setEnabled(self.entry_id is not None)
        self.open_button.setEnabled(bool(self.found))
        self.remove_button.setEnabled(bool(self.found))
        self.title.setText(_("Evidence ({count})").format(count=len(self.found))
                           if self.entry_id is not None else _("Evidence"))
        self.title.setToolTip(about)
        # only with an entry chosen: a new line has no files yet, and at large text the 出納簿
        # list needs the room
        self.setVisible(self.entry_id is not None)

    def _icon(self, found: Attachment) -> QIcon:
        data = attachments.attachment_data(self.context.store, found.id)
        fit = QSize(THUMBNAIL, THUMBNAIL)
        pixmap = pdf_page(data, fit) if found.is_pdf else picture(data, fit)
        if not pixmap.isNull():
            return QIcon(pixmap)
        return self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)

    def selected(self) -> Attachment | None:
        """The chosen file (the first when none is chosen)."""
        row = self.list.currentRow()
        if not self.found:
            return None
        return self.found[row if 0 <= row < len(self.found) else 0]

    # actions -----------------------------------------------------------------------------------

    def choose_files(self) -> None:
        """Ask for files and attach them (one undo step)."""
        if self.entry_id is None:
            return
        paths, _chosen = QFileDialog.getOpenFileNames(self, _("Attach evidence"), "",
                                                      FILE_FILTER)
        if paths:
            self.attach(paths)

    def attach(self, paths: list[str]) -> bool:
        """Attach the files at ``paths`` to the chosen entry in one undo step; an error names
        the file and nothing is attached then. Returns True when they were attached."""
        entry_id, store = self.entry_id, self.context.store

        def operation():
            result = None
            for path in paths:
                try:
                    result = attachments.attach_file(store, entry_id, path)
                except UserError as error:
                    raise UserError(f"{_short(path.replace(chr(92), '/').split('/')[-1])}: "
                                    f"{error}") from error
            return result

        try:
            save_with_undo(self.context, _("Attaching evidence"), operation)
        except UserError as error:
            show_error(error, self)
            return False
        self.reload()
        return True

    def remove_selected(self) -> bool:
        """Ask, then remove the chosen file from the entry (undoable)."""
        found = self.selected()
        if found is None:
            return False
        answer = QMessageBox.question(
            self, _("Remove the evidence"),
            _("Remove {name} from this entry?").format(name=found.file_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            save_with_undo(self.context, _("Removal of {name}").format(name=found.file_name),
                           lambda: attachments.remove_attachment(self.context.store, found.id))
        except UserError as error:
            show_error(error, self)
            return False
        self.reload()
        return True

    def open_selected(self) -> EvidenceViewer | None:
        """Show the chosen file in a window of its own."""
        found = self.selected()
        if found is None:
            return None
        try:
            data = attachments.attachment_data(self.context.store, found.id)
        except UserError as error:
            show_error(error, self)
            return None
        viewer = EvidenceViewer(found, data, self.context, self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.show()
        return viewer


def _short(name: str, limit: int = 16) -> str:
    return name if len(name) <= limit else name[:limit - 1] + "…"


class EvidenceViewer(QDialog):
    """One attached file: a picture fitted to the window, or a PDF's pages; 名前を付けて保存…."""

    def __init__(self, found: Attachment, data: bytes, context: AppContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.found, self.data, self.context = found, data, context
        self.setWindowTitle(found.file_name)
        layout = QVBoxLayout(self)
        screen = self.screen().availableGeometry().size() if self.screen() else QSize(1366, 768)
        fit = QSize(int(screen.width() * 0.6), int(screen.height() * 0.7))
        if found.is_pdf:
            from kyodo_desktop.ui.reports.preview import PreviewPane

            self.view = PreviewPane(self)
            self.view.show_pdf(data, found.file_name)
        else:
            self.view = QScrollArea(self)
            label = QLabel(self.view)
            label.setPixmap(picture(data, fit))
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.view.setWidget(label)
            self.view.setWidgetResizable(True)
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        save = buttons.addButton(_("Save as…"), QDialogButtonBox.ButtonRole.ActionRole)
        save.clicked.connect(self.save_as)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(fit.width() + 40, fit.height() + 80)

    def save_as(self) -> None:
        """Write the file where the user chooses (never over a data file or backup)."""
        path, _chosen = QFileDialog.getSaveFileName(self, _("Save as…"), self.found.file_name)
        if not path:
            return
        try:
            fileops.write_bytes(path, self.data, open_data=self.context.store.path)
        except (UserError, OSError) as error:
            show_error(error if isinstance(error, UserError) else UserError(str(error)), self)
