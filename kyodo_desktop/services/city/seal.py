"""The seal of a 年度報告ファイル: canonical bytes and a SHA-256.

A return is one JSON document written in canonical form (sorted keys, no spaces, UTF-8, no
trailing newline). ``seal.sha256`` is the SHA-256 of the canonical JSON of
``{"body": <the document without "seal">, "audit_head": <seal.audit_head>}``, where
``audit_head`` is the hash of the 変更履歴 row that recorded the 年度締め
(:mod:`kyodo_desktop.store.audit`). A reader accepts only bytes that are exactly the canonical
form of what they parse to and whose seal matches, so any changed byte is detected.

Because the form is canonical, the bytes of a return end with its seal and version,
``,"seal":{"audit_head":"<64 hex>","sha256":"<64 hex>"},"version":1}``, and the body's canonical
JSON is the bytes without the seal member: :func:`raw_seal_matches` checks the seal over the raw
bytes, before anything is parsed, so a changed byte is refused after one SHA-256.
"""

from __future__ import annotations

import hashlib
import json
import re

#: A JSON object of a return (a section of its content): what it holds is fixed by the
#: functions that write it and checked on arrival by :mod:`.return_shape`.
JSONObject = dict[str, object]

FORMAT = "kyodo-desktop/annual-return"
VERSION = 1
SEAL = "seal"


def canonical_bytes(value: object) -> bytes:
    """The canonical UTF-8 JSON of ``value`` (sorted keys, no spaces, non-ASCII kept)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


def seal_hash(body: dict, audit_head: str) -> str:
    """SHA-256 (hex) of the canonical ``{"body": body, "audit_head": audit_head}``."""
    return hashlib.sha256(canonical_bytes({"body": body, "audit_head": audit_head})).hexdigest()


def sealed(body: dict, audit_head: str) -> bytes:
    """The bytes of the sealed document: ``body`` plus ``seal`` {audit_head, sha256}."""
    if SEAL in body:
        raise ValueError("the body of a return must not carry a seal")
    return canonical_bytes({**body, SEAL: {"audit_head": audit_head,
                                           "sha256": seal_hash(body, audit_head)}})


def seal_matches(document: dict) -> bool:
    """Whether ``document``'s seal is the SHA-256 of its body and audit head."""
    seal = document.get(SEAL)
    if not isinstance(seal, dict) or set(seal) != {"audit_head", "sha256"}:
        return False
    head, digest = seal["audit_head"], seal["sha256"]
    if not isinstance(head, str) or not isinstance(digest, str):
        return False
    body = {key: value for key, value in document.items() if key != SEAL}
    return seal_hash(body, head) == digest


_RAW_TAIL = re.compile(rb',"seal":\{"audit_head":"([0-9a-f]{64})","sha256":"([0-9a-f]{64})"\},'
                       rb'"version":' + str(VERSION).encode() + rb'\}')
#: The length of the bytes :data:`_RAW_TAIL` matches (fixed: two 64-hex digests).
_RAW_TAIL_LENGTH = len(b',"seal":{"audit_head":"","sha256":""},"version":}') + 128 + len(
    str(VERSION))


def raw_seal_matches(data: bytes) -> bool | None:
    """The seal checked over the raw ``data`` of a return, before it is parsed.

    None when ``data`` does not end in the seal and version of this :data:`VERSION` (the caller
    then checks the parsed document with :func:`seal_matches`); else whether the SHA-256 of
    ``{"audit_head":"<head>","body":`` + the bytes without the seal member + ``}`` is the
    sealed ``sha256``. In valid JSON that ending can only be the document's own top-level
    ``seal`` and ``version`` (quotes inside strings are escaped), so for canonical ``data``
    this answers exactly what :func:`seal_matches` answers for the parsed document; every
    sealed return this version writes ends this way.
    """
    tail = _RAW_TAIL.fullmatch(data, len(data) - _RAW_TAIL_LENGTH) if (
        len(data) > _RAW_TAIL_LENGTH) else None
    if tail is None:
        return None
    head, digest = tail.group(1), tail.group(2)
    hasher = hashlib.sha256(b'{"audit_head":"' + head + b'","body":')
    hasher.update(memoryview(data)[:len(data) - _RAW_TAIL_LENGTH])
    hasher.update(b',"version":' + str(VERSION).encode() + b"}}")
    return hasher.hexdigest().encode("ascii") == digest
