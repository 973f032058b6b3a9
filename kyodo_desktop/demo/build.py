"""The demo data builder: a realistic, fictional 湯田地域づくり協議会 in an empty data file.

:func:`build_demo` is what ``kyodo-desktop --demo`` and the GUI's "デモデータ" call. It writes
山口市's 21 地域, センター and 協議会; only 湯田 is fully populated: 構成団体 and 世帯数, people
and 役員 with their history, 専門部会, the 第2次湯田地域づくり計画 with its PDS, 事業 of 2025–2026,
and the accounts of 2025 (closed) and 2026 (open up to 2026-11-20). Every person, address,
phone number and shop is fictional. The steps live in ``demo_*.py``; static lists in
``resources/demo/*.json``.

Deterministic: one ``random.Random(seed)``, no clock, no set iteration; the same seed gives the
same file, row for row.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from kyodo_desktop.demo.books import build_accounts
from kyodo_desktop.demo.collaboration import build_collaboration
from kyodo_desktop.demo.common import CLOSED_YEAR, YEARS, DemoContext
from kyodo_desktop.demo.meetings import build_meetings
from kyodo_desktop.demo.officers import build_officers
from kyodo_desktop.demo.people import build_organizations
from kyodo_desktop.demo.places import build_places
from kyodo_desktop.demo.plan import build_plan, match_indicator_results
from kyodo_desktop.demo.privacy import build_privacy
from kyodo_desktop.demo.projects import build_projects
from kyodo_desktop.demo.receipts import add_receipts
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.store import Store
from kyodo_desktop.store.audit import baseline, logged_at

Progress = Callable[[int, str], None]
SUMMARY_KEYS = ("districts", "councils", "organizations", "neighborhood_associations",
                "households", "member_households", "people", "officer_terms", "subcommittees",
                "plan_actions", "indicators", "evaluations", "projects", "cash_book_entries",
                "grants")


#: The days the demo council printed its 自治会活動の手引き (after each spring's 総会).
HANDBOOK_PRINTED = {2025: "2025-05-16", 2026: "2026-05-15"}


def mark_handbook_prints(ctx: DemoContext) -> None:
    """Record the handbook prints of :data:`HANDBOOK_PRINTED` (今年度の流れ: 手引きの印刷)."""
    ctx.db.conn.executemany(
        "INSERT INTO year_step_marks (council_id, fiscal_year, step, done_on) "
        "VALUES (?, ?, 'handbook', ?)",
        [(ctx.council_id, year, day) for year, day in HANDBOOK_PRINTED.items()])


#: When the demo's change log says its rows were written (services and the baseline alike).
DEMO_TIME = "2026-11-20T09:00:00"


def build_demo(store: Store, *, seed: int = 2026, progress: Progress | None = None) -> dict:
    """Fill an empty, migrated ``store`` with the demo data in one transaction.

    ``progress(percent, label)`` is called a few times (0 … 100, a Japanese step label).
    Returns the summary counts: ``councils``, ``organizations``, ``neighborhood_associations``,
    ``people``, ``officer_terms``, ``subcommittees``, ``plan_actions``, ``projects``,
    ``grants`` … as ints, and ``households``, ``member_households``, ``cash_book_entries`` as
    ``{fiscal_year: int}``.

    Raises UserError when the file already holds a council (nothing is written then).
    """
    report = progress or (lambda _percent, _label: None)
    if store.scalar("SELECT count(*) FROM councils"):
        raise UserError(_("This data file already has councils. Demo data can only be added "
                          "to a new, empty data file."))
    with logged_at(DEMO_TIME), store.transaction() as db:
        ctx = DemoContext(db=db, rng=random.Random(seed), store=store)
        ctx.refs["seed"] = seed
        report(0, _("Creating districts and councils…"))
        build_places(ctx)
        report(15, _("Creating member organizations and people…"))
        build_organizations(ctx)
        build_officers(ctx)
        ctx.counts["people"] = ctx.insert("people", ctx.people)
        ctx.counts["officer_terms"] = ctx.insert("officer_terms", ctx.terms)
        report(35, _("Creating the community plan…"))
        build_plan(ctx)
        report(50, _("Creating projects…"))
        planned = build_projects(ctx)
        build_collaboration(ctx)
        match_indicator_results(ctx, CLOSED_YEAR)
        report(65, _("Creating budgets, grants and the cash book…"))
        build_accounts(ctx, planned)
        for year in YEARS:
            if year != CLOSED_YEAR:  # the closed year's were attached before its close
                add_receipts(ctx, year)
        mark_handbook_prints(ctx)
        report(90, _("Creating meetings and minutes…"))
        build_meetings(ctx)
        build_privacy(ctx)
        baseline(store, "demo", DEMO_TIME)  # the change log starts from the demo
    report(100, _("The demo data is ready."))
    return {key: ctx.counts[key] for key in SUMMARY_KEYS}
