"""The project's translation function, backed by babel catalogs.

Every user-visible string goes through :func:`_` (code) or Qt's translate (``forms/*.ui``, routed
to the same catalog by the UI's translator). Message ids are English; a language's catalog is the
union of the babel ``.po`` files in ``resources/locale/<lang>/LC_MESSAGES/`` (one file per area:
``domain.po``, ``store.po``, ``ui.po`` …, so areas are edited without conflicts). They are read
with babel at start-up, so there is no compiled .mo to keep in sync. Japanese is the default.

``tests/test_i18n.py`` extracts every message id from the code and the forms and fails on any
that the Japanese catalog lacks.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from pathlib import Path

from kyodo_desktop import APP_NAME
from kyodo_desktop.resources import resource_path

DEFAULT_LANGUAGE = "ja"
LANGUAGES = ("ja", "en")
_current = DEFAULT_LANGUAGE


@cache
def catalog(language: str) -> dict[str, str]:
    """Return ``{msgid: msgstr}`` of a language's catalog; untranslated entries are left out.

    An unknown language yields an empty catalog (messages show in English). The merged catalog is
    cached as JSON in the user's cache folder, keyed by the .po files' names, sizes and times, so
    start-up reads the .po files with babel only after they change.
    """
    folder = resource_path("locale", language, "LC_MESSAGES")
    if not folder.is_dir():
        return {}
    files = sorted(folder.glob("*.po"))
    signature = hashlib.sha256(repr([
        (p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in files]).encode()).hexdigest()
    cached = _read_cache(language, signature)
    if cached is not None:
        return cached
    merged = _read_po_files(files, language)
    _write_cache(language, signature, merged)
    return merged


def _read_po_files(files: list[Path], language: str) -> dict[str, str]:
    from babel.messages.pofile import read_po

    merged: dict[str, str] = {}
    for path in files:
        with path.open("rb") as handle:
            parsed = read_po(handle, locale=language)
        merged.update(
            (message.id, message.string)
            for message in parsed
            if message.id and isinstance(message.id, str) and message.string and not message.fuzzy
        )
    return merged


def _cache_file(language: str) -> Path:
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False) / f"catalog-{language}.json"


def _read_cache(language: str, signature: str) -> dict[str, str] | None:
    try:
        data = json.loads(_cache_file(language).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("signature") != signature:
        return None
    messages = data.get("messages")
    return messages if isinstance(messages, dict) else None


def _write_cache(language: str, signature: str, messages: dict[str, str]) -> None:
    """Best effort: a cache that cannot be written only costs start-up time."""
    path = _cache_file(language)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps({"signature": signature, "messages": messages},
                                        ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        pass


def set_language(language: str) -> None:
    """Choose the UI language (``"ja"`` or ``"en"``). Raises ValueError for another code."""
    global _current
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language: {language!r}")
    _current = language


def current_language() -> str:
    """The language chosen by :func:`set_language` (default ``"ja"``)."""
    return _current


def _(message: str) -> str:
    """Translate an English message id into the current language (falls back to the id)."""
    return catalog(_current).get(message, message)


def N_(message: str) -> str:
    """Mark a message for extraction without translating it now (translate at display time)."""
    return message
