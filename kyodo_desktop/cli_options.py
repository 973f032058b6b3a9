"""Options shared by the CLI's subcommands: ``--db``, ``--council``, ``--fiscal-year``.

A subcommand adds the options it needs in its ``add_arguments`` and resolves them in its ``run``::

    def _add_report_arguments(parser):
        cli_options.add_council_option(parser)
        cli_options.add_fiscal_year_option(parser)

    def _run_report(args):
        year = cli_options.fiscal_year_from(args)            # 2026 from "2026" or "R8"
        with cli_options.open_db(args) as store:
            council = cli_options.council_from(store, args)  # dict of services.councils
            ...

Resolution errors are :class:`~kyodo_desktop.errors.UserError` (printed as 「エラー: …」, exit 2).
Kept import-light: the store, services and domain are imported when an option is resolved.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _

if TYPE_CHECKING:
    from kyodo_desktop.store import Store


def add_db_option(parser: argparse.ArgumentParser, *, main: bool = False) -> None:
    """Add ``--db PATH``. On a subcommand it keeps a ``--db`` given before the command name."""
    parser.add_argument(
        "--db", metavar=_("PATH"), default=None if main else argparse.SUPPRESS,
        help=_("The data file (.sqlite3) to use."))


def add_council_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--council ID_OR_NAME`` (resolve with :func:`council_from`)."""
    parser.add_argument(
        "--council", metavar=_("COUNCIL"),
        help=_("The council: its number (see the councils command) or its name. "
               "Not needed when the file holds only one council."))


def add_fiscal_year_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--fiscal-year YEAR`` (resolve with :func:`fiscal_year_from`)."""
    parser.add_argument(
        "--fiscal-year", metavar=_("YEAR"),
        help=_("The fiscal year, for example 2026 or R8 (both mean 令和8年度)."))


def db_path_from(args: argparse.Namespace, *, must_exist: bool = True) -> Path:
    """The absolute path given with ``--db``.

    Raises UserError when ``--db`` is missing, or when ``must_exist`` and there is no such file.
    """
    if not getattr(args, "db", None):
        raise UserError(_("This command needs a data file: add --db PATH "
                          "(for example --db kyodo.sqlite3)."))
    path = Path(args.db).expanduser().resolve()
    if must_exist and not path.exists():
        raise UserError(_("The data file {path} does not exist.").format(path=path))
    return path


def open_db(args: argparse.Namespace, *, must_exist: bool = True, lock: bool = True,
            migrate: bool = True, values: bool = True, schema: bool = True) -> Store:
    """Open the data file of ``--db`` (see :func:`kyodo_desktop.store.open_store`).

    A file that is used, not only checked (``lock`` or ``migrate``), must be on this PC's own
    disk: on a network drive, in a synced folder or on a removable drive it is refused.
    ``values``/``schema`` False: the value rules / schema comparison are left to the caller
    (``check``). Raises UserError (a StoreError when the file is locked, foreign, corrupt or too
    new; UnsafePlace for its place).
    """
    from kyodo_desktop import fileops
    from kyodo_desktop.store import open_store

    path = db_path_from(args, must_exist=must_exist)
    if lock or migrate:
        fileops.refuse_live_place(path)
    return open_store(path, lock=lock, migrate=migrate, values=values, schema=schema)


def council_from(store: Store, args: argparse.Namespace) -> dict:
    """The council of ``--council`` (a dict of :func:`services.councils.list_councils`).

    Without ``--council``, the only council of the file. Raises UserError otherwise.
    """
    from kyodo_desktop.services.council.councils import (
        describe_councils,
        find_council,
        list_councils,
    )

    ref = getattr(args, "council", None)
    if ref is not None:
        return find_council(store, ref)
    councils = list_councils(store)
    if len(councils) == 1:
        return councils[0]
    if not councils:
        raise UserError(_("This data file holds no council yet."))
    raise UserError(_("Choose the council with --council (its number or name): {names}")
                    .format(names=describe_councils(councils)))


def fiscal_year_from(args: argparse.Namespace, *, default: int | None = None) -> int:
    """The 年度 of ``--fiscal-year`` as an int (2026 = 令和8年度), or ``default`` when absent.

    Raises ValidationError for text that is not a fiscal year, UserError when it is missing and
    there is no default.
    """
    text = getattr(args, "fiscal_year", None)
    if text is None:
        if default is not None:
            return default
        raise UserError(_("Give the fiscal year with --fiscal-year (for example 2026 or R8)."))
    from kyodo_desktop.domain.wareki import parse_fiscal_year

    return parse_fiscal_year(text)
