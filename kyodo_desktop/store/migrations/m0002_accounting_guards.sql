-- kyodo-desktop schema, step 2: a closed 年度 is read-only, whoever writes.
-- A year_closes row with reopened_at IS NULL locks that council-year: INSERT, UPDATE and DELETE on
-- its 出納簿, 予算, 流用, 概算払 (through the grant's year) and 前年度繰越金 fail with
-- RAISE(ABORT, 'kyodo:closed_year'), which store.errors.translate_sqlite_error turns into
-- YearClosed. Deleting a whole council (cascade) stays possible: the council row is gone by then.
-- A closed year's grant cannot be deleted and its close cannot be deleted either (reopen instead);
-- grants stay updatable, because 実績報告 and 精算 happen after the year is closed.

-- cash_book_entries
CREATE TRIGGER cash_book_entries_closed_insert BEFORE INSERT ON cash_book_entries
WHEN EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = NEW.council_id AND y.fiscal_year = NEW.fiscal_year AND y.reopened_at IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

CREATE TRIGGER cash_book_entries_closed_update BEFORE UPDATE ON cash_book_entries
WHEN EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = OLD.council_id AND y.fiscal_year = OLD.fiscal_year AND y.reopened_at IS NULL)
    OR EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = NEW.council_id AND y.fiscal_year = NEW.fiscal_year AND y.reopened_at IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

CREATE TRIGGER cash_book_entries_closed_delete BEFORE DELETE ON cash_book_entries
WHEN EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = OLD.council_id AND y.fiscal_year = OLD.fiscal_year AND y.reopened_at IS NULL)
    AND EXISTS (SELECT 1 FROM councils c WHERE c.id = OLD.council_id)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

-- budget_lines
CREATE TRIGGER budget_lines_closed_insert BEFORE INSERT ON budget_lines
WHEN EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = NEW.council_id AND y.fiscal_year = NEW.fiscal_year AND y.reopened_at IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

CREATE TRIGGER budget_lines_closed_update BEFORE UPDATE ON budget_lines
WHEN EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = OLD.council_id AND y.fiscal_year = OLD.fiscal_year AND y.reopened_at IS NULL)
    OR EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = NEW.council_id AND y.fiscal_year = NEW.fiscal_year AND y.reopened_at IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

CREATE TRIGGER budget_lines_closed_delete BEFORE DELETE ON budget_lines
WHEN EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = OLD.council_id AND y.fiscal_year = OLD.fiscal_year AND y.reopened_at IS NULL)
    AND EXISTS (SELECT 1 FROM councils c WHERE c.id = OLD.council_id)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

-- budget_transfers
CREATE TRIGGER budget_transfers_closed_insert BEFORE INSERT ON budget_transfers
WHEN EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = NEW.council_id AND y.fiscal_year = NEW.fiscal_year AND y.reopened_at IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

CREATE TRIGGER budget_transfers_closed_update BEFORE UPDATE ON budget_transfers
WHEN EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = OLD.council_id AND y.fiscal_year = OLD.fiscal_year AND y.reopened_at IS NULL)
    OR EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = NEW.council_id AND y.fiscal_year = NEW.fiscal_year AND y.reopened_at IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

CREATE TRIGGER budget_transfers_closed_delete BEFORE DELETE ON budget_transfers
WHEN EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = OLD.council_id AND y.fiscal_year = OLD.fiscal_year AND y.reopened_at IS NULL)
    AND EXISTS (SELECT 1 FROM councils c WHERE c.id = OLD.council_id)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

-- opening_balances
CREATE TRIGGER opening_balances_closed_insert BEFORE INSERT ON opening_balances
WHEN EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = NEW.council_id AND y.fiscal_year = NEW.fiscal_year AND y.reopened_at IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

CREATE TRIGGER opening_balances_closed_update BEFORE UPDATE ON opening_balances
WHEN EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = OLD.council_id AND y.fiscal_year = OLD.fiscal_year AND y.reopened_at IS NULL)
    OR EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = NEW.council_id AND y.fiscal_year = NEW.fiscal_year AND y.reopened_at IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

CREATE TRIGGER opening_balances_closed_delete BEFORE DELETE ON opening_balances
WHEN EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = OLD.council_id AND y.fiscal_year = OLD.fiscal_year AND y.reopened_at IS NULL)
    AND EXISTS (SELECT 1 FROM councils c WHERE c.id = OLD.council_id)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

-- grant_payments: the year is the grant's
CREATE TRIGGER grant_payments_closed_insert BEFORE INSERT ON grant_payments
WHEN EXISTS (SELECT 1 FROM grants g JOIN year_closes y ON y.council_id = g.council_id AND y.fiscal_year = g.fiscal_year AND y.reopened_at IS NULL WHERE g.id = NEW.grant_id)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

CREATE TRIGGER grant_payments_closed_update BEFORE UPDATE ON grant_payments
WHEN EXISTS (SELECT 1 FROM grants g JOIN year_closes y ON y.council_id = g.council_id AND y.fiscal_year = g.fiscal_year AND y.reopened_at IS NULL WHERE g.id = OLD.grant_id)
    OR EXISTS (SELECT 1 FROM grants g JOIN year_closes y ON y.council_id = g.council_id AND y.fiscal_year = g.fiscal_year AND y.reopened_at IS NULL WHERE g.id = NEW.grant_id)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

CREATE TRIGGER grant_payments_closed_delete BEFORE DELETE ON grant_payments
WHEN EXISTS (SELECT 1 FROM grants g JOIN year_closes y ON y.council_id = g.council_id AND y.fiscal_year = g.fiscal_year AND y.reopened_at IS NULL WHERE g.id = OLD.grant_id)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

-- grants: deleting a closed year's grant would take its payments with it
CREATE TRIGGER grants_closed_delete BEFORE DELETE ON grants
WHEN EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = OLD.council_id AND y.fiscal_year = OLD.fiscal_year AND y.reopened_at IS NULL)
    AND EXISTS (SELECT 1 FROM councils c WHERE c.id = OLD.council_id)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

-- grants: moving a grant into or out of a closed year
CREATE TRIGGER grants_closed_move BEFORE UPDATE OF council_id, fiscal_year ON grants
WHEN (OLD.council_id <> NEW.council_id OR OLD.fiscal_year <> NEW.fiscal_year)
    AND (EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = OLD.council_id AND y.fiscal_year = OLD.fiscal_year AND y.reopened_at IS NULL)
    OR EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = NEW.council_id AND y.fiscal_year = NEW.fiscal_year AND y.reopened_at IS NULL))
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

-- year_closes: a close is undone only by reopening (reopened_at), never by deleting
CREATE TRIGGER year_closes_no_delete BEFORE DELETE ON year_closes
WHEN OLD.reopened_at IS NULL AND EXISTS (SELECT 1 FROM councils c WHERE c.id = OLD.council_id)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

CREATE TRIGGER year_closes_no_unreopen BEFORE UPDATE ON year_closes
WHEN OLD.reopened_at IS NOT NULL AND NEW.reopened_at IS NULL
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

-- The 出納簿 in its order (date, then entry) across funds: paging and running balances.
CREATE INDEX cash_book_order ON cash_book_entries(council_id, fiscal_year, entry_date, id);
