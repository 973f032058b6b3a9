"""Every hostile database file of the corpus (tests/safety/hostile_sqlite.py) is refused by
``restore``, ``handover-import`` and by opening it: 「エラー:」, exit code 2, no traceback, and no
table of the target file changed."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from kyodo_desktop import cli
from kyodo_desktop.cli_passphrase import ENV_VAR
from kyodo_desktop.services.backup import handover_package as handover
from kyodo_desktop.store import open_store
from kyodo_desktop.store.backup import copy_file, table_digests

from .hostile_sqlite import ALL_PATHS, build_corpus, encrypted_files

YUDA = "湯田地域づくり協議会"
#: The passphrase every run is given (encrypted corpus files must be refused all the same).
PASSPHRASE = "正しいパスフレーズ"


@pytest.fixture(scope="module")
def corpus(demo_template, tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    backup = folder / "sound-backup.sqlite3"
    copy_file(demo_template, backup)
    work = folder / "work.sqlite3"
    shutil.copy(demo_template, work)
    with open_store(work) as store:
        council = store.scalar("SELECT id FROM councils WHERE name = ?", (YUDA,))
        package = handover.export_council(store, council, folder / "sound-package.sqlite3").path
    corpus = build_corpus(folder / "corpus", backup, package)
    return corpus + encrypted_files(folder / "corpus", backup, package, PASSPHRASE)


def _digests(path):
    if not path.exists():
        return None
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return table_digests(conn)
    except sqlite3.DatabaseError as error:
        return str(error)
    finally:
        conn.close()


def _argv(path_kind, hostile, target):
    if path_kind == "restore":
        return ["restore", str(hostile), "--db", str(target)]
    if path_kind == "handover-import":
        return ["handover-import", str(hostile), "--db", str(target), "--name", "新しい協議会"]
    return ["councils", "--db", str(target)]


def test_the_corpus_has_at_least_twenty_files(corpus):
    assert len(corpus) >= 20
    assert len({h.name for h in corpus}) == len(corpus)


@pytest.mark.parametrize("path_kind", ALL_PATHS)
def test_every_hostile_file_is_refused_and_the_target_is_unchanged(
        corpus, path_kind, demo_template, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv(ENV_VAR, PASSPHRASE)
    failures = []
    for hostile in (h for h in corpus if path_kind in h.paths):
        if path_kind == "open":
            target = tmp_path / f"open-{hostile.name}.sqlite3"
            shutil.copy(hostile.path, target)
        else:
            target = tmp_path / hostile.name / "kyodo.sqlite3"
            target.parent.mkdir()
            shutil.copy(demo_template, target)
        before = _digests(target) if path_kind != "open" else target.read_bytes()
        code = cli.main(_argv(path_kind, hostile.path, target))
        out, err = capsys.readouterr()
        after = _digests(target) if path_kind != "open" else target.read_bytes()
        if code != 2 or not err.startswith("エラー:") or "Traceback" in out + err \
                or before != after:
            failures.append(f"{hostile.name}: exit {code}, {err.strip()[:120]!r}, "
                            f"unchanged={before == after}")
    assert failures == []
