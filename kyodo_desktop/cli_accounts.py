"""The ``close-year`` subcommand: 年度締め of a council-year, or its explicit reopening.

``kyodo-desktop close-year --db FILE [--council C] --fiscal-year R7`` runs every check, carries
the balances into the next 年度 and locks the year; it prints the 次年度繰越金 per fund and the
warnings left. When a check reports an error nothing is written and the problems are listed
(exit 2); a year without 出納簿 entries is closed only with ``--allow-empty``. ``--reopen --reason
TEXT`` reopens a closed year (logged with the reason, which must be printable).
"""

from __future__ import annotations

import argparse

from kyodo_desktop import cli_options
from kyodo_desktop.cli import EXIT_OK, Command, register
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import N_, _


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    cli_options.add_db_option(parser)
    cli_options.add_council_option(parser)
    cli_options.add_fiscal_year_option(parser)
    parser.add_argument("--reopen", action="store_true",
                        help=_("Reopen a closed fiscal year instead of closing it."))
    parser.add_argument("--reason", default="",
                        help=_("Why the year is reopened (required with --reopen)."))
    parser.add_argument("--allow-empty", action="store_true",
                        help=_("Close the year even though it has no cash book entries."))


def _finding_lines(findings) -> list[str]:
    return [f"- {finding.message} {finding.how_to_fix}" for finding in findings]


def _run(args: argparse.Namespace) -> int:
    from kyodo_desktop.domain.formatting import format_yen
    from kyodo_desktop.domain.labels import FUND_LABELS
    from kyodo_desktop.domain.wareki import format_fiscal_year
    from kyodo_desktop.services.accounting.common import fund_names
    from kyodo_desktop.services.accounting.year_close import (
        EmptyYear,
        YearCloseBlocked,
        close_year,
        reopen_year,
    )

    year = cli_options.fiscal_year_from(args)
    label = format_fiscal_year(year)
    with cli_options.open_db(args) as store:
        council = cli_options.council_from(store, args)
        names = fund_names(store, council["id"])
        if args.reopen:
            reopen_year(store, council["id"], year, args.reason, actor="cli")
            print(_("{fiscal_year} was reopened.").format(fiscal_year=label))
            return EXIT_OK
        try:
            result = close_year(store, council["id"], year, actor="cli",
                                allow_empty=args.allow_empty)
        except EmptyYear as empty:
            raise UserError(empty.message + " " + _(
                "To close it anyway, add --allow-empty.")) from empty
        except YearCloseBlocked as blocked:
            errors = [f for f in blocked.findings if f.is_error]
            raise UserError("\n".join([blocked.message, *_finding_lines(errors)])) from blocked
    print(_("{fiscal_year} was closed.").format(fiscal_year=label))
    next_label = format_fiscal_year(year + 1)
    for fund, amount in result.carried_out.items():
        print(_("Carried over to {fiscal_year}, {fund}: {amount} yen").format(
            fiscal_year=next_label, fund=names.get(fund, FUND_LABELS.get(fund, fund)),
            amount=format_yen(amount)))
    for fund, (old, new) in result.replaced.items():
        print(_("The carry-over of {fund} in {fiscal_year} was {old} yen; it is now {new} yen.")
              .format(fund=names.get(fund, FUND_LABELS.get(fund, fund)), fiscal_year=next_label,
                      old=format_yen(old), new=format_yen(new)))
    if result.warnings:
        print(_("Warnings to look at ({count}):").format(count=len(result.warnings)))
        print("\n".join(_finding_lines(result.warnings)))
    return EXIT_OK


register(Command("close-year", N_("Close a fiscal year of the accounts (or reopen it)."),
                 _add_arguments, _run))


# --- 会計監査 ------------------------------------------------------------------------------------

def _add_audit_arguments(parser: argparse.ArgumentParser) -> None:
    cli_options.add_db_option(parser)
    cli_options.add_council_option(parser)
    cli_options.add_fiscal_year_option(parser)
    parser.add_argument("--date", help=_("The day of the audit (e.g. R9.5.10 or 2027-05-10). "
                                         "Without it the recorded audit is shown."))
    parser.add_argument("--from", dest="period_from",
                        help=_("First day of the audited period (default: the fiscal year's)."))
    parser.add_argument("--to", dest="period_to",
                        help=_("Last day of the audited period (default: the fiscal year's)."))
    parser.add_argument("--opinion", default="", help=_("The auditors' opinion."))


def _audit_date(value: str | None, year: int):
    """``value`` read as a date (「5/10」 in 年度 ``year``); None stays None. Raises
    ValidationError."""
    from kyodo_desktop.domain.wareki import parse_date

    return None if value is None else parse_date(value, fiscal_year=year)


def _run_audit(args: argparse.Namespace) -> int:
    from kyodo_desktop.domain.wareki import format_fiscal_year, format_wareki
    from kyodo_desktop.services.accounting import audits

    year = cli_options.fiscal_year_from(args)
    with cli_options.open_db(args) as store:
        council = cli_options.council_from(store, args)
        if args.date is not None:
            # an audit is held after the 年度: 「5/10」 means May of the next 年度
            audits.record_audit(store, council["id"], year, _audit_date(args.date, year + 1),
                                period_from=_audit_date(args.period_from, year),
                                period_to=_audit_date(args.period_to, year),
                                opinion=args.opinion, actor="cli")
        record = audits.get_audit(store, council["id"], year)
    if record is None:
        print(_("No audit is recorded for {fiscal_year}.").format(
            fiscal_year=format_fiscal_year(year)))
        return EXIT_OK
    print(_("Audit of {fiscal_year}: held on {date}, period {start} to {end}.").format(
        fiscal_year=format_fiscal_year(year), date=format_wareki(record.audited_on),
        start=format_wareki(record.period_from), end=format_wareki(record.period_to)))
    if record.opinion:
        print(record.opinion)
    return EXIT_OK


register(Command("audit", N_("Record the audit (会計監査) of a fiscal year, or show it."),
                 _add_audit_arguments, _run_audit))
