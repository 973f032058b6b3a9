-- kyodo-desktop schema, step 8: the 出納簿's own rules hold for every writer, not only the app's
-- services (issue 13). An entry must be dated inside its 年度 (April 1 – March 31 of
-- fiscal_year), carry an amount above 0 (a 訂正, correction_of_id set, may be negative but not 0)
-- and name its 費目 (expense) or 収入科目 (income). INSERT and UPDATE that break a rule fail with
-- RAISE(ABORT, 'kyodo:entry_…'), which store.errors.translate_sqlite_error turns into
-- EntryRefused with a Japanese message. Rows already stored are not re-checked; the services
-- (services/accounting/cash_book.py) refuse the same entries first with the panel's message.
-- A closed year keeps its own message: these triggers stand aside there (SQLite runs the most
-- recently created trigger first), and the closed-year triggers of step 2 refuse the write.

CREATE TRIGGER cash_book_entries_year_insert BEFORE INSERT ON cash_book_entries
WHEN (NEW.entry_date NOT BETWEEN printf('%04d-04-01', NEW.fiscal_year) AND printf('%04d-03-31', NEW.fiscal_year + 1))
    AND NOT EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = NEW.council_id AND y.fiscal_year = NEW.fiscal_year AND y.reopened_at IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:entry_outside_year');
END;

CREATE TRIGGER cash_book_entries_year_update BEFORE UPDATE OF entry_date, fiscal_year ON cash_book_entries
WHEN (NEW.entry_date NOT BETWEEN printf('%04d-04-01', NEW.fiscal_year) AND printf('%04d-03-31', NEW.fiscal_year + 1))
    AND NOT EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = NEW.council_id AND y.fiscal_year = NEW.fiscal_year AND y.reopened_at IS NULL)
    AND NOT EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = OLD.council_id AND y.fiscal_year = OLD.fiscal_year AND y.reopened_at IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:entry_outside_year');
END;

CREATE TRIGGER cash_book_entries_amount_insert BEFORE INSERT ON cash_book_entries
WHEN (NEW.amount = 0 OR (NEW.amount < 0 AND NEW.correction_of_id IS NULL))
    AND NOT EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = NEW.council_id AND y.fiscal_year = NEW.fiscal_year AND y.reopened_at IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:entry_amount');
END;

CREATE TRIGGER cash_book_entries_amount_update BEFORE UPDATE OF amount, correction_of_id ON cash_book_entries
WHEN (NEW.amount = 0 OR (NEW.amount < 0 AND NEW.correction_of_id IS NULL))
    AND NOT EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = NEW.council_id AND y.fiscal_year = NEW.fiscal_year AND y.reopened_at IS NULL)
    AND NOT EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = OLD.council_id AND y.fiscal_year = OLD.fiscal_year AND y.reopened_at IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:entry_amount');
END;

CREATE TRIGGER cash_book_entries_category_insert BEFORE INSERT ON cash_book_entries
WHEN ((NEW.direction = 'expense' AND coalesce(NEW.expense_category_code, '') = '')
    OR (NEW.direction = 'income' AND coalesce(NEW.income_category_code, '') = ''))
    AND NOT EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = NEW.council_id AND y.fiscal_year = NEW.fiscal_year AND y.reopened_at IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:entry_category');
END;

CREATE TRIGGER cash_book_entries_category_update BEFORE UPDATE OF direction, income_category_code, expense_category_code ON cash_book_entries
WHEN ((NEW.direction = 'expense' AND coalesce(NEW.expense_category_code, '') = '')
    OR (NEW.direction = 'income' AND coalesce(NEW.income_category_code, '') = ''))
    AND NOT EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = NEW.council_id AND y.fiscal_year = NEW.fiscal_year AND y.reopened_at IS NULL)
    AND NOT EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = OLD.council_id AND y.fiscal_year = OLD.fiscal_year AND y.reopened_at IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:entry_category');
END;
