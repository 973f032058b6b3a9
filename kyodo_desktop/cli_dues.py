"""The ``dues`` subcommand: 会費・分担金 of the 自治会.

``kyodo-desktop dues status --db F [--council C] --fiscal-year R8`` lists 請求額, 納入額, 残額 and
未納/一部/済/過納 per 自治会 with the totals; ``dues set-rate --per-household 300
[--per-association 0]`` sets the 年度's rate; ``dues pay --association 東町 --date R8.5.10
--amount 12,300 [--account 普通預金]`` books a 納入 in the 出納簿 (収入 会費, 自主財源).
Amounts take ¥1,234 / 1,234円 / full-width digits, dates 西暦 or 和暦. Exit 0 done, 2 with
「エラー: …」 on bad input or a closed 年度.
"""

from __future__ import annotations

import argparse

from kyodo_desktop import cli_options
from kyodo_desktop.cli import EXIT_OK, Command, register
from kyodo_desktop.i18n import N_, _

ACTIONS = ("status", "set-rate", "pay")


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=ACTIONS,
                        help=_("status: the list; set-rate: the year's fee; pay: record a "
                               "payment."))
    cli_options.add_db_option(parser)
    cli_options.add_council_option(parser)
    cli_options.add_fiscal_year_option(parser)
    parser.add_argument("--per-household", default="",
                        help=_("set-rate: yen per member household, e.g. 300."))
    parser.add_argument("--per-association", default="",
                        help=_("set-rate: yen per association, e.g. 5,000."))
    parser.add_argument("--association", default="",
                        help=_("pay: the neighbourhood association (name or part of it)."))
    parser.add_argument("--date", default="",
                        help=_("pay: the day of the payment, e.g. 2026-05-10 or R8.5.10."))
    parser.add_argument("--amount", default="", help=_("pay: the amount, e.g. 12,300."))
    parser.add_argument("--account", default="",
                        help=_("pay: the account it went into (現金 by default)."))


def _print_status(store, council_id: int, year: int) -> None:
    from kyodo_desktop.domain.dues import STATUS_LABELS
    from kyodo_desktop.domain.formatting import format_yen
    from kyodo_desktop.reports.dues_status import rate_text, summary_text
    from kyodo_desktop.services.dues.status import dues_status

    status = dues_status(store, council_id, year)
    print(rate_text(status.rate))
    for line in status.lines:
        print(f"{line.name}\t{format_yen(line.billed)}\t{format_yen(line.paid)}\t"
              f"{format_yen(line.balance)}\t{_(STATUS_LABELS[line.status])}")
    print(_("Total: billed {billed} yen, paid {paid} yen, outstanding {balance} yen").format(
        billed=format_yen(status.billed), paid=format_yen(status.paid),
        balance=format_yen(status.balance)))
    print(summary_text(status))


def _run(args: argparse.Namespace) -> int:
    from kyodo_desktop.errors import UserError
    from kyodo_desktop.services.accounting import accounts
    from kyodo_desktop.services.dues import payments, rates
    from kyodo_desktop.services.dues.status import find_association

    year = cli_options.fiscal_year_from(args)
    with cli_options.open_db(args) as store:
        council_id = cli_options.council_from(store, args)["id"]
        if args.action == "set-rate":
            rates.set_rate(store, council_id, year, args.per_household, args.per_association,
                           actor="cli")
            print(_("The membership fee was saved."))
        elif args.action == "pay":
            if not args.association.strip():
                raise UserError(_("Name the association with --association."))
            org = find_association(store, council_id, year, args.association)
            account = accounts.find_account(store, council_id, args.account) \
                if args.account.strip() else None
            payments.record_payment(store, council_id, year, org, args.date, args.amount,
                                    account, actor="cli")
            print(_("The payment was recorded in the cash book."))
        _print_status(store, council_id, year)
    return EXIT_OK


register(Command("dues", N_("Membership fees of the neighbourhood associations (会費): the "
                            "list, the year's fee, payments."), _add_arguments, _run))
