"""Opening the data file at start-up, called from :mod:`kyodo_desktop.ui.app` once the window is on
the screen: the default data file in the chosen data folder, and the offer of the newest good
backup when the data file is damaged."""

from __future__ import annotations

import logging
from pathlib import Path

from kyodo_desktop.errors import UserError
from kyodo_desktop.services.backup import automatic as backups
from kyodo_desktop.services.backup.automatic import (
    DatabaseCorrupt,
    NotAKyodoDatabase,
    make_private,
)
from kyodo_desktop.services.backup.datafile import Store, StoreError, open_data_file
from kyodo_desktop.services.settings import Settings

log = logging.getLogger(__name__)


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
