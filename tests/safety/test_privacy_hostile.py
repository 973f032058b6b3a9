"""Hostile input on the personal data register: 提供先/目的 that are empty, invisible, enormous
or full of control characters; person numbers in 全角, negative, huge or of another council;
和暦 and impossible dates on the 同意書 days; nothing bad is stored and no traceback is shown."""

from __future__ import annotations

from datetime import date

import pytest

from kyodo_desktop.cli import main
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.services.privacy.papers import person_id_from
from kyodo_desktop.services.privacy.provisions import (
    MAX_TEXT,
    ProvisionAnswer,
    clean_answer,
    record_provision,
)
from kyodo_desktop.services.privacy.register import person_privacy, save_person_privacy
from kyodo_desktop.services.roster.people import create_person
from kyodo_desktop.store import open_store

from .conftest import yuda_id


@pytest.mark.parametrize(("recipient", "purpose", "by", "field"), [
    ("", "連絡", "田中", "recipient"),
    ("\u200b\u200b", "連絡", "田中", "recipient"),
    ("自治会長", "\x00\x07", "田中", "purpose"),
    ("自治会長", "連絡", "   ", "printed_by"),
    ("あ" * (MAX_TEXT + 1), "連絡", "田中", "recipient"),
    ("自治会長", "¥1,234" * 1000, "田中", "purpose"),
])
def test_bad_answers_are_refused(recipient, purpose, by, field):
    with pytest.raises(ValidationError) as raised:
        clean_answer(recipient, purpose, by)
    assert raised.value.field == field


def test_answers_are_stored_as_one_clean_line(demo_store):
    council = yuda_id(demo_store)
    new = record_provision(demo_store, council, kind="handbook", document="手引き", people=3,
                           answer=ProvisionAnswer("自治会長\n\x1b[31m各位", "ＡＢＣ連絡", "田中"))
    row = demo_store.query("SELECT recipient, purpose FROM data_provisions WHERE id = ?",
                           (new,))[0]
    assert row["purpose"] == "ABC連絡"
    assert row["recipient"].startswith("自治会長") and row["recipient"].endswith("各位")
    assert not any(ord(c) < 32 for c in row["recipient"])


@pytest.mark.parametrize("ref", ["abc", "-1", "1e3", "99999999999999999999", "1.5", "１２３４５６"])
def test_bad_person_numbers_are_refused(demo_store, ref):
    with pytest.raises(UserError):
        person_id_from(demo_store, yuda_id(demo_store), ref)


def test_person_numbers_in_full_width_digits_work_and_other_councils_are_refused(demo_store):
    council = yuda_id(demo_store)
    person = demo_store.scalar("SELECT min(id) FROM people WHERE council_id = ?", (council,))
    wide = str(person).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert person_id_from(demo_store, council, wide) == person
    other = demo_store.scalar("SELECT min(id) FROM councils WHERE id != ?", (council,))
    with pytest.raises(UserError):
        person_id_from(demo_store, other, str(person))


@pytest.mark.parametrize("day", ["令和8年4月1日", "R8.4.1", "２０２６年４月１日", date(2026, 4, 1)])
def test_consent_days_in_any_common_form_are_read(demo_store, day):
    person = create_person(demo_store, yuda_id(demo_store), {"name": "試験 太郎"})[0]
    save_person_privacy(demo_store, person, {"consents": {
        "roster": {"agreed": True, "recorded_on": day}}}, today=date(2026, 11, 20))
    assert person_privacy(demo_store, person)["consents"]["roster"]["recorded_on"] == date(
        2026, 4, 1)


@pytest.mark.parametrize("day", ["令和8年2月30日", "9999-01-01", "昨日", "2026/13/01", "R99.1.1"])
def test_impossible_consent_days_are_refused(demo_store, day):
    person = create_person(demo_store, yuda_id(demo_store), {"name": "試験 次郎"})[0]
    with pytest.raises(ValidationError):
        save_person_privacy(demo_store, person, {"consents": {
            "roster": {"agreed": True, "recorded_on": day}}}, today=date(2026, 11, 20))
    assert person_privacy(demo_store, person)["consents"] == {}


def test_the_command_line_refuses_hostile_provisions_without_a_traceback(demo_path, tmp_path,
                                                                         capsys):
    db = ["--db", str(demo_path), "--council", "湯田地域づくり協議会"]
    assert main(["report", "evacuation-support", *db, "--recipient", "\u200b",
                 "--purpose", "避難支援", "-o", str(tmp_path / "e.pdf")]) == 2
    assert main(["report", "consent-form", *db, "--person", "-5",
                 "-o", str(tmp_path / "c.pdf")]) == 2
    assert main(["export", "organizations", *db, "--fiscal-year", "2026",
                 "--recipient", "x" * 5000, "--purpose", "p", "-o", str(tmp_path / "o.xlsx")]) == 2
    err = capsys.readouterr().err
    assert err.count("エラー") == 3 and "Traceback" not in err
    assert not any((tmp_path / name).exists() for name in ("e.pdf", "c.pdf", "o.xlsx"))
    with open_store(demo_path) as store:
        assert store.scalar("SELECT count(*) FROM data_provisions") == 3
