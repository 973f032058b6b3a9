-- kyodo-desktop schema, step 21: 会費・分担金 from the 自治会 (issue 15).
--
-- 1. dues_rates: per council and 年度 the 会費 rate, an amount per 加入世帯 (household_amount, 円
--    per 世帯) and/or a flat amount per 自治会 (association_amount, 円). 請求額 of a 自治会 =
--    household_amount × its 加入世帯数 of the 年度 (organization_households) + association_amount;
--    computed by services/dues, never stored. Audited like the budget.
-- 2. dues_payments: a 納入 links a 自治会 to the 出納簿 entry that booked it (収入 会費, the account
--    the money went into). Date, amount and 口座 live only in that entry, so the cash book and the
--    会費 list cannot disagree; deleting the entry (also from the 出納簿) deletes the link
--    (CASCADE). receipt_no is the 領収書 number, unique per council-year. The entry's closed-year
--    guards protect the money; the link has its own guards below.

CREATE TABLE dues_rates (
    council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    fiscal_year INTEGER NOT NULL CHECK (fiscal_year BETWEEN 1989 AND 2200),
    household_amount INTEGER NOT NULL DEFAULT 0 CHECK (household_amount BETWEEN 0 AND 100000),
    association_amount INTEGER NOT NULL DEFAULT 0 CHECK (association_amount BETWEEN 0 AND 10000000),
    notes TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (council_id, fiscal_year),
    CHECK (household_amount > 0 OR association_amount > 0)
) STRICT;

CREATE TABLE dues_payments (
    id INTEGER PRIMARY KEY,
    council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    fiscal_year INTEGER NOT NULL CHECK (fiscal_year BETWEEN 1989 AND 2200),
    organization_id INTEGER NOT NULL REFERENCES member_organizations(id),
    entry_id INTEGER NOT NULL UNIQUE REFERENCES cash_book_entries(id) ON DELETE CASCADE,
    receipt_no INTEGER NOT NULL CHECK (receipt_no >= 1),
    UNIQUE (council_id, fiscal_year, receipt_no)
) STRICT;
CREATE INDEX dues_payments_organization ON dues_payments(organization_id, fiscal_year);

-- The entry must be of the same council and 年度, and the 自治会 of the same council.
CREATE TRIGGER dues_payments_links BEFORE INSERT ON dues_payments
WHEN NOT EXISTS (SELECT 1 FROM cash_book_entries e WHERE e.id = NEW.entry_id
                 AND e.council_id = NEW.council_id AND e.fiscal_year = NEW.fiscal_year)
    OR NOT EXISTS (SELECT 1 FROM member_organizations o WHERE o.id = NEW.organization_id
                   AND o.council_id = NEW.council_id)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:dues_link');
END;

CREATE TRIGGER dues_payments_links_update BEFORE UPDATE OF council_id, fiscal_year, organization_id, entry_id ON dues_payments
WHEN NOT EXISTS (SELECT 1 FROM cash_book_entries e WHERE e.id = NEW.entry_id
                 AND e.council_id = NEW.council_id AND e.fiscal_year = NEW.fiscal_year)
    OR NOT EXISTS (SELECT 1 FROM member_organizations o WHERE o.id = NEW.organization_id
                   AND o.council_id = NEW.council_id)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:dues_link');
END;

CREATE TRIGGER dues_payments_closed_insert BEFORE INSERT ON dues_payments
WHEN EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = NEW.council_id AND y.fiscal_year = NEW.fiscal_year AND y.reopened_at IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

CREATE TRIGGER dues_payments_closed_update BEFORE UPDATE ON dues_payments
WHEN EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = OLD.council_id AND y.fiscal_year = OLD.fiscal_year AND y.reopened_at IS NULL)
    OR EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = NEW.council_id AND y.fiscal_year = NEW.fiscal_year AND y.reopened_at IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

CREATE TRIGGER dues_payments_closed_delete BEFORE DELETE ON dues_payments
WHEN EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = OLD.council_id AND y.fiscal_year = OLD.fiscal_year AND y.reopened_at IS NULL)
    AND EXISTS (SELECT 1 FROM councils c WHERE c.id = OLD.council_id)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

CREATE TRIGGER dues_rates_closed_insert BEFORE INSERT ON dues_rates
WHEN EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = NEW.council_id AND y.fiscal_year = NEW.fiscal_year AND y.reopened_at IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

CREATE TRIGGER dues_rates_closed_update BEFORE UPDATE ON dues_rates
WHEN EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = OLD.council_id AND y.fiscal_year = OLD.fiscal_year AND y.reopened_at IS NULL)
    OR EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = NEW.council_id AND y.fiscal_year = NEW.fiscal_year AND y.reopened_at IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

CREATE TRIGGER dues_rates_closed_delete BEFORE DELETE ON dues_rates
WHEN EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = OLD.council_id AND y.fiscal_year = OLD.fiscal_year AND y.reopened_at IS NULL)
    AND EXISTS (SELECT 1 FROM councils c WHERE c.id = OLD.council_id)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;
