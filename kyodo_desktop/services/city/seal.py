"""The seal of a 年度報告ファイル: canonical bytes and a SHA-256.

A return is one JSON document written in canonical form (sorted keys, no spaces, UTF-8, no
trailing newline). ``seal.sha256`` is the SHA-256 of the canonical JSON of
``{"body": <the document without "seal">, "audit_head": <seal.audit_head>}``, where
``audit_head`` is the hash of the 変更履歴 row that recorded the 年度締め
(:mod:`kyodo_desktop.store.audit`). A reader accepts only bytes that are exactly the canonical
form of what they parse to and whose seal matches, so any changed byte is detected.
"""

from __future__ import annotations

import hashlib
import json

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
