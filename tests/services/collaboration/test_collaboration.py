"""協働 on every 事業: the demo's 事業 all have forms, partners with 役割分担 and (once held) a
振り返り; the 協働事業一覧 and the 振り返りシート print; edits validate their codes."""

from __future__ import annotations

import pytest

from kyodo_desktop.errors import ValidationError
from kyodo_desktop.reports.readback import page_texts
from kyodo_desktop.reports.registry import ReportRequest, report_kinds
from kyodo_desktop.services.accounting import figures
from kyodo_desktop.services.collaboration import projects as collaboration
from kyodo_desktop.services.collaboration.terms import PRINCIPLES

YUDA = "湯田地域づくり協議会"


def _yuda(store) -> int:
    return store.scalar("SELECT id FROM councils WHERE name = ?", (YUDA,))


def test_every_demo_project_has_collaboration(demo_store):
    council = _yuda(demo_store)
    for year in (2025, 2026):
        rows = collaboration.year_collaboration(demo_store, council, year)
        assert rows and all(r.forms and r.partners for r in rows)
        assert all(p.role and p.pays for r in rows for p in r.partners)
    closed = collaboration.year_collaboration(demo_store, council, 2025)
    assert all(set(r.reviews) == set(PRINCIPLES) for r in closed)
    costs = figures.project_costs(demo_store, council, 2025)
    assert {r.project_id: r.cost for r in closed} == {r.project_id: costs.get(r.project_id, 0)
                                                      for r in closed}
    kinds = {p.kind for r in closed for p in r.partners}
    assert {"city_department", "school", "npo", "business", "member_organization"} <= kinds


def test_the_list_and_the_review_sheets_print(demo_store):
    council = _yuda(demo_store)
    kinds = report_kinds()
    listing = "".join(page_texts(kinds["collaboration"].build(
        demo_store, ReportRequest(council, 2025))))
    assert "協働事業一覧" in listing and "山口市防災危機管理課" in listing and "◎" in listing
    sheets = page_texts(kinds["collaboration-review"].build(
        demo_store, ReportRequest(council, 2026)))
    projects = collaboration.year_collaboration(demo_store, council, 2026)
    assert len(sheets) == len(projects)
    assert all("振り返りシート" in page and "情報公開・透明性" in page for page in sheets)


def test_edits_are_validated_and_kept(demo_store):
    council = _yuda(demo_store)
    project = collaboration.year_collaboration(demo_store, council, 2026)[-1]
    collaboration.set_forms(demo_store, project.project_id, ["co_hosting", "facility"])
    collaboration.set_partner(demo_store, project.project_id, "湯田小学校", "school",
                              role="会場提供", pays="負担なし")
    collaboration.set_review(demo_store, project.project_id, "equality", "fair", "打合せ不足")
    after = next(r for r in collaboration.year_collaboration(demo_store, council, 2026)
                 if r.project_id == project.project_id)
    assert after.forms == ("共催", "施設提供")
    assert any(p.name == "湯田小学校" and p.role == "会場提供" for p in after.partners)
    assert after.reviews["equality"] == ("fair", "打合せ不足")
    with pytest.raises(ValidationError):
        collaboration.set_forms(demo_store, project.project_id, ["lunch"])
    with pytest.raises(ValidationError):
        collaboration.set_review(demo_store, project.project_id, "equality", "great")
    with pytest.raises(ValidationError):
        collaboration.set_partner(demo_store, project.project_id, "誰か", "alien")


def test_migration_keeps_a_projects_single_form(store):
    """A 事業 of an older file keeps its one 形態 after migration 15 (copied into the table)."""
    from kyodo_desktop.services.council.profile import create_council
    from kyodo_desktop.services.plan.projects import create_project

    council, _changes = create_council(store, "テスト協議会")
    project, _changes = create_project(store, council, 2026, {"name": "夏祭り",
                                                              "collaboration_form": "co_hosting"})
    [row] = collaboration.year_collaboration(store, council, 2026)
    assert row.forms == ("共催",) and row.partners == () and not row.reviewed


def test_the_evaluation_sheet_shows_the_settled_amount_per_action(demo_store):
    from kyodo_desktop.services.plan.document import evaluation_sheet

    council = _yuda(demo_store)
    sheet = evaluation_sheet(demo_store, council, 2025)
    costs = figures.project_costs(demo_store, council, 2025)
    linked = demo_store.query("SELECT id, action_id FROM projects WHERE council_id = ? AND "
                              "fiscal_year = 2025 AND action_id IS NOT NULL", (council,))
    for action in {r["action_id"] for r in linked}:
        expected = sum(costs.get(r["id"], 0) for r in linked if r["action_id"] == action)
        assert sheet.money[action].total == expected
    assert sum(m.total for m in sheet.money.values()) > 3_000_000
    text = "".join(page_texts(report_kinds()["plan-evaluation"].build(
        demo_store, ReportRequest(council, 2025))))
    from kyodo_desktop.domain.formatting import format_yen

    largest = max(m.total for m in sheet.money.values())
    assert "推進項目ごとの事業と決算額" in text and format_yen(largest) in text
