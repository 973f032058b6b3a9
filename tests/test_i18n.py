"""Catalog completeness: every message id in the code and the forms has a Japanese translation,
translations keep the ``{placeholders}`` of their ids, and a message id translated in two area
catalogs is translated the same in both (the merged catalog keeps only one of them)."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir

import kyodo_desktop
from kyodo_desktop import i18n, i18n_compile
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


def test_a_message_translated_in_two_catalogs_reads_the_same_in_both():
    from babel.messages.pofile import read_po

    first: dict[str, tuple[str, str]] = {}
    differing = []
    for path in i18n_compile.po_files(i18n.resource_path("locale", "ja", "LC_MESSAGES")):
        with path.open("rb") as handle:
            for message in read_po(handle):
                if not message.id or not message.string or message.fuzzy:
                    continue
                seen = first.setdefault(message.id, (path.name, message.string))
                if seen[1] != message.string:
                    differing.append(f"{message.id!r}: {seen} / {(path.name, message.string)}")
    assert differing == []


def test_language_switch_falls_back_to_the_id():
    message = next(iter(i18n.catalog("ja")))
    try:
        i18n.set_language("en")
        assert i18n._(message) == message
        i18n.set_language("ja")
        assert i18n._(message) == i18n.catalog("ja")[message] != message
    finally:
        i18n.set_language("ja")


@pytest.fixture
def po_folder(tmp_path, monkeypatch):
    """A private ``locale/ja/LC_MESSAGES`` with one .po file, and a private cache folder."""
    import kyodo_desktop.i18n as module

    folder = tmp_path / "locale" / "ja" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    shutil.copy(module.resource_path("locale", "ja", "LC_MESSAGES", "store.po"), folder / "x.po")
    monkeypatch.setattr(module, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    monkeypatch.setattr(module, "_cache_dir", lambda: tmp_path / "cache")
    module.catalog.cache_clear()
    yield folder
    module.catalog.cache_clear()


def test_a_source_checkout_compiles_its_catalog_once_per_content(po_folder, tmp_path):
    po = po_folder / "x.po"
    first = i18n.catalog("ja")
    compiled = sorted((tmp_path / "cache" / "ja").glob("*.mo"))
    assert len(compiled) == 1 and first and all(text for text in first.values())
    po.write_text(po.read_text(encoding="utf-8") + '\nmsgid "Extra"\nmsgstr "追加"\n',
                  encoding="utf-8")
    i18n.catalog.cache_clear()
    assert i18n.catalog("ja") == {**first, "Extra": "追加"}
    # the other content keeps its own compiled file: two installs never overwrite each other
    assert compiled[0].is_file() and len(list((tmp_path / "cache" / "ja").glob("*.mo"))) == 2


def test_a_shipped_catalog_matching_the_po_files_is_read_without_babel(po_folder, tmp_path,
                                                                       monkeypatch):
    import kyodo_desktop.i18n as module

    files = i18n_compile.po_files(po_folder)
    i18n_compile.compile_po_files(files, "ja", po_folder / i18n_compile.mo_name(files))
    monkeypatch.setattr(module, "compile_po_files", lambda *args: pytest.fail("compiled again"))
    assert i18n.compiled_catalog("ja") == po_folder / i18n_compile.mo_name(files)
    assert i18n.catalog("ja")["The data file is damaged and cannot be read: {path}. Restore it "
                              "from a backup."].startswith("データファイル")
    assert not (tmp_path / "cache").exists()


def test_a_later_po_file_wins_and_fuzzy_entries_are_left_out(po_folder):
    (po_folder / "y.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Only"\nmsgstr "一"\n\n#, fuzzy\nmsgid "Unsure"\nmsgstr "不確か"\n',
        encoding="utf-8")
    (po_folder / "a.po").write_text('msgid "Only"\nmsgstr "前"\n', encoding="utf-8")
    catalog = i18n.catalog("ja")
    assert catalog["Only"] == "一" and "Unsure" not in catalog
