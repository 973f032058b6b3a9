"""The 手引き editor's format buttons as text edits (domain/handbook_editing): each wraps or
prefixes the selection with the markup the parser reads, and takes it away on a second press."""

from __future__ import annotations

from kyodo_desktop.domain import handbook_editing as editing
from kyodo_desktop.domain import handbook_markup as markup


def _press(edit, text: str, chosen: str):
    start = text.index(chosen)
    change = edit(text, start, start + len(chosen))
    after = change.apply(text)
    return after, after[change.select_start:change.select_end]


def test_bold_wraps_the_selection_and_unwraps_it_again():
    text = "会費は毎年集めます。"
    after, selected = _press(editing.bold, text, "毎年")
    assert after == "会費は**毎年**集めます。" and selected == "毎年"
    assert markup.inline_runs(after)[1] == ("毎年", True)
    again = editing.bold(after, after.index("毎年"), after.index("毎年") + 2).apply(after)
    assert again == text


def test_bold_without_a_selection_inserts_a_word_to_type_over():
    change = editing.bold("あいう", 1, 1)
    after = change.apply("あいう")
    assert after == "あ**太字**いう" and after[change.select_start:change.select_end] == "太字"


def test_heading_makes_the_touched_line_a_heading_and_back():
    text = "まえがき\n引き継ぎのポイント\n本文です。"
    after, _selected = _press(editing.heading, text, "引き継ぎ")
    assert after == "まえがき\n# 引き継ぎのポイント\n本文です。"
    assert markup.parse(after)[1] == markup.Heading(1, "引き継ぎのポイント")
    start = after.index("# 引き")
    assert editing.heading(after, start, start).apply(after) == text


def test_list_makes_each_selected_line_an_item_and_back():
    text = "持ち物\n通帳\n印鑑\n\n以上"
    after, selected = _press(editing.bullet_list, text, "通帳\n印鑑")
    assert after == "持ち物\n- 通帳\n- 印鑑\n\n以上" and selected == "- 通帳\n- 印鑑"
    assert markup.BulletList(("通帳", "印鑑")) in markup.parse(after)
    start = after.index("- 通帳")
    assert editing.bullet_list(after, start, start + len(selected)).apply(after) == text


def test_table_inserts_a_skeleton_on_lines_of_its_own():
    text = "前の文。後の文。"
    start = text.index("後")
    change = editing.table(text, start, start)
    after = change.apply(text)
    assert after.startswith("前の文。\n\n| 項目 | 内容 |\n|---|---|\n")
    assert after[change.select_start:change.select_end] == "項目"
    tables = [b for b in markup.parse(after) if isinstance(b, markup.Table)]
    assert tables == [markup.Table(("項目", "内容"), (("", ""), ("", "")))]
    assert markup.parse(after)[-1] == markup.Paragraph("後の文。")


def test_table_on_selected_lines_puts_them_in_the_first_column():
    text = "通帳\n印鑑"
    change = editing.table(text, 0, len(text))
    tables = [b for b in markup.parse(change.apply(text)) if isinstance(b, markup.Table)]
    assert tables == [markup.Table(("項目", "内容"), (("通帳", ""), ("印鑑", "")))]
