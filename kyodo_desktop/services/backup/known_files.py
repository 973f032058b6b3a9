"""The file id of each data file this PC has backed up, by its path (``known-files.json`` in the
settings folder), so that when a data file is damaged and its id cannot be read, its own backups
are still told from those of another file of the same name (the start-up offer must never
propose another file's backup)."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from kyodo_desktop import fileops
from kyodo_desktop.errors import UserError
from kyodo_desktop.services.settings import config_dir

KNOWN_NAME = "known-files.json"
MAX_KNOWN = 200


def _path() -> Path:
    return config_dir() / KNOWN_NAME


def _read() -> dict[str, str]:
    try:
        data = json.loads(_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _key(path: Path | str) -> str:
    return str(Path(path).expanduser().resolve())


def remember(path: Path | str, file_id: str) -> None:
    """Record that the data file at ``path`` has the id ``file_id`` (never raises)."""
    known = _read()
    key = _key(path)
    if known.get(key) == file_id:
        return
    known.pop(key, None)
    known[key] = file_id
    text = json.dumps(dict(list(known.items())[-MAX_KNOWN:]), ensure_ascii=False, indent=1)
    with contextlib.suppress(UserError, OSError):
        _path().parent.mkdir(parents=True, exist_ok=True)
        fileops.write_bytes(_path(), text.encode("utf-8"))


def remembered(path: Path | str) -> str | None:
    """The id last recorded for the data file at ``path`` (None when never recorded)."""
    return _read().get(_key(path))
