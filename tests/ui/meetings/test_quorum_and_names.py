"""The meeting editor: 議長, 書記 and 議事録署名人 are chosen from the 構成員 and the roster (or
typed), saved as written; the 定足数 rule of each kind of meeting is edited on screen as one undo
step, and an impossible fraction is refused without writing."""

from __future__ import annotations

import pytest

from kyodo_desktop.services.meetings import records, rules
from kyodo_desktop.ui.areas import area_row


@pytest.fixture
def page(open_window, demo_path):
    from kyodo_desktop.ui.meetings.page import MeetingsPage

    window = open_window(demo_path)
    window.context.set_fiscal_year(2026)
    window.sidebar.setCurrentRow(area_row("meetings"))
    return window.findChildren(MeetingsPage)[0]


def test_chair_secretary_and_signers_come_from_the_members_and_the_roster(page):
    store, meeting = page.context.store, page.meeting_id
    members = [m.name for m in records.members_of(store, meeting)]
    offered = [page.chair.itemText(i) for i in range(page.chair.count())]
    assert offered[:len(members)] == members and len(offered) > len(members)
    page.chair.setCurrentIndex(1)
    page.secretary.setText("山本　次郎（書記代理）")
    page.signers.setText("")
    page.signers.pick.setCurrentIndex(3)
    page.signers.pick.activated.emit(3)
    page.signers.pick.activated.emit(3)  # the same name twice is added once
    page.signers.pick.activated.emit(4)
    assert page.save()
    saved = records.get_meeting(store, meeting)
    assert saved["chair_name"] == offered[1]
    assert saved["secretary_name"] == "山本 次郎（書記代理）"  # spaces as one
    assert saved["signer_names"].splitlines() == [offered[2], offered[3]]


def test_the_quorum_rule_is_edited_on_screen_as_one_undo_step(page, monkeypatch):
    shown = []
    monkeypatch.setattr("kyodo_desktop.ui.meetings.papers_dialog.show_error",
                        lambda error, _parent=None: shown.append(str(error)))
    store, council = page.context.store, page.context.council_id
    before = rules.quorum_rule(store, council, "board")
    dialog = page.edit_papers()
    dialog.rule_kind.setCurrentIndex(dialog.rule_kind.findData("board"))
    dialog.denominator.setValue(3)
    dialog.numerator.setValue(2)
    dialog.strict.setCurrentIndex(dialog.strict.findData(False))
    dialog.count_proxies.setChecked(False)
    dialog.rule_source.setText("規約第１５条")
    assert "3分の2以上" in dialog.rule_words.text() and "14人" in dialog.rule_words.text()
    assert dialog.save_quorum()
    rule = rules.quorum_rule(store, council, "board")
    assert (rule.numerator, rule.denominator, rule.strict, rule.count_proxies) == (2, 3, False,
                                                                                   False)
    assert rule.source == "規約第１５条"
    page.context.undo_stack.undo()
    assert rules.quorum_rule(store, council, "board") == before
    dialog.denominator.setValue(2)
    dialog.numerator.setValue(5)
    assert "超えられません" in dialog.rule_words.text()
    assert not dialog.save_quorum() and shown
    assert rules.quorum_rule(store, council, "board") == before
    dialog.close()
