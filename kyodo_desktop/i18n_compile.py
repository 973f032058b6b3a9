"""Compile a language's ``.po`` files (one per area) into one gettext ``.mo`` catalog.

Used at build time (``hatch_build.py`` for the wheel, ``build.spec`` for the frozen app) and, in a
source checkout, on demand by :mod:`kyodo_desktop.i18n`. The compiled file is named after a hash
of the ``.po`` files' names and contents (:func:`mo_name`), so a catalog is never stale and two
installs with different ``.po`` files never overwrite each other's compiled catalog.

Standalone on purpose (standard library and babel only, no ``kyodo_desktop`` import): the build
hooks load this file by its path before the package is installed.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

DOMAIN = "kyodo_desktop"


def po_files(folder: Path) -> list[Path]:
    """The ``.po`` files of one language's ``LC_MESSAGES`` folder, in merge order (by name; a
    message in a later file wins)."""
    return sorted(Path(folder).glob("*.po")) if Path(folder).is_dir() else []


def mo_name(files: list[Path]) -> str:
    """``kyodo_desktop-<16 hex digits>.mo``: the digits hash the files' names and contents."""
    digest = hashlib.sha256()
    for path in files:
        data = path.read_bytes()
        digest.update(f"{path.name}\0{len(data)}\0".encode())
        digest.update(data)
    return f"{DOMAIN}-{digest.hexdigest()[:16]}.mo"


def compile_po_files(files: list[Path], language: str, target: Path) -> Path:
    """Merge ``files`` into one catalog and write it as a ``.mo`` file at ``target`` (atomically:
    a reader never sees half a file). Fuzzy and untranslated entries are left out, as gettext
    would. Returns ``target``. Raises OSError when ``target`` cannot be written and babel's
    errors for a broken ``.po`` file.
    """
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    merged = Catalog(locale=language, domain=DOMAIN, fuzzy=False)
    for path in files:
        with path.open("rb") as handle:
            for message in read_po(handle, locale=language):
                if message.id and isinstance(message.id, str) and message.string \
                        and not message.fuzzy:
                    if message.id in merged:  # a later file wins (babel would keep the first)
                        del merged[message.id]
                    merged[message.id] = message
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("wb") as handle:
            write_mo(handle, merged)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return target


def compile_locales(locale_root: Path, out_root: Path) -> list[tuple[Path, str]]:
    """Compile every language under ``locale_root`` (``<lang>/LC_MESSAGES/*.po``) into
    ``out_root``; return ``(compiled file, its path relative to locale_root)`` pairs, for the
    build hooks to place the files beside their ``.po`` files."""
    compiled = []
    for language_dir in sorted(p for p in Path(locale_root).iterdir() if p.is_dir()):
        files = po_files(language_dir / "LC_MESSAGES")
        if not files:
            continue
        relative = f"{language_dir.name}/LC_MESSAGES/{mo_name(files)}"
        target = compile_po_files(files, language_dir.name, Path(out_root) / relative)
        compiled.append((target, relative))
    return compiled
