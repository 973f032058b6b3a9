"""The writer process of the crash-safety harness (bench/crash_harness.py).

``python bench/crash_writer.py DB LOG SEED`` opens the data file DB and performs random,
realistic operations through the app's own services until it is killed: 出納簿 entries one at a
time and in batches, 予算 changes, deletions, new people with an 役員 term, and automatic
backups. After an operation has returned (its transaction committed) it appends one line to LOG
with ``os.write`` (the kernel keeps it when the process is SIGKILLed)::

    C <seq> entry <memo>           one 出納簿 entry with this unique memo exists
    C <seq> batch <memo> <n>       n entries with this memo exist (all or none of a batch)
    C <seq> budget <line_id> <n>   the budget line's notes hold a number ≥ n
    C <seq> delete <id> <memo>     the entry with this id and memo no longer exists
    C <seq> person <name>          a person of this name exists with an officer term
    C <seq> backup <path>          this backup file is complete and passes integrity_check

The harness then checks that every reported line still holds after the kill.
"""

from __future__ import annotations

import os
import random
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kyodo_desktop.domain.accounting import CashBookEntryInput  # noqa: E402
from kyodo_desktop.services.accounting import budget, cash_book  # noqa: E402
from kyodo_desktop.services.backup import automatic as backups
from kyodo_desktop.services.settings import Settings  # noqa: E402
from kyodo_desktop.store import open_store  # noqa: E402

FISCAL_YEAR = 2026
CATEGORIES = ("consumables", "printing", "postage", "food", "fuel", "rentals", "honoraria")
PAYEES = ("湯田文具店", "山口印刷", "郵便局", "中央スーパー", "湯田ガソリンスタンド", "地域交流センター")


class Writer:
    """Random operations on council ``council_id``; ``log`` is the report file descriptor."""

    def __init__(self, db: Path, log: int, seed: int) -> None:
        self.store = open_store(db)
        self.log = log
        self.rng = random.Random(seed)
        self.seq = seed * 1_000_000
        self.council_id = self.store.scalar(
            "SELECT id FROM councils WHERE name = '湯田地域づくり協議会'")
        self.settings = Settings(backup_count=3, backup_folder=str(db.parent / "backups"))

    def report(self, *words: object) -> None:
        os.write(self.log, (" ".join(str(w) for w in ("C", self.seq, *words)) + "\n").encode())

    def entry(self, memo: str) -> CashBookEntryInput:
        day = date(FISCAL_YEAR, 4, 1) + timedelta(days=self.rng.randrange(365))
        return CashBookEntryInput(
            entry_date=day, fund_code="own_funds", direction="expense",
            category_code=self.rng.choice(CATEGORIES), description="クラッシュ試験の支出",
            amount=self.rng.randrange(100, 50_000), payee=self.rng.choice(PAYEES), memo=memo)

    def op_entry(self) -> None:
        memo = f"crash:{self.seq}"
        cash_book.record_entry(self.store, self.council_id, FISCAL_YEAR, self.entry(memo))
        self.report("entry", memo)

    def op_batch(self) -> None:
        memo, count = f"crash-batch:{self.seq}", self.rng.randrange(2, 12)
        cash_book.record_entries(self.store, self.council_id, FISCAL_YEAR,
                                 [self.entry(memo) for _ in range(count)])
        self.report("batch", memo, count)

    def op_budget(self) -> None:
        category = self.rng.choice(CATEGORIES)
        budget.set_budget_line(self.store, self.council_id, FISCAL_YEAR, "own_funds", "expense",
                               category, self.rng.randrange(0, 500_000), notes=str(self.seq))
        line = budget.find_line(self.store, self.council_id, FISCAL_YEAR, "own_funds",
                                "expense", category)
        self.report("budget", line["id"], self.seq)

    def op_delete(self) -> None:
        rows = self.store.query("SELECT id, memo FROM cash_book_entries WHERE memo LIKE 'crash%' "
                                "ORDER BY random() LIMIT 1")
        if rows:
            cash_book.delete_entry(self.store, rows[0]["id"])
            self.report("delete", rows[0]["id"], rows[0]["memo"])

    def op_person(self) -> None:
        name = f"試験 太郎{self.seq}"
        with self.store.transaction() as db:
            person = db["people"].insert({"council_id": self.council_id, "name": name,
                                          "name_kana": "しけん たろう"}).last_pk
            db["officer_terms"].insert({"person_id": person, "role": "director",
                                        "council_id": self.council_id,
                                        "starts_on": f"{FISCAL_YEAR}-04-01"})
        self.report("person", name)

    def op_backup(self) -> None:
        written = backups.auto_backup(self.store, self.settings, force=True)
        if written is not None:
            self.report("backup", written)

    def run(self) -> None:
        operations = [(self.op_entry, 40), (self.op_batch, 20), (self.op_budget, 15),
                      (self.op_delete, 10), (self.op_person, 10), (self.op_backup, 2)]
        functions, weights = zip(*operations, strict=True)
        _warm = self.store.db  # load sqlite-utils now: READY means the next step writes
        os.write(self.log, b"READY\n")
        while True:
            self.seq += 1
            self.rng.choices(functions, weights)[0]()


def main(argv: list[str]) -> None:
    db, log_path, seed = Path(argv[0]), argv[1], int(argv[2])
    log = os.open(log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    Writer(db, log, seed).run()


if __name__ == "__main__":
    main(sys.argv[1:])
