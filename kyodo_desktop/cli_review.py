"""The ``review`` subcommand: 提出前の点検 of a council-year.

``kyodo-desktop review --db FILE [--council C] --fiscal-year R7`` runs every rule a city
reviewer applies (:mod:`kyodo_desktop.services.review`) and prints each finding (エラー / 注意)
with where to fix it. Exit 1 when any エラー was found, 0 otherwise (注意 only or nothing).
"""

from __future__ import annotations

import argparse
import sys

from kyodo_desktop import cli_options
from kyodo_desktop.cli import EXIT_OK, EXIT_PROBLEMS, Command, register
from kyodo_desktop.i18n import N_


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    cli_options.add_db_option(parser)
    cli_options.add_council_option(parser)
    cli_options.add_fiscal_year_option(parser)


def print_findings(findings, fiscal_year: int, *, stream=None) -> None:
    """Print each finding on its own line, then the summary (``stream`` default stdout)."""
    from kyodo_desktop.services.review.run import summary

    out = stream or sys.stdout
    for found in findings:
        print(f"- {found.line()}", file=out)
    print(summary(findings, fiscal_year), file=out)


def _run(args: argparse.Namespace) -> int:
    from kyodo_desktop.services.review.run import run_review

    year = cli_options.fiscal_year_from(args)
    with cli_options.open_db(args) as store:
        council = cli_options.council_from(store, args)
        findings = run_review(store, council["id"], year)
    print_findings(findings, year)
    return EXIT_PROBLEMS if any(f.is_error for f in findings) else EXIT_OK


register(Command("review", N_("Review a fiscal year before submitting it to the city "
                              "(errors and notes, with where to fix each)."), _add_arguments, _run))
