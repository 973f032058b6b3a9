"""The ``kyodo-desktop`` command: the window by default, subcommands for headless work.

``kyodo-desktop [--db PATH] [--demo]`` opens the window; ``kyodo-desktop <command> --db PATH …``
runs a subcommand. Every subcommand is a :class:`Command` in :data:`COMMANDS`. To add one
(``report``, ``import``, ``export``, ``backup``, ``restore``, ``close-year`` …) write an
``add_arguments(parser)`` using the helpers of :mod:`kyodo_desktop.cli_options` and a
``run(args) -> int``, then call :func:`register`. Help texts are English message ids marked with
``N_`` (translated when the parser is built); import heavy modules inside ``run``: start-up time
is benchmarked, so this module imports no Qt, reportlab or openpyxl.

Exit codes: 0 done, 1 ``check`` found problems (or stdout was closed), 2 an error the user can
act on (printed as 「エラー: …」 on stderr, never a traceback) or a wrong command line, 130
interrupted.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kyodo_desktop import APP_NAME, __version__, cli_options
from kyodo_desktop.console import escaped, prepare_streams, say
from kyodo_desktop.errors import UserError, file_error
from kyodo_desktop.i18n import N_, _

EXIT_OK, EXIT_PROBLEMS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130


@dataclass(frozen=True)
class Command:
    """A subcommand: ``name`` on the command line, ``help`` an English message id (``N_``),
    ``add_arguments(parser)`` adds its options, ``run(args)`` does the work and returns the
    exit code.
    """

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


#: The subcommands by name, in the order ``--help`` lists them.
COMMANDS: dict[str, Command] = {}


def register(command: Command) -> Command:
    """Add ``command`` to :data:`COMMANDS` (a name may be registered once)."""
    if command.name in COMMANDS:
        raise ValueError(f"command registered twice: {command.name}")
    COMMANDS[command.name] = command
    return command


class CommandLineError(Exception):
    """argparse found a wrong command line; the text is argparse's own (English)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        raise CommandLineError(message)


#: argparse's (English) complaints that get a Japanese sentence; others are shown as they are.
_ARGPARSE_ERRORS = (
    (re.compile(r"invalid choice: '?([^' ]*)'? \(choose from (.*)\)"),
     N_("“{value}” cannot be used here. Choose one of: {choices}.")),
    (re.compile(r"the following arguments are required: (.*)"),
     N_("Give {value}.")),
    (re.compile(r"unrecognized arguments: (.*)"),
     N_("Unknown option or value: {value}.")),
    (re.compile(r"argument ([^:]+): expected one argument"),
     N_("Give a value after {value}.")),
)


def explain_command_line_error(message: str) -> str:
    """A Japanese sentence for an argparse error message (the message itself when unknown)."""
    for pattern, template in _ARGPARSE_ERRORS:
        match = pattern.search(message)
        if match:
            choices = match.group(2).replace("'", "") if pattern.groups > 1 else ""
            return _(template).format(value=match.group(1), choices=choices)
    return _("The command line is not right ({reason}).").format(reason=message)


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, _("Usage: ") if prefix is None else prefix)


def _new_parser(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Give a parser the Japanese titles of its options and of what it takes, and ``-h``."""
    parser._optionals.title = _("Options")
    parser._positionals.title = _("What to give")
    parser.add_argument("-h", "--help", action="help", help=_("Show this help and exit."))
    return parser


def build_parser(*, with_commands: bool = True) -> argparse.ArgumentParser:
    """The argument parser of ``kyodo-desktop`` with every registered subcommand (or, with
    ``with_commands=False``, only the window's options: a faster start of the window)."""
    parser = _new_parser(_Parser(
        prog=APP_NAME, add_help=False, formatter_class=_Formatter,
        description=_("kyodo-desktop (協働デスク): records, plan, grant accounting and forms of a "
                      "community development council. Without a command, the window opens.")))
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}",
                        help=_("Show the version and exit."))
    cli_options.add_db_option(parser, main=True)
    parser.add_argument("--demo", action="store_true",
                        help=_("Open the window with the demo council (built on first use)."))
    if not with_commands:
        return parser
    commands = parser.add_subparsers(dest="command", title=_("Commands"), metavar=_("COMMAND"))
    for command in _load_commands().values():
        sub = _new_parser(commands.add_parser(
            command.name, help=_(command.help), description=_(command.help), add_help=False,
            formatter_class=_Formatter))
        command.add_arguments(sub)
    return parser


def _opens_window(argv: Sequence[str]) -> bool:
    """True when ``argv`` names no subcommand and asks for no help: only window options."""
    values = iter(argv)
    for word in values:
        if word == "--db":
            next(values, None)
        elif word in ("-h", "--help", "--version") or not word.startswith("-"):
            return False  # a subcommand (every one is a word) or a question
    return True


def _parse(argv: list[str]) -> argparse.Namespace:
    if _opens_window(argv):
        args = build_parser(with_commands=False).parse_args(argv)
        args.command = None
        return args
    return build_parser().parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``kyodo-desktop`` with ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    prepare_streams()
    argv = sys.argv[1:] if argv is None else list(argv)
    _prepare_files(window=_opens_window(argv))
    try:
        args = _parse(argv)
        if args.command is None:
            return _run_gui(args)
        return COMMANDS[args.command].run(args)
    except SystemExit as done:  # --help, --version
        return done.code if isinstance(done.code, int) else EXIT_OK
    except CommandLineError as error:
        _print_error(explain_command_line_error(str(error)) + " "
                     + _("See “{prog} --help”.").format(prog=APP_NAME))
    except UserError as error:
        _print_error(error.message)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader went away (``kyodo-desktop councils … | head``)
        _silence_stdout()
        return EXIT_PROBLEMS
    except OSError as error:  # a path the system refuses (too long …) that no check caught
        _print_error(file_error(error).message)
    return EXIT_ERROR


def _prepare_files(*, window: bool) -> None:
    """Owner-only files from now on (exports, PDFs, backups hold personal data) and the
    temporary copies a killed earlier run left removed — for the window, once it has painted
    (:func:`kyodo_desktop.ui.app.show_file`)."""
    from kyodo_desktop import fileops

    fileops.restrict_new_files()
    if not window:
        fileops.clean_leftovers()


def _silence_stdout() -> None:
    """Point stdout at the null device so Python's exit flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (tests capture stdout)
        pass


#: Characters never echoed to the terminal: control characters but the line break and tab, and
#: the bidirectional overrides (a typed or imported ESC … would repaint or hide the message).
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _print_error(message: str) -> None:
    """「エラー: …」 on stderr; a control character the message repeats from the input prints as
    「?」."""
    text = _("Error: {message}").format(message=message)
    print(_UNPRINTABLE.sub("?", text), file=sys.stderr)


def _run_gui(args: argparse.Namespace) -> int:
    from kyodo_desktop.ui.app import run_gui

    db_path = Path(args.db).expanduser() if args.db else None
    return run_gui(db_path, demo=args.demo)


# --- demo ----------------------------------------------------------------------------------------

def _add_demo_arguments(parser: argparse.ArgumentParser) -> None:
    cli_options.add_db_option(parser)
    parser.add_argument("--force", action="store_true",
                        help=_("Replace the file if it already exists (its data is lost)."))
    parser.add_argument("--city", action="store_true",
                        help=_("Make a demo city file: the annual returns of 21 councils for "
                               "two years."))


def _run_demo(args: argparse.Namespace) -> int:
    path = cli_options.db_path_from(args, must_exist=False)
    if path.exists() and path.stat().st_size > 0 and not args.force:
        raise UserError(_("The file {path} already exists. Add --force to replace it with the "
                          "demo data.").format(path=path))
    from kyodo_desktop.demo.build import build_demo
    from kyodo_desktop.demo.city import build_city_demo

    remove_database(path)
    try:
        with cli_options.open_db(args, must_exist=False) as store:
            summary = build_city_demo(store) if args.city else build_demo(store)
    except BaseException:
        remove_database(path)
        raise
    say(_("The demo data was written to {path}.").format(path=escaped(path)))
    for key, value in summary.items():
        print(f"  {_(DEMO_SUMMARY_LABELS.get(key, key))}: {_count_text(value)}")
    return EXIT_OK


#: How the demo summary's counts are labelled (English msgids).
DEMO_SUMMARY_LABELS = {
    "districts": N_("Districts"), "councils": N_("Councils"),
    "organizations": N_("Member organizations"),
    "neighborhood_associations": N_("Neighborhood associations"),
    "households": N_("Households"), "member_households": N_("Member households"),
    "people": N_("People"), "officer_terms": N_("Officer terms"),
    "subcommittees": N_("Subcommittees"), "plan_actions": N_("Plan actions"),
    "indicators": N_("Indicators"), "evaluations": N_("Evaluations"),
    "projects": N_("Projects"), "cash_book_entries": N_("Cash book entries"),
    "grants": N_("Grants"), "returns": N_("Annual returns"), "fiscal_years": N_("Fiscal years"),
}


def _count_text(value: object) -> str:
    """``1,234`` for a count, ``令和7年度 584, 令和8年度 401`` for counts per 年度."""
    from kyodo_desktop.domain.formatting import format_number

    if isinstance(value, dict):
        from kyodo_desktop.domain.wareki import format_fiscal_year

        return ", ".join(f"{format_fiscal_year(key)} {_count_text(count)}"
                         for key, count in value.items())
    return format_number(value) if isinstance(value, int) else str(value)


def remove_database(path: Path) -> None:
    """Delete a data file with its ``-wal`` and ``-shm`` files (missing ones are fine).

    Raises UserError when the app has the file open or it cannot be deleted.
    """
    from kyodo_desktop import fileops
    from kyodo_desktop.fileops.locks import data_file_closed

    with data_file_closed(path):
        try:
            for suffix in ("", "-wal", "-shm"):
                fileops.unlink(str(path) + suffix, shown=path)
        except OSError as error:
            raise UserError(_("The file {path} could not be deleted ({reason}).")
                            .format(path=path, reason=error.strerror or error)) from error


# --- councils -----------------------------------------------------------------------------------

def _run_councils(args: argparse.Namespace) -> int:
    from kyodo_desktop.services.council.councils import list_councils

    with cli_options.open_db(args) as store:
        councils = list_councils(store)
    for council in councils:
        print(f"{council['id']}\t{council['name']}")
    if not councils:
        print(_("This data file holds no council yet."), file=sys.stderr)
    return EXIT_OK


# --- check --------------------------------------------------------------------------------------

def _run_check(args: argparse.Namespace) -> int:
    from kyodo_desktop.services.backup.file_check import run_checks

    # Read only: no lock (the window may have the file open), no migration; impossible values
    # and a schema that is not the app's are listed as problems instead of refusing the file.
    with cli_options.open_db(args, lock=False, migrate=False, values=False,
                             schema=False) as store:
        problems = run_checks(store)
    for problem in problems:
        print(f"- {problem.message}")
        if problem.detail:
            print(f"    ({problem.detail})")
    if problems:
        print(_("{count} problem(s) found.").format(count=len(problems)))
        return EXIT_PROBLEMS
    print(_("No problems were found."))
    return EXIT_OK


register(Command("demo", N_("Create a data file with a demo council to try the app."),
                 _add_demo_arguments, _run_demo))
register(Command("councils", N_("List the councils of a data file (number and name)."),
                 cli_options.add_db_option, _run_councils))
register(Command("check", N_("Check a data file for damage and inconsistencies."),
                 cli_options.add_db_option, _run_check))

#: The modules whose subcommands register themselves when imported (:func:`_load_commands`;
#: opening the window imports none of them).
COMMAND_MODULES = (
    "cli_accounts",  # close-year
    "cli_backup",  # backup, restore, handover-export/-import, smoke-test
    "cli_city",  # city import-return
    "cli_dues",  # dues (会費)
    "cli_reconcile",  # reconcile (通帳照合)
    "cli_review",  # review
    "cli_status",  # status (今年度の流れ)
    "cli_tasks",  # report, import, export
)


def _load_commands() -> dict[str, Command]:
    """Every subcommand (importing their modules the first time): :data:`COMMANDS`."""
    import importlib

    for name in COMMAND_MODULES:
        importlib.import_module(f"kyodo_desktop.{name}")
    return COMMANDS
