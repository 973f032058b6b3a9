"""The 会費納入状況一覧 of a council without 自治会 says so and where to enter them, instead of
「0自治会（）」 over an empty table of zeros."""

from __future__ import annotations

import re

from kyodo_desktop.reports.dues_status import build_dues_status
from kyodo_desktop.reports.readback import page_texts
from kyodo_desktop.reports.registry import ReportRequest
from kyodo_desktop.services.council.profile import create_council
from kyodo_desktop.store import open_store


def test_no_associations_is_said_in_words(tmp_path):
    with open_store(tmp_path / "new.sqlite3") as store:
        council, _changes = create_council(store, "新町地域づくり協議会", district_name="新町")
        text = re.sub(r"\s+", "", "".join(page_texts(build_dues_status(
            store, ReportRequest(council, 2026)))))
    assert "自治会が登録されていません" in text
    assert "構成団体・役員" in text
    assert "0自治会" not in text and "（）" not in text
    assert "合計" not in text
