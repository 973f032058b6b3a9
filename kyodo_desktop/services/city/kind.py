"""Whether an open data file is a city file (``settings`` scope ``file``, key ``kind`` =
``city``; see :mod:`.city_file`). Kept free of heavy imports: the window asks it at start-up."""

from __future__ import annotations

from kyodo_desktop.store import Store

KIND_SCOPE, KIND_KEY, CITY = "file", "kind", "city"
#: The ``settings`` key (scope ``file``) of the city preset a city file uses.
PRESET_KEY = "city_preset"


def is_city_file(store: Store) -> bool:
    """Whether the open file is a city file."""
    return store.scalar("SELECT value FROM settings WHERE scope = ? AND key = ?",
                        (KIND_SCOPE, KIND_KEY)) == CITY
