"""The ``report``, ``import`` and ``export`` subcommands.

The kinds themselves live next to their code (``REPORTS`` in report modules, ``IMPORTS`` /
``EXPORTS`` in io modules; see :mod:`kyodo_desktop.reports.registry` and
:mod:`kyodo_desktop.io.registry`) and are looked up only when the command runs, so start-up never
imports reportlab or openpyxl. The options every kind may use are declared here once.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from kyodo_desktop import cli_options, fileops
from kyodo_desktop.cli import EXIT_OK, Command, register
from kyodo_desktop.cli_progress import progress_line
from kyodo_desktop.console import escaped, say
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import N_, _


def _kind(kinds: dict, name: str):
    """The registered kind called ``name``; UserError listing the known kinds otherwise."""
    if name not in kinds:
        raise UserError(_("Unknown kind “{kind}”. Choose one of: {known}.").format(
            kind=name, known=", ".join(kinds)))
    return kinds[name]


def _add_kind_and_place(parser: argparse.ArgumentParser, kind_help: str) -> None:
    """The options every kind takes: KIND, --db, --council, --fiscal-year."""
    parser.add_argument("kind", metavar=_("KIND"), help=kind_help)
    cli_options.add_db_option(parser)
    cli_options.add_council_option(parser)
    cli_options.add_fiscal_year_option(parser)


def _add_provision_arguments(parser: argparse.ArgumentParser) -> None:
    """--recipient, --purpose, --printed-by: asked for a print or export with personal data."""
    parser.add_argument("--recipient", metavar=_("WHO"),
                        help=_("For a print or export with personal data: to whom it is given "
                               "(提供先); recorded in the 提供記録."))
    parser.add_argument("--purpose", metavar=_("WHY"),
                        help=_("For a print or export with personal data: what it is given for "
                               "(目的)."))
    parser.add_argument("--printed-by", metavar=_("NAME"),
                        help=_("Who prints it (the computer's user name by default)."))


def _provision_answer(store, council_id: int | None, args, people: int, title: str):
    """The 提供先/目的 of a print holding ``people`` people's personal data (None when it holds
    none); UserError when --recipient or --purpose is missing (nothing is written then)."""
    from kyodo_desktop.services.privacy.provisions import clean_answer, computer_user

    if not people or council_id is None:
        return None
    if not (args.recipient or "").strip() or not (args.purpose or "").strip():
        raise UserError(_("“{what}” holds the personal data of {count} people. Add --recipient "
                          "(to whom it is given) and --purpose (what for): the print is "
                          "recorded in the 提供記録.").format(what=title, count=people))
    return clean_answer(args.recipient, args.purpose,
                        args.printed_by or computer_user())


def _write_recorded(store, council_id, kind, answer, people: int, title: str, write):
    """``write()`` with the 提供記録 of a file holding personal data written first (taken back
    when the writing fails); says what was recorded."""
    from kyodo_desktop.services.privacy.provisions import write_recorded

    result = write_recorded(store, council_id, write, kind=kind.name, document=title,
                            people=people, answer=answer)
    if answer is not None and council_id is not None:
        say(_("Recorded in the 提供記録: {count} people, to {recipient}.").format(
            count=people, recipient=answer.recipient))
    return result


def _year_for(kind, args) -> int | None:
    """The 年度 of ``--fiscal-year``; None when absent and the kind does without one."""
    if getattr(args, "fiscal_year", None) is None:
        if kind.needs_fiscal_year:
            raise UserError(_("Add --fiscal-year (for example 2026 or R8) for “{kind}”.").format(
                kind=kind.name))
        return None
    return cli_options.fiscal_year_from(args)


# --- report ---------------------------------------------------------------------------------------

def _add_report_arguments(parser: argparse.ArgumentParser) -> None:
    _add_kind_and_place(parser, _("What to print, for example application, performance-report, "
                                  "plan or handbook."))
    parser.add_argument("-o", "--output", required=True, metavar=_("FILE"),
                        help=_("The PDF file to write."))
    parser.add_argument("--draft", action="store_true",
                        help=_("Print even when something is missing, marked 未確定."))
    parser.add_argument("--edition", choices=("public", "staff"), default="public",
                        help=_("Handbook edition: public (no personal contacts) or staff."))
    parser.add_argument("--large-print", action="store_true",
                        help=_("Large-print edition for elderly readers."))
    parser.add_argument("--booklet", action="store_true",
                        help=_("Lay out A5 pages two to an A4 sheet for folding."))
    parser.add_argument("--payment", default="latest", metavar=_("N|all"),
                        help=_("Payment request: which advance payment to print (1, 2 …) or "
                               "all of them; the latest by default."))
    parser.add_argument("--screens", metavar=_("FOLDER"),
                        help=_("User guide: the folder of the screenshots to print "
                               "(made by scripts/guide_screens.py)."))
    parser.add_argument("--program", metavar=_("PROGRAMME"),
                        help=_("Reports to other funders: the programme to print (its name); "
                               "all of the council's programmes by default."))
    parser.add_argument("--meeting", metavar=_("ID"),
                        help=_("Minutes: the number of the meeting to print."))
    parser.add_argument("--kind", dest="distribution_kind", default="全戸配布",
                        metavar="全戸配布|回覧",
                        help=_("Distribution sheet: 全戸配布 (every household) or 回覧 "
                               "(circulated); 全戸配布 by default."))
    parser.add_argument("--spares", default="0", metavar=_("N"),
                        help=_("Distribution sheet: spare copies for each neighborhood "
                               "association."))
    parser.add_argument("--person", metavar=_("ID"),
                        help=_("Consent form: the number of the person (a blank form without "
                               "it)."))
    _add_provision_arguments(parser)
    parser.add_argument("--date", default="", metavar=_("DATE"),
                        help=_("Membership fee invoices: the date printed on them, e.g. "
                               "2026-04-15 or R8.4.15 (default: today)."))
    parser.add_argument("--unpaid-only", action="store_true",
                        help=_("Membership fee invoices: only the associations that have not "
                               "paid in full."))


def _run_report(args: argparse.Namespace) -> int:
    from kyodo_desktop.reports.registry import ReportRequest, report_kinds

    kind = _kind(report_kinds(), args.kind)
    year = _year_for(kind, args)
    options = {"edition": args.edition, "large_print": args.large_print, "booklet": args.booklet,
               "payment": args.payment, "screens": args.screens, "meeting": args.meeting,
               "program": args.program,
               "kind": args.distribution_kind, "spares": args.spares, "person": args.person,
               "date": args.date, "unpaid_only": args.unpaid_only}
    from kyodo_desktop.services.year_path.steps import record_print

    if not kind.needs_data_file:
        request = ReportRequest(0, year, draft=args.draft, options=options)
        return _write_report(_output_without_data(args), kind.build(None, request))
    output = _output(args)
    with cli_options.open_db(args) as store:
        council_id = _council_id(store, kind, args)
        request = ReportRequest(council_id, year, draft=args.draft, options=options)
        people = kind.personal_data(store, request) if kind.personal_data else 0
        title = _(kind.title) + ("（事務局用）" if kind.name == "handbook" and args.edition == "staff"
                                 else "")
        answer = _provision_answer(store, council_id, args, people, title)
        if council_id is not None:
            _review_first(store, council_id, kind.name, year)
        pdf = kind.build(store, request)
        _write_recorded(store, council_id, kind, answer, people, title,
                        lambda: fileops.write_bytes(output, pdf, open_data=store.path))
        if council_id is not None:
            record_print(store, kind.name, council_id, year, draft=args.draft)
    say(_("Wrote {path} ({pages} pages).").format(path=escaped(output), pages=_page_count(pdf)))
    return EXIT_OK


def _output_without_data(args: argparse.Namespace) -> Path:
    """``-o`` of a kind that reads no data file (checked against ``--db`` when one is given)."""
    given = getattr(args, "db", None)
    return fileops.check_output(Path(args.output).expanduser(),
                                open_data=cli_options.db_path_from(args) if given else None)


def _write_report(output: Path, pdf: bytes) -> int:
    fileops.write_bytes(output, pdf)
    say(_("Wrote {path} ({pages} pages).").format(path=escaped(output), pages=_page_count(pdf)))
    return EXIT_OK


def _council_id(store, kind, args: argparse.Namespace) -> int | None:
    """The council of ``--council`` for a council kind; None for a city kind (a city file)."""
    if getattr(kind, "scope", "council") == "city":
        return None
    return cli_options.council_from(store, args)["id"]


def _review_first(store, council_id: int, kind: str, year: int | None) -> None:
    """A printed set (application-set, year-end) runs the 提出前の点検 first and prints its
    findings to stderr; printing goes on (the PDF is what was asked for)."""
    from kyodo_desktop.cli_review import print_findings
    from kyodo_desktop.services.review.run import REVIEWED_SETS, run_review

    if kind in REVIEWED_SETS and year is not None:
        findings = run_review(store, council_id, year)
        if findings:
            print_findings(findings, year, stream=sys.stderr)


def _output(args: argparse.Namespace) -> Path:
    """``-o`` checked before any work: never the data file, a database, a backup or their
    working files (UserError)."""
    return fileops.check_output(Path(args.output).expanduser(),
                                open_data=cli_options.db_path_from(args))


def _page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


# --- import / export ------------------------------------------------------------------------------

def _add_import_arguments(parser: argparse.ArgumentParser) -> None:
    _add_kind_and_place(parser, _("What to import: organizations, people or cash-book."))
    parser.add_argument("file", metavar=_("FILE"), help=_("The .xlsx or .csv file to read."))
    parser.add_argument("--fund", help=_("Fund of a cash book: 運営支援, 活動支援 or 自主財源."))
    parser.add_argument("--dry-run", action="store_true",
                        help=_("Only check the file and show what would be imported."))
    parser.add_argument("--skip-bad-rows", action="store_true",
                        help=_("Import the good rows even when some rows have errors."))
    parser.add_argument("--allow-duplicate", action="store_true",
                        help=_("Import a file even though it (or most of its rows) was imported "
                               "before."))


def _run_import(args: argparse.Namespace) -> int:
    from kyodo_desktop.io.registry import import_kinds

    kind = _kind(import_kinds(), args.kind)
    path = Path(args.file).expanduser()
    if path.is_dir():
        raise UserError(_("{path} is a folder: give the .xlsx or .csv file inside it.").format(
            path=path))
    if path.exists() and not path.is_file():  # a named pipe, /dev/zero, /dev/stdin
        raise UserError(_("{path} is not an ordinary file (a named pipe or a device). Give the "
                          ".xlsx or .csv file.").format(path=path))
    if not path.is_file():
        raise UserError(_("The file {path} does not exist.").format(path=path))
    year = _year_for(kind, args)
    with cli_options.open_db(args) as store:
        council = cli_options.council_from(store, args)
        with progress_line(_("Reading {name}").format(name=escaped(path.name))) as progress, \
                progress_line(_("Writing the entries")) as writing:
            summary = kind.run(store, council["id"], year, path, dry_run=args.dry_run,
                               skip_bad_rows=args.skip_bad_rows,
                               options={"fund": args.fund, "progress": progress,
                                        "writing": writing,
                                        "allow_duplicate": args.allow_duplicate})
    say(summary)
    return EXIT_OK


def _add_export_arguments(parser: argparse.ArgumentParser) -> None:
    _add_kind_and_place(parser, _("What to export: organizations or cash-book."))
    parser.add_argument("-o", "--output", required=True, metavar=_("FILE"),
                        help=_("The .xlsx file to write."))
    parser.add_argument("--fund", help=_("Fund of a cash book: 運営支援, 活動支援 or 自主財源."))
    _add_provision_arguments(parser)


def _run_export(args: argparse.Namespace) -> int:
    from kyodo_desktop.io.registry import export_kinds

    kind = _kind(export_kinds(), args.kind)
    year = _year_for(kind, args)
    output = _output(args)
    with cli_options.open_db(args) as store:
        council_id = _council_id(store, kind, args)
        options = {"fund": args.fund}
        people = (kind.personal_data(store, council_id, year, options)
                  if kind.personal_data and council_id is not None else 0)
        answer = _provision_answer(store, council_id, args, people, _(kind.title))
        summary = _write_recorded(store, council_id, kind, answer, people, _(kind.title),
                                  lambda: kind.run(store, council_id, year, output,
                                                   options=options))
        say(summary)
    return EXIT_OK


register(Command("report", N_("Print a form or booklet to a PDF file."),
                 _add_report_arguments, _run_report))
register(Command("import", N_("Import records from an Excel or CSV file."),
                 _add_import_arguments, _run_import))
register(Command("export", N_("Export records to an Excel file."),
                 _add_export_arguments, _run_export))
