"""Which column of a roster spreadsheet holds what: the headers people actually write.

A header is compared after NFKC, without spaces and without a bracketed remark
(「世帯数（4月1日現在）」 reads as 「世帯数」). 住所・電話番号・郵便番号・メール without a prefix are
the 会長's when the file has a 会長 column (a 自治会長 list), else the group's own.
:data:`FIELD_LABELS` names each field in Japanese for the preview's column mapping.
"""

from __future__ import annotations

import re
import unicodedata

ORGANIZATIONS, PEOPLE = "organizations", "people"
#: Known headers that carry nothing to import (row numbers, computed rates): never "unknown".
IGNORED = ("no", "no.", "番号", "連番", "通番", "加入率", "加入率(%)", "合計", "役職")
_GENERIC = ("postal_code", "address", "phone", "email")

_ORGANIZATION_HEADERS = {
    "name": ("自治会名", "団体名", "名称", "町内会名", "自治会・町内会名", "組織名", "構成団体名",
             "構成団体"),
    "name_kana": ("ふりがな", "フリガナ", "よみがな", "ヨミガナ", "読み", "よみ", "団体名ふりがな",
                  "自治会名ふりがな", "団体ふりがな"),
    "kind": ("種別", "団体種別", "区分", "種類"),
    "president_name": ("会長氏名", "会長名", "会長", "代表者", "代表者氏名", "代表者名", "自治会長",
                       "自治会長名", "自治会長氏名"),
    "president_kana": ("会長ふりがな", "会長フリガナ", "会長よみがな", "代表者ふりがな",
                       "代表者フリガナ", "自治会長ふりがな", "会長氏名ふりがな"),
    "households": ("世帯数", "総世帯数", "全世帯数", "区域内世帯数", "区域世帯数"),
    "member_households": ("加入世帯数", "加入数", "会員世帯数", "加入戸数", "会員数"),
    "postal_code": ("郵便番号", "〒"),
    "address": ("住所", "所在地", "連絡先住所"),
    "phone": ("電話番号", "電話", "tel", "連絡先", "連絡先電話番号", "電話番号(連絡先)"),
    "email": ("メール", "メールアドレス", "eメール", "e-mail", "email", "mail"),
    "org_postal_code": ("団体郵便番号",),
    "org_address": ("団体住所", "団体所在地"),
    "org_phone": ("団体電話番号", "団体電話"),
    "org_email": ("団体メール", "団体メールアドレス"),
    "president_postal_code": ("会長郵便番号", "代表者郵便番号"),
    "president_address": ("会長住所", "代表者住所", "自治会長住所"),
    "president_phone": ("会長電話番号", "会長電話", "代表者電話番号", "自治会長電話番号"),
    "president_email": ("会長メール", "会長メールアドレス", "代表者メール"),
    "joined_on": ("加入日", "加入年月日", "入会日"),
    "left_on": ("退会日", "退会年月日"),
    "notes": ("備考", "メモ", "摘要"),
}
_PEOPLE_HEADERS = {
    "name": ("氏名", "名前", "姓名", "お名前"),
    "name_kana": ("ふりがな", "フリガナ", "よみがな", "ヨミガナ", "読み", "氏名ふりがな"),
    "postal_code": ("郵便番号", "〒"),
    "address": ("住所",),
    "phone": ("電話番号", "電話", "tel", "連絡先", "携帯電話", "携帯"),
    "email": ("メール", "メールアドレス", "eメール", "e-mail", "email"),
    "notes": ("備考", "メモ"),
}

#: Japanese name of each field (preview, messages).
FIELD_LABELS = {
    "name": "名称・氏名", "name_kana": "ふりがな", "kind": "団体種別",
    "president_name": "会長氏名", "president_kana": "会長ふりがな", "households": "世帯数",
    "member_households": "加入世帯数", "org_postal_code": "団体の郵便番号",
    "org_address": "団体の住所", "org_phone": "団体の電話番号", "org_email": "団体のメール",
    "president_postal_code": "会長の郵便番号", "president_address": "会長の住所",
    "president_phone": "会長の電話番号", "president_email": "会長のメール",
    "postal_code": "郵便番号", "address": "住所", "phone": "電話番号", "email": "メール",
    "joined_on": "加入日", "left_on": "退会日", "notes": "備考",
}
_BRACKETS = re.compile(r"[(\[【].*?[)\]】]")


def header_key(text: str) -> str:
    """A header as compared: NFKC, lower case, no spaces, no bracketed remark."""
    plain = unicodedata.normalize("NFKC", text or "").lower()
    plain = "".join(plain.split())
    stripped = _BRACKETS.sub("", plain)
    return stripped or plain


def _table(kind: str) -> dict[str, str]:
    headers = _ORGANIZATION_HEADERS if kind == ORGANIZATIONS else _PEOPLE_HEADERS
    return {header_key(h): field for field, names in headers.items() for h in names}


def fields_of(kind: str) -> list[str]:
    """The fields a mapping may choose for ``kind`` (organizations / people), in form order."""
    if kind == PEOPLE:
        return list(_PEOPLE_HEADERS)
    return [f for f in _ORGANIZATION_HEADERS if f not in _GENERIC]


def header_field(kind: str, text: str) -> str | None:
    """The field a header names (None for an unknown or ignored header)."""
    return _table(kind).get(header_key(text))


def is_ignored(text: str) -> bool:
    """Whether a header is known but carries nothing to import (番号, 加入率 …)."""
    return header_key(text) in {header_key(h) for h in IGNORED}


def map_headers(kind: str, headers: tuple[str, ...]) -> tuple[dict[int, str], list[str]]:
    """``({column index: field}, [unknown headers])`` of a header row. The first column of a
    field wins (a second is unknown); generic contact columns of an organisation file are
    resolved to the 会長's or the group's (see the module doc)."""
    mapping: dict[int, str] = {}
    unknown: list[str] = []
    for index, header in enumerate(headers):
        field = header_field(kind, header)
        if field is None or field in mapping.values():
            if header and not is_ignored(header):
                unknown.append(header)
            continue
        mapping[index] = field
    if kind == ORGANIZATIONS:
        owner = "president" if "president_name" in mapping.values() else "org"
        for index, field in list(mapping.items()):
            if field in _GENERIC:
                specific = f"{owner}_{field}"
                if specific in mapping.values():
                    unknown.append(headers[index])
                    del mapping[index]
                else:
                    mapping[index] = specific
    return mapping, unknown
