"""``kyodo-desktop review`` on the demo exits 0 for both years; on the broken copy it exits 1
and names each violated rule once (every rule over the two years)."""

from __future__ import annotations

from collections import Counter

from kyodo_desktop import cli
from kyodo_desktop.i18n import _
from kyodo_desktop.services.review.findings import RULES
from kyodo_desktop.store import open_store

from .conftest import BROKEN_2025, BROKEN_2026


def _review(capsys, path, year):
    code = cli.main(["review", "--db", str(path), "--council", "湯田", "--fiscal-year", year])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out


def test_the_demo_passes_the_review(capsys, demo_path):
    for year in ("2025", "R8"):
        code, out = _review(capsys, demo_path, year)
        assert code == 0 and "直すところはありません" in out


def test_the_broken_copy_fails_naming_each_rule_once(capsys, demo_path):
    with open_store(demo_path) as store, store.transaction() as db:
        council = store.scalar("SELECT id FROM councils WHERE name = '湯田地域づくり協議会'")
        for statement in [*BROKEN_2026.values(), *BROKEN_2025.values()]:
            db.execute(statement, {"c": council})
    named = Counter()
    for year in ("2025", "2026"):
        code, out = _review(capsys, demo_path, year)
        assert code == 1
        for line in out.splitlines():
            named.update(rule for rule, title in RULES.items() if f"［{_(title)}］" in line)
    assert named == dict.fromkeys(RULES, 1)
