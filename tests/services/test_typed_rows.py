"""Rows cross the layers typed (issue: rows as untyped dicts): no public service function
returns a bare ``dict`` or ``list[dict]``, and every typed-dict row shape has exactly the keys
the functions return on the demo — so a renamed or added column fails here, not on a screen."""

from __future__ import annotations

import ast
import re
import typing
from datetime import date
from pathlib import Path

import pytest

import kyodo_desktop.services as services
from kyodo_desktop.services.accounting import (
    budget,
    cash_book,
    cash_book_query,
    figures,
    year_close,
)
from kyodo_desktop.services.accounting import rows as accounting_rows
from kyodo_desktop.services.council import center, councils, presets, profile
from kyodo_desktop.services.council import rows as council_rows
from kyodo_desktop.services.forms import application, grants
from kyodo_desktop.services.forms import common as forms_common
from kyodo_desktop.services.handbook import chapters, facts
from kyodo_desktop.services.handbook import rows as handbook_rows
from kyodo_desktop.services.plan import common, evaluation, plans, projects, structure
from kyodo_desktop.services.plan import rows as plan_rows
from kyodo_desktop.services.roster import handover, officers, organizations, people, subcommittees
from kyodo_desktop.services.roster import rows as roster_rows

SERVICES = Path(services.__file__).resolve().parent
#: ``dict`` standing alone (not ``dict[...]``) anywhere in a return annotation.
BARE_DICT = re.compile(r"(?<![\w.])dict(?!\s*\[)")
FY = 2025


def _public_functions(tree: ast.Module):
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_") and node.returns:
            yield node


def test_no_public_service_function_returns_an_untyped_dict() -> None:
    untyped = []
    for path in sorted(SERVICES.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in _public_functions(tree):
            annotation = ast.unparse(node.returns)
            if BARE_DICT.search(annotation):
                untyped.append(f"{path.relative_to(SERVICES)}:{node.lineno} {node.name} -> "
                               f"{annotation}")
    assert untyped == []


def _keys(shape) -> set[str]:
    return set(typing.get_type_hints(shape, localns={"Body": officers.Body}))


def _check(rows, shape) -> int:
    rows = rows if isinstance(rows, list) else [rows]
    assert rows, f"the demo gave no {shape.__name__} to check"
    for row in rows:
        assert set(row) == _keys(shape), (shape.__name__, set(row) ^ _keys(shape))
    return len(rows)


@pytest.fixture
def demo(demo_store):
    council_id = councils.find_council(demo_store, "湯田")["id"]
    return demo_store, council_id


def test_council_rows_match_their_shapes(demo) -> None:
    store, council = demo
    _check(councils.list_councils(store), council_rows.CouncilListItem)
    _check(councils.find_council(store, council), council_rows.CouncilListItem)
    _check(councils.council_row(store, council), council_rows.CouncilRow)
    _check(profile.get_profile(store, council), council_rows.CouncilProfile)
    _check(profile.district_choices(store), council_rows.DistrictChoice)
    _check(presets.list_presets(), council_rows.PresetItem)
    _check(center.get_center(store, council), council_rows.CenterRow)
    preset = presets.load_preset(councils.council_row(store, council)["city_preset"])
    _check(presets.program_rows(preset), council_rows.ProgramRow)


def test_roster_rows_match_their_shapes(demo) -> None:
    store, council = demo
    listed = people.list_people(store, council)
    _check(listed, roster_rows.PersonListRow)
    _check(people.get_person(store, listed[0]["id"]), roster_rows.PersonRow)
    _check(list(people.people_by_id(store, council).values()), roster_rows.PersonRow)
    assert set(people.public_view(listed[0])) == set(listed[0])
    groups = organizations.list_organizations(store, council, FY)
    _check(groups, roster_rows.OrganizationListRow)
    _check(organizations.get_organization(store, groups[0]["id"]), roster_rows.OrganizationRow)
    _check(organizations.household_history(store, groups[0]["id"]), roster_rows.HouseholdYear)
    _check(handover.carried_households(store, council, FY + 1), roster_rows.CarriedHouseholds)
    _check(handover.neighborhood_presidents(store, council, FY), roster_rows.PresidentContact)
    terms = officers.list_terms(store, council)
    _check(terms, roster_rows.OfficerTermListRow)
    _check(officers.get_term(store, terms[0]["id"]), roster_rows.OfficerTerm)
    bodies = subcommittees.list_subcommittees(store, council)
    _check(bodies, roster_rows.SubcommitteeListRow)
    _check(subcommittees.get_subcommittee(store, bodies[0]["id"]), roster_rows.SubcommitteeRow)
    _check(subcommittees.members(store, bodies[0]["id"]), roster_rows.SubcommitteeMembers)
    _check(subcommittees.assigned_work(store, bodies[0]["id"]), roster_rows.AssignedWork)


def test_plan_rows_match_their_shapes(demo) -> None:
    store, council = demo
    listed = plans.list_plans(store, council)
    _check(listed, plan_rows.PlanListItem)
    plan_id = listed[0]["id"]
    _check(plans.get_plan(store, plan_id), plan_rows.Plan)
    _check(common.require_plan(store, plan_id), plan_rows.PlanRecord)
    project_rows = projects.list_projects(store, council, FY)
    _check(project_rows, plan_rows.ProjectRow)
    _check(projects.get_project(store, project_rows[0]["id"]), plan_rows.ProjectRow)
    action_id = next(p["action_id"] for p in project_rows if p["action_id"])
    action = structure.get_action(store, action_id)
    _check(action, plan_rows.ActionRow)
    _check(structure.get_item(store, "measure", action["measure_id"]), plan_rows.MeasureRow)
    _check(structure.responsible_choices(store, council), plan_rows.ResponsibleChoices)
    _check(evaluation.review_for_next_year(store, plan_id, FY), plan_rows.NextYearReview)
    rated = [evaluation.get_evaluation(store, action_id, FY, kind) for kind in evaluation.KINDS]
    assert _check([r for r in rated if r is not None], plan_rows.ActionEvaluation)


def test_accounting_and_handbook_rows_match_their_shapes(demo) -> None:
    store, council = demo
    _check(budget.list_transfers(store, council, FY), accounting_rows.BudgetTransferRow)
    lines = budget.fund_lines(store, council, FY, "activity_support")
    assert all({"budget", "revised_budget"} <= set(line) for line in lines.values())
    line_fund, line_code = "activity_support", next(c for d, c in lines if d == "expense")
    _check(figures.project_costs_by_fund(store, council, FY), accounting_rows.ProjectFundCost)
    _check(year_close.close_row(store, council, FY), accounting_rows.YearCloseRow)
    first = cash_book_query.list_entries(store, council, FY)[0]
    _check(cash_book.entry_history(store, first.id), accounting_rows.EntryHistoryRow)
    _check(budget.find_line(store, council, FY, line_fund, "expense", line_code),
           accounting_rows.BudgetLineRow)
    chapters.ensure_chapters(store, council, FY)
    _check(chapters.year_rows(store, council, FY), handbook_rows.ChapterRow)
    _check(facts.council_facts(store, council), handbook_rows.CouncilFacts)
    _check(facts.council_officers(store, council, date(FY, 6, 1)), handbook_rows.OfficerFact)
    _check(facts.subcommittees(store, council, date(FY, 6, 1)), handbook_rows.SubcommitteeFact)
    _check(facts.projects(store, council, FY), handbook_rows.ProjectFact)
    _check(facts.grants(store, council, FY), handbook_rows.GrantFact)
    words = forms_common.wording(store, council, "grant_application")
    decided = application.decision_words(grants.grant_figures(store, council, FY), words)
    _check(decided, application.DecisionWords)
    assert decided["decided_on"]  # the demo's 交付決定 is dated


def test_privacy_rows_match_their_shapes(demo) -> None:
    from kyodo_desktop.services.privacy import evacuation, provisions, register, retention
    from kyodo_desktop.services.privacy import rows as privacy_rows

    store, council = demo
    listed = _check(register.register_rows(store, council, 3), privacy_rows.RegisterRow)
    assert listed > 50
    person = register.register_rows(store, council, 3)[0]
    _check(register.person_privacy(store, person["person_id"]), privacy_rows.PersonPrivacy)
    _check(list(person["consents"].values()), privacy_rows.Consent)
    _check(provisions.list_provisions(store, council), privacy_rows.Provision)
    _check(evacuation.evacuation_list(store, council).people, privacy_rows.EvacuationPerson)
    _check(retention.departed_people(store, council), privacy_rows.RegisterRow)
    _check(retention.deletions(store, council), privacy_rows.Deletion)
