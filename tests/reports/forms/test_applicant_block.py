"""The applicant block of the letters to the city wraps where a reader would: the address after
its 〒 number, town or house number (never inside a word such as 湯田地域交流センター), a name
never (団体名, 代表者, 担当者 print smaller until they fit one line)."""

from __future__ import annotations

from kyodo_desktop.reports.fonts import register_fonts
from kyodo_desktop.reports.grant_letter import (
    APPLICANT_WIDTHS,
    SMALLEST,
    _applicant_block,
    address_parts,
)
from kyodo_desktop.services.forms import common as fd

LONG_NAME = "特定非営利活動法人湯田温泉まちづくり・地域づくり推進協議会連合会"
LONG_ADDRESS = "〒753-0056 山口市湯田温泉四丁目1-20湯田地域交流センター内 2階 協議会事務局"
WORDS = fd.Wording("performance_report", {"title": "t"}, {
    "address": "所在地", "kana": "フリガナ", "organization": "団体名", "representative": "代表者",
    "contact_label": "担当者", "contact_phone": "電話", "contact_email": "メール",
    "seal_mark": "印"})


def _values(block) -> dict[str, list[str]]:
    """{label: the value's printed lines} of the laid-out block."""
    found = {}
    for label, value in block._cellvalues:
        value.wrap(APPLICANT_WIDTHS[1], 1000)
        lines = value.blPara.lines
        found[label.text] = ["".join(w.text for w in line.words) if hasattr(line, "words")
                             else "".join(line[1]) for line in lines]
    return found


def _head(name: str, address: str) -> fd.Letterhead:
    applicant = fd.Applicant(address, name, "会長", "長谷川 真理子", "トクテイヒエイリカツドウ")
    contact = fd.Contact("西村 早苗", "ニシムラ サナエ", "083-946-2606",
                         "yuda-kyogikai-jimukyoku@example.jp")
    return fd.Letterhead("様式第4号", "令和8年4月24日", "山口市長 様", "山口市", applicant,
                         contact)


def test_the_address_breaks_after_its_parts_never_inside_a_word():
    assert [p for _sep, p in address_parts(LONG_ADDRESS)] == [
        "〒753-0056", "山口市湯田温泉四丁目1-20", "湯田地域交流センター内", "2階", "協議会事務局"]
    register_fonts()
    lines = _values(_applicant_block(_head(LONG_NAME, LONG_ADDRESS), WORDS))["所在地"]
    assert len(lines) > 1
    assert "".join(lines).replace(" ", "") == LONG_ADDRESS.replace(" ", "")
    assert "湯田地域交流センター内" in "".join(line for line in lines if "センター" in line)
    for line in lines:  # each line is whole parts
        assert not line.startswith(("域", "ー", "内"))


def test_a_long_name_prints_smaller_on_one_line():
    register_fonts()
    block = _applicant_block(_head(LONG_NAME, LONG_ADDRESS), WORDS)
    values = _values(block)
    assert values["団体名"] == [LONG_NAME]
    assert values["代表者"] == ["会長\u00a0\u00a0\u00a0長谷川 真理子"]
    name_cell = next(v for label, v in block._cellvalues if label.text == "団体名")
    assert SMALLEST <= name_cell.style.fontSize < 10.5
    assert values["メール"] == ["yuda-kyogikai-jimukyoku@example.jp"]


def test_a_short_block_prints_as_before():
    register_fonts()
    values = _values(_applicant_block(_head("湯田地域づくり協議会", "〒753-0056 山口市湯田温泉四丁目1-20"),
                                      WORDS))
    assert values["所在地"] == ["〒753-0056 山口市湯田温泉四丁目1-20"]
    assert values["団体名"] == ["湯田地域づくり協議会"]


def test_the_account_holder_breaks_before_its_kana_never_inside_a_word():
    from kyodo_desktop.reports.grant_letter import blank_box, word_parts

    holder = "湯田地域づくり協議会 会長（ユダチイキヅクリキョウギカイ カイチョウ）"
    assert [p for _sep, p in word_parts(holder)] == [
        "湯田地域づくり協議会", "会長", "（ユダチイキヅクリキョウギカイ", "カイチョウ）"]
    register_fonts()
    box = blank_box(["金融機関名", "口座名義"], values=["やまぐち中央信用金庫", holder])
    value = box._cellvalues[1][1]
    value.wrap(1000, 1000)
    lines = ["".join(w.text for w in line.words) if hasattr(line, "words") else
             "".join(line[1]) for line in value.blPara.lines]
    assert "".join(lines).replace(" ", "") == holder.replace(" ", "")
    assert lines == ["湯田地域づくり協議会 会長（ユダチイキヅクリキョウギカイ", "カイチョウ）"]
