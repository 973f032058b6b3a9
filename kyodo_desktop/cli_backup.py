"""The ``backup``, ``restore``, ``handover-export``, ``handover-import`` and ``smoke-test``
subcommands (data safety; see :mod:`kyodo_desktop.services.backup.automatic` and
:mod:`kyodo_desktop.services.backup.handover_package`).

``kyodo-desktop backup --db PATH -o DIR`` writes a checked, dated backup into DIR;
``kyodo-desktop restore FILE --db PATH`` verifies FILE, copies the data file aside and swaps.
``backup`` and ``handover-export`` take ``--encrypt``; ``restore`` and ``handover-import`` ask
for the passphrase of an encrypted file (:mod:`kyodo_desktop.cli_passphrase`).
``smoke-test`` starts the window offscreen on the demo and prints a PDF: the check of a frozen
(PyInstaller) build.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kyodo_desktop import cli_options, cli_passphrase
from kyodo_desktop.cli import EXIT_OK, Command, register
from kyodo_desktop.console import escaped, say
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import N_, _


def _describe(summary) -> str:
    from kyodo_desktop.domain.formatting import format_date

    names = "、".join(summary.councils) or _("(no council)")
    last = format_date(summary.last_entry_date) if summary.last_entry_date else _("none")
    return _("Councils: {names}. Latest cash book date: {last}.").format(names=names, last=last)


# --- backup / restore ----------------------------------------------------------------------------

def _add_backup_arguments(parser: argparse.ArgumentParser) -> None:
    cli_options.add_db_option(parser)
    parser.add_argument("-o", "--output", required=True, metavar=_("FOLDER"),
                        help=_("The folder to write the backup to (for example a USB stick)."))
    cli_passphrase.add_encrypt_options(parser)


def _run_backup(args: argparse.Namespace) -> int:
    from kyodo_desktop.services.backup.automatic import external_backup

    folder = Path(args.output).expanduser()
    passphrase = cli_passphrase.passphrase_for_writing(args)
    with cli_options.open_db(args, lock=False) as store:
        written = external_backup(store, folder, passphrase=passphrase)
    say(_("Backup saved: {path}").format(path=escaped(written)))
    _warn_if_exposed(written, passphrase)
    return EXIT_OK


def _warn_if_exposed(written: Path, passphrase: str | None) -> None:
    """A warning (not an error: the file is written) for an unencrypted file on a removable
    drive, where a lost stick would give away the residents' data."""
    from kyodo_desktop import fileops

    if passphrase is None and fileops.is_removable(written):
        print(_("Warning: {path} is on a removable drive and not encrypted; whoever finds the "
                "drive can read the residents' data. Add --encrypt next time.").format(
            path=escaped(written)), file=sys.stderr)


def _add_restore_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar=_("FILE"), help=_("The backup file to restore."))
    cli_options.add_db_option(parser)
    parser.add_argument("--other-file", action="store_true",
                        help=_("Restore even a backup of another data file (chosen on purpose)."))
    cli_passphrase.add_passphrase_file_option(parser)


def _run_restore(args: argparse.Namespace) -> int:
    from kyodo_desktop.services.backup.automatic import restore
    from kyodo_desktop.services.settings import load_settings

    target = cli_options.db_path_from(args, must_exist=False)
    source = Path(args.file).expanduser()
    result = restore(target, source, load_settings(), other_file=args.other_file,
                     passphrase=cli_passphrase.passphrase_for_reading(args, source))
    if result.previous is not None:
        say(_("The data file as it was before is kept in {path}.").format(
            path=escaped(result.previous)))
    say(_("Restored {path}.").format(path=escaped(target)) + " " + _describe(result.restored))
    if result.cleaned:
        say(result.cleaned_text())
    return EXIT_OK


# --- handover ------------------------------------------------------------------------------------

def _add_export_arguments(parser: argparse.ArgumentParser) -> None:
    cli_options.add_db_option(parser)
    cli_options.add_council_option(parser)
    parser.add_argument("-o", "--output", required=True, metavar=_("FILE"),
                        help=_("The handover package file to write."))
    cli_passphrase.add_encrypt_options(parser)


def _run_export(args: argparse.Namespace) -> int:
    from kyodo_desktop.services.backup.handover_package import export_council

    passphrase = cli_passphrase.passphrase_for_writing(args)
    with cli_options.open_db(args) as store:
        council = cli_options.council_from(store, args)
        info = export_council(store, council["id"], Path(args.output), passphrase=passphrase)
    say(_("Wrote the handover package of {council} to {path}.").format(
        council=info.council_name, path=escaped(info.path)))
    _warn_if_exposed(Path(info.path), passphrase)
    return EXIT_OK


def _add_import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar=_("FILE"), help=_("The handover package to import."))
    cli_options.add_db_option(parser)
    parser.add_argument("--replace", action="store_true",
                        help=_("Replace the council of the same name (its data is deleted)."))
    parser.add_argument("--name", help=_("Import the council under this name."))
    cli_passphrase.add_passphrase_file_option(parser)


def _run_import(args: argparse.Namespace) -> int:
    from kyodo_desktop.services.backup.handover_package import import_package

    source = Path(args.file).expanduser()
    passphrase = cli_passphrase.passphrase_for_reading(args, source)
    with cli_options.open_db(args, must_exist=False) as store:
        replace_id = None
        if args.replace:
            from kyodo_desktop.services.backup.handover_package import read_package

            name = args.name or read_package(source, passphrase=passphrase).council_name
            replace_id = store.scalar("SELECT id FROM councils WHERE name = ?", (name,))
            if replace_id is None:
                raise UserError(_("There is no council named {name} to replace.").format(
                    name=name))
        result = import_package(store, source, replace_council_id=replace_id,
                                new_name=args.name, passphrase=passphrase)
        name = store.scalar("SELECT name FROM councils WHERE id = ?", (result.council_id,))
    print(_("Imported {council} (number {id}).").format(council=name, id=result.council_id))
    return EXIT_OK


# --- smoke test ----------------------------------------------------------------------------------

def _add_smoke_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", required=True, metavar=_("FOLDER"),
                        help=_("An empty folder for the demo data file and the PDF."))


def _run_smoke(args: argparse.Namespace) -> int:
    from kyodo_desktop.ui.backup.smoke import run_smoke_test

    for line in run_smoke_test(Path(args.output).expanduser()):
        print(line)
    return EXIT_OK


register(Command("backup", N_("Write a checked backup of a data file into a folder."),
                 _add_backup_arguments, _run_backup))
register(Command("restore", N_("Restore a data file from a backup (the current file is kept "
                               "aside)."), _add_restore_arguments, _run_restore))
register(Command("handover-export", N_("Write one council with all its years to a handover "
                                       "package file."), _add_export_arguments, _run_export))
register(Command("handover-import", N_("Import a handover package into a data file."),
                 _add_import_arguments, _run_import))
register(Command("smoke-test", N_("Start the window offscreen on the demo data and print a PDF "
                                  "(checks an installed or frozen app)."),
                 _add_smoke_arguments, _run_smoke))
