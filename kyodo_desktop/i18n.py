"""The project's translation function, backed by compiled gettext catalogs.

Every user-visible string goes through :func:`_` (code) or Qt's translate (``forms/*.ui``, routed
to the same catalog by the UI's translator). Message ids are English; a language's messages are
the union of the babel ``.po`` files in ``resources/locale/<lang>/LC_MESSAGES/`` (one file per
area: ``domain.po``, ``store.po``, ``ui.po`` …, so areas are edited without conflicts).

At run time the app reads one compiled ``.mo`` catalog with the standard library's gettext
(:mod:`kyodo_desktop.i18n_compile` names it after a hash of the ``.po`` files): the wheel and the
frozen app ship it beside the ``.po`` files (compiled by ``hatch_build.py`` / ``build.spec``);
in a source checkout, where ``.po`` files change under development, it is compiled with babel on
first use into the user's cache folder. A catalog is never stale, and installs with different
``.po`` files each keep their own. Japanese is the default.

``tests/test_i18n.py`` extracts every message id from the code and the forms and fails on any
that the Japanese catalog lacks.
"""

from __future__ import annotations

import time
from functools import cache
from pathlib import Path

from kyodo_desktop import APP_NAME
from kyodo_desktop.i18n_compile import DOMAIN, compile_po_files, mo_name, po_files
from kyodo_desktop.resources import resource_path

DEFAULT_LANGUAGE = "ja"
LANGUAGES = ("ja", "en")
#: Compiled catalogs in the user's cache not used for this long are removed.
CACHE_DAYS = 30
_current = DEFAULT_LANGUAGE


@cache
def catalog(language: str) -> dict[str, str]:
    """Return ``{msgid: msgstr}`` of a language's catalog; untranslated entries are left out.

    An unknown language yields an empty catalog (messages show in English).
    """
    path = compiled_catalog(language)
    return {} if path is None else _read_mo(path)


def compiled_catalog(language: str) -> Path | None:
    """The ``.mo`` file of ``language``: the one shipped beside the ``.po`` files when it matches
    them, else the one in the user's cache folder (compiled now if missing); None when the
    language has no catalog. Raises OSError when a catalog must be compiled and neither the cache
    folder nor the temporary folder can be written."""
    folder = resource_path("locale", language, "LC_MESSAGES")
    files = po_files(folder)
    if not files:  # a build that ships the compiled catalog alone
        shipped = sorted(folder.glob(f"{DOMAIN}-*.mo")) if folder.is_dir() else []
        return shipped[0] if shipped else None
    name = mo_name(files)
    shipped = folder / name
    if shipped.is_file():
        return shipped
    for place in (_cache_dir, _temporary_dir):
        cached = place() / language / name
        if cached.is_file():
            return cached
        try:
            compile_po_files(files, language, cached)
        except OSError:  # a cache folder that cannot be written: try the next one
            continue
        _prune(cached)
        return cached
    raise OSError(f"no writable folder for the compiled catalog {name}")


def _read_mo(path: Path) -> dict[str, str]:
    from gettext import GNUTranslations

    with path.open("rb") as handle:
        translations = GNUTranslations(handle)
    # gettext keeps the parsed messages in ``_catalog``; "" is the header, tuples are plurals
    return {msgid: text for msgid, text in translations._catalog.items()
            if isinstance(msgid, str) and msgid}


def _temporary_dir() -> Path:
    import tempfile

    return Path(tempfile.gettempdir()) / f"{APP_NAME}-locale"


def _cache_dir() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False) / "locale"


def _prune(keep: Path) -> None:
    """Best effort: remove compiled catalogs of the same language made more than
    :data:`CACHE_DAYS` days ago (another install's recent catalog stays, so installs sharing the
    cache never undo each other's work)."""
    limit = time.time() - CACHE_DAYS * 86400
    for old in keep.parent.glob("*.mo"):
        try:
            if old != keep and old.stat().st_mtime < limit:
                old.unlink()
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
