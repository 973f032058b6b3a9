"""禁則 in every wrapped line: no line starts with 「）」「、」「。」 and the like even when two or
more of them follow each other (reportlab hangs only one), none ends with an opening bracket,
and a number (1,234人, 083-946-2606) is not cut across lines; one font run and mixed runs."""

from __future__ import annotations

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.platypus import Paragraph

from kyodo_desktop.reports.fonts import GOTHIC, register_fonts
from kyodo_desktop.reports.kinsoku import line_end

TEXT = ("参加者1,234人（前年度比）、自主防災組織（役員）。の役員を中心に「参加」があり、"
        "資機材の点検方法を学んだ。」、電話083-946-2606（事務局）。補正第1号（令和8年3月27日）"
        "△5,106円")


def _lines(text: str, width: float) -> list[str]:
    style = ParagraphStyle("test", fontName=GOTHIC, fontSize=9, leading=12, wordWrap="CJK")
    paragraph = Paragraph(text, style)
    paragraph.wrap(width, 10_000)
    return ["".join(line[1]) if isinstance(line, tuple) else
            "".join(word.text for word in line.words) for line in paragraph.blPara.lines]


@pytest.mark.parametrize("markup", [False, True])
def test_no_line_starts_with_a_closing_mark_even_after_another(markup):
    register_fonts()
    text = TEXT.replace("「参加」", "<b>「参加」</b>") if markup else TEXT
    checked = 0
    for width in range(40, 300, 2):
        lines = _lines(text, width)
        assert "".join(lines).replace(" ", "") == TEXT.replace(" ", "")  # nothing lost
        for before, after in zip(lines, lines[1:], strict=False):
            assert after[0] not in ALL_CANNOT_START, (width, lines)
            assert before[-1] not in ALL_CANNOT_END, (width, lines)
            if width >= 70:  # the longest number (the phone, 63 pt) fits a line
                assert not (before[-1].isascii() and after[0].isascii()), (width, lines)
        checked += len(lines)
    assert checked > 900


def test_only_a_punctuation_mark_sticks_out_of_the_width():
    register_fonts()
    style = ParagraphStyle("test", fontName=GOTHIC, fontSize=9, leading=12, wordWrap="CJK")
    for width in range(40, 300, 2):
        paragraph = Paragraph("湯田地域交流センター（大ホール）、湯田小学校。" * 3, style)
        paragraph.wrap(width, 10_000)
        for line in paragraph.blPara.lines[:-1]:
            text = "".join(line[1]) if isinstance(line, tuple) else "".join(
                w.text for w in line.words)
            extra = line[0] if isinstance(line, tuple) else line.extraSpace
            assert extra >= -0.01 or text[-1] in "、。", (width, text)


def test_a_single_punctuation_mark_hangs_and_other_closing_marks_go_down():
    chars = "あいう、えお"
    assert line_end(chars, 0, 3) == 4  # 「、」 hangs: the line is あいう、
    chars = "あいう）えお"
    assert line_end(chars, 0, 3) == 2  # 「）」 would stick out of a cell: 「う）」 go down
    chars = "センター内"
    assert line_end(chars, 0, 3) == 2  # 「ー」 too
    chars = "あいう）、えお"
    assert line_end(chars, 0, 3) == 2  # 「う）、」 go down together
    chars = "あい「うえ"
    assert line_end(chars, 0, 3) == 2  # 「「」 goes down with its text
    chars = "あ1,234人"
    assert line_end(chars, 0, 4) == 1  # the number goes down whole


def test_a_date_is_not_cut_across_lines():
    """「補正第1号（令和8年5月14日）138,615円」 in a 備考 cell: the date goes down whole."""
    register_fonts()
    text = "補正第1号（令和8年5月14日）138,615円、流用（令和8年1月6日）から30,000円"
    seen = set()
    for width in range(90, 300, 2):
        lines = _lines(text, width)
        assert "".join(lines) == text
        for before, after in zip(lines, lines[1:], strict=False):
            seen.add(before[-1] + after[0])
            assert not (before[-1] in "和年月" + "0123456789" and after[0] in "年月日0123456789"
                        ), (width, lines)
    assert len(seen) > 3
    assert line_end("あ令和8年5月14日", 0, 8) == 1  # the whole date goes down


@pytest.mark.parametrize("markup", [False, True])
def test_a_last_line_never_sticks_out_with_a_closing_mark(markup):
    """「湯田地域交流センター」 in a cell one 「ー」 too narrow: reportlab hung the 「ー」 across
    the rule; 「ター」 goes down instead (also when it is the only line)."""
    register_fonts()
    text = "湯田<b>地域</b>交流センター" if markup else "湯田地域交流センター"
    for width in range(60, 90):
        style = ParagraphStyle("test", fontName=GOTHIC, fontSize=9, leading=12, wordWrap="CJK")
        paragraph = Paragraph(text, style)
        paragraph.wrap(width, 10_000)
        for line in paragraph.blPara.lines:
            extra = line[0] if isinstance(line, tuple) else line.extraSpace
            assert extra >= -0.01, (width, _lines(text, width))
    assert _lines("湯田地域交流センター", 85) == ["湯田地域交流セン", "ター"]
