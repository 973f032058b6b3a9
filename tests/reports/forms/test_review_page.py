"""The 提出前の点検 on the 帳票印刷 page and before a printed set: the 点検 button lists the
findings; printing or saving a set shows them first and 「戻って直す」 prints nothing."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _plant_date_error(demo, council_id) -> None:
    """A 交付請求 of 2026 dated before the 交付決定 (an エラー of 日付の順序)."""
    grant = demo.scalar("SELECT id FROM grants WHERE council_id = ? AND fiscal_year = 2026 "
                        "ORDER BY id LIMIT 1", (council_id,))
    demo.conn.execute("UPDATE grant_payments SET requested_on = '2026-04-01' WHERE id = "
                      "(SELECT min(id) FROM grant_payments WHERE grant_id = ?)", (grant,))


def test_the_review_button_lists_findings_with_where_to_fix(page, reviews, demo, council_id):
    _plant_date_error(demo, council_id)
    page.choose("application-set", 2026)
    found = page.review()
    assert any(f.rule == "date_order" and f.is_error for f in found)
    [shown] = reviews.shown
    assert shown[0].startswith("令和8年度の提出前の点検: エラー")
    line = next(text for text in shown if "日付の順序" in text)
    assert line.startswith("エラー") and "令和8年4月1日" in line and "直す場所: 予算・出納 > 交付金" in line
    assert "エラー" in page.status.text()


def test_go_back_and_fix_prints_nothing(page, reviews, demo, council_id, tmp_path):
    _plant_date_error(demo, council_id)
    page.choose("application-set", 2026)
    reviews.print_anyway = False
    target = tmp_path / "set.pdf"
    assert page.save_to(target) is False
    assert not target.exists()
    assert any("日付の順序" in line for line in reviews.shown[0])
    reviews.print_anyway = True
    assert page.save_to(target) is True and target.stat().st_size > 0


def test_a_single_form_prints_without_the_review(page, reviews, tmp_path):
    page.choose("cash-book", 2026)
    assert page.save_to(tmp_path / "book.pdf") is True
    assert reviews.shown == []


def test_the_dialog_offers_print_as_it_is_or_go_back(qapp, demo, council_id):
    from kyodo_desktop.services.review.run import run_review, summary
    from kyodo_desktop.ui.app import create_application
    from kyodo_desktop.ui.reports.review_dialog import ReviewDialog

    create_application()
    _plant_date_error(demo, council_id)
    found = run_review(demo, council_id, 2026)
    dialog = ReviewDialog(found, summary(found, 2026), before_printing=True)
    assert {"このまま印刷", "戻って直す"} <= set(dialog.buttons_text())
    assert len(dialog.lines()) == len(found) and "日付の順序" in dialog.lines()[0]
    dialog.deleteLater()


def test_with_notes_only_the_dialog_does_not_ask_to_fix_errors(qapp, demo, council_id):
    """注意 alone (no エラー): the hint says there is no error and asks to check the notes, not
    「エラーを直してください」 over a list that has none."""
    from PySide6.QtWidgets import QLabel

    from kyodo_desktop.services.review.run import run_review, summary
    from kyodo_desktop.ui.app import create_application
    from kyodo_desktop.ui.reports.review_dialog import ReviewDialog

    create_application()
    from kyodo_desktop.services.review.findings import CASH_BOOK, WARNING, finding

    notes = [finding(WARNING, "missing_receipt", "領収書番号のない支出が 3 件あります", CASH_BOOK)]
    dialog = ReviewDialog(notes, summary(notes, 2026), before_printing=True)
    hint = dialog.findChild(QLabel, "reviewHint")
    assert "エラーを直して" not in hint.text()
    assert hint.text().startswith("エラーはありません。") and "注意" in hint.text()
    dialog.deleteLater()
    _plant_date_error(demo, council_id)
    found = run_review(demo, council_id, 2026)
    dialog = ReviewDialog(found, summary(found, 2026), before_printing=True)
    assert "エラーを直して" in dialog.findChild(QLabel, "reviewHint").text()
    dialog.deleteLater()
