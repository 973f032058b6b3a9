"""The words of the personal data register: 利用目的, reasons for leaving, the default 保存期間
rule. Literal Japanese labels (like :mod:`kyodo_desktop.domain.labels`); the codes are the
schema's (migration 17)."""

from __future__ import annotations

#: 利用目的 a person may agree to (person_consents.purpose), in the order forms show them.
PURPOSES: dict[str, str] = {
    "roster": "名簿掲載",
    "contact_network": "連絡網",
    "evacuation_support": "避難行動要支援者支援",
    "photo_publicity": "写真の広報掲載",
}

#: What each purpose allows, as the 同意書 prints it.
PURPOSE_TEXTS: dict[str, str] = {
    "roster": "協議会の名簿（役員名簿・自治会長名簿・事務局用の手引き等）に氏名・住所・電話番号等を"
              "掲載し、協議会の活動に関係する方へ配布すること",
    "contact_network": "協議会・自治会の連絡網に氏名・電話番号を載せ、連絡に使うこと",
    "evacuation_support": "避難行動要支援者名簿に氏名・住所・電話番号を載せ、災害時の避難支援のため"
                          "自主防災組織・民生委員等の避難支援等関係者に提供すること"
                          "（災害対策基本法第49条の11）",
    "photo_publicity": "行事で撮影した写真を広報誌・掲示・ホームページに載せること",
}

#: Why a person left (person_status.left_reason).
LEFT_REASONS: dict[str, str] = {"withdrew": "退会", "died": "死亡", "moved": "転出"}

#: 保存期間 of a person who left, when the council has not set its own rule (years).
DEFAULT_KEEP_YEARS = 3
#: Where the default rule comes from (printed beside it and shown on the screen).
DEFAULT_RULE_SOURCE = (
    "個人情報保護法第22条（利用する必要がなくなった個人データは遅滞なく消去するよう努める）と、"
    "提供記録の保存期間（同法第29条・施行規則第21条：3年）に合わせた協議会の取扱い")
