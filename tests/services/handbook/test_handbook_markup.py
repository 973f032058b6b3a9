"""The handbook markup parser (pure): headings, paragraphs, lists, tables, bold, page breaks."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kyodo_desktop.domain import handbook_markup as m


def test_each_construct_becomes_its_block():
    blocks = m.parse(
        "# 会計の基本\n"
        "自治会のお金は\n大切です。\n"
        "\n"
        "- 出納簿\n・領収書\n"
        "3. 監査\n4. 決算\n"
        "| 月 | 仕事 |\n|---|---|\n| 4月 | 総会 |\n| 5月 |\n"
        "[改ページ]\n"
        "## 小見出し\n"
        "[記入欄:3]\n")
    assert blocks == [
        m.Heading(1, "会計の基本"),
        m.Paragraph("自治会のお金は\n大切です。"),
        m.BulletList(("出納簿", "領収書"), numbered=False),
        m.BulletList(("監査", "決算"), numbered=True, start=3),
        m.Table(("月", "仕事"), (("4月", "総会"), ("5月", ""))),
        m.PageBreak(),
        m.Heading(2, "小見出し"),
        m.WritingLines(3),
    ]


def test_a_paragraph_line_starting_with_bold_is_not_a_list():
    assert m.parse("**注意**：通帳は別に保管") == [m.Paragraph("**注意**：通帳は別に保管")]


def test_inline_runs_split_bold_and_keep_unpaired_marks():
    assert m.inline_runs("通帳と**印鑑**は別々に") == [
        ("通帳と", False), ("印鑑", True), ("は別々に", False)]
    assert m.inline_runs("a ** b") == [("a ** b", False)]
    assert m.plain_text("**出納簿**をつける") == "出納簿をつける"


def test_block_texts_cover_table_cells():
    table = m.Table(("a", "b"), (("{年度}", ""),))
    assert "{年度}" in m.block_texts(table)
    assert m.block_texts(m.PageBreak()) == []


@given(st.text(alphabet="ab#-|*\n 1.[]改ページ記入欄:", max_size=80))
def test_parse_never_fails_and_invents_no_text(text):
    blocks = m.parse(text)
    shown = "".join(t for b in blocks for t in m.block_texts(b))
    assert set(shown) <= set(text)
    assert all(isinstance(b, m.Block) for b in blocks)
