"""Start-up steps of data safety and 設定, called from :mod:`kyodo_desktop.ui.app`: private file
modes, the chosen language and text size, the default data file in the chosen data folder, and
the offer of the newest good backup when the data file is damaged."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from kyodo_desktop import fileops, i18n
from kyodo_desktop.errors import UserError
from kyodo_desktop.services.backup import automatic as backups
from kyodo_desktop.services.backup.automatic import (
    DatabaseCorrupt,
    NotAKyodoDatabase,
    make_private,
    restrict_new_files,
)
from kyodo_desktop.services.backup.datafile import Store, StoreError, open_data_file
from kyodo_desktop.services.settings import Settings, load_settings
from kyodo_desktop.ui.shell.props import get_property
from kyodo_desktop.ui.shell.text_scale import rescale_style_sheets

log = logging.getLogger(__name__)
_BASE_SIZE = "kyodo_base_point_size"


def prepare_start() -> Settings:
    """Before the QApplication: owner-only files from now on, leftover temporary copies
    removed, the 設定, the chosen language."""
    restrict_new_files()
    fileops.clean_leftovers()  # temporary copies a killed earlier run left behind
    settings = load_settings()
    i18n.set_language(settings.language)
    return settings


def apply_text_scale(app: QApplication, scale: float) -> float:
    """Scale the whole UI's font to ``scale`` × the size chosen at start-up (large-text mode for
    elderly users); live, every widget without its own font follows. Returns the point size."""
    base = get_property(app, _BASE_SIZE)
    if not base:
        base = app.font().pointSizeF()
        app.setProperty(_BASE_SIZE, base)
    font = QFont(app.font())
    size = round(float(base) * scale, 1)
    font.setPointSizeF(size)
    app.setFont(font)
    rescale_style_sheets(app, scale)  # headings in sheets grow too; sheets re-polished
    return size


def open_offering_backup(path: Path, settings: Settings, parent=None, *,
                         check: bool = True) -> Store | None:
    """Open ``path``; when it is damaged and a good backup exists, offer to restore the newest.

    ``check=False`` leaves ``quick_check`` to the window's checks after its first paint (which
    make the same offer); damage found while opening is handled here all the same.
    Returns the open Store, or None to let the usual opening dialog explain the problem.
    """
    try:
        store = open_data_file(path, check=check)
    except (DatabaseCorrupt, NotAKyodoDatabase) as error:
        from kyodo_desktop.ui.backup.dialogs import offer_newest_backup

        entry = backups.newest_good_backup(path, settings)
        if entry is None or not offer_newest_backup(parent, error.message, entry):
            return None
        try:
            backups.restore(path, entry.path, settings)
            store = open_data_file(path)
        except (UserError, StoreError) as failure:
            log.warning("restoring %s failed: %s", entry.path, failure)
            return None
    except UserError:  # StoreError, a network or synced place …: open_or_ask explains
        return None
    make_private(store.path)
    return store
