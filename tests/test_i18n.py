"""Catalog completeness: every message id in the code and the forms has a Japanese translation,
and translations keep the ``{placeholders}`` of their ids."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from babel.messages.extract import extract_from_dir

import kyodo_desktop
from kyodo_desktop import i18n
from kyodo_desktop.resources import root

PACKAGE = Path(kyodo_desktop.__file__).resolve().parent
NOT_TEXT = {"styleSheet", "inputMask", "displayFormat", "objectName", "currentText"}
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}")


def code_messages() -> dict[str, str]:
    found = {}
    for filename, _lineno, message, _comments, _context in extract_from_dir(
        str(PACKAGE),
        method_map=[("**.py", "python")],
        keywords={"_": None, "N_": None},
    ):
        if isinstance(message, str) and message:
            found[message] = filename
    return found


def form_messages() -> dict[str, str]:
    found = {}
    for path in sorted(root("forms").glob("*.ui")):
        tree = ET.parse(path)
        for prop in tree.iter("property"):
            if prop.get("name") in NOT_TEXT:
                continue
            for node in prop.iter("string"):
                if node.get("notr") != "true" and node.text and node.text.strip():
                    found[node.text] = path.name
        for item in tree.iter("item"):
            for node in item.iter("string"):
                if node.get("notr") != "true" and node.text and node.text.strip():
                    found[node.text] = path.name
    return found


def test_code_has_messages_to_translate():
    assert len(code_messages()) > 5


def test_every_message_has_a_japanese_translation():
    catalog = i18n.catalog("ja")
    wanted = {**code_messages(), **form_messages()}
    missing = sorted(f"{where}: {msgid}" for msgid, where in wanted.items() if msgid not in catalog)
    assert missing == []


def test_translations_keep_placeholders():
    catalog = i18n.catalog("ja")
    broken = [
        msgid for msgid, text in catalog.items()
        if sorted(PLACEHOLDER.findall(msgid)) != sorted(PLACEHOLDER.findall(text))
    ]
    assert broken == []


def test_language_switch_falls_back_to_the_id():
    message = next(iter(i18n.catalog("ja")))
    try:
        i18n.set_language("en")
        assert i18n._(message) == message
        i18n.set_language("ja")
        assert i18n._(message) == i18n.catalog("ja")[message] != message
    finally:
        i18n.set_language("ja")


def test_the_catalog_cache_follows_the_po_files(tmp_path, monkeypatch):
    import os
    import shutil

    import kyodo_desktop.i18n as module

    folder = tmp_path / "locale" / "ja" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = folder / "x.po"
    shutil.copy(module.resource_path("locale", "ja", "LC_MESSAGES", "store.po"), po)
    monkeypatch.setattr(module, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    monkeypatch.setattr(module, "_cache_file", lambda language: tmp_path / f"cache-{language}.json")
    module.catalog.cache_clear()
    try:
        first = module.catalog("ja")
        assert (tmp_path / "cache-ja.json").is_file()
        assert module._read_po_files([po], "ja") == first
        po.write_text(po.read_text(encoding="utf-8") + '\nmsgid "Extra"\nmsgstr "追加"\n',
                      encoding="utf-8")
        os.utime(po, ns=(po.stat().st_atime_ns, po.stat().st_mtime_ns + 10**9))
        module.catalog.cache_clear()
        assert module.catalog("ja")["Extra"] == "追加"
    finally:
        module.catalog.cache_clear()
