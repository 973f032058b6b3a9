"""Text normalisation and 五十音順 (Japanese syllabary order) sorting.

Nothing unprintable is ever stored: :func:`normalize` (every one-line field) and
:func:`printable` (multi-line notes) drop control characters (NUL, BEL, ESC …) and invisible
format characters (zero-width space and joiners, BOM, soft hyphen, bidirectional overrides), so a
name made only of a zero-width space is empty and refused as a missing name.
:func:`foreign_digits` finds digits other than 0-9 and ０-９ (٣, ², ①), which NFKC or ``int()``
would silently read as numbers.

People are sorted by ふりがな, never by the code points of the kanji of their names (glossary:
氏名 / ふりがな). :func:`kana_sort_key` gives the order of a Japanese dictionary or 名簿: voiced
and small kana sort with their plain counterparts (がっこう next to かっこう), 「ー」 counts as the
vowel it lengthens (コーヒー as こおひい), and ties are broken by the marks, then by the text.
"""

from __future__ import annotations

import unicodedata

_KATAKANA_FIRST, _KATAKANA_LAST = 0x30A1, 0x30F6  # ァ … ヶ, each 0x60 above its hiragana
_ITERATION = {"ヽ": "ゝ", "ヾ": "ゞ"}
_SMALL_TO_LARGE = str.maketrans("ぁぃぅぇぉっゃゅょゎゕゖ", "あいうえおつやゆよわかけ")
_VOICING_MARKS = ("\u3099", "\u309a")  # combining dakuten, handakuten (after NFD)
_LONG_VOWEL = "ー"
_VOWEL_ROWS = {
    "あ": "あかさたなはまやらわ",
    "い": "いきしちにひみり",
    "う": "うくすつぬふむゆる",
    "え": "えけせてねへめれ",
    "お": "おこそとのほもよろを",
}
_VOWEL_OF = {kana: vowel for vowel, row in _VOWEL_ROWS.items() for kana in row}
#: Separates the parts of a sort key; lower than any character left in the parts.
_KEY_SEPARATOR = "\x01"
_HALFWIDTH_KATAKANA = (0xFF65, 0xFF9F)
_KANA_EXTRAS = {"ー", "・", "゛", "゜", "\u3099", "\u309a", "ゝ", "ゞ", "ヽ", "ヾ"}


#: Invisible format characters removed from stored text (category Cf is removed as a whole;
#: these are the ones NFKC would otherwise keep or that matter most).
_INVISIBLE_CATEGORIES = ("Cc", "Cf", "Cs", "Zl", "Zp")
_LINE_BREAKS = "\n"


def printable(text: str | None, *, keep_newlines: bool = True) -> str:
    """``text`` without control, format (zero-width, BOM, bidi), surrogate and line/paragraph
    separator characters; TAB becomes a space, CR LF and CR become LF (kept when
    ``keep_newlines``, else a space); surrounding blanks stripped. ``None`` → ``""``."""
    if text is None:
        return ""
    text = str(text)
    if text.isprintable():  # no control, format, separator or surrogate character: nothing to drop
        return text.strip()
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    if not keep_newlines:
        text = text.replace("\n", " ")
    return "".join(char for char in text if char in _LINE_BREAKS or
                   unicodedata.category(char) not in _INVISIBLE_CATEGORIES).strip()


def drop_hidden(text: str) -> str:
    """``text`` without control characters (but TAB, LF and CR) and invisible format characters
    (bidi overrides and isolates, zero-width spaces and joiners, BOM, soft hyphen); everything
    else, blanks included, kept as it is. For text that arrives whole from another file (a
    handover package), where :func:`normalize` would change more than the hidden parts."""
    if text.isprintable():
        return text
    return "".join(char for char in text if char in "\t\n\r" or
                   unicodedata.category(char) not in _INVISIBLE_CATEGORIES)


def normalize(text: str | None) -> str:
    """NFKC, unprintable characters removed (:func:`printable`), then strip and collapse every
    run of whitespace (also 全角スペース) to one ASCII space.

    ``None`` → ``""``. Idempotent: ``normalize(normalize(t)) == normalize(t)``.
    """
    if text is None:
        return ""
    if text.__class__ is str and text.isascii() and text.isprintable() and "  " not in text:
        return text.strip()  # NFKC keeps printable ASCII; its only blank is the space
    text = unicodedata.normalize("NFKC", printable(text, keep_newlines=False))
    return " ".join(text.split())


def foreign_digits(text: str) -> str:
    """The digits of ``text`` that are neither ASCII 0-9 nor full-width ０-９ (Arabic-Indic ٣,
    superscript ², circled ① …), in order; "" when there are none."""
    if text.isascii():  # the only ASCII digits are 0-9
        return ""
    return "".join(char for char in text if not ("0" <= char <= "9" or "０" <= char <= "９")
                   and unicodedata.digit(char, None) is not None)


def to_hiragana(text: str) -> str:
    """Katakana → hiragana (カタカナ → かたかな); 「ー」 and everything else kept as it is.

    Only full-width katakana are mapped; NFKC the text first for half-width ｶﾀｶﾅ.
    ヷヸヹヺ, which have no hiragana letter, are kept.
    """
    out = []
    for char in text:
        code = ord(char)
        if _KATAKANA_FIRST <= code <= _KATAKANA_LAST:
            out.append(chr(code - 0x60))
        else:
            out.append(_ITERATION.get(char, char))
    return "".join(out)


def to_katakana(text: str) -> str:
    """Hiragana → katakana (ゆだ → ユダ), as the forms print a フリガナ; everything else kept."""
    return "".join(chr(ord(c) + 0x60) if _KATAKANA_FIRST - 0x60 <= ord(c) <= _KATAKANA_LAST - 0x60
                   else c for c in text)


def kana_sort_key(kana: str) -> str:
    """A string key that sorts readings in 五十音順; compare keys with ``<`` or store them.

    Shape: ``primary + "\\x01" + secondary + "\\x01" + text`` where ``text`` is the NFKC text in
    hiragana, ``secondary`` is ``text`` with 「ー」 read as its vowel, and ``primary`` is
    ``secondary`` with dakuten / handakuten removed and small kana made large. Because the
    separator sorts below every other character, comparing keys compares the parts in turn, so
    あ < い < … < わ < を < ん and がっこう sorts right after かっこう. Characters that are
    not kana (kanji, Latin letters) keep their code point order: Latin before kana, kanji after.
    """
    text = to_hiragana(normalize(kana).replace(_KEY_SEPARATOR, "").replace("\x00", ""))
    secondary = _expand_long_vowels(text)
    decomposed = unicodedata.normalize("NFD", secondary)
    primary = "".join(c for c in decomposed if c not in _VOICING_MARKS)
    primary = unicodedata.normalize("NFC", primary).translate(_SMALL_TO_LARGE)
    return _KEY_SEPARATOR.join((primary, secondary, text))


def _expand_long_vowels(text: str) -> str:
    """Replace 「ー」 by the vowel of the kana before it (こーひー → こおひい)."""
    out: list[str] = []
    for char in text:
        if char == _LONG_VOWEL and out:
            base = unicodedata.normalize("NFD", out[-1])[0].translate(_SMALL_TO_LARGE)
            char = _VOWEL_OF.get(base, char)
        out.append(char)
    return "".join(out)


def name_sort_key(name: str, name_kana: str) -> tuple[str, str]:
    """Sort key for people and organisations: ``(kana_sort_key(reading), normalize(name))``.

    The reading is ``name_kana`` (ふりがな); when that is empty, the name itself (a name written
    in kana sorts correctly; one in kanji sorts after all kana names, by code point).
    """
    reading = normalize(name_kana) or normalize(name)
    return kana_sort_key(reading), normalize(name)


def is_kana(text: str) -> bool:
    """Whether ``text`` holds only hiragana, katakana (also half-width), 「ー」「・」 and spaces.

    Text with no kana at all (empty, or only spaces) is not kana: returns False.
    """
    if not text or not text.strip():
        return False
    return all(_is_kana_char(char) for char in text)


def _is_kana_char(char: str) -> bool:
    if char.isspace() or char in _KANA_EXTRAS:
        return True
    code = ord(char)
    return (
        0x3041 <= code <= 0x3096  # ぁ … ゖ
        or 0x30A1 <= code <= 0x30FA  # ァ … ヺ
        or _HALFWIDTH_KATAKANA[0] <= code <= _HALFWIDTH_KATAKANA[1]
    )


#: Characters a line may end with (a phrase ends after them: 「出納簿・」; not 「：」, which keeps a
#: number with its first word: 「13：手引きの」「印刷」).
_PHRASE_ENDS = "・、。）)」 　"
#: Particles that end a phrase when a word of kanji or katakana follows (「画面の|見かたと|基本の|
#: 操作」, 「はじめての|交付申請」).
_PARTICLES = "のとをにでへはが"
#: Characters a line never starts with (行頭禁則).
_NO_LINE_START = "・、。：:）)」ーぁぃぅぇぉっゃゅょァィゥェォッャュョ 　"


def _script(char: str) -> str:
    """「kanji」, 「katakana」 (ー included), 「hiragana」, 「latin」 or 「other」."""
    name = unicodedata.name(char, "")
    if name.startswith("CJK UNIFIED IDEOGRAPH") or char in "々〆":
        return "kanji"
    if name.startswith("KATAKANA") or char == "ー":
        return "katakana"
    if name.startswith("HIRAGANA"):
        return "hiragana"
    return "latin" if char.isascii() and char.isalnum() else "other"


def _word_start(char: str) -> bool:
    return _script(char) in ("kanji", "katakana", "latin")


#: Changes of script that start a new word: 「交流|グラウンドゴルフ|大会」, 「ふれあい|サロン」.
_WORD_SEAMS = {("kanji", "katakana"), ("katakana", "kanji"), ("hiragana", "katakana")}


def phrase_breaks(text: str) -> list[int]:
    """The places (indexes) where ``text`` may go onto a new line without splitting a word:
    after 「・」「、」「）」 or a space, before 「（」, after a particle followed by a word of
    kanji or katakana, and where kanji and katakana meet or katakana follows hiragana
    (「交流|グラウンドゴルフ|大会」). Never inside a word like 「出納簿」, never before a
    line-start 禁則 character."""
    places = []
    for index in range(1, len(text)):
        before, after = text[index - 1], text[index]
        if after in _NO_LINE_START:
            continue
        if (before in _PHRASE_ENDS or after in "（("
                or before in _PARTICLES and index > 1 and _word_start(after)
                or (_script(before), _script(after)) in _WORD_SEAMS):
            places.append(index)
    return places


def _break_cost(text: str, place: int) -> int:
    """How much a line break at ``place`` interrupts: none after a sentence (「。」), little
    after 「、」 or a closing bracket, more after 「・」, most between two words or inside a name
    in 「」 (「構成団体・|役員」)."""
    before = text[place - 1]
    cost = 0 if before in "。！？" else 1 if before in "、，）)」 　" or text[place] in "（(" \
        else 2 if before == "・" else 3
    return cost + (3 if text[:place].count("「") > text[:place].count("」") else 0)


def phrase_lines(text: str, width_of, room: float) -> list[str]:
    """``text`` on as few lines as fit in ``room`` (``width_of(line)`` measures a line), broken
    only at :func:`phrase_breaks` and, among the ways with that many lines, the one breaking
    after a sentence or punctuation (「年度末まで、」) rather than between words or inside 「」
    (:func:`_break_cost`), then the one whose widest
    line is narrowest (「画面の見かたと」「基本の操作」, not 「画面の見かたと基本の」「操作」). When no
    way fits, the most even split over every phrase: the view cuts what still does not fit."""
    from itertools import combinations

    if width_of(text) <= room:
        return [text]
    places = phrase_breaks(text)

    def lines(chosen: tuple[int, ...]) -> list[str]:
        edges = (0, *chosen, len(text))
        return [text[start:end].rstrip() for start, end in zip(edges, edges[1:], strict=False)]

    for count in range(1, len(places) + 1):
        splits = [lines(chosen) for chosen in combinations(places, count)]
        fitting = [(chosen, split) for chosen, split in zip(
            combinations(places, count), splits, strict=True)
            if max(map(width_of, split)) <= room]
        if fitting:
            return min(fitting, key=lambda found: (
                sum(_break_cost(text, place) for place in found[0]),
                max(map(width_of, found[1]))))[1]
    return lines(tuple(places)) if places else [text]


def narrowest_lines_width(text: str, width_of, lines: int) -> float:
    """The narrowest room that holds ``text`` on ``lines`` lines or fewer broken at
    :func:`phrase_breaks` (the widest line of the most even split); the whole width when it
    has no phrase to break at."""
    from itertools import combinations

    places = phrase_breaks(text)
    best = width_of(text)
    for count in range(1, min(lines - 1, len(places)) + 1):
        for chosen in combinations(places, count):
            edges = (0, *chosen, len(text))
            best = min(best, max(width_of(text[start:end].rstrip())
                                 for start, end in zip(edges, edges[1:], strict=False)))
    return best
