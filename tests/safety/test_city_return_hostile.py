"""Hostile 年度報告 files at the city: every one is refused with a reason, nothing is unpacked or
written, and the city file stays as it was."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

import pytest

from kyodo_desktop.services.city import city_file, seal
from kyodo_desktop.services.city.return_reader import MAX_BYTES, ReturnRefused, read_return


def _resealed(data: bytes, change) -> bytes:
    document = json.loads(data)
    head = document.pop("seal")["audit_head"]
    change(document)
    return seal.sealed(document, head)


def _raw_resealed(data: bytes, old: bytes, new: bytes) -> bytes:
    """The return's bytes with ``old`` replaced by ``new`` and the seal computed again over
    the raw bytes, as a forger would: sha256 of ``{"audit_head":H,"body":<bytes without the
    seal member>}`` (the seal is a checksum, not a secret)."""
    document = json.loads(data)
    head = document["seal"]["audit_head"]
    body = data[:data.index(b',"seal":{')].replace(old, new, 1)
    assert new in body
    digest = hashlib.sha256(b'{"audit_head":"' + head.encode() + b'","body":' + body
                            + b',"version":1}}').hexdigest()
    return (body + b',"seal":{"audit_head":"' + head.encode() + b'","sha256":"'
            + digest.encode() + b'"},"version":1}')


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _set(path: list, value):
    def change(document):
        target = document
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


def _hostile(yuda_return: bytes) -> dict[str, bytes]:
    nested = "[" * 5000 + "]" * 5000
    return {
        "zip bomb": _zip({"content.json": b"\0" * 50_000_000}),
        "path traversal in a zip": _zip({"../../evil.txt": b"x", "/etc/passwd": b"x",
                                         "manifest.json": yuda_return}),
        "gzip": b"\x1f\x8b\x08\x00" + b"\0" * 100,
        "sqlite": b"SQLite format 3\x00" + b"\0" * 4000,
        "empty": b"",
        "not utf-8": b"\xff\xfe{\x00}\x00",
        "array": b"[]",
        "deep nesting": nested.encode(),
        "deep nesting in a string-free object": ('{"a":' * 3000 + "1" + "}" * 3000).encode(),
        "NaN": yuda_return.replace(b'"version":1', b'"version":NaN'),
        "money as text": _resealed(yuda_return, _set(["content", "summary", "decided_amount"],
                                                      "10247000")),
        "money as float": _resealed(yuda_return, _set(["content", "grants", 0, "received"],
                                                       4824000.0)),
        "money too large": _resealed(yuda_return, _set(["content", "grants", 0, "received"],
                                                        10**18)),
        "bool as count": _resealed(yuda_return, _set(["content", "summary", "projects"], True)),
        "negative households": _resealed(yuda_return, _set(["content", "roster", "households"],
                                                           -5)),
        "year out of range": _resealed(yuda_return, _set(["manifest", "fiscal_year"], 99999)),
        "list instead of object": _resealed(yuda_return, _set(["content", "summary"], [])),
        "missing section": _resealed(yuda_return, lambda d: d["content"].pop("grants")),
        "huge text": _resealed(yuda_return, _set(["manifest", "council"], "湯" * 20_000)),
        "other format": _resealed(yuda_return, _set(["format"], "something-else")),
        "duplicate key, sealed over the raw bytes": _raw_resealed(
            yuda_return, b'{"content":{', b'{"content":{"budget":[],'),
        "huge number, sealed over the raw bytes": _raw_resealed(
            yuda_return, b'"refund_amount":138615', b'"refund_amount":1' + b"0" * 5000),
        "float overflow, sealed over the raw bytes": _raw_resealed(
            yuda_return, b'"refund_amount":138615', b'"refund_amount":1e999'),
        "lone surrogate, sealed over the raw bytes": _raw_resealed(
            yuda_return, b'"district":"', b'"district":"\\ud800'),
        "deep nesting, sealed over the raw bytes": _raw_resealed(
            yuda_return, b'"collaboration":[', b'"collaboration":[' + b"[" * 20 + b"]" * 20
            + b","),
        "spaces, sealed over the raw bytes": _raw_resealed(
            yuda_return, b'"format":', b'"format": '),
        "bad seal shape": yuda_return.replace(b'"seal":{', b'"seal":{"x":1,', 1),
    }


@pytest.fixture
def city(store):
    city_file.make_city_file(store)
    city_file.register_districts(store, ["湯田"])
    return store


def test_every_hostile_return_is_refused_and_nothing_is_unpacked(city, yuda_return, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in _hostile(yuda_return).items():
        path = folder / "x.kyodo-return"
        path.write_bytes(data)
        with pytest.raises(ReturnRefused) as refused:
            city_file.import_return(city, read_return(path))
        assert "x.kyodo-return" in str(refused.value), name
    assert [p.name for p in folder.rglob("*")] == ["x.kyodo-return"]
    assert not (tmp_path.parent / "evil.txt").exists()
    assert city.scalar("SELECT count(*) FROM city_returns") == 0


def test_a_huge_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.kyodo-return"
    with open(path, "wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: no disk used
    opened = []
    monkeypatch.setattr("builtins.open", lambda *a, **k: opened.append(a) or (_ for _ in ()))
    with pytest.raises(ReturnRefused, match="large|大き"):
        read_return(path)
    assert opened == []


def test_wrong_types_name_the_field(yuda_return):
    from kyodo_desktop.services.city.return_reader import verify_bytes

    data = _resealed(yuda_return, _set(["content", "grants", 1, "eligible"], "many"))
    with pytest.raises(ReturnRefused, match=r"content\.grants\[1\]\.eligible"):
        verify_bytes(data, "x")
