"""The guide's first chapter is true: the walk it describes (new file → 協議会 → 構成団体 → 会長 →
計画と推進項目 → 事業 → 予算 → 交付金の申請), done through the services the screens call, leaves no
エラー in 提出前の点検 and prints the 交付申請書類一式 (交付申請書・事業計画書・収支予算書) with
what was typed."""

from __future__ import annotations

from datetime import date

from kyodo_desktop.reports.readback import page_texts
from kyodo_desktop.reports.registry import ReportRequest, report_kinds
from kyodo_desktop.services.accounting import budget, grants
from kyodo_desktop.services.backup.datafile import create_data_file
from kyodo_desktop.services.council.profile import create_council, update_profile
from kyodo_desktop.services.guide.pages import guide_pages
from kyodo_desktop.services.plan import plans, projects, structure
from kyodo_desktop.services.review.run import run_review
from kyodo_desktop.services.roster import officers, organizations, people
from kyodo_desktop.services.year_path.steps import DONE, year_steps

YEAR = 2026


def _walk(store) -> int:
    """Steps 2–8 of the chapter, with its example values."""
    council, _changes = create_council(store, "さくら地域づくり協議会", district_name="さくら")
    update_profile(store, council, {"address": "山口市さくら町1-1", "phone": "083-000-0000"})
    group, _changes = organizations.create_organization(store, council,
                                                        {"name": "さくら第一自治会"})
    organizations.set_households(store, group, YEAR, 120, 100)
    person, _changes = people.create_person(store, council, {"name": "山田 太郎"})
    officers.appoint(store, person, "president", officers.Body("council", council),
                     date(YEAR, 4, 1))
    plan, _changes = plans.create_plan(store, council, {"title": "さくら地域づくり計画",
                                                        "first_year": YEAR, "last_year": YEAR + 4})
    goal, _changes = structure.add_item(store, "goal", plan, "安心して暮らせるまち")
    measure, _changes = structure.add_item(store, "measure", goal, "防災力を高める")
    action, _changes = structure.add_item(store, "action", measure, "防災訓練の実施")
    projects.create_project(store, council, YEAR, {
        "name": "地域防災訓練", "starts_on": date(YEAR, 11, 1), "expected_participants": 80,
        "budget": 50000, "action_id": action})
    budget.set_budget_line(store, council, YEAR, "operating_support", "income", "grant", 50000)
    budget.set_budget_line(store, council, YEAR, "operating_support", "expense", "consumables",
                           50000)
    grants.apply_grant(store, council, YEAR, "yamaguchi_operating_support", 50000,
                       date(YEAR, 4, 20))
    return council


def test_the_first_chapter_names_the_example_values_the_walk_uses():
    chapter = guide_pages()[0]
    text = "\n".join(str(block) for block in chapter.blocks)
    for typed in ("さくら地域づくり協議会", "さくら第一自治会", "山田 太郎", "防災訓練の実施",
                  "地域防災訓練", "50,000", "R8.4.20", "提出前の点検", "交付申請書類一式"):
        assert typed in text, typed


def test_the_walk_leaves_no_review_error_and_prints_the_application_set(tmp_path):
    store = create_data_file(tmp_path / "kyodo.sqlite3")
    try:
        council = _walk(store)
        findings = run_review(store, council, YEAR)
        assert [f.line() for f in findings if f.is_error] == []
        steps = {s.key: s.state for s in year_steps(store, council, YEAR,
                                                    today=lambda: date(YEAR, 5, 1))}
        assert [steps[k] for k in ("officers", "budget", "projects", "application")] == [DONE] * 4
        pdf = report_kinds()["application-set"].build(store, ReportRequest(council, YEAR))
    finally:
        store.close()
    pages = page_texts(pdf)
    assert len(pages) == 3
    application, business_plan, budget_statement = pages
    assert "交付申請書" in application and "山田 太郎" in application
    assert "山口市さくら町1-1" in application and "50,000" in application
    assert "事業計画書" in business_plan and "地域防災訓練" in business_plan
    assert "防災訓練の実施" in business_plan
    assert "収支予算書" in budget_statement and "消耗品費" in budget_statement
