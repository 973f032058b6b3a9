"""The 総会議案書 reads back with the 収支決算書's and the 収支予算書's figures, the officers in
office on the 総会 date, no contacts, and 「案」 until every result is recorded."""

from __future__ import annotations

import re
from collections import Counter

from kyodo_desktop.reports.general_assembly import build_general_assembly
from kyodo_desktop.reports.grant_application import budget_statement_section
from kyodo_desktop.reports.grant_layout import build_sections
from kyodo_desktop.reports.grant_results import settlement_statement_section
from kyodo_desktop.reports.readback import fonts, page_texts
from kyodo_desktop.reports.registry import ReportRequest
from kyodo_desktop.services.forms.common import Gate
from kyodo_desktop.services.forms.grants import fund_statements
from kyodo_desktop.services.meetings import agenda, assembly

AMOUNT = re.compile(r"△?\d{1,3}(?:,\d{3})+")


def amounts(text: str) -> list[str]:
    return AMOUNT.findall(text)


def between(pages: list[str], start: str, end: str) -> str:
    """The text from the last ``start`` (the 次第 names every 議案 first) to the next ``end``,
    blanks removed."""
    text = "\n".join(pages)
    starts = list(re.finditer(r"\s*".join(map(re.escape, start)), text))
    first = starts[-1].start()
    return text[first:re.compile(r"\s*".join(map(re.escape, end))).search(text, first).start()]


def papers(store, council, year=2026) -> list[str]:
    pdf = build_general_assembly(store, ReportRequest(council, year))
    assert all(fonts(pdf).values())
    return page_texts(pdf)


def test_settlement_figures_are_those_of_the_settlement_statement(demo_store, yuda):
    statement = page_texts(build_sections([settlement_statement_section(
        demo_store, yuda, 2025, Gate())]))
    pages = papers(demo_store, yuda)
    second = between(pages, "第2号議案令和7年度収支決算", "令和7年度の会計について")
    expected = amounts("\n".join(statement))
    assert len(expected) > 50
    assert amounts(second) == expected


def test_budget_figures_are_those_of_the_budget_statement(demo_store, yuda):
    statement = page_texts(build_sections([budget_statement_section(demo_store, yuda, 2026,
                                                                    Gate())]))
    fifth = between(papers(demo_store, yuda), "第5号議案令和8年度収支予算", "規約")
    by_fund = "\n".join(statement)
    expected = Counter(amounts(by_fund[:by_fund.rindex("総括")]))  # the funds, not the 総括
    assert sum(expected.values()) > 20
    assert not expected - Counter(amounts(fifth))
    this_year = {f.fund_code: f for f in fund_statements(demo_store, yuda, 2026)}
    last_year = {f.fund_code: f for f in fund_statements(demo_store, yuda, 2025)}
    for fund, code in zip(assembly.budget_funds(demo_store, yuda, 2026), this_year,
                          strict=True):
        total = next(r for r in fund.expense if r.name == "支出合計")
        assert total.budget == this_year[code].expense_total.budget
        assert total.previous == last_year[code].expense_total.budget


def test_officers_are_those_in_office_on_the_assembly_day(demo_store, yuda):
    day = assembly.ordinary_assembly(demo_store, yuda, 2026)["held_on"]
    names = demo_store.query(
        "SELECT p.name, p.phone, p.address FROM officer_terms t JOIN people p ON p.id = t.person_id "
        "WHERE t.council_id = ? AND t.starts_on <= ? AND coalesce(t.ends_on, '9999') >= ?",
        (yuda, day.isoformat(), day.isoformat()))
    former = demo_store.scalar(
        "SELECT p.name FROM officer_terms t JOIN people p ON p.id = t.person_id "
        "WHERE t.council_id = ? AND t.ends_on < '2025-04-01' AND t.role = 'president'", (yuda,))
    pages = papers(demo_store, yuda)
    third = between(pages, "第3号議案", "第4号議案")
    assert names and all(r["name"] in third for r in names)
    assert former not in third
    assert "令和7年4月1日〜令和9年3月31日" in third
    whole = "".join(pages)
    assert not any(r["phone"] and r["phone"] in whole for r in names)
    assert not any(r["address"] and r["address"] in whole for r in names)
    assert "引き続き務め" in third  # the year's edited text


def test_draft_until_every_result_is_recorded(demo_store, yuda):
    pages = papers(demo_store, yuda)
    assert "（案）" not in pages[0] and "可決" in "".join(pages)
    meeting = assembly.ordinary_assembly(demo_store, yuda, 2026)["id"]
    fourth = next(i for i in agenda.items(demo_store, meeting) if i["number"] == 4)
    agenda.update_item(demo_store, fourth["id"], {"result": None})
    assert "（案）" in papers(demo_store, yuda)[0]
    without = papers(demo_store, yuda, 2027)  # no 総会 entered yet
    assert "（案）" in without[0] and "令和9年4月" not in without[0]


def test_a_very_long_motion_text_is_printed_whole(demo_store, yuda):
    long_text = "\n".join(f"第{n}項　" + "事業の説明を詳しく記します。" * 20 for n in range(1, 31))
    assembly.set_text(demo_store, yuda, 2026, "plan", long_text + "\n最後の行")
    text = "".join(papers(demo_store, yuda)).replace("\n", "")
    assert "第30項" in text and "最後の行" in text


def test_a_first_year_prints_the_previous_budget_as_unknown_not_zero(demo_store, yuda):
    """令和7年度 is the demo's first 年度: no 令和6年度 budget is recorded, so 前年度予算額 and
    増減 print 「－」 — never 0 and an 増減 equal to the whole budget."""
    funds = assembly.budget_funds(demo_store, yuda, 2025)
    assert funds and all(r.previous is None and r.change is None
                         for f in funds for r in f.income + f.expense)
    fifth = between(papers(demo_store, yuda, 2025), "第5号議案令和7年度収支予算", "規約")
    compact = re.sub(r"\s+", "", fifth)
    assert "収入合計4,824,000－－" in compact
    assert "前年度の予算の記録がない" in compact
    later = assembly.budget_funds(demo_store, yuda, 2026)  # 令和7年度 is known
    assert all(r.previous is not None for f in later for r in f.income + f.expense)


def test_a_budget_that_leaves_money_over_shows_it_as_the_budget_statement_does(demo_store,
                                                                                 yuda):
    """The 自主財源 budget leaves money over: the 議案書 prints it under 支出合計 as
    次年度繰越金（見込）, the figure and wording of the 収支予算書 (FundStatement.planned_carry_out),
    beside the previous 年度's."""
    this_year = {f.fund_name: f for f in fund_statements(demo_store, yuda, 2026)}
    last_year = {f.fund_name: f for f in fund_statements(demo_store, yuda, 2025)}
    funds = {f.fund_name: f for f in assembly.budget_funds(demo_store, yuda, 2026)}
    own = funds["自主財源"].expense[-1]
    assert own.name == "次年度繰越金（見込）"
    assert own.budget == this_year["自主財源"].planned_carry_out > 0
    assert own.previous == last_year["自主財源"].planned_carry_out > 0
    assert all(funds[name].expense[-1].name == "支出合計" for name in ("運営支援", "活動支援"))
    fifth = re.sub(r"\s+", "", between(papers(demo_store, yuda), "第5号議案令和8年度収支予算",
                                        "規約"))
    assert fifth.count(f"次年度繰越金（見込）{own.budget:,}{own.previous:,}{own.change:,}") == 1
    statement = re.sub(r"\s+", "", "\n".join(page_texts(build_sections([
        budget_statement_section(demo_store, yuda, 2026, Gate())]))))
    assert f"次年度繰越金（見込）{own.budget:,}" in statement


def _preset_with_words(monkeypatch, **forms):
    """The 山口市 preset as if its JSON worded ``forms`` ({form key: {word: text}}) its own way."""
    import dataclasses

    from kyodo_desktop.services.council import presets

    real = presets.load_preset("yamaguchi")
    changed = {key: {**real.forms[key], **forms.get(key, {})} for key in real.forms}
    monkeypatch.setattr(presets, "load_preset",
                        lambda code: dataclasses.replace(real, forms=changed))


def test_the_tables_take_their_words_from_the_forms_they_repeat(demo_store, yuda, monkeypatch):
    """A council whose preset names the columns of the 事業実績書 / 事業計画書, the parts of the
    収支予算書 and the 監事 its own way gets the same words in the 議案書: one source."""
    _preset_with_words(
        monkeypatch,
        business_results={"columns": ["番号", "事業の名称", "担当", "実施した日", "参加人数",
                                      "事業の成果", "事業費", "交付金", "自主財源", "その他"],
                          "participants_unit": "名"},
        business_plan={"columns": ["番号", "項目", "事業の名称", "担当", "予定の時期",
                                   "会場", "対象", "見込み人数", "連携", "予算の額"],
                       "participants_unit": "名"},
        budget_statement={"columns": ["款項", "予算の額", "摘要"], "income": "歳入",
                          "expense": "歳出", "income_total": "歳入合計",
                          "expense_total": "歳出合計", "fund_suffix": "勘定",
                          "carried_out_planned": "翌年度への繰越見込額"},
        audit_report={"title": "監査の報告", "auditor_role": "監査委員"})
    text = re.sub(r"\s+", "", "".join(papers(demo_store, yuda)))
    first = between([text], "第1号議案令和7年度事業報告", "第2号議案")
    assert "事業の名称実施した日会場参加人数事業の成果" in first  # the header row
    assert "事業名" not in first
    assert re.search(r"\d名", first)  # the preset's unit
    fourth = between([text], "第4号議案令和8年度事業計画", "第5号議案")
    assert "事業の名称予定の時期会場見込み人数予算の額（円）" in fourth
    assert "事業名" not in fourth and "参加見込" not in fourth
    fifth = between([text], "第5号議案令和8年度収支予算", "規約")
    assert all(word in fifth for word in ("款項", "令和8年度予算の額", "歳入", "歳出",
                                          "歳入合計", "歳出合計", "活動支援勘定",
                                          "翌年度への繰越見込額"))
    assert not any(word in fifth for word in ("収入の部", "支出合計", "活動支援会計",
                                              "次年度繰越金（見込）"))
    second = between([text], "第2号議案令和7年度収支決算", "第3号議案")
    assert "監査の報告" in second and "監査委員" in second and "監事" not in second
