"""The row shapes of the personal data register (typed dicts checked against the demo by
tests/services/test_typed_rows.py). Dates are ``date``."""

from __future__ import annotations

from datetime import date
from typing import TypedDict


class Consent(TypedDict):
    """A person's answer for one 利用目的: ``agreed`` (True 同意, False 不同意 or 撤回) and the
    day it was given (the 同意書's date)."""

    agreed: bool
    recorded_on: date


class PersonPrivacy(TypedDict):
    """A person's entry in the register: ``consents`` by purpose code (a purpose without an
    answer is missing), the 避難行動要支援者 mark, and when and why they left (None: still
    here)."""

    person_id: int
    consents: dict[str, Consent]
    needs_evacuation_support: bool
    left_reason: str | None
    left_on: date | None


class RegisterRow(TypedDict):
    """A person in the register list: name, ふりがな, ``consents`` (as in :class:`PersonPrivacy`),
    the 要支援者 mark, 退会等 (reason code or None, date or None) and ``keep_until`` (the last day
    of the 保存期間 of a person who left, else None)."""

    person_id: int
    name: str
    name_kana: str
    consents: dict[str, Consent]
    needs_evacuation_support: bool
    left_reason: str | None
    left_on: date | None
    keep_until: date | None


class Provision(TypedDict):
    """One 提供記録: when, what (report or export ``kind`` and its Japanese ``document`` title),
    how many people's data, to whom (``recipient``), why (``purpose``) and who printed it."""

    id: int
    provided_on: date
    kind: str
    document: str
    people: int
    recipient: str
    purpose: str
    printed_by: str


class EvacuationPerson(TypedDict):
    """A person on the 避難行動要支援者名簿: name, ふりがな, 住所, 電話, the day of the consent."""

    person_id: int
    name: str
    name_kana: str
    postal_code: str
    address: str
    phone: str
    agreed_on: date


class Deletion(TypedDict):
    """A deletion of people whose 保存期間 ended: when, how many, the rule applied, by whom."""

    id: int
    deleted_at: str
    people: int
    rule: str
    deleted_by: str
