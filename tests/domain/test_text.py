"""Text normalisation and 五十音順: tables plus properties (idempotence, ordering)."""

from __future__ import annotations

import random
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kyodo_desktop.domain.text import (
    is_kana,
    kana_sort_key,
    name_sort_key,
    normalize,
    printable,
    to_hiragana,
)

# The 五十音 in dictionary order, written out by hand (not derived from code points).
GOJUON = ("あいうえお かきくけこ さしすせそ たちつてと なにぬねの はひふへほ まみむめも やゆよ "
          "らりるれろ わをん").replace(" ", "")
# Voiced / semi-voiced / small kana and the plain kana they sort with.
PLAIN_OF = dict(zip("がぎぐげござじずぜぞだぢづでどばびぶべぼぱぴぷぺぽぁぃぅぇぉっゃゅょゎ",
                    "かきくけこさしすせそたちつてとはひふへほはひふへほあいうえおつやゆよわ", strict=True))


@pytest.mark.parametrize(("text", "expected"), [
    (None, ""),
    ("", ""),
    ("  山口\u3000 太郎  ", "山口 太郎"),
    ("ＡＢＣ１２３", "ABC123"),
    ("ｶﾀｶﾅ", "カタカナ"),
    ("a\t\nb", "a b"),
    ("㈱協働", "(株)協働"),
])
def test_normalize(text, expected):
    assert normalize(text) == expected


@settings(max_examples=200)
@given(st.text())
def test_normalize_is_idempotent_and_leaves_no_double_spaces(text):
    once = normalize(text)
    assert normalize(once) == once
    assert "  " not in once and once == once.strip()
    assert "\u3000" not in once


@pytest.mark.parametrize(("text", "expected"), [
    ("カタカナ", "かたかな"),
    ("コーヒー", "こーひー"),
    ("ガッコウ", "がっこう"),
    ("ヴァイオリン", "ゔぁいおりん"),
    ("ひらがな", "ひらがな"),
    ("山田タロウ", "山田たろう"),
])
def test_to_hiragana(text, expected):
    assert to_hiragana(text) == expected


def test_gojuon_sorts_in_dictionary_order():
    shuffled = list(GOJUON)
    random.Random(8).shuffle(shuffled)
    assert "".join(sorted(shuffled, key=kana_sort_key)) == GOJUON


def test_voiced_kana_sort_next_to_their_plain_kana():
    words = ["こうえん", "かっこう", "さくら", "がっこう", "かつお", "ん", "あさ"]
    ordered = sorted(words, key=kana_sort_key)
    # っ sorts as つ, so かつお (…お) comes before かっこう (…こう)
    assert ordered == ["あさ", "かつお", "かっこう", "がっこう", "こうえん", "さくら", "ん"]


def test_katakana_and_half_width_sort_as_hiragana():
    assert kana_sort_key("ヤマダ") == kana_sort_key("やまだ") == kana_sort_key("ﾔﾏﾀﾞ")


def test_long_vowel_mark_reads_as_its_vowel():
    # コーヒー sorts as こおひい: after こうら (う < お), before こかげ
    ordered = sorted(["こかげ", "コーヒー", "こうら"], key=kana_sort_key)
    assert ordered == ["こうら", "コーヒー", "こかげ"]


hiragana_words = st.text(alphabet=GOJUON + "".join(PLAIN_OF), min_size=1, max_size=8)


@settings(max_examples=200)
@given(hiragana_words, hiragana_words)
def test_order_follows_the_plain_reading(a, b):
    plain_a = "".join(PLAIN_OF.get(c, c) for c in a)
    plain_b = "".join(PLAIN_OF.get(c, c) for c in b)
    rank = {kana: i for i, kana in enumerate(GOJUON)}
    seq_a, seq_b = [rank[c] for c in plain_a], [rank[c] for c in plain_b]
    if seq_a < seq_b:
        assert kana_sort_key(a) < kana_sort_key(b)
    elif seq_a > seq_b:
        assert kana_sort_key(a) > kana_sort_key(b)


@settings(max_examples=200)
@given(hiragana_words, hiragana_words)
def test_keys_are_equal_only_for_equal_readings(a, b):
    assert (kana_sort_key(a) == kana_sort_key(b)) == (a == b)


def test_name_sort_key_uses_furigana_then_the_name():
    people = [
        ("渡辺 一郎", "わたなべ いちろう"),
        ("阿部 花子", "あべ はなこ"),
        ("伊藤 次郎", ""),  # no ふりがな: the kanji sort after every kana reading
        ("さとう ゆき", ""),  # a name in kana is its own reading
        ("佐藤 雪", "さとう ゆき"),
    ]
    ordered = [name for name, kana in sorted(people, key=lambda p: name_sort_key(*p))]
    assert ordered == ["阿部 花子", "さとう ゆき", "佐藤 雪", "渡辺 一郎", "伊藤 次郎"]


@pytest.mark.parametrize(("text", "expected"), [
    ("やまだ たろう", True),
    ("ヤマダ\u3000タロウ", True),
    ("コーヒー", True),
    ("ｶﾀｶﾅ", True),
    ("ふじんかい・じょせいかい", True),
    ("山田", False),
    ("やまだ1", False),
    ("yamada", False),
    ("", False),
    ("   ", False),
])
def test_is_kana(text, expected):
    assert is_kana(text) is expected


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(max_codepoint=0x7f)) | st.text(max_size=12))
def test_normalize_keeps_to_its_definition(text):
    """The shortcut for printable ASCII gives what NFKC, dropping the unprintable and
    collapsing the blanks give."""
    expected = " ".join(unicodedata.normalize("NFKC", printable(text, keep_newlines=False))
                        .split())
    assert normalize(text) == expected


def test_phrase_lines_break_between_phrases_never_inside_a_word():
    from kyodo_desktop.domain.text import phrase_breaks, phrase_lines

    def width(line: str) -> int:
        return len(line)

    assert phrase_lines("出納簿・予算・交付金", width, 10) == ["出納簿・予算・交付金"]
    assert phrase_lines("出納簿・予算・交付金", width, 7) == ["出納簿・", "予算・交付金"]
    assert phrase_lines("画面の見かたと基本の操作", width, 10) == ["画面の見かたと", "基本の操作"]
    assert phrase_lines("はじめての交付申請", width, 6) == ["はじめての", "交付申請"]
    assert phrase_lines("13：手引きの印刷", width, 7) == ["13：手引きの", "印刷"]  # 「13：」 kept
    assert phrase_lines("Windows で使うとき", width, 8) == ["Windows", "で使うとき"]
    assert phrase_lines("画面の見かたと基本の操作", width, 5) == ["画面の", "見かたと", "基本の操作"]
    # no phrase narrow enough: the most even split, the view cuts what remains
    assert phrase_lines("出納簿", width, 2) == ["出納簿"]
    assert 2 not in phrase_breaks("出納簿") and phrase_breaks("会議（臨時）") == [2]
    assert phrase_breaks("バックアップ・ー") == []  # never a line starting with 「ー」


def test_phrase_lines_prefer_a_sentence_end_to_a_break_inside_a_name():
    from kyodo_desktop.domain.text import phrase_lines

    said = "この年度の会長が登録されていません。「構成団体・役員」の「役員・任期」で登録してください。"
    assert phrase_lines(said, len, 27) == [
        "この年度の会長が登録されていません。", "「構成団体・役員」の「役員・任期」で登録してください。"]
    assert phrase_lines("年度末まで、お金の出入りをすべて出納簿に記帳します。", len, 24) == [
        "年度末まで、", "お金の出入りをすべて出納簿に記帳します。"]
