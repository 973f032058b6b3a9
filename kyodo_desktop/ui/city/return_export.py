"""帳票印刷 › 市へ提出するファイル: save the 年度報告ファイル of the current council and the chosen
年度 (:mod:`kyodo_desktop.io.annual_return_export`; an open year is refused with how to close
it). Built by the 帳票印刷 page with the callable giving its chosen 年度."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from kyodo_desktop.domain import wareki
from kyodo_desktop.errors import UserError
from kyodo_desktop.fileops.outputs import file_name_part
from kyodo_desktop.i18n import _
from kyodo_desktop.io.annual_return_export import export_annual_return
from kyodo_desktop.services.council.profile import get_profile
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.shell.errors import show_error
from kyodo_desktop.ui.shell.pdf_save import remembered_folder

LAST_FOLDER = "reports/last_folder"


class ReturnExport:
    """Saving the annual return: ``fiscal_year()`` the 年度 chosen on the page, ``parent`` for
    the dialogs, ``settings`` keeps the last folder (shared with the PDF saves)."""

    def __init__(self, context: AppContext, fiscal_year: Callable[[], int | None],
                 parent: QWidget, settings: QSettings) -> None:
        self.context = context
        self.fiscal_year = fiscal_year
        self.parent = parent
        self.settings = settings

    def button(self) -> QPushButton:
        """The page's button (「市へ提出するファイル…」), wired to :meth:`save_dialog`."""
        button = QPushButton(_("File for the city…"), self.parent)
        button.setObjectName("returnButton")
        button.setToolTip(_("Save the sealed annual return of the closed year, to send to the "
                            "city."))
        button.clicked.connect(self.save_dialog)
        return button

    def default_path(self) -> Path:
        """The last folder with 「湯田_R7.kyodo-return」."""
        folder = remembered_folder(self.settings, LAST_FOLDER)
        district = get_profile(self.context.store, self.context.council_id)["district_name"]
        year = wareki.format_fiscal_year(self.fiscal_year(), "short").removesuffix("年度")
        return folder / f"{file_name_part(district or '', 'council')}_{year}.kyodo-return"

    def save_dialog(self) -> Path | None:
        """Ask where, then save; the path written or None."""
        chosen, _filter = QFileDialog.getSaveFileName(
            self.parent, _("Save the annual return for the city"), str(self.default_path()),
            _("Annual returns (*.kyodo-return)"))
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix != ".kyodo-return":
            path = path.with_name(path.name + ".kyodo-return")
        return path if self.save_to(path) else None

    def save_to(self, path: Path) -> bool:
        """Write the return to ``path`` and say so; an error is shown (never a traceback)."""
        try:
            message = export_annual_return(self.context.store, self.context.council_id,
                                           self.fiscal_year(), path)
        except UserError as error:
            show_error(error, self.parent)
            return False
        self.settings.setValue(LAST_FOLDER, str(path.parent))
        QMessageBox.information(self.parent, _("File for the city"), message)
        return True
