"""The import and export kinds (``kyodo-desktop import KIND FILE`` / ``export KIND -o FILE``).

A module in this package declares them with module-level ``IMPORTS: list[ImportKind]`` and/or
``EXPORTS: list[ExportKind]``; :func:`import_kinds` / :func:`export_kinds` find them all.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ImportKind:
    """``name`` the CLI word (``organizations``, ``cash-book``), ``title`` an English msgid,
    ``run(store, council_id, fiscal_year, path, *, dry_run, skip_bad_rows, options) -> str``
    previews (and unless ``dry_run`` writes) and returns a Japanese summary; it raises UserError
    and writes nothing when any row is bad unless ``skip_bad_rows``. ``options`` extra CLI
    options as ``(flag, kwargs)`` pairs."""

    name: str
    title: str
    run: Callable
    needs_fiscal_year: bool = False
    options: tuple = ()


@dataclass(frozen=True)
class ExportKind:
    """``run(store, council_id, fiscal_year, path, options) -> str`` writes the file (.xlsx) and
    returns a Japanese summary; ``scope`` "council" or "city" (from a city file, ``council_id``
    None); ``personal_data(store, council_id, fiscal_year, options) -> int`` how many people's
    contacts the file holds (None: never any) — such an export asks to whom and why and is
    recorded as a 提供記録 (services/privacy/provisions.py, 個人情報保護法 第29条)."""

    name: str
    title: str
    run: Callable
    needs_fiscal_year: bool = True
    options: tuple = ()
    scope: str = "council"
    personal_data: Callable | None = None


def _collect(attribute: str) -> dict:
    import kyodo_desktop.io as package

    kinds: dict = {}
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for kind in getattr(module, attribute, ()):
            if kind.name in kinds:
                raise RuntimeError(f"{attribute} kind defined twice: {kind.name}")
            kinds[kind.name] = kind
    return kinds


def import_kinds() -> dict[str, ImportKind]:
    """Every ImportKind by name."""
    return _collect("IMPORTS")


def export_kinds() -> dict[str, ExportKind]:
    """Every ExportKind by name."""
    return _collect("EXPORTS")
