"""Fixtures of the 地域づくり計画 tests: the demo council's ids (demo data file from
tests/conftest.py) and a small hand-made plan on an empty file."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def plan_demo_template(demo_template):
    """Path of the closed demo data file (tests/conftest.py; never write to it)."""
    return demo_template


@pytest.fixture
def demo_ids(demo_store):
    """``(council_id, plan_id)`` of 湯田地域づくり協議会 and its current plan."""
    from kyodo_desktop.services.plan import plans as plan

    council_id = demo_store.scalar("SELECT id FROM councils WHERE name = '湯田地域づくり協議会'")
    return council_id, plan.current_plan_id(demo_store, council_id)


@pytest.fixture
def small(store):
    """A council with a 2024–2028 plan: goal Ⅰ with measures (1) [①②③] and (2) [①],
    goal Ⅱ with measure (1) [①]. Returns a dict of ids (``council``, ``plan``, ``g1`` …,
    ``a111`` = action ① of measure (1) of goal Ⅰ)."""
    from kyodo_desktop.services.council import profile as council_profile
    from kyodo_desktop.services.plan import plans as plan
    from kyodo_desktop.services.plan import structure as ps

    council, _c = council_profile.create_council(store, "テスト地域づくり協議会")
    plan_id, _c = plan.create_plan(store, council, {"title": "第1次計画", "first_year": 2024,
                                                    "last_year": 2028})
    ids = {"council": council, "plan": plan_id}
    ids["g1"], _c = ps.add_item(store, "goal", plan_id, "安心・安全")
    ids["g2"], _c = ps.add_item(store, "goal", plan_id, "健康・福祉")
    ids["m11"], _c = ps.add_item(store, "measure", ids["g1"], "防災")
    ids["m12"], _c = ps.add_item(store, "measure", ids["g1"], "防犯")
    ids["m21"], _c = ps.add_item(store, "measure", ids["g2"], "健康づくり")
    for key, measure, title in (("a111", "m11", "防災訓練"), ("a112", "m11", "防災マップ"),
                                ("a113", "m11", "自主防災組織"), ("a121", "m12", "パトロール"),
                                ("a211", "m21", "ウォーキング")):
        ids[key], _c = ps.add_item(store, "action", ids[measure], title)
    return ids


@pytest.fixture
def plan_page(qapp, qtbot, demo_store, demo_ids, monkeypatch):
    """A shown PlanPage on the demo council (年度 2026); QMessageBox.question answers from
    ``page.answers`` (default Yes) and information boxes are recorded in ``page.infos``."""
    from PySide6.QtWidgets import QMessageBox

    from kyodo_desktop.ui.app import create_application
    from kyodo_desktop.ui.context import AppContext
    from kyodo_desktop.ui.plan.page import PlanPage

    create_application()
    answers: list = []
    infos: list = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0) if answers
                        else QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: infos.append(a[2]))
    context = AppContext(demo_store, demo_ids[0], 2026)
    page = PlanPage(context)
    page.answers, page.infos = answers, infos
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitExposed(page)
    return page
