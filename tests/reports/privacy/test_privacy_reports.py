"""The register's prints: the 避難行動要支援者名簿 leaves out a 要支援者 without consent (災害対策
基本法 第49条の11), the 同意書 per person or blank, the 提供記録 list; and printing the staff
handbook or exporting a list with phone numbers writes a 提供記録 (個人情報保護法 第29条),
while a print without 提供先 and 目的 is refused before anything is written."""

from __future__ import annotations

import re
from datetime import date

import openpyxl

from kyodo_desktop.cli import main
from kyodo_desktop.reports.readback import page_texts
from kyodo_desktop.reports.registry import ReportRequest, report_kinds
from kyodo_desktop.services.handbook import facts
from kyodo_desktop.services.privacy.evacuation import evacuation_list
from kyodo_desktop.services.privacy.register import save_person_privacy
from kyodo_desktop.store import open_store

COUNCIL = ["--council", "湯田地域づくり協議会"]


def _text(pdf: bytes) -> str:
    return re.sub(r"\s+", "", "".join(page_texts(pdf)))


def _print(store, council, kind, **options) -> str:
    return _text(report_kinds()[kind].build(store, ReportRequest(council, None, options=options)))


def test_the_evacuation_list_leaves_out_a_person_without_consent(demo_store, yuda):
    before = evacuation_list(demo_store, yuda)
    assert len(before.people) == 7 and before.left_out == 3
    listed = before.people[0]
    text = _print(demo_store, yuda, "evacuation-support")
    assert listed["name"].replace(" ", "") in text and listed["phone"] in text
    assert "同意の記録がない要支援者3名は掲載していません" in text
    save_person_privacy(demo_store, listed["person_id"], {"consents": {
        "evacuation_support": {"agreed": False, "recorded_on": date(2026, 11, 1)}}})
    text = _print(demo_store, yuda, "evacuation-support")
    assert listed["name"].replace(" ", "") not in text and listed["phone"] not in text
    assert "同意の記録がない要支援者4名" in text
    unlisted = demo_store.query(
        "SELECT p.name, p.phone FROM people p JOIN person_status s ON s.person_id = p.id "
        "WHERE s.needs_evacuation_support = 1 AND p.id NOT IN (SELECT person_id FROM "
        "person_consents WHERE purpose = 'evacuation_support' AND agreed = 1)")
    assert len(unlisted) == 4
    assert all(row["phone"] not in text for row in unlisted)


def test_consent_forms_per_person_and_blank(demo_store, yuda):
    person = demo_store.query("SELECT id, name FROM people WHERE council_id = ? ORDER BY id "
                              "LIMIT 1", (yuda,))[0]
    text = _print(demo_store, yuda, "consent-form", person=str(person["id"]))
    assert "個人情報の取扱いに関する同意書" in text and person["name"].replace(" ", "") in text
    assert "■同意する" in text and "避難行動要支援者" in text and "第49条の11" in text
    blank = _print(demo_store, yuda, "consent-form")
    assert person["name"].replace(" ", "") not in blank and "■" not in blank


def test_staff_handbook_and_phone_exports_write_a_provision_record(demo_path, tmp_path,
                                                                   capsys):
    db = ["--db", str(demo_path), *COUNCIL, "--fiscal-year", "2026"]
    assert main(["report", "handbook", *db, "--edition", "staff",
                 "-o", str(tmp_path / "h.pdf")]) == 2
    assert "--recipient" in capsys.readouterr().err and not (tmp_path / "h.pdf").exists()
    assert main(["report", "handbook", *db, "--edition", "staff", "--recipient", "各自治会長",
                 "--purpose", "自治会長間の連絡", "--printed-by", "事務局 山本",
                 "-o", str(tmp_path / "h.pdf")]) == 0
    assert main(["report", "handbook", *db, "-o", str(tmp_path / "public.pdf")]) == 0
    assert main(["export", "presidents", *db, "--recipient", "山口市協働推進課",
                 "--purpose", "名簿の提出", "-o", str(tmp_path / "p.xlsx")]) == 0
    with open_store(demo_path) as store:
        rows = store.query("SELECT kind, document, people, recipient, purpose, printed_by, "
                           "provided_on FROM data_provisions ORDER BY id")[-2:]
    handbook, presidents = rows
    assert handbook["kind"] == "handbook" and "事務局用" in handbook["document"]
    assert handbook["recipient"] == "各自治会長" and handbook["printed_by"] == "事務局 山本"
    assert handbook["people"] >= 10 and handbook["provided_on"] == date.today().isoformat()
    sheet = openpyxl.load_workbook(tmp_path / "p.xlsx").active
    phones = [row[6] for row in sheet.iter_rows(min_row=2, values_only=True) if row[6]]
    assert presidents["kind"] == "presidents" and presidents["people"] == len(phones) > 5
    listing = _text((tmp_path / "list.pdf").read_bytes()) if main([
        "report", "data-provisions", *db, "-o", str(tmp_path / "list.pdf")]) == 0 else ""
    assert "山口市協働推進課" in listing and "各自治会長" in listing
    assert "保存期間を過ぎた個人データの削除" in listing and "個人情報取扱規程" in listing


def test_a_person_without_roster_consent_has_no_contacts_in_the_staff_handbook(demo_store,
                                                                                yuda):
    on = facts.reference_date(2026)
    group = next(g for g in facts.associations(demo_store, yuda, 2026, on) if g.phone)
    officer = {"id": group.person_id, "phone": group.phone}
    request = ReportRequest(yuda, 2026, options={"edition": "staff"})
    kind = report_kinds()["handbook"]
    before = kind.personal_data(demo_store, request)
    assert officer["phone"] in _text(kind.build(demo_store, request))
    save_person_privacy(demo_store, officer["id"], {"consents": {
        "roster": {"agreed": False, "recorded_on": date(2026, 11, 1)}}})
    assert officer["phone"] not in _text(kind.build(demo_store, request))
    assert kind.personal_data(demo_store, request) == before - 1


def test_the_contact_network_leaves_out_a_person_without_consent(demo_store, yuda):
    from kyodo_desktop.services.privacy.network import contact_network

    kind = report_kinds()["contact-network"]
    request = ReportRequest(yuda, 2026)
    found = contact_network(demo_store, yuda, 2026)
    person = found.people[0]
    text = _text(kind.build(demo_store, request))
    assert person["phone"] in text and kind.personal_data(demo_store, request) == len(
        found.people)
    save_person_privacy(demo_store, person["id"], {"consents": {
        "contact_network": {"agreed": False, "recorded_on": date(2026, 11, 1)}}})
    text = _text(kind.build(demo_store, request))
    assert person["phone"] not in text and "同意していない役員等1名" in text
    assert kind.personal_data(demo_store, request) == len(found.people) - 1
