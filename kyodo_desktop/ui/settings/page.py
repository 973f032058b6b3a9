"""The 設定 page: data folder, backups (count and folder), language, text size (large-text mode
for elderly users, applied at once to the whole window) and the default city preset.

The widgets come from ``forms/settings_page.ui``. 保存 validates and writes the settings
(:mod:`kyodo_desktop.services.settings`) and tells the window through ``context.notify`` with
``Changes.of(SETTINGS)``; the window's data-safety part then moves the data file when its folder
changed (:mod:`kyodo_desktop.ui.backup.actions`).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop import paths
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _, current_language
from kyodo_desktop.services import settings as app_settings
from kyodo_desktop.services.backup import automatic as backups
from kyodo_desktop.services.changes import SETTINGS, Changes
from kyodo_desktop.services.council.presets import list_presets
from kyodo_desktop.ui.backup.dialogs import when_text
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.forms import load_form
from kyodo_desktop.ui.shell.text_scale import apply_text_scale, set_scaled_style_sheet

STYLE = """
QLabel#titleLabel { font-size: 16pt; font-weight: bold; }
QLabel[role="error"] { color: #c62828; }
QLabel[role="done"] { color: #2e7d32; }
"""


class SettingsPage(QWidget):
    """The 設定 area. ``settings_path`` (tests) replaces the user's settings file."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, *,
                 settings_path: Path | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.settings_path = settings_path
        self.form = load_form("settings_page", self)
        set_scaled_style_sheet(self.form, STYLE)  # the heading grows with the text size
        self.open_file = QLabel(_("Data file open now: {path}").format(
            path=context.store.path), self.form, objectName="openFileLabel", wordWrap=True)
        self.open_file.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.layout().insertWidget(1, self.open_file)  # under the page's heading
        scroll = QScrollArea(self)  # large text on a small screen scrolls instead of clipping
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        find = self.form.findChild
        self.data_folder = find(QLineEdit, "dataFolderEdit")
        self.backup_count = find(QSpinBox, "backupCountSpin")
        self.backup_folder = find(QLineEdit, "backupFolderEdit")
        self.backup_status = find(QLabel, "backupStatusLabel")
        self.language = find(QComboBox, "languageCombo")
        self.text_size = find(QComboBox, "textSizeCombo")
        self.preset = find(QComboBox, "presetCombo")
        self.message = find(QLabel, "messageLabel")
        self.save_button = find(QPushButton, "saveButton")
        for code, name in app_settings.LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        for code, (label, _scale) in app_settings.TEXT_SIZES.items():
            self.text_size.addItem(_(label), code)
        for preset in list_presets():
            self.preset.addItem(preset["city"], preset["code"])
        find(QPushButton, "dataFolderButton").clicked.connect(
            lambda: self._choose_folder(self.data_folder, _("Choose the data folder")))
        find(QPushButton, "backupFolderButton").clicked.connect(
            lambda: self._choose_folder(self.backup_folder, _("Choose the backup folder")))
        find(QPushButton, "backupFolderDefaultButton").clicked.connect(self._default_backups)
        find(QPushButton, "revertButton").clicked.connect(self.load)
        self.save_button.clicked.connect(self.save)
        self.context.changed.connect(lambda _changes: self._show_backup_status())
        self.load()

    # reading and showing --------------------------------------------------------------------------

    def current(self) -> app_settings.Settings:
        """The settings as saved now."""
        return app_settings.load_settings(self.settings_path)

    def load(self) -> None:
        """Show the saved settings (元に戻す)."""
        saved = self.current()
        self.data_folder.setText(str(saved.data_dir()))
        self.backup_count.setValue(saved.backup_count)
        self.backup_folder.setText(saved.backup_folder)
        self.backup_folder.setPlaceholderText(str(saved.backup_dir(self.context.store.path)))
        for combo, value in ((self.language, saved.language), (self.text_size, saved.text_size),
                             (self.preset, saved.default_city_preset)):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self._say("")
        self._show_backup_status()

    def _show_backup_status(self) -> None:
        status = backups.backup_status(self.context.store, self.current())
        auto = when_text(status.last_auto) if status.last_auto else _("none yet")
        external = when_text(status.last_external) if status.last_external else _("none yet")
        self.backup_status.setText(_("Last automatic backup: {auto}\nLast backup to a USB stick "
                                     "or folder: {external}").format(auto=auto, external=external))

    def _say(self, text: str, role: str = "done") -> None:
        self.message.setText(text)
        self.message.setProperty("role", role)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def _choose_folder(self, edit: QLineEdit, title: str) -> None:
        start = edit.text() or edit.placeholderText()
        chosen = QFileDialog.getExistingDirectory(self, title, start)
        if chosen:
            edit.setText(chosen)

    def _default_backups(self) -> None:
        self.backup_folder.clear()

    # saving ---------------------------------------------------------------------------------------

    def edited(self) -> app_settings.Settings:
        """The settings as the widgets show them (not validated)."""
        data = self.data_folder.text().strip()
        if data and Path(data).expanduser().resolve() == paths.data_dir().resolve():
            data = ""  # the platform's folder: keep following it
        return replace(self.current(), data_folder=data,
                       backup_count=self.backup_count.value(),
                       backup_folder=self.backup_folder.text().strip(),
                       language=self.language.currentData(), text_size=self.text_size.currentData(),
                       default_city_preset=self.preset.currentData())

    def save(self) -> bool:
        """Validate and save; apply the text size now. True when saved (else a red message)."""
        before, wanted = self.current(), self.edited()
        try:
            for folder in (wanted.data_folder, wanted.backup_folder):
                if folder:
                    app_settings.check_folder(folder)
            app_settings.save_settings(wanted, self.settings_path)
        except UserError as error:
            self._say(error.message, "error")
            return False
        app = QApplication.instance()
        if app is not None and wanted.text_size != before.text_size:
            apply_text_scale(app, wanted.text_scale)
        message = _("The settings were saved.")
        if wanted.language != current_language():
            message += " " + _("The new language is used after the app is restarted.")
        self._say(message)
        self.context.notify(Changes.of(SETTINGS))
        return True
