-- kyodo-desktop schema, step 20: the 証拠書類 of a closed 年度 stay as they were audited. Like the
-- 出納簿 itself (migration 2), a file cannot be attached to, renamed on or detached from an entry of
-- a council-year whose year_closes row has reopened_at IS NULL, whoever writes (the service, an
-- undo after the close, another program); RAISE(ABORT, 'kyodo:closed_year') becomes YearClosed.
-- Deleting a whole council (cascade) stays possible: the council row is gone by then.
CREATE TRIGGER entry_attachments_closed_insert BEFORE INSERT ON entry_attachments
WHEN EXISTS (SELECT 1 FROM cash_book_entries e JOIN year_closes y ON y.council_id = e.council_id
             AND y.fiscal_year = e.fiscal_year AND y.reopened_at IS NULL
             WHERE e.id = NEW.entry_id)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

CREATE TRIGGER entry_attachments_closed_update BEFORE UPDATE ON entry_attachments
WHEN EXISTS (SELECT 1 FROM cash_book_entries e JOIN year_closes y ON y.council_id = e.council_id
             AND y.fiscal_year = e.fiscal_year AND y.reopened_at IS NULL
             WHERE e.id IN (OLD.entry_id, NEW.entry_id))
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

CREATE TRIGGER entry_attachments_closed_delete BEFORE DELETE ON entry_attachments
WHEN EXISTS (SELECT 1 FROM cash_book_entries e JOIN year_closes y ON y.council_id = e.council_id
             AND y.fiscal_year = e.fiscal_year AND y.reopened_at IS NULL
             WHERE e.id = OLD.entry_id)
    AND EXISTS (SELECT 1 FROM cash_book_entries e JOIN councils c ON c.id = e.council_id
                WHERE e.id = OLD.entry_id)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;
