"""The 個人情報 tab of the roster page: fits 1366×768 at every text size; an answer is saved as
one undo step and a bad date is refused beside its field; the 避難行動要支援者名簿 asks to whom and
records a 提供記録 (cancelled: nothing written); the roster export with phones does too; the
保存期間 dialog deletes a person past the period as one undo step."""

from __future__ import annotations

import pytest

from kyodo_desktop.reports.readback import page_texts
from kyodo_desktop.services.privacy import register, retention
from kyodo_desktop.services.privacy.provisions import ProvisionAnswer, list_provisions
from kyodo_desktop.services.settings import TEXT_SIZES
from kyodo_desktop.ui.areas import area_row
from kyodo_desktop.ui.privacy import provision


@pytest.fixture
def window(open_window, demo_path):
    window = open_window(demo_path)
    window.context.set_fiscal_year(2026)
    window.sidebar.setCurrentRow(area_row("roster"))
    return window


def _page(window):
    from kyodo_desktop.ui.roster.page import RosterPage

    page = window.findChildren(RosterPage)[0]
    page.tabs.setCurrentWidget(page.privacy)
    return page


@pytest.fixture
def answered(monkeypatch):
    asked = []

    def answer(_context, _parent, what, people):
        asked.append((what, people))
        return ProvisionAnswer("湯田地区自主防災連合会", "避難支援", "事務局")

    monkeypatch.setattr(provision, "ask_answer", answer)
    return asked


@pytest.mark.parametrize("size", list(TEXT_SIZES))
def test_the_tab_fits_1366_by_768_at_every_text_size(area_at_size, fits_the_screen, size):
    with area_at_size("roster", size, "個人情報") as page:
        page.privacy.table.selectRow(0)
        fits_the_screen(page.window(), f"privacy-{size}")


def test_an_answer_is_one_undo_step_and_a_bad_date_is_refused(window):
    tab = _page(window).privacy
    store = window.context.store
    tab.table.selectRow(0)
    person = tab.current_id
    before = register.person_privacy(store, person)
    combo = tab.editor.answers["photo_publicity"]
    combo.setCurrentIndex(combo.findData(False))
    tab.editor.days["photo_publicity"].setText("令和8年2月30日")
    assert not tab.save()
    assert tab.editor.error.text()
    assert register.person_privacy(store, person) == before
    tab.editor.days["photo_publicity"].setText("Ｒ８．１１．１")
    assert tab.save()
    saved = register.person_privacy(store, person)["consents"]["photo_publicity"]
    assert saved["agreed"] is False and saved["recorded_on"].isoformat() == "2026-11-01"
    window.context.undo_stack.undo()
    assert register.person_privacy(store, person) == before


def test_the_evacuation_list_asks_to_whom_and_records_it(window, tmp_path, answered,
                                                         monkeypatch):
    tab = _page(window).privacy
    store, council = window.context.store, window.context.council_id
    count = len(list_provisions(store, council))
    path = tab.print_evacuation_list(tmp_path / "list.pdf")
    assert path is not None and "避難行動要支援者名簿" in "".join(page_texts(path.read_bytes()))
    assert answered and answered[0][1] == 7
    last = list_provisions(store, council)[-1]
    assert len(list_provisions(store, council)) == count + 1
    assert (last["kind"], last["people"], last["recipient"]) == (
        "evacuation-support", 7, "湯田地区自主防災連合会")
    monkeypatch.setattr(provision, "ask_answer", lambda *_a: None)  # キャンセル
    assert tab.print_evacuation_list(tmp_path / "again.pdf") is None
    assert not (tmp_path / "again.pdf").exists()
    assert len(list_provisions(store, council)) == count + 1
    assert tab.print_form(blank=True, path=tmp_path / "blank.pdf") is not None
    assert len(list_provisions(store, council)) == count + 1  # a 同意書 holds no contacts


def test_the_roster_export_with_phones_records_a_provision(window, tmp_path, answered,
                                                           monkeypatch):
    page = _page(window)
    store, council = window.context.store, window.context.council_id
    target = tmp_path / "roster.xlsx"
    monkeypatch.setattr("kyodo_desktop.ui.roster.page.QFileDialog.getSaveFileName",
                        lambda *_a, **_k: (str(target), ""))
    page.export()
    assert target.exists()
    last = list_provisions(store, council)[-1]
    assert last["kind"] == "organizations" and last["people"] == answered[0][1] > 50


def test_the_retention_dialog_deletes_past_the_period_as_one_undo_step(window):
    from PySide6.QtCore import Qt

    from kyodo_desktop.ui.privacy.retention_dialog import RetentionDialog

    store, council = window.context.store, window.context.council_id
    dialog = RetentionDialog(window.context, window)
    assert dialog.due.count() == 1 and dialog.kept.count() == 1
    assert dialog.years.text() == "3" and "取扱規程" in dialog.source.text()
    assert not dialog.delete_ticked(confirm=False)
    dialog.due.item(0).setCheckState(Qt.CheckState.Checked)
    person = dialog.ticked()[0]
    assert dialog.delete_ticked(confirm=False)
    assert store.scalar("SELECT count(*) FROM people WHERE id = ?", (person,)) == 0
    window.context.undo_stack.undo()
    assert store.scalar("SELECT count(*) FROM people WHERE id = ?", (person,)) == 1
    dialog.years.setText("百")
    assert not dialog.save_rule() and dialog.message.text()
    dialog.years.setText("５")
    assert dialog.save_rule()
    assert retention.retention_rule(store, council).keep_years == 5
    dialog.close()


def test_saving_a_person_deleted_meanwhile_shows_the_message(window, monkeypatch):
    from kyodo_desktop.services.roster.people import delete_person

    shown = []
    monkeypatch.setattr("kyodo_desktop.ui.privacy.register_tab.show_error",
                        lambda error, _parent=None: shown.append(str(error)))
    tab = _page(window).privacy
    tab.table.selectRow(0)
    person = tab.current_id
    tab.editor.support.setChecked(True)
    delete_person(window.context.store, person)
    assert not tab.save()
    assert shown and "もういません" in shown[0]
