"""The 会議・総会 page: fits 1366×768 at every text size, saves an edit as one undo step,
refuses absurd votes with the service's message, and prints the 議事録 and the 議案書."""

from __future__ import annotations

import pytest

from kyodo_desktop.services.meetings import agenda, records
from kyodo_desktop.services.settings import TEXT_SIZES
from kyodo_desktop.ui.areas import area_row


@pytest.fixture
def page_window(open_window, demo_path):
    window = open_window(demo_path)
    window.context.set_fiscal_year(2026)
    window.sidebar.setCurrentRow(area_row("meetings"))
    return window


def meetings_page(window):
    from kyodo_desktop.ui.meetings.page import MeetingsPage

    found = window.findChildren(MeetingsPage)
    assert found
    return found[0]


@pytest.mark.parametrize("size", list(TEXT_SIZES))
def test_the_page_fits_1366_by_768_at_every_text_size(area_at_size, fits_the_screen, size):
    with area_at_size("meetings", size) as page:
        for tab in range(page.tabs.count()):
            page.tabs.setCurrentIndex(tab)
            fits_the_screen(page.window(), f"meetings-{size}-{tab}")


def test_an_edit_is_one_undo_step(page_window):
    page = meetings_page(page_window)
    store = page_window.context.store
    meeting = page.meeting_id
    before = records.get_meeting(store, meeting)["place"]
    page.place.setText("湯田地域交流センター 和室")
    page.agenda.table.item(0, 1).setText("夏まつりの実施について（修正）")
    assert page.save()
    assert records.get_meeting(store, meeting)["place"] == "湯田地域交流センター 和室"
    assert agenda.items(store, meeting)[0]["title"] == "夏まつりの実施について（修正）"
    page_window.context.undo_stack.undo()
    assert records.get_meeting(store, meeting)["place"] == before
    assert agenda.items(store, meeting)[0]["title"] != "夏まつりの実施について（修正）"


def test_absurd_votes_are_refused_with_the_services_message(page_window, monkeypatch):
    shown = []
    monkeypatch.setattr("kyodo_desktop.ui.meetings.page.show_error",
                        lambda error, _parent=None: shown.append(str(error)))
    page = meetings_page(page_window)
    page.agenda.table.item(0, 4).setText("100000")
    assert not page.save()
    assert shown and "票数" in shown[0]


def test_print_buttons_write_the_minutes_and_the_papers(page_window, tmp_path):
    page = meetings_page(page_window)
    minutes = page.printing.print_minutes(tmp_path / "minutes.pdf")
    papers = page.printing.print_assembly(tmp_path / "papers.pdf")
    assert minutes.read_bytes().startswith(b"%PDF") and papers.read_bytes().startswith(b"%PDF")


def test_decisions_and_papers_texts_are_saved(page_window, qtbot, monkeypatch):
    from kyodo_desktop.services.meetings import assembly, rules

    shown = []
    monkeypatch.setattr("kyodo_desktop.ui.meetings.papers_dialog.show_error",
                        lambda error, _parent=None: shown.append(str(error)))
    page = meetings_page(page_window)
    store, context = page_window.context.store, page_window.context
    meeting = page.meeting_id
    page.decisions.add_button.click()
    last = page.decisions.table.rowCount() - 1
    for column, text in enumerate(("会場を予約する", "事務局", "R8.5.31", "")):
        page.decisions.table.item(last, column).setText(text)
    assert page.save()
    assert "会場を予約する" in [a.content for a in agenda.actions(store, meeting)]
    dialog = page.edit_papers()
    qtbot.addWidget(dialog)
    dialog.section.setCurrentIndex(dialog.section.findData("plan"))
    dialog.text.setPlainText("今年度は次の事業を行います。")
    assert dialog.save_text()
    assert assembly.texts(store, context.council_id, 2026)["plan"] == "今年度は次の事業を行います。"
    dialog.revised_on.setText("R8.4.26")
    dialog.summary.setText("第6条改正")
    assert dialog.add_revision()
    assert rules.revisions(store, context.council_id)[-1]["summary"] == "第6条改正"
    dialog.revised_on.setText("R8.4.26")  # the same day again: refused, nothing written
    assert not dialog.add_revision()
    assert shown and "既に登録" in shown[0]
