"""``kyodo-desktop status``: the 今年度の流れ of a council-year on the command line, the same
steps and states as the app's 今年度の流れ page (services/year_path/steps.py)."""

from __future__ import annotations

import argparse

from kyodo_desktop import cli_options
from kyodo_desktop.cli import EXIT_OK, Command, register
from kyodo_desktop.i18n import N_, _


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    cli_options.add_db_option(parser)
    cli_options.add_council_option(parser)
    cli_options.add_fiscal_year_option(parser)


def _place(step) -> str:
    from kyodo_desktop.services.year_path.steps import AREA_TITLES

    area = _(AREA_TITLES[step.area])
    return f"{area} › {_(step.tab)}" if step.tab else area


def _display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal (全角 characters take two)."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(width - _display_width(text), 0)


def status_lines(steps, council_name: str, fiscal_year: int) -> list[str]:
    """The printed lines: a heading, one line per step, then what to do now and where."""
    from kyodo_desktop.domain.formatting import format_date
    from kyodo_desktop.domain.wareki import format_fiscal_year
    from kyodo_desktop.services.year_path.steps import STATE_LABELS, next_steps

    lines = [_("{council}: the steps of {fiscal_year}").format(
        council=council_name, fiscal_year=format_fiscal_year(fiscal_year))]
    width = max(_display_width(_(step.title)) for step in steps)
    states = max(_display_width(_(label)) for label in STATE_LABELS.values())
    for step in steps:
        when = format_date(step.done_on, "short") if step.done_on else ""
        lines.append(f"{step.number:>2}. {_pad(_(step.title), width)}  "
                     f"{_pad(_(STATE_LABELS[step.state]), states)}  {when}".rstrip())
    now = next_steps(steps)
    if not now:
        lines.append(_("Every step of this year is done."))
    for step in now:
        lines.append(_("Now: {step} — {missing} ({place})").format(
            step=_(step.title), missing=_(step.missing), place=_place(step)))
    return lines


def _run(args: argparse.Namespace) -> int:
    from kyodo_desktop.services.year_path.steps import year_steps

    year = cli_options.fiscal_year_from(args)
    with cli_options.open_db(args) as store:
        council = cli_options.council_from(store, args)
        steps = year_steps(store, council["id"], year)
    print("\n".join(status_lines(steps, council["name"], year)))
    return EXIT_OK


register(Command("status", N_("Show the steps of the year (今年度の流れ): what is done and "
                              "what to do now."), _add_arguments, _run))
