"""帳票印刷 › 市へ提出するファイル: the closed year's return is saved; an open year shows why not."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QMessageBox, QPushButton


def test_the_reports_page_saves_the_return(open_window, demo_path, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args[2]))
    errors = []
    monkeypatch.setattr("kyodo_desktop.ui.city.return_export.show_error",
                        lambda error, parent: errors.append(str(error)))
    window = open_window(demo_path)
    page = window.open_area("reports")
    button = page.findChild(QPushButton, "returnButton")
    assert button is not None and button.text() == "市へ提出するファイル…"
    page.year_combo.setCurrentIndex(page.year_combo.findData(2025))
    assert page.return_export.default_path().name == "湯田_R7.kyodo-return"
    target = tmp_path / "湯田_R7.kyodo-return"
    assert page.return_export.save_to(target)
    assert json.loads(target.read_bytes())["manifest"]["fiscal_year"] == 2025
    assert shown and "令和7年度" in shown[0]
    page.year_combo.setCurrentIndex(page.year_combo.findData(2026))
    assert not page.return_export.save_to(tmp_path / "open.kyodo-return")
    assert errors and "年度締め" in errors[0]
    assert not (tmp_path / "open.kyodo-return").exists()
