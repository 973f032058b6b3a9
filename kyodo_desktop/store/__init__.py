"""SQLite storage through sqlite-utils: connection, migrations, one module per aggregate, checks.

Only ``services`` (and the CLI's maintenance commands) use this package; the UI never does.
"""

from kyodo_desktop.store.database import Store, open_store

__all__ = ["Store", "open_store"]
