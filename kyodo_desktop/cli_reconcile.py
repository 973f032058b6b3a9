"""The ``reconcile`` subcommand: 通帳照合 of one 口座 on a day.

``kyodo-desktop reconcile --db F --council C --account 普通預金 --date 2027-03-31 --balance
1234567`` prints the 帳簿残高, the 通帳残高 and the 差額; exit 0 when they agree, 1 when they
differ, 2 with 「エラー: …」 on bad input. ``--balance`` takes ¥1,234 / 1,234円 / full-width
digits, ``--date`` 西暦 or 和暦. ``--statement FILE`` compares a bank CSV statement line by line
(通帳のみ / 帳簿のみ) and, without ``--balance`` / ``--date``, takes its last 残高 and day.
``--record`` saves the 照合 (a difference needs ``--reason``).
"""

from __future__ import annotations

import argparse

from kyodo_desktop import cli_options
from kyodo_desktop.cli import EXIT_OK, EXIT_PROBLEMS, Command, register
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import N_, _


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    cli_options.add_db_option(parser)
    cli_options.add_council_option(parser)
    parser.add_argument("--account", required=True,
                        help=_("The account: 現金, 普通預金, 定期預金, its name or its number."))
    parser.add_argument("--date", default="",
                        help=_("The day of the passbook balance, e.g. 2027-03-31 or R9.3.31."))
    parser.add_argument("--balance", default="",
                        help=_("The balance the passbook shows, e.g. 1,234,567 or ¥1,234,567."))
    parser.add_argument("--statement", default="",
                        help=_("A bank statement saved as CSV, to compare line by line."))
    parser.add_argument("--record", action="store_true",
                        help=_("Save the reconciliation (a difference needs --reason)."))
    parser.add_argument("--reason", default="", help=_("Why the book and the bank differ."))


def _inputs(args: argparse.Namespace, statement):
    from kyodo_desktop.domain import money, wareki
    from kyodo_desktop.services.accounting import reconcile

    last = reconcile.statement_balance(statement.lines) if statement else None
    if args.date.strip():
        day = wareki.parse_date(args.date)
    elif last is not None:
        day = last[0]
    else:
        raise UserError(_("Give the day of the passbook balance with --date."))
    if args.balance.strip():
        balance = money.parse_yen(args.balance, allow_negative=True)
    elif last is not None:
        balance = last[1]
    else:
        raise UserError(_("Give the passbook balance with --balance."))
    return day, balance


def _print_statement(store, council_id: int, account_id: int, statement) -> None:
    from kyodo_desktop.domain.formatting import format_date, format_yen
    from kyodo_desktop.services.accounting import reconcile

    result = reconcile.match_statement(store, council_id, account_id, statement.lines)
    print(_("Statement lines matched with the book: {count}").format(count=len(result.matched)))
    print(_("Only in the bank ({count}):").format(count=len(result.bank_only)))
    for line in result.bank_only:
        print(f"  {format_date(line.day)}  {format_yen(line.signed):>12}  {line.description}")
    print(_("Only in the book ({count}):").format(count=len(result.book_only)))
    for move in result.book_only:
        print(f"  {format_date(move.day)}  {format_yen(move.signed):>12}  {move.description}")


def _run(args: argparse.Namespace) -> int:
    from kyodo_desktop.domain.formatting import format_date, format_yen
    from kyodo_desktop.io.bank_statement import read_statement
    from kyodo_desktop.services.accounting import accounts, reconcile

    statement = read_statement(args.statement) if args.statement.strip() else None
    day, balance = _inputs(args, statement)
    with cli_options.open_db(args) as store:
        council = cli_options.council_from(store, args)
        account_id = accounts.find_account(store, council["id"], args.account)
        name = accounts.account_names(store, council["id"])[account_id]
        result = reconcile.compare(store, council["id"], account_id, day, balance)
        print(_("{account}, {date}").format(account=name, date=format_date(day)))
        print(_("Book balance: {amount} yen").format(amount=format_yen(result.book_balance)))
        print(_("Passbook balance: {amount} yen").format(amount=format_yen(result.bank_balance)))
        print(_("Difference: {amount} yen").format(amount=format_yen(result.difference)))
        if statement is not None:
            _print_statement(store, council["id"], account_id, statement)
        if args.record:
            reconcile.record(store, council["id"], account_id, day, balance, reason=args.reason,
                             actor="cli")
            print(_("The reconciliation was saved."))
    print(_("The book and the passbook agree.") if result.agreed else
          _("The book and the passbook differ. Look for entries missing on either side."))
    return EXIT_OK if result.agreed else EXIT_PROBLEMS


register(Command("reconcile", N_("Compare an account's book balance with its passbook "
                                 "(通帳照合)."), _add_arguments, _run))
