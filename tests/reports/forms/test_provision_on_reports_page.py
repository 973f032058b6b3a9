"""The 帳票印刷 page asks to whom a form with personal data (the 避難行動要支援者名簿) is given
before saving it and records the 提供記録; cancelling saves nothing; a form without personal
data (the 同意書) asks nothing."""

from __future__ import annotations

import pytest

from kyodo_desktop.services.privacy.provisions import ProvisionAnswer, list_provisions
from kyodo_desktop.ui.privacy import provision

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_a_form_with_personal_data_asks_and_records(page, demo, council_id, tmp_path,
                                                    monkeypatch):
    asked = []
    monkeypatch.setattr(provision, "ask_answer", lambda _c, _p, what, people: asked.append(
        (what, people)) or None)
    before = len(list_provisions(demo, council_id))
    page.choose("evacuation-support")
    assert page.save_to(tmp_path / "cancelled.pdf") is False
    assert not (tmp_path / "cancelled.pdf").exists() and asked[0][1] == 7
    monkeypatch.setattr(provision, "ask_answer", lambda _c, _p, what, people: ProvisionAnswer(
        "自主防災会", "避難支援", "事務局"))
    assert page.save_to(tmp_path / "list.pdf") is True
    records = list_provisions(demo, council_id)
    assert len(records) == before + 1
    assert (records[-1]["kind"], records[-1]["people"]) == ("evacuation-support", 7)
    page.choose("consent-form")
    monkeypatch.setattr(provision, "ask_answer", lambda *_a: pytest.fail("asked for a 同意書"))
    assert page.save_to(tmp_path / "form.pdf") is True
    assert len(list_provisions(demo, council_id)) == before + 1


def test_the_record_is_written_before_the_file_and_taken_back_when_writing_fails(
        page, demo, council_id, tmp_path, monkeypatch):
    from kyodo_desktop import fileops
    from kyodo_desktop.errors import UserError

    monkeypatch.setattr(provision, "ask_answer", lambda _c, _p, what, people: ProvisionAnswer(
        "自主防災会", "避難支援", "事務局"))
    before = len(list_provisions(demo, council_id))
    seen = []

    def failing(path, data, **_kw):
        seen.append(len(list_provisions(demo, council_id)))  # recorded before the writing
        raise UserError("ディスクがいっぱいです。")

    monkeypatch.setattr(fileops, "write_bytes", failing)
    monkeypatch.setattr("kyodo_desktop.ui.reports.page.show_error", lambda *_a: None)
    page.choose("evacuation-support")
    assert page.save_to(tmp_path / "list.pdf") is False
    assert seen == [before + 1]
    assert len(list_provisions(demo, council_id)) == before  # nothing was handed out
