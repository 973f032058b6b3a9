"""The 班数 field of the 構成団体 editor: shows the stored count, saves a typed one (全角 too) as
one undo step with the rest of the edit, and refuses 0, words and absurd sizes beside the
field without writing."""

from __future__ import annotations

import pytest

from kyodo_desktop.services.roster.han import han_counts
from kyodo_desktop.ui.areas import area_row


@pytest.fixture
def tab(open_window, demo_path):
    from kyodo_desktop.ui.roster.page import RosterPage

    window = open_window(demo_path)
    window.context.set_fiscal_year(2026)
    window.sidebar.setCurrentRow(area_row("roster"))
    return window, window.findChildren(RosterPage)[0].organizations


def _select(tab, organization_id):
    from kyodo_desktop.ui.roster.models import select_id

    assert select_id(tab.table, organization_id)


def test_the_han_count_is_shown_saved_and_undone(tab):
    window, org_tab = tab
    store, council = window.context.store, window.context.council_id
    organization, count = next(iter(han_counts(store, council).items()))
    _select(org_tab, organization)
    assert org_tab.han.text() == str(count)
    org_tab.han.setText("２５班")
    assert org_tab.save()
    assert han_counts(store, council)[organization] == 25
    window.context.undo_stack.undo()
    assert han_counts(store, council)[organization] == count


@pytest.mark.parametrize("typed", ["0", "十", "1000", "¥1,234", "9" * 30])
def test_bad_han_counts_are_refused_beside_the_field(tab, typed):
    window, org_tab = tab
    store, council = window.context.store, window.context.council_id
    organization, count = next(iter(han_counts(store, council).items()))
    _select(org_tab, organization)
    org_tab.han.setText(typed[:12])
    assert not org_tab.save()
    assert org_tab.han_error.text() and not org_tab.han_error.isHidden()
    assert han_counts(store, council)[organization] == count
