-- kyodo-desktop schema, step 4: the budget's history, so every form prints the budget as of its
-- own date (the application the 当初予算, the 収支決算書 the 予算現額 with the 補正 that made it).
-- A 補正予算 is numbered per council-year (補正第1号 …) and carries the day it was decided; a
-- budget line's revised_budget belongs to the 補正 linked in budget_line_revisions (a line
-- without a link keeps a 補正 of unknown date, as written before this step). 予算の流用 already
-- carries its date (budget_transfers.transferred_on).
-- 返還金 (refund of a grant) gets its own line in 支出の部 instead of hiding inside a 費目.

CREATE TABLE budget_revisions (
    id INTEGER PRIMARY KEY,
    council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    fiscal_year INTEGER NOT NULL,
    number INTEGER NOT NULL CHECK (number >= 1),
    decided_on TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    UNIQUE (council_id, fiscal_year, number)
) STRICT;

CREATE TABLE budget_line_revisions (
    budget_line_id INTEGER PRIMARY KEY REFERENCES budget_lines(id) ON DELETE CASCADE,
    revision_id INTEGER NOT NULL REFERENCES budget_revisions(id) ON DELETE CASCADE
) STRICT;
CREATE INDEX budget_line_revisions_revision ON budget_line_revisions(revision_id);

INSERT INTO expense_categories (code, name, parent_code, sort_order) VALUES
    ('refund', '返還金', NULL, 130);

-- A closed year's 補正 is as read-only as its budget lines (see step 2).
CREATE TRIGGER budget_revisions_closed_insert BEFORE INSERT ON budget_revisions
WHEN EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = NEW.council_id AND y.fiscal_year = NEW.fiscal_year AND y.reopened_at IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

CREATE TRIGGER budget_revisions_closed_update BEFORE UPDATE ON budget_revisions
WHEN EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = OLD.council_id AND y.fiscal_year = OLD.fiscal_year AND y.reopened_at IS NULL)
    OR EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = NEW.council_id AND y.fiscal_year = NEW.fiscal_year AND y.reopened_at IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

CREATE TRIGGER budget_revisions_closed_delete BEFORE DELETE ON budget_revisions
WHEN EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = OLD.council_id AND y.fiscal_year = OLD.fiscal_year AND y.reopened_at IS NULL)
    AND EXISTS (SELECT 1 FROM councils c WHERE c.id = OLD.council_id)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

CREATE TRIGGER budget_line_revisions_closed_insert BEFORE INSERT ON budget_line_revisions
WHEN EXISTS (SELECT 1 FROM budget_lines b JOIN year_closes y ON y.council_id = b.council_id AND y.fiscal_year = b.fiscal_year AND y.reopened_at IS NULL WHERE b.id = NEW.budget_line_id)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

CREATE TRIGGER budget_line_revisions_closed_update BEFORE UPDATE ON budget_line_revisions
WHEN EXISTS (SELECT 1 FROM budget_lines b JOIN year_closes y ON y.council_id = b.council_id AND y.fiscal_year = b.fiscal_year AND y.reopened_at IS NULL WHERE b.id IN (OLD.budget_line_id, NEW.budget_line_id))
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

CREATE TRIGGER budget_line_revisions_closed_delete BEFORE DELETE ON budget_line_revisions
WHEN EXISTS (SELECT 1 FROM budget_lines b JOIN year_closes y ON y.council_id = b.council_id AND y.fiscal_year = b.fiscal_year AND y.reopened_at IS NULL WHERE b.id = OLD.budget_line_id)
    AND EXISTS (SELECT 1 FROM budget_lines b JOIN councils c ON c.id = b.council_id WHERE b.id = OLD.budget_line_id)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;
