"""Importing 自治会 and people: good and bad files, precise row errors, nothing written on error,
the export's round trip, and the CLI."""

from __future__ import annotations

import openpyxl
import pytest

from kyodo_desktop.errors import UserError
from kyodo_desktop.io import roster_export
from kyodo_desktop.io.roster_import import preview_roster
from kyodo_desktop.io.roster_import_apply import apply_roster_import, run_import
from kyodo_desktop.services.roster import handover
from kyodo_desktop.services.roster import organizations as roster
from kyodo_desktop.services.roster import people as roster_people

HEADER = ["No.", "自治会名", "ふりがな", "会長氏名", "会長ふりがな", "世帯数", "加入世帯数",
          "電話番号", "住所", "地区"]


def _counts(store):
    return [store.scalar(f"SELECT count(*) FROM {t}") for t in
            ("member_organizations", "people", "officer_terms", "organization_households")]


def test_cp932_csv_with_zenkaku_digits_blank_rows_and_bad_rows(store, council, write_csv):
    path = write_csv([
        ["令和8年度 自治会名簿"],
        [],
        HEADER,
        ["1", "一区自治会", "いっくじちかい", "山田 太郎", "やまだ たろう", "１２０", "１００",
         "０８３－９２２－０００１", "山口市一区1-1", "北"],
        [],
        ["2", "", "にく", "佐藤 花子", "", "80", "60", "", "", ""],
        ["3", "三区自治会", "さんく", "鈴木 一郎", "", "50", "51", "", "", ""],
        ["4", "一区自治会", "いっくじちかい", "別人", "", "10", "5", "", "", ""],
        ["5", "四区自治会", "よんく", "", "", "3世帯", "", "12-34", "", ""],
        ["6", "五区自治会", "ごく", "高橋 次郎", "たかはし じろう", "70", "65", "", "", ""],
    ], encoding="cp932")
    preview = preview_roster(store, council, path, fiscal_year=2026)
    assert preview.encoding == "cp932" and preview.header_row == 3
    assert preview.unknown_columns == ["地区"]
    errors = {row.row_number: row.errors for row in preview.bad_rows}
    assert sorted(errors) == [6, 7, 8, 9]
    assert errors[6] == ["「自治会名」: 名前が空欄です。"]
    assert errors[7] == ["「加入世帯数」: 加入世帯数（51）は世帯数（50）を超えることはできません。"]
    assert errors[8] == ["4行目と重複しています: 一区自治会。"]
    assert "「加入世帯数」: 加入世帯数も入力してください。" in errors[9]
    assert any(e.startswith("「電話番号」") for e in errors[9])
    good = preview.good_rows
    assert [r.row_number for r in good] == [4, 10]
    assert good[0].values["households"] == (120, 100)
    assert good[0].values["president_phone"] == "083-922-0001"
    before = _counts(store)
    with pytest.raises(UserError) as caught:
        apply_roster_import(store, council, preview)
    assert "4行" in caught.value.message
    assert _counts(store) == before
    result = apply_roster_import(store, council, preview, skip_bad_rows=True)
    assert (result.organizations, result.people, result.households, result.terms) == (2, 2, 2, 2)
    listed = handover.neighborhood_presidents(store, council, 2026)
    assert [(r["organization"], r["name"], r["phone"]) for r in listed] == [
        ("一区自治会", "山田 太郎", "083-922-0001"), ("五区自治会", "高橋 次郎", "")]


def test_missing_columns_block_the_import(store, council, write_xlsx):
    path = write_xlsx([["団体名", "世帯数", "会長ふりがな"], ["一区", "10", "やまだ"]])
    preview = preview_roster(store, council, path, fiscal_year=2026)
    assert len(preview.problems) == 2
    assert "「世帯数」" in preview.problems[0] and "加入世帯数" in preview.problems[0]
    assert "会長氏名" in preview.problems[1]
    with pytest.raises(UserError):
        apply_roster_import(store, council, preview)
    nameless = write_xlsx([["世帯数", "加入世帯数"], ["10", "5"]], name="nameless.xlsx")
    assert preview_roster(store, council, nameless, fiscal_year=2026).problems == [
        "名前が入っている列を選んでください。"]
    unknown = write_xlsx([["a", "b"], ["10", "5"]], name="unknown.xlsx")
    with pytest.raises(UserError) as caught:
        preview_roster(store, council, unknown, fiscal_year=2026)
    assert "自治会名" in caught.value.message
    assert _counts(store) == [0, 0, 0, 0]


def test_duplicate_of_a_registered_group(demo, yuda, write_xlsx):
    existing = roster.list_organizations(demo, yuda, 2026)[0]
    path = write_xlsx([["自治会名", "ふりがな"], [existing["name"], ""],
                       [existing["name"], "べつのよみ"]])
    preview = preview_roster(demo, yuda, path, fiscal_year=2026)
    assert preview.rows[0].errors == [f"すでに登録されています: {existing['name']}。"]
    assert preview.rows[1].ok  # same name, other reading: another group


def test_column_mapping_can_be_chosen(store, council, write_xlsx):
    path = write_xlsx([["名前", "よみ", "戸数"], ["一区", "いっく", "30"]])
    preview = preview_roster(store, council, path, fiscal_year=2026)
    assert preview.problems == ["名前が入っている列を選んでください。"]
    assert preview.unknown_columns == ["名前", "戸数"] and preview.rows == []
    chosen = preview_roster(store, council, path, fiscal_year=2026,
                            mapping={0: "name", 1: "name_kana", 2: None})
    assert [row.values["name"] for row in chosen.good_rows] == ["一区"]
    assert chosen.unknown_columns == ["戸数"]


def test_export_round_trip(demo, yuda, store, council, tmp_path):
    path = tmp_path / "roster.xlsx"
    message = roster_export.export_organizations(demo, yuda, 2026, path)
    assert "50団体" in message
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["構成団体", "人", "加入率"]
    sheet = workbook["構成団体"]
    assert [c.value for c in sheet[1]][:7] == ["種別", "団体名", "ふりがな", "会長氏名",
                                                "会長ふりがな", "世帯数", "加入世帯数"]
    kana = [row[2].value for row in sheet.iter_rows(min_row=2)]
    from kyodo_desktop.domain.text import kana_sort_key
    assert kana == sorted(kana, key=kana_sort_key)
    # import it into an empty council: the same groups, figures and presidents come out
    preview = preview_roster(store, council, path, fiscal_year=2026)
    assert preview.bad_rows == [] and preview.unknown_columns == []
    apply_roster_import(store, council, preview)
    people = roster_export.export_organizations(store, council, 2026, tmp_path / "again.xlsx")
    assert "50団体" in people

    def essentials(db, council_id):
        return [(o["kind"], o["name"], o["name_kana"], o["households"], o["member_households"],
                 o["representative"], o["joined_on"])
                for o in roster.list_organizations(db, council_id, 2026)]

    assert essentials(store, council) == essentials(demo, yuda)
    presidents = handover.neighborhood_presidents(store, council, 2026)
    assert [(p["name"], p["phone"], p["address"]) for p in presidents] == [
        (p["name"], p["phone"], p["address"]) for p in handover.neighborhood_presidents(
            demo, yuda, 2026)]


def test_people_import_and_presidents_export(demo, yuda, store, council, tmp_path):
    path = tmp_path / "roster.xlsx"
    roster_export.export_organizations(demo, yuda, 2026, path)
    report = run_import(store, council, 2026, path, kind="people")
    assert f"{len(roster_people.list_people(demo, yuda))}人を取り込みました" in report
    names = [p["name"] for p in roster_people.list_people(store, council)]
    assert names == [p["name"] for p in roster_people.list_people(demo, yuda)]
    out = tmp_path / "presidents.xlsx"
    roster_export.export_presidents(demo, yuda, 2026, out)
    sheet = openpyxl.load_workbook(out).active
    assert sheet.max_row == 38 and sheet["C2"].value


def test_cli_import_dry_run_and_refusal(demo_file, tmp_path, write_csv, capsys):
    import shutil

    from kyodo_desktop.cli import main

    db = tmp_path / "cli.sqlite3"
    shutil.copy(demo_file, db)
    good = write_csv([["自治会名", "ふりがな", "世帯数", "加入世帯数"],
                      ["新町自治会", "しんまち", "40", "30"]], name="good.csv")
    bad = write_csv([["自治会名", "ふりがな", "世帯数", "加入世帯数"],
                     ["新町自治会", "しんまち", "40", "30"], ["旧町自治会", "", "x", "1"]],
                    name="bad.csv", encoding="cp932")
    args = ["--db", str(db), "--council", "湯田地域づくり協議会", "--fiscal-year", "2026"]
    assert main(["import", "organizations", str(good), *args, "--dry-run"]) == 0
    assert "何も書き込んでいません" in capsys.readouterr().out
    assert main(["import", "organizations", str(bad), *args]) != 0
    assert "3行目" in capsys.readouterr().err
    from kyodo_desktop.store import open_store
    with open_store(db) as opened:
        assert opened.scalar("SELECT count(*) FROM member_organizations WHERE name LIKE '%町自治会' "
                             "AND name IN ('新町自治会', '旧町自治会')") == 0
    assert main(["import", "organizations", str(bad), *args, "--skip-bad-rows"]) == 0
    out = tmp_path / "out.xlsx"
    assert main(["export", "organizations", *args, "-o", str(out)]) == 2  # to whom?
    assert main(["export", "organizations", *args, "--recipient", "事務局", "--purpose",
                 "名簿の保管", "-o", str(out)]) == 0
    assert openpyxl.load_workbook(out)["構成団体"].max_row == 52


def test_a_row_with_two_errors_reads_as_two_sentences(demo, yuda, write_xlsx):
    from kyodo_desktop.io.roster_import_apply import describe_preview

    existing = roster.list_organizations(demo, yuda, 2026)[0]
    path = write_xlsx([["自治会名", "ふりがな", "世帯数", "加入世帯数"],
                       [existing["name"], "", "-5", "1"]])
    text = describe_preview(preview_roster(demo, yuda, path, fiscal_year=2026))
    line = next(x for x in text.splitlines() if x.startswith("2行目"))
    assert "。、" not in line
    assert "すでに登録されています" in line and "「世帯数」" in line


def test_a_number_split_at_its_comma_is_a_bad_row(store, council, tmp_path):
    """「300,1,200」 typed in Notepad: 加入世帯数 would be read as 1 and the 200 lost."""
    path = tmp_path / "split.csv"
    path.write_text("自治会名,ふりがな,世帯数,加入世帯数\n新二区自治会,しんにく,1,300,1,200\n"
                    "新三区自治会,しんさんく,300,200\n", encoding="utf-8")
    preview = preview_roster(store, council, path, fiscal_year=2026)
    errors = {row.row_number: row.errors for row in preview.bad_rows}
    assert list(errors) == [2]
    assert any("F列" in e and "見出し" in e for e in errors[2])
    assert [row.row_number for row in preview.good_rows] == [3]


def test_a_memo_past_the_headings_is_not_mistaken_for_a_split_number(store, council, tmp_path):
    path = tmp_path / "memo.csv"
    path.write_text("自治会名,ふりがな,世帯数,加入世帯数\n新四区自治会,しんよんく,300,200,班長会で確認\n"
                    "新五区自治会,しんごく,1,300,1,２００世帯\n", encoding="utf-8")
    preview = preview_roster(store, council, path, fiscal_year=2026)
    assert [row.row_number for row in preview.good_rows] == [2]
    assert [row.row_number for row in preview.bad_rows] == [3]


def test_a_name_held_by_a_formula_without_its_result_says_so(store, council, tmp_path):
    """openpyxl and other programs write a formula's cell as ``<f>…</f><v/>``: the row says the
    formula's result was never saved and what to do, not that the name is empty."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["自治会名", "ふりがな", "世帯数", "加入世帯数"])
    sheet.append(['=HYPERLINK("https://example.jp","一区自治会")', "いっく", 120, 100])
    sheet.append(["二区自治会", "にく", "=40*2", 60])
    sheet.append(["三区自治会", "さんく", 50, 40])
    path = tmp_path / "名簿.xlsx"
    book.save(path)
    preview = preview_roster(store, council, path, fiscal_year=2026)
    errors = {row.row_number: row.errors for row in preview.bad_rows}
    assert sorted(errors) == [2, 3]
    for number, column in ((2, "A"), (3, "C")):
        message = " ".join(errors[number])
        assert f"{column} 列の数式は計算結果が保存されていません" in message
        assert "Excel でファイルを開いて保存し直して" in message
        assert "空欄" not in message
    assert [row.values["name"] for row in preview.good_rows] == ["三区自治会"]
