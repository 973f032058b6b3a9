"""会費 rates and payments travel with the council in a handover package (ids remapped, the same
list), and the imported file's change log stays clean."""

from __future__ import annotations

from kyodo_desktop.services.backup import handover_package as handover
from kyodo_desktop.services.dues.status import dues_status
from kyodo_desktop.store import audit


def _summary(store, council, year):
    status = dues_status(store, council, year)
    return status.rate.per_household, [
        (line.name, line.billed, line.paid, line.status,
         [(p.receipt_no, p.paid_on, p.amount) for p in line.payments]) for line in status.lines]


def test_dues_travel_in_a_handover(demo_store, store, tmp_path):
    council = demo_store.scalar("SELECT id FROM councils WHERE name LIKE '湯田%'")
    package = handover.export_council(demo_store, council, tmp_path / "pkg.sqlite3")
    moved = handover.import_package(store, package.path).council_id
    for year in (2025, 2026):
        assert _summary(store, moved, year) == _summary(demo_store, council, year)
    assert audit.verify_covered_rows(store) == [] and audit.verify_chain(store) == []
