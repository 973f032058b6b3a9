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

Each name below is imported from its submodule when first used (PEP 562): the window's start
needs only :func:`restrict_new_files`, and the other submodules' regular expressions, ``tempfile``
and ``secrets`` would cost it more than a bare window's whole start (bench/startup.py).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

#: Public name → the submodule that defines it.
_SUBMODULE_OF = {
    **dict.fromkeys(("APPLICATION_ID", "atomic_output", "check_output", "is_kyodo_file",
                     "is_sqlite_file", "write_bytes", "write_with"), "outputs"),
    **dict.fromkeys(("Place", "UnsafePlace", "is_removable", "place_of", "refuse_live_place"),
                    "places"),
    **dict.fromkeys(("PRIVATE_MODE", "create_private", "make_private", "restrict_new_files",
                     "sync_folder"), "private"),
    **dict.fromkeys(("FileBusy", "replace", "retrying", "rmtree", "unlink"), "retry"),
    **dict.fromkeys(("clean_leftovers", "temp_root", "temporary_folder"), "temporary"),
}

_SUBMODULES = frozenset({*_SUBMODULE_OF.values(), "locks"})
__all__ = sorted(_SUBMODULE_OF)


def __getattr__(name: str):
    """Import the submodule defining ``name`` (or named ``name``) and return the name's value
    (then cached in this module)."""
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    submodule = _SUBMODULE_OF.get(name)
    if submodule is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{submodule}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_SUBMODULE_OF, *_SUBMODULES})


if TYPE_CHECKING:  # for readers and type checkers: the same names, imported eagerly
    from kyodo_desktop.fileops.outputs import (  # noqa: F401
        APPLICATION_ID,
        atomic_output,
        check_output,
        is_kyodo_file,
        is_sqlite_file,
        write_bytes,
        write_with,
    )
    from kyodo_desktop.fileops.places import (  # noqa: F401
        Place,
        UnsafePlace,
        is_removable,
        place_of,
        refuse_live_place,
    )
    from kyodo_desktop.fileops.private import (  # noqa: F401
        PRIVATE_MODE,
        create_private,
        make_private,
        restrict_new_files,
        sync_folder,
    )
    from kyodo_desktop.fileops.retry import FileBusy, replace, retrying, rmtree, unlink  # noqa: F401
    from kyodo_desktop.fileops.temporary import (  # noqa: F401
        clean_leftovers,
        temp_root,
        temporary_folder,
    )
