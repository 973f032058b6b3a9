"""File operations of the whole app, in one place below every layer (store, services, io, reports
and ui all use it; it imports only :mod:`kyodo_desktop.errors` and :mod:`kyodo_desktop.i18n`):

* :mod:`.retry` — replace, unlink, rmtree retried while Windows holds a file (antivirus,
  OneDrive, another window), then a :class:`FileBusy` naming the file;
* :mod:`.outputs` — every file written for a user: refuses the open data file, databases,
  backups and their working files; writes atomically (temporary file, fsync, rename), owner-only;
* :mod:`.private` — owner-only modes (``0600``) and ``umask``;
* :mod:`.temporary` — the app's one temporary folder, cleaned at every start;
* :mod:`.places` — network drives, synced and removable folders, where the live data file must
  not be.
"""

from kyodo_desktop.fileops.outputs import (
    APPLICATION_ID,
    atomic_output,
    check_output,
    is_kyodo_file,
    is_sqlite_file,
    write_bytes,
    write_with,
)
from kyodo_desktop.fileops.places import (
    Place,
    UnsafePlace,
    is_removable,
    place_of,
    refuse_live_place,
)
from kyodo_desktop.fileops.private import (
    PRIVATE_MODE,
    create_private,
    make_private,
    restrict_new_files,
    sync_folder,
)
from kyodo_desktop.fileops.retry import FileBusy, replace, retrying, rmtree, unlink
from kyodo_desktop.fileops.temporary import clean_leftovers, temp_root, temporary_folder

__all__ = [
    "APPLICATION_ID", "PRIVATE_MODE", "FileBusy", "Place", "UnsafePlace", "atomic_output",
    "check_output", "is_removable", "place_of", "refuse_live_place",
    "clean_leftovers", "create_private", "is_kyodo_file", "is_sqlite_file", "make_private",
    "replace", "restrict_new_files", "retrying", "rmtree", "sync_folder", "temp_root",
    "temporary_folder", "unlink", "write_bytes", "write_with",
]
