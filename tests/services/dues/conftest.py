"""A council with three 自治会 (加入世帯 40, 25, and one without figures) and a 子ども会."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from kyodo_desktop.services.roster import organizations

FY = 2025


@dataclass
class DuesCouncil:
    store: object
    council_id: int
    orgs: dict[str, int]


@pytest.fixture
def dues_council(store) -> DuesCouncil:
    council_id = store.db["councils"].insert({"name": "テスト地域づくり協議会"}).last_pk
    orgs = {}
    for name, kana, kind, figures in (("東町自治会", "ひがしまちじちかい", "自治会", (50, 40)),
                                      ("あおば自治会", "あおばじちかい", "自治会", (30, 25)),
                                      ("西町自治会", "にしまちじちかい", "自治会", None),
                                      ("東町子ども会", "ひがしまちこどもかい", "子ども会", None)):
        org_id, _changes = organizations.create_organization(
            store, council_id, {"name": name, "name_kana": kana, "kind": kind})
        if figures:
            organizations.set_households(store, org_id, FY, *figures)
        orgs[name] = org_id
    return DuesCouncil(store, council_id, orgs)
