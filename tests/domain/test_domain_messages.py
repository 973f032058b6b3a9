"""Every message of the domain has a Japanese translation with the same placeholders."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import kyodo_desktop
from kyodo_desktop.i18n import catalog

DOMAIN = Path(kyodo_desktop.__file__).parent / "domain"
PLACEHOLDER = re.compile(r"\{(\w+)\}")
#: The modules whose messages live in domain.po (other domain modules have their own catalogs).
MODULES = ("dateparse", "formatting", "labels", "money", "text", "wareki")


def _msgids() -> list[str]:
    found = []
    for path in (DOMAIN / f"{name}.py" for name in MODULES):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "_" and node.args):
                argument = node.args[0]
                assert isinstance(argument, ast.Constant), f"non-literal _() in {path.name}"
                found.append(argument.value)
    return sorted(set(found))


def test_domain_has_messages():
    assert len(_msgids()) >= 15


@pytest.mark.parametrize("msgid", _msgids())
def test_message_is_translated_with_the_same_placeholders(msgid):
    japanese = catalog("ja").get(msgid)
    assert japanese, f"no Japanese for {msgid!r}"
    assert set(PLACEHOLDER.findall(japanese)) == set(PLACEHOLDER.findall(msgid))
