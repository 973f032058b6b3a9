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

from functools import cache

from kyodo_desktop.resources import resource_path

DEFAULT_LANGUAGE = "ja"
LANGUAGES = ("ja", "en")
_current = DEFAULT_LANGUAGE


@cache
def catalog(language: str) -> dict[str, str]:
    """Return ``{msgid: msgstr}`` of a language's catalog; untranslated entries are left out.

    An unknown language yields an empty catalog (messages show in English).
    """
    folder = resource_path("locale", language, "LC_MESSAGES")
    if not folder.is_dir():
        return {}
    from babel.messages.pofile import read_po

    merged: dict[str, str] = {}
    for path in sorted(folder.glob("*.po")):
        with path.open("rb") as handle:
            parsed = read_po(handle, locale=language)
        merged.update(
            (message.id, message.string)
            for message in parsed
            if message.id and isinstance(message.id, str) and message.string and not message.fuzzy
        )
    return merged


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
