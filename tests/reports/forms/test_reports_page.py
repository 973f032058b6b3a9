"""The 帳票印刷 page (pytest-qt): previews the demo's application set in the app, saves it as
PDF remembering the folder, shows a missing prerequisite's message, prints through QPrinter."""

from __future__ import annotations

import pytest

from kyodo_desktop.reports.readback import page_texts

#: the offscreen platform warns on showing a top-level widget; nothing to fix in the page
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_lists_the_year_end_set_first_in_japanese(page):
    first = page.kind_list.item(0)
    assert first.text().startswith("年度末一式")
    assert page.year_combo.currentData() == 2026


def test_previews_and_saves_the_application_set(page, tmp_path, monkeypatch):
    page.choose("application-set", 2026)
    assert page.show_preview()
    assert page.preview.page_count() >= 3
    assert "ページ" in page.preview.info.text() or str(page.preview.page_count()) in \
        page.preview.info.text()
    target = tmp_path / "out" / "申請書類.pdf"
    target.parent.mkdir()
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName",
                        lambda *args, **kwargs: (str(target.with_suffix("")), ""))
    saved = page.save_dialog()
    assert saved == target and target.is_file()
    texts = page_texts(target.read_bytes())
    assert "交付申請書" in texts[0] and any("収支予算書" in t for t in texts)
    assert page.settings.value("reports/last_folder") == str(target.parent)
    assert page.default_path().parent == target.parent


def test_the_save_dialog_starts_at_home_when_the_last_folder_is_gone(page, tmp_path):
    """The folder last saved to was on a USB memory now taken out (or deleted): the dialog
    starts in the home folder, not in a folder that is not there (Qt would then open the
    program's own folder)."""
    from pathlib import Path

    gone = tmp_path / "USB" / "帳票 2026"
    page.settings.setValue("reports/last_folder", str(gone))
    page.choose("application-set", 2026)
    assert page.default_path().parent == Path.home()
    assert page.default_path().name == "令和8年度_交付申請書類一式.pdf"
    gone.mkdir(parents=True)
    assert page.default_path().parent == gone


def test_missing_prerequisite_shows_what_to_enter_then_draft_prints(page):
    page.choose("settlement", 2026)
    assert not page.show_preview()
    assert "年度締め" in page.message.text()
    page.draft_check.setChecked(True)
    assert page.show_preview()
    assert page.message.text() == ""


def test_printing_renders_every_page_on_a4(page, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from kyodo_desktop.ui.reports.printing import a4_printer, render

    page.choose("audit-report", 2025)
    pdf = page.make_pdf()
    printer = a4_printer("test")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert render(pdf, printer) == len(page_texts(pdf))
    assert (tmp_path / "printed.pdf").stat().st_size > 0


def test_screenshots(page, qtbot, screenshot_dir):
    page.choose("year-end", 2025)
    assert page.show_preview()
    folder = screenshot_dir
    for width, height in ((1366, 768), (1920, 1080)):
        page.resize(width, height)
        qtbot.wait(800)
        assert page.grab().save(str(folder / f"reports_{width}.png"))


def test_payment_request_letter_is_chosen_per_advance_payment(page, tmp_path):
    from kyodo_desktop.services.forms.application import request_days

    page.choose("payment-request", 2025)
    assert page.payment_combo.isVisibleTo(page)
    days = request_days(page.context.store, page.context.council_id, 2025)
    assert page.payment_combo.count() == 2 + len(days)  # latest, all, 第1回 …
    page.payment_combo.setCurrentIndex(page.payment_combo.findData("all"))
    assert len(page_texts(page.make_pdf())) == len(days)
    page.payment_combo.setCurrentIndex(page.payment_combo.findData("2"))
    pages = page_texts(page.make_pdf())
    assert len(pages) == 1 and "第2回" in pages[0].replace(" ", "")
    page.choose("application-set", 2026)
    assert not page.payment_combo.isVisibleTo(page)


def test_minutes_and_distribution_sheet_are_chosen_on_the_page(page):
    from kyodo_desktop.services.meetings.records import list_meetings

    page.choose("minutes", 2026)
    options = page.kind_options
    assert options.meeting.isVisible() and not options.spares.isVisible()
    assert page.year_combo.isEnabled()  # the 年度 lists its meetings
    meetings = list_meetings(page.context.store, page.context.council_id, 2026)
    assert options.meeting.count() == len(meetings) > 0
    latest = meetings[-1]
    assert options.meeting.currentData() == latest["id"]  # the latest first
    assert page.show_preview()
    assert latest["kind_label"] in "".join(page_texts(page._pdf[1]))
    page.choose("distribution", 2026)
    assert options.spares.isVisible() and not options.meeting.isVisible()
    options.distribution_kind.setCurrentIndex(options.distribution_kind.findData("回覧"))
    options.spares.setValue(3)
    assert page.request().options.items() >= {"kind": "回覧", "spares": 3}.items()
    assert page.show_preview()
    assert "回覧" in "".join(page_texts(page._pdf[1]))
