-- kyodo-desktop schema, step 7: a 返還金 is never a 事業's cost.
-- An expense carrying grant_id is the 返還金 of that grant (docs/ARCHITECTURE.md); it moves the
-- balance but is neither 対象経費 nor the cost of a 事業, so it cannot carry a project_id.
-- INSERT and UPDATE that would make such a row fail with RAISE(ABORT, 'kyodo:refund_with_project'),
-- which store.errors.translate_sqlite_error turns into RefundWithProject. Rows an older version
-- wrote stay as they are (changing them would break the change log and closed years); the
-- figures never count them (services/accounting/figures.py).
CREATE TRIGGER cash_book_entries_refund_project_insert BEFORE INSERT ON cash_book_entries
WHEN NEW.direction = 'expense' AND NEW.grant_id IS NOT NULL AND NEW.project_id IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'kyodo:refund_with_project');
END;

CREATE TRIGGER cash_book_entries_refund_project_update
BEFORE UPDATE OF direction, grant_id, project_id ON cash_book_entries
WHEN NEW.direction = 'expense' AND NEW.grant_id IS NOT NULL AND NEW.project_id IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'kyodo:refund_with_project');
END;
