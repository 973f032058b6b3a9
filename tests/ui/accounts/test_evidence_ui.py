"""The 証拠書類 strip of the 出納簿 tab: thumbnails of the chosen entry's receipts, attach / open /
remove, each an undo step; a refused file is named and nothing is attached."""

from __future__ import annotations

from datetime import date

import pytest

from kyodo_desktop.demo.receipts import receipt_pdf, receipt_picture
from kyodo_desktop.services.accounting import attachments

FY = 2025
DAY = date(2025, 6, 3)


@pytest.fixture
def files(tmp_path) -> list[str]:
    photo, scan = tmp_path / "IMG_0001.jpg", tmp_path / "scan.pdf"
    photo.write_bytes(receipt_picture("文具店", DAY, "コピー用紙", 1_980))
    scan.write_bytes(receipt_pdf("文具店", DAY, "コピー用紙", 1_980))
    return [str(photo), str(scan)]


@pytest.fixture
def shown_errors(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr("kyodo_desktop.ui.accounts.evidence.show_error",
                        lambda error, parent=None: shown.append(str(error)))
    return shown


def test_attach_shows_thumbnails_and_undo_takes_them_away(page, context, store, entry_id, files):
    page.cash_book.reload()
    strip = page.cash_book.evidence
    page.cash_book.table.selectRow(0)
    assert strip.entry_id == entry_id and strip.add_button.isEnabled()
    assert strip.attach(files)
    assert strip.list.count() == 2
    assert not strip.list.item(0).icon().isNull()
    assert strip.title.text() == "証拠書類（2 件）" and strip.title.toolTip() == "コピー用紙"
    context.undo_stack.undo()  # both files in one step
    assert attachments.list_attachments(store, entry_id) == []
    assert strip.list.count() == 0
    context.undo_stack.redo()
    assert strip.list.count() == 2


def test_remove_asks_and_is_undoable(page, context, store, entry_id, files, answers):
    strip = page.cash_book.evidence
    strip.set_entry(entry_id)
    strip.attach(files[:1])
    assert strip.remove_selected()
    assert "IMG_0001.jpg" in answers.asked[-1]
    assert strip.list.count() == 0 and store.scalar("SELECT count(*) FROM attachment_blobs") == 0
    context.undo_stack.undo()
    assert strip.list.count() == 1


def test_a_renamed_program_is_refused_by_name(page, store, entry_id, tmp_path, shown_errors,
                                              files):
    fake = tmp_path / "領収書.jpg"
    fake.write_bytes(b"MZ\x90\x00" + b"\x00" * 500)
    strip = page.cash_book.evidence
    strip.set_entry(entry_id)
    assert not strip.attach([files[0], str(fake)])
    assert "領収書.jpg" in shown_errors[-1] and "PDF・JPEG・PNG" in shown_errors[-1]
    assert attachments.list_attachments(store, entry_id) == []  # all or nothing


def test_open_shows_the_picture_and_the_pdf(page, entry_id, files, qtbot):
    strip = page.cash_book.evidence
    strip.set_entry(entry_id)
    strip.attach(files)
    strip.list.setCurrentRow(0)
    viewer = strip.open_selected()
    qtbot.addWidget(viewer)
    assert not viewer.view.widget().pixmap().isNull()
    strip.list.setCurrentRow(1)
    pdf_viewer = strip.open_selected()
    qtbot.addWidget(pdf_viewer)
    assert pdf_viewer.view.page_count() == 1


def test_the_strip_shows_only_with_an_entry_chosen(page, entry_id):
    strip = page.cash_book.evidence
    strip.set_entry(None)  # a new line: no files to show, the list keeps the room
    assert strip.isHidden()
    strip.set_entry(entry_id)
    assert not strip.isHidden() and strip.add_button.isEnabled()
