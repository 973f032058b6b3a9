"""Plain data of the 総会議案書 of a 年度: cover (date, place of the 通常総会), 次第, 第1号
前年度事業報告, 第2号 前年度収支決算報告 and 会計監査報告, 第3号 役員, 第4号 今年度事業計画,
第5号 今年度収支予算, then the 規約 in force with its revision history and the 役員名簿 (public:
names and roles only).

The words of each 議案 are editable per 年度 (``assembly_texts``; a default when not edited);
the figures never are: the 決算 is the 収支決算書's data
(:func:`~kyodo_desktop.services.forms.application.statement_data`), the 監査 the 会計監査報告書's
(:func:`~kyodo_desktop.services.forms.books.audit_data`), the 予算 the 収支予算書's 当初予算 and
the 事業 those of the 事業実績書 / 事業計画書. So are the words of its tables: the column
headings, 「収入の部」, 「支出合計」, 「…会計」, 「監事」 are the city preset's wording of the form each
part repeats (``forms`` of ``resources/presets/<city>.json``, :func:`~kyodo_desktop.services.
forms.common.wording`), never words of its own. The 議案書 is a 「案」 until every 議案 of the
通常総会 has its result recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kyodo_desktop.domain import wareki
from kyodo_desktop.domain.accounting import EXPENSE, INCOME
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.changes import MEETINGS, Changes
from kyodo_desktop.services.council import councils
from kyodo_desktop.services.forms import application as fa
from kyodo_desktop.services.forms import common as fd
from kyodo_desktop.services.forms.books import AuditData, audit_data
from kyodo_desktop.services.forms.grants import FundStatement, fund_statements
from kyodo_desktop.services.meetings import agenda, records, rules
from kyodo_desktop.services.meetings.rows import MeetingListRow, RulesRevision
from kyodo_desktop.services.meetings.validate import clean_text
from kyodo_desktop.services.roster import officers
from kyodo_desktop.store import Store

#: The editable texts and their defaults ({previous} / {current}: 令和7年度 …; {auditor}: the
#: 会計監査報告書's word for who audits, 監事).
DEFAULT_TEXTS: dict[str, str] = {
    "order": "1　開会のことば\n2　会長あいさつ\n3　来賓祝辞\n4　議長選出\n5　議事\n"
             "6　閉会のことば",
    "report": "{previous}の事業を次のとおり実施しましたので報告します。",
    "settlement": "{previous}の収支決算を次のとおり報告します。",
    "audit": "{previous}の会計について、{auditor}による監査の結果を次のとおり報告します。",
    "officers": "役員を次のとおり選任します。",
    "plan": "{current}の事業計画を次のとおり提案します。",
    "budget": "{current}の収支予算を次のとおり提案します。",
}
SECTIONS = tuple(DEFAULT_TEXTS)
#: The 議案 of the 議案書: (number, section, title; {previous} / {current} filled in).
MOTIONS = ((1, "report", "{previous}事業報告について"),
           (2, "settlement", "{previous}収支決算報告及び会計監査報告について"),
           (3, "officers", "役員の選任について"),
           (4, "plan", "{current}事業計画（案）について"),
           (5, "budget", "{current}収支予算（案）について"))


def _years(fiscal_year: int) -> dict:
    return {"previous": wareki.format_fiscal_year(fiscal_year - 1),
            "current": wareki.format_fiscal_year(fiscal_year)}


def texts(store: Store, council_id: int, fiscal_year: int) -> dict[str, str]:
    """The 議案書's texts of 年度 ``fiscal_year`` by section: the stored one, else the default
    with the years (and the preset's word for the 監事) filled in."""
    stored = {r["section"]: r["body"] for r in store.query(
        "SELECT section, body FROM assembly_texts WHERE council_id = ? AND fiscal_year = ?",
        (council_id, fiscal_year))}
    values = _years(fiscal_year) | {
        "auditor": fd.wording(store, council_id, "audit_report").get("auditor_role")}
    return {s: stored.get(s) or DEFAULT_TEXTS[s].format(**values) for s in SECTIONS}


def set_text(store: Store, council_id: int, fiscal_year: int, section: str,
             body: object) -> Changes:
    """Store the text of ``section`` for the 年度 (empty: back to the default). Raises
    ValidationError for an unknown section or a text that is too long."""
    if section not in SECTIONS:
        raise ValidationError(_("Choose which part of the assembly papers to edit."),
                              field="section")
    text = clean_text(body, 10_000)
    with store.transaction() as db:
        db.execute("DELETE FROM assembly_texts WHERE council_id = ? AND fiscal_year = ? "
                   "AND section = ?", [council_id, fiscal_year, section])
        if text:
            db["assembly_texts"].insert({"council_id": council_id, "fiscal_year": fiscal_year,
                                         "section": section, "body": text})
    return Changes.of(MEETINGS, council_id=council_id)


@dataclass(frozen=True)
class Motion:
    """A 議案 of the 議案書: 「第1号議案」, its title, text and the recorded result ("" until
    the 総会 decided it)."""

    label: str
    section: str
    title: str
    text: str
    result: str


@dataclass(frozen=True)
class BudgetLine:
    """A row of 第5号: 科目 (``level`` 1 = a 費目 under its parent), 本年度 当初予算額, 前年度
    当初予算額 and 増減 (円); ``kind`` 'line', 'group' or 'total'. ``previous`` is None when the
    fund has no budget recorded for the previous 年度 (a first year in the app): it is unknown,
    not zero."""

    name: str
    level: int
    kind: str
    budget: int
    previous: int | None

    @property
    def change(self) -> int | None:
        """増減 = 本年度 − 前年度 (円, △ when lower); None when the previous is unknown."""
        return None if self.previous is None else self.budget - self.previous


@dataclass(frozen=True)
class BudgetFund:
    """One fund of 第5号: its name and the income and expense :class:`BudgetLine` rows."""

    fund_name: str
    income: tuple[BudgetLine, ...]
    expense: tuple[BudgetLine, ...]



@dataclass(frozen=True)
class Officer:
    """A council 役員 of 第3号 / the 役員名簿: 役職, 氏名, 任期 (和暦 text), 備考."""

    role: str
    name: str
    term: str
    notes: str = ""


@dataclass(frozen=True)
class AssemblyData:
    """Everything the 総会議案書 prints."""

    council: str
    fiscal_year: int
    title: str
    draft: bool
    day: date | None
    when: str
    place: str
    order: str
    motions: tuple[Motion, ...]
    results: fa.PlanData
    settlement: fa.StatementData
    audit: AuditData | None
    audit_text: str
    audit_words: fd.Wording
    officers: tuple[Officer, ...]
    plan: fa.PlanData
    budget: tuple[BudgetFund, ...]
    budget_words: fd.Wording
    rules: RulesRevision | None
    rule_history: tuple[RulesRevision, ...]
    roster: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]


def ordinary_assembly(store: Store, council_id: int,
                      fiscal_year: int) -> MeetingListRow | None:
    """The 通常総会 of the 年度 (a row of :func:`records.list_meetings`), or None."""
    return next((m for m in records.list_meetings(store, council_id, fiscal_year)
                 if m["kind"] == "general_ordinary"), None)


def _term_text(term: dict) -> str:
    start = wareki.format_wareki(term["starts_on"])
    end = wareki.format_wareki(term["ends_on"]) if term["ends_on"] else ""
    return f"{start}〜{end}"


def council_officers(store: Store, council_id: int, on: date) -> tuple[Officer, ...]:
    """The council's 役員 in office on ``on`` in the order of their roles (会長 first)."""
    terms = officers.list_terms(store, council_id, on=on, current_only=True,
                                body=officers.Body(officers.COUNCIL, council_id))
    return tuple(Officer(t["role_name"], t["person_name"], _term_text(t), t["notes"])
                 for t in terms)


def public_roster(store: Store, council_id: int, on: date) -> tuple:
    """The 役員名簿 (public edition): per body (協議会, then each 部会) ``(title, ((役職,
    氏名), …))`` — names and roles only, never contacts."""
    found = [("協議会", tuple((o.role, o.name) for o in council_officers(store, council_id, on)))]
    subs = store.query("SELECT id, name FROM subcommittees WHERE council_id = ? "
                       "ORDER BY sort_order, id", (council_id,))
    for sub in subs:
        terms = officers.list_terms(store, council_id, on=on, current_only=True,
                                    body=officers.Body(officers.SUBCOMMITTEE, sub["id"]))
        people = tuple((t["role_name"], t["person_name"]) for t in terms
                       if t["role"] in ("chair", "vice_chair"))
        if people:
            found.append((sub["name"], people))
    return tuple(found)


def _budget_lines(rows, previous: dict | None) -> tuple[BudgetLine, ...]:
    known = previous or {}
    return tuple(BudgetLine(r.name, r.level, r.kind, r.budget,
                            None if previous is None
                            else previous.get((r.direction, r.category_code, r.kind), 0))
                 for r in rows if r.budget or known.get((r.direction, r.category_code, r.kind)))


def budget_funds(store: Store, council_id: int, fiscal_year: int) -> tuple[BudgetFund, ...]:
    """第5号: per fund the 当初予算額 of the 年度 (the 収支予算書's figures) beside the previous
    年度's 当初予算額, by 科目 / 費目, with total rows and, as in the 収支予算書, the
    次年度繰越金（見込） of a budget that leaves money over; the total rows are named with the
    収支予算書's words."""
    words = fd.wording(store, council_id, "budget_statement")
    before: dict[str, FundStatement] = {f.fund_code: f
                                        for f in fund_statements(store, council_id,
                                                                 fiscal_year - 1)}
    funds = []
    for fund in fund_statements(store, council_id, fiscal_year):
        old = before.get(fund.fund_code)
        if old is not None and not (old.income_total.budget or old.expense_total.budget):
            old = None  # no budget recorded for the previous 年度: unknown, not zero
        previous = None if old is None else {
            (r.direction, r.category_code, r.kind): r.budget
            for r in (*old.income, *old.expense)}
        income = _budget_lines(fund.income, previous) + (BudgetLine(
            words.get("income_total"), 0, "total", fund.income_total.budget,
            old.income_total.budget if old else None),)
        expense = _budget_lines(fund.expense, previous) + (BudgetLine(
            words.get("expense_total"), 0, "total", fund.expense_total.budget,
            old.expense_total.budget if old else None),)
        if fund.planned_carry_out or (old and old.planned_carry_out):  # as the 収支予算書
            expense += (BudgetLine(words.get("carried_out_planned"), 0, "total",
                                   fund.planned_carry_out,
                                   old.planned_carry_out if old else None),)
        funds.append(BudgetFund(fund.fund_name, income, expense))
    return tuple(funds)


def _motions(store: Store, assembly: dict | None, words: dict, years: dict) -> tuple:
    results = {} if assembly is None else {
        i["number"]: i["result_text"] for i in agenda.items(store, assembly["id"])
        if i["result"] is not None}
    return tuple(Motion(f"第{n}号議案", section, title.format(**years), words[section],
                        results.get(n, "")) for n, section, title in MOTIONS)


def assembly_data(store: Store, council_id: int, fiscal_year: int) -> AssemblyData:
    """The 総会議案書 of 年度 ``fiscal_year`` (the 通常総会 held in it). Without a 通常総会 the
    cover leaves date and place blank and the 役員 are those in office on 4月1日."""
    assembly = ordinary_assembly(store, council_id, fiscal_year)
    day = assembly["held_on"] if assembly else None
    on = day or wareki.fiscal_year_start(fiscal_year)
    words = texts(store, council_id, fiscal_year)
    years = _years(fiscal_year)
    motions = _motions(store, assembly, words, years)
    draft = assembly is None or any(not m.result for m in motions)
    council = councils.council_row(store, council_id)["name"]
    audit_gate = fd.Gate(draft=True)
    audit = audit_data(store, council_id, fiscal_year - 1, audit_gate)
    history = tuple(rules.revisions(store, council_id))
    when = ""
    if assembly:
        when = wareki.format_wareki(day, "weekday")
        if assembly["start_time"]:
            when += f"　{assembly['start_time']}〜"
    return AssemblyData(
        council=council, fiscal_year=fiscal_year,
        title=f"{years['current']}　{council}　通常総会議案書", draft=draft, day=day,
        when=when, place=assembly["place"] if assembly else "", order=words["order"],
        motions=motions,
        results=fa.business_plan_data(store, council_id, fiscal_year - 1, "business_results"),
        settlement=fa.statement_data(store, council_id, fiscal_year - 1,
                                     "settlement_statement"),
        audit=None if audit_gate.missing and not audit.auditors else audit,
        audit_text=words["audit"], audit_words=fd.wording(store, council_id, "audit_report"),
        officers=council_officers(store, council_id, on),
        plan=fa.business_plan_data(store, council_id, fiscal_year),
        budget=budget_funds(store, council_id, fiscal_year),
        budget_words=fd.wording(store, council_id, "budget_statement"),
        rules=rules.rules_in_force(store, council_id, on), rule_history=history,
        roster=public_roster(store, council_id, on))


__all__ = ["EXPENSE", "INCOME", "AssemblyData", "BudgetFund", "BudgetLine", "Motion", "Officer",
           "assembly_data", "budget_funds", "council_officers", "ordinary_assembly",
           "public_roster", "set_text", "texts"]
