"""Plain data of the report to another funder (共同募金会, 社会福祉協議会 …) for a programme the
council defined (:mod:`kyodo_desktop.services.accounting.funders`).

The programme chose one of the existing forms as its layout: the 収支決算書 of its fund alone,
the 実績報告書 or the 精算書 (each followed by that 収支決算書). They are the city's forms with the
programme's own title, addressed to its 交付元, and only the programme's grant and fund: the
city's forms (:mod:`~kyodo_desktop.services.forms.application`,
:mod:`~kyodo_desktop.services.forms.results`) never show them. The words come from the preset's
``forms.funder_report`` (``{program}``, ``{funder}`` filled in) and the city form's wording.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.accounting import funders
from kyodo_desktop.services.council import councils
from kyodo_desktop.services.forms import common as fd
from kyodo_desktop.services.forms.application import AmountRow, LetterData, StatementData
from kyodo_desktop.services.forms.grants import GrantFigures, fund_statements, grant_figures
from kyodo_desktop.services.forms.results import eligible_of, require_closed
from kyodo_desktop.store import Store


@dataclass(frozen=True)
class FunderReport:
    """One programme's report: the programme, its letter (None for the 収支決算書 layout) and
    its fund's 収支決算書."""

    program: funders.CouncilProgram
    letter: LetterData | None
    statement: StatementData


def _words(store: Store, council_id: int, key: str, program: funders.CouncilProgram,
           which: str) -> fd.Wording:
    """The city form ``key``'s wording with the funder's title, sentence and no 様式番号."""
    base = fd.wording(store, council_id, key)
    own = fd.wording(store, council_id, "funder_report")
    texts = {**base.texts, "title": own.get(f"{which}_title").format(program=program.name),
             "form_no": ""}
    if which != "statement":
        texts["sentence"] = own.get(f"{which}_sentence")
        texts["attachments"] = own.get("attachments")
    return fd.Wording(key, texts, base.common)


def _grant(store: Store, council_id: int, fiscal_year: int, program: funders.CouncilProgram,
           gate: fd.Gate) -> GrantFigures | None:
    found = grant_figures(store, council_id, fiscal_year, program_id=program.program_id)
    year = fd.fiscal_year_text(fiscal_year)
    gate.require(bool(found), _(
        "No grant of {program} is recorded for {fiscal_year}. Enter its application in Budget "
        "and cash book > Grants.").format(program=program.name, fiscal_year=year))
    grant = found[0] if found else None
    gate.require(grant is not None and grant.in_force is not None, _(
        "No grant decision (交付決定) is recorded for {program} ({fiscal_year}). Enter the "
        "decided amount, date and number in Budget and cash book > Grants.").format(
            program=program.name, fiscal_year=year))
    return grant


def _letter(store: Store, council_id: int, fiscal_year: int, program: funders.CouncilProgram,
            gate: fd.Gate) -> LetterData:
    which = program.values.report_layout
    key = "performance_report" if which == "performance_report" else "settlement"
    short = "performance" if which == "performance_report" else "settlement"
    words = _words(store, council_id, key, program, short)
    grant = _grant(store, council_id, fiscal_year, program, gate)
    if which == "settlement":
        gate.require(grant is not None and grant.settled_on is not None, _(
            "The settlement (精算) of {program} ({fiscal_year}) is not recorded yet. Record it in "
            "Budget and cash book > Grants.").format(
                program=program.name, fiscal_year=fd.fiscal_year_text(fiscal_year)))
    grants = [grant] if grant is not None else []
    eligible = [eligible_of(store, g) for g in grants]
    if which == "settlement":
        rows = tuple(AmountRow(g.program_name, (g.in_force, g.received, e, g.refund_amount,
                                                g.carried_forward_amount))
                     for g, e in zip(grants, eligible, strict=True))
        day = grant.settled_on if grant else None
        amount = grant.refund_amount if grant else None
    else:
        rows = tuple(AmountRow(g.program_name, (g.in_force, g.received, e))
                     for g, e in zip(grants, eligible, strict=True))
        day, amount = (grant.reported_on if grant else None), None
    head = fd.letterhead(store, council_id, words, day, gate, fiscal_year)
    own = fd.wording(store, council_id, "funder_report")
    head = replace(head, addressee=own.get("addressee").format(funder=program.values.funder))
    blank = words.get("blank")
    sentence = words.get("sentence").format(
        fiscal_year=fd.fiscal_year_text(fiscal_year), program=program.name,
        decided_on=fd.date_text(grant.decided_on if grant else None, words),
        decision_no=(grant.decision_no if grant else "") or blank)
    return LetterData(head, words.title, sentence, amount, rows,
                      tuple(words.get("attachments")), words)


def statement(store: Store, council_id: int, fiscal_year: int,
              program: funders.CouncilProgram) -> StatementData:
    """The 収支決算書 of the programme's fund alone, titled with the programme's name."""
    words = _words(store, council_id, "settlement_statement", program, "statement")
    return StatementData(words.title, fd.fiscal_year_text(fiscal_year),
                         councils.council_row(store, council_id)["name"],
                         tuple(fund_statements(store, council_id, fiscal_year,
                                               fund_codes=(program.values.fund_code,))), words)


def funder_reports(store: Store, council_id: int, fiscal_year: int, gate: fd.Gate,
                   program: str | None = None) -> list[FunderReport]:
    """The reports of the council's programmes (or of the one named ``program``, by code or
    name) for the 年度, each in its chosen layout; final figures need the 年度締め. Raises
    ValidationError for an unknown programme, MissingPrerequisite (unless drafting) when the
    year is open or a step the letter needs is not recorded, UserError when the council has
    no programme."""
    if program:
        programs = [funders.find_program(store, council_id, program)]
    else:
        programs = funders.list_programs(store, council_id)
    if not programs:
        raise UserError(_("The council has no programme of another funder yet. Add one in "
                          "Budget and cash book > Funds and funders."))
    require_closed(store, council_id, fiscal_year, gate)
    result = []
    for item in programs:
        data = statement(store, council_id, fiscal_year, item)
        if not grant_figures(store, council_id, fiscal_year, program_id=item.program_id) and (
                not _recorded(data)):
            continue  # nothing of the programme in this 年度: no page of zeros that look real
        letter = (None if item.values.report_layout == "settlement_statement"
                  else _letter(store, council_id, fiscal_year, item, gate))
        result.append(FunderReport(item, letter, data))
    if not result:
        raise UserError(_("Nothing of {programs} is recorded in {fiscal_year}: no grant, budget "
                          "or cash book entry. Choose the year the programme's money came "
                          "in.").format(programs="、".join(p.name for p in programs),
                                        fiscal_year=fd.fiscal_year_text(fiscal_year)))
    return result


def _recorded(data: StatementData) -> bool:
    """Whether the statement holds anything of the 年度: a budget, an entry or a 繰越金."""
    return any(f.income or f.expense or f.carried_in for f in data.funds)
