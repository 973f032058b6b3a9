"""The ``city`` subcommand: the city's data file of the councils' 年度報告.

``kyodo-desktop city import-return FILE… --db city.sqlite3 [--replace] [--new-district NAME]
[--preset CODE]`` verifies each return (:mod:`kyodo_desktop.services.city.return_reader`) and
adds it to the city file (created when missing); a refused return is printed with its reason
(「エラー: …」) and the others still go in. Exit 0 when every file went in, 2 when any was
refused. A return is taken only for a 地域 registered in the city file (``city add-district
NAME…``) or named on purpose with ``--new-district NAME`` (a seal is a checksum, not a
signature: README, 「市の年度報告ファイル」).

``city withdraw-return --district NAME --fiscal-year Y --db city.sqlite3`` takes that 地域's
return of the 年度 out of the city's table; it stays in the file with the time it was withdrawn
and is listed as such (``city list``, the city page, ``report city-summary``).
``city list [--fiscal-year Y]`` prints the registered 地域 and each 年度's returns in force,
withdrawn and replaced.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kyodo_desktop import cli_options
from kyodo_desktop.cli import EXIT_ERROR, EXIT_OK, Command, register
from kyodo_desktop.domain.text import normalize
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import N_, _

ACTIONS = ("import-return", "add-district", "withdraw-return", "list")


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=ACTIONS, metavar=_("ACTION"),
                        help=_("import-return: add annual returns to the city file; "
                               "add-district: register districts whose returns the city takes; "
                               "withdraw-return: take a district's return of a year out of the "
                               "city's table (kept, marked as withdrawn); list: the registered "
                               "districts and the returns."))
    parser.add_argument("items", nargs="*", metavar=_("FILE_OR_NAME"),
                        help=_("import-return: the annual return files (.kyodo-return); "
                               "add-district: the districts' names."))
    cli_options.add_db_option(parser)
    parser.add_argument("--replace", action="store_true",
                        help=_("Let a newer return replace the one already in the file for the "
                               "same district and year (the older one is kept in the history)."))
    parser.add_argument("--new-district", action="append", default=[], metavar=_("NAME"),
                        help=_("Take the return of this district although it is not registered "
                               "yet (registers it). Name it only after checking with its council "
                               "that the return is theirs."))
    parser.add_argument("--district", metavar=_("NAME"),
                        help=_("withdraw-return: the district whose return is withdrawn."))
    parser.add_argument("--fiscal-year", metavar=_("YEAR"),  # read by cli_options.fiscal_year_from
                        help=_("withdraw-return: the fiscal year of the return (2025 = 令和7年度); "
                               "list: only this year."))
    parser.add_argument("--preset", metavar=_("CODE"),
                        help=_("The city settings the city file uses (resources/presets; they "
                               "choose the columns of the table of all councils). Default: "
                               "the one set before, else yamaguchi."))


def _run(args: argparse.Namespace) -> int:
    return {"import-return": _import, "add-district": _add_districts,
            "withdraw-return": _withdraw, "list": _list}[args.action](args)


def _import(args: argparse.Namespace) -> int:
    from kyodo_desktop.fileops.outputs import shown_name
    from kyodo_desktop.services.city import city_file
    from kyodo_desktop.services.city.return_reader import read_return

    if not args.items:
        raise UserError(_("Name the annual return files to import."))
    refused = 0
    with cli_options.open_db(args, must_exist=False) as store:
        city_file.make_city_file(store, args.preset)
        for name in args.items:
            try:
                document = read_return(Path(name).expanduser())
                added = city_file.import_return(
                    store, document, replace=args.replace,
                    new_district=document.manifest["district"] in map(normalize,
                                                                      args.new_district))
            except UserError as error:
                refused += 1
                print(_("Error: {message}").format(message=shown_name(f"{Path(name).name}: {error}")),
                      file=sys.stderr)
                continue
            what = city_file.return_label(added.district, added.fiscal_year)
            print(_("Imported the return of {what}.").format(what=what) if added.replaced_id
                  is None else _("Imported the return of {what}; it replaces the earlier one "
                                 "(kept in the history).").format(what=what))
    return EXIT_ERROR if refused else EXIT_OK


def _add_districts(args: argparse.Namespace) -> int:
    from kyodo_desktop.console import escaped
    from kyodo_desktop.services.city import city_file

    if not args.items:
        raise UserError(_("Name the districts to register."))
    with cli_options.open_db(args, must_exist=False) as store:
        city_file.make_city_file(store, args.preset)
        added = city_file.register_districts(store, args.items)
        print(_("Registered districts: {names}.").format(names=escaped("、".join(added)))
              if added else _("These districts were already registered."))
    return EXIT_OK


def _withdraw(args: argparse.Namespace) -> int:
    from kyodo_desktop.console import escaped
    from kyodo_desktop.services.city import city_file

    if not args.district or args.fiscal_year is None:
        raise UserError(_("Name the return to withdraw with --district and --fiscal-year."))
    year = cli_options.fiscal_year_from(args)
    with cli_options.open_db(args) as store:
        stored = city_file.current_return(store, normalize(args.district), year)
        city_file.withdraw_return(store, stored.id)
        print(escaped(withdrawn_line(stored)))
    return EXIT_OK


def withdrawn_line(stored) -> str:
    """「湯田 令和7年度の年度報告（…協議会、作成 …、取り込み …）を取り下げました。…」."""
    from kyodo_desktop.services.city.city_file import return_label, shown_time

    return _("Withdrew the return of {what} ({council}, made {made}, imported {imported}). It "
             "stays in the city file, listed as withdrawn; the council may file again.").format(
        what=return_label(stored.district, stored.fiscal_year), council=stored.council,
        made=shown_time(stored.created_at), imported=shown_time(stored.imported_at))


def _list(args: argparse.Namespace) -> int:
    from kyodo_desktop.console import escaped
    from kyodo_desktop.services.city import city_file

    with cli_options.open_db(args) as store:
        city_file.require_city_file(store)
        districts = city_file.registered_districts(store)
        print(_("Registered districts: {names}.").format(names=escaped("、".join(districts)))
              if districts else _("No district is registered yet."))
        years = city_file.return_years(store)
        chosen = args.fiscal_year is not None and cli_options.fiscal_year_from(args)
        for year in [chosen] if chosen else years:
            current = city_file.current_returns(store, year, whole=False)
            print(escaped(_("{fiscal_year}: {count} returns in force.").format(
                fiscal_year=city_file.wareki.format_fiscal_year(year), count=len(current))))
            for stored in city_file.removed_returns(store, year):
                print("  " + escaped(city_file.removed_text(stored)))
    return EXIT_OK


register(Command("city", N_("The city's file of the councils' annual returns "
                            "(import-return, add-district, withdraw-return, list)."),
                 _add_arguments, _run))
