"""``kyodo-desktop check``: every consistency check of a data file, store and accounting.

The store's checks (:mod:`kyodo_desktop.store.check`: SQLite, records, change log) run with the
accounting checks of :mod:`kyodo_desktop.services.accounting.file_checks`, which read their
figures (残高, 交付済額) from :mod:`kyodo_desktop.services.accounting.figures`.
"""

from __future__ import annotations

from collections.abc import Iterable

from kyodo_desktop.services.accounting import file_checks
from kyodo_desktop.store import Store
from kyodo_desktop.store import check as store_check
from kyodo_desktop.store.check import Check, Problem


def all_checks() -> list[Check]:
    """Every check of a data file in order: the store's, then the accounting ones, then the
    change log's."""
    return [*store_check.CHECKS, *file_checks.CHECKS, store_check.check_audit_log]


def run_checks(store: Store, checks: Iterable[Check] | None = None) -> list[Problem]:
    """Run ``checks`` (default :func:`all_checks`) on an open store; every problem found (an
    empty list: the file is consistent). See :func:`kyodo_desktop.store.check.run_checks`."""
    return store_check.run_checks(store, all_checks() if checks is None else checks)
