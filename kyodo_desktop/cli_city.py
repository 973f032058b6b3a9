"""The ``city`` subcommand: the city's data file of the councils' 年度報告.

``kyodo-desktop city import-return FILE… --db city.sqlite3 [--replace] [--preset CODE]`` verifies each return
(:mod:`kyodo_desktop.services.city.return_reader`) and adds it to the city file (created when
missing); a refused return is printed with its reason (「エラー: …」) and the others still go in.
Exit 0 when every file went in, 2 when any was refused.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kyodo_desktop import cli_options
from kyodo_desktop.cli import EXIT_ERROR, EXIT_OK, Command, register
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import N_, _


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("import-return",), metavar=_("ACTION"),
                        help=_("import-return: add annual returns to the city file."))
    parser.add_argument("files", nargs="+", metavar=_("FILE"),
                        help=_("The annual return files (.kyodo-return)."))
    cli_options.add_db_option(parser)
    parser.add_argument("--replace", action="store_true",
                        help=_("Let a newer return replace the one already in the file for the "
                               "same district and year (the older one is kept in the history)."))
    parser.add_argument("--preset", metavar=_("CODE"),
                        help=_("The city settings the city file uses (resources/presets; they "
                               "choose the columns of the table of all councils). Default: "
                               "the one set before, else yamaguchi."))


def _run(args: argparse.Namespace) -> int:
    from kyodo_desktop.domain import wareki
    from kyodo_desktop.fileops.outputs import shown_name
    from kyodo_desktop.services.city import city_file
    from kyodo_desktop.services.city.return_reader import read_return

    refused = 0
    with cli_options.open_db(args, must_exist=False) as store:
        city_file.make_city_file(store, args.preset)
        for name in args.files:
            try:
                added = city_file.import_return(store, read_return(Path(name).expanduser()),
                                                replace=args.replace)
            except UserError as error:
                refused += 1
                print(_("Error: {message}").format(message=shown_name(f"{Path(name).name}: {error}")),
                      file=sys.stderr)
                continue
            what = _("{district} {fiscal_year}").format(
                district=added.district, fiscal_year=wareki.format_fiscal_year(added.fiscal_year))
            print(_("Imported the return of {what}.").format(what=what) if added.replaced_id
                  is None else _("Imported the return of {what}; it replaces the earlier one "
                                 "(kept in the history).").format(what=what))
    return EXIT_ERROR if refused else EXIT_OK


register(Command("city", N_("The city's file of the councils' annual returns "
                            "(import-return)."), _add_arguments, _run))
