-- kyodo-desktop schema, step 12: a 年度締め row cannot be moved or rewritten, whoever writes.
-- A close says which council-year is locked and what it carried out; moving it to another
-- fiscal_year (or council) by direct SQL would unlock the closed year and lock another. Only the
-- reopening (reopened_at, reopen_reason) may be written, once, with a reason.
CREATE TRIGGER year_closes_fixed BEFORE UPDATE OF council_id, fiscal_year, closed_at, closed_by, carried_out ON year_closes
WHEN NEW.council_id IS NOT OLD.council_id OR NEW.fiscal_year IS NOT OLD.fiscal_year
    OR NEW.closed_at IS NOT OLD.closed_at OR NEW.closed_by IS NOT OLD.closed_by
    OR NEW.carried_out IS NOT OLD.carried_out
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

CREATE TRIGGER year_closes_reopen_once BEFORE UPDATE OF reopened_at, reopen_reason ON year_closes
WHEN (OLD.reopened_at IS NOT NULL AND (NEW.reopened_at IS NOT OLD.reopened_at OR NEW.reopen_reason IS NOT OLD.reopen_reason))
    OR (NEW.reopened_at IS NOT NULL AND length(trim(NEW.reopen_reason)) = 0)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;
