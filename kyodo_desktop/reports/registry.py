"""The printable kinds (``kyodo-desktop report KIND`` and the 帳票印刷 page).

A report module in this package declares what it prints by defining a module-level
``REPORTS: list[ReportKind]``; :func:`report_kinds` finds them all (importing the report modules
only when asked, so start-up stays light). Add a form = add a module; nothing else to edit.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ReportRequest:
    """What to print: the council (None for a city kind), the 年度 (None for kinds that do not need one), a draft flag
    (prints 「未確定」 instead of refusing when a prerequisite is missing) and kind-specific
    ``options`` (e.g. ``{"edition": "public", "large_print": True}``)."""

    council_id: int | None
    fiscal_year: int | None = None
    draft: bool = False
    options: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ReportKind:
    """One printable kind. ``name`` is the CLI word (``application``), ``title`` an English
    msgid of its Japanese title, ``build(store, request) -> bytes`` makes the PDF (raising
    UserError naming a missing prerequisite), ``needs_fiscal_year`` whether ``--fiscal-year`` is
    required, ``options`` extra CLI options as ``(flag, kwargs)`` pairs for argparse,
    ``needs_data_file`` False for a kind that prints without a data file (the user guide);
    ``scope`` "council" (a council's form: ``--council``, the 帳票印刷 page) or "city" (prints
    from a city file; ``council_id`` is None); ``personal_data(store, request) -> int`` how
    many people's personal data (phone, address …) the print holds (None: never any) — such a
    print asks to whom and why and is recorded as a 提供記録 (services/privacy/provisions.py,
    個人情報保護法 第29条)."""

    name: str
    title: str
    build: Callable
    needs_fiscal_year: bool = True
    options: tuple = ()
    order: int = 100
    needs_data_file: bool = True
    scope: str = "council"
    personal_data: Callable | None = None


def report_kinds() -> dict[str, ReportKind]:
    """Every ReportKind of every module in ``kyodo_desktop.reports``, by name, in ``order``."""
    import kyodo_desktop.reports as package

    found: list[ReportKind] = []
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        found.extend(getattr(module, "REPORTS", ()))
    kinds: dict[str, ReportKind] = {}
    for kind in sorted(found, key=lambda k: (k.order, k.name)):
        if kind.name in kinds:
            raise RuntimeError(f"report kind defined twice: {kind.name}")
        kinds[kind.name] = kind
    return kinds
