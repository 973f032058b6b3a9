-- kyodo-desktop schema, step 13: 口座 (accounts), 振替 (transfers) and 通帳照合 (issue 15).
--
-- 1. council_accounts gains the 預金種目 定期 ('time'); SQLite cannot change a CHECK, so the table
--    is rebuilt with the same columns and indexes. Every council gets exactly one 現金 account
--    (kind 'cash', label 現金; at most one per council).
-- 2. Every 出納簿 entry says which account it moved (cash_book_entries.account_id). Existing files
--    migrate with every entry on the council's 現金 account: the app cannot know which entries
--    went through the 通帳, and 現金 is what a single 出納簿 (現金出納帳) has meant so far; the
--    treasurer moves bank entries to their 口座 afterwards (docs/ARCHITECTURE.md). A row written
--    without an account (an older importer, direct SQL) is put on the 現金 account by a trigger;
--    an account of another council is refused (kyodo:entry_account).
-- 3. 振替 (預入 / 引出 between the council's accounts) are ONE row of account_transfers with two
--    sides. They never touch cash_book_entries, so no income, expense, 決算額, 事業費 or review
--    figure can count them; only the per-account balances move.
-- 4. account_opening_balances: 前年度繰越金 per account. The 現金 account holds the remainder
--    (Σ opening_balances of the funds − the other accounts' rows), so the accounts always add up
--    to the funds (services/accounting/figures.py).
-- 5. reconciliations: a 通帳照合 / 現金の実査 record; 照合済 only when the difference is 0, else a
--    reason is required.
-- The closed-year guard of step 2 is dropped and recreated unchanged around the one UPDATE that
-- fills account_id, so files with closed years migrate too.

CREATE TABLE council_accounts_new (
    id INTEGER PRIMARY KEY,
    council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    kind TEXT NOT NULL DEFAULT 'bank' CHECK (kind IN ('bank', 'cash')),
    label TEXT NOT NULL DEFAULT '',                -- 呼び名 (活動支援の口座 …)
    bank_name TEXT NOT NULL DEFAULT '',            -- 金融機関名
    branch_name TEXT NOT NULL DEFAULT '',          -- 支店名
    account_type TEXT CHECK (account_type IN ('ordinary', 'current', 'savings', 'time')),  -- 普通・当座・貯蓄・定期
    account_number TEXT NOT NULL DEFAULT '' CHECK (account_number NOT GLOB '*[^0-9]*'),
    holder TEXT NOT NULL DEFAULT '',               -- 口座名義
    holder_kana TEXT NOT NULL DEFAULT '',          -- 口座名義 (カナ)
    fund_code TEXT REFERENCES funds(code),         -- the 会計区分 it holds; NULL = any
    is_payee INTEGER NOT NULL DEFAULT 0 CHECK (is_payee IN (0, 1)),
    sort_order INTEGER NOT NULL DEFAULT 0,
    notes TEXT NOT NULL DEFAULT '',
    CHECK (kind <> 'bank' OR (account_type IS NOT NULL AND length(bank_name) > 0
                              AND length(account_number) > 0 AND length(holder) > 0))
) STRICT;
INSERT INTO council_accounts_new SELECT * FROM council_accounts;
DROP TABLE council_accounts;
ALTER TABLE council_accounts_new RENAME TO council_accounts;
CREATE INDEX council_accounts_council ON council_accounts(council_id, sort_order);
CREATE UNIQUE INDEX council_accounts_one_payee ON council_accounts(council_id) WHERE is_payee = 1;
CREATE UNIQUE INDEX council_accounts_one_cash ON council_accounts(council_id) WHERE kind = 'cash';
INSERT INTO council_accounts (council_id, kind, label, sort_order)
SELECT c.id, 'cash', '現金', 0 FROM councils c
WHERE NOT EXISTS (SELECT 1 FROM council_accounts a WHERE a.council_id = c.id AND a.kind = 'cash');

ALTER TABLE cash_book_entries ADD COLUMN account_id INTEGER REFERENCES council_accounts(id);
DROP TRIGGER cash_book_entries_closed_update;
UPDATE cash_book_entries SET account_id = (SELECT a.id FROM council_accounts a
    WHERE a.council_id = cash_book_entries.council_id AND a.kind = 'cash');
CREATE TRIGGER cash_book_entries_closed_update BEFORE UPDATE ON cash_book_entries
WHEN EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = OLD.council_id AND y.fiscal_year = OLD.fiscal_year AND y.reopened_at IS NULL)
    OR EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = NEW.council_id AND y.fiscal_year = NEW.fiscal_year AND y.reopened_at IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;
CREATE INDEX cash_book_account ON cash_book_entries(account_id, entry_date);

CREATE TRIGGER cash_book_entries_account_insert BEFORE INSERT ON cash_book_entries
WHEN NEW.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM council_accounts a WHERE a.id = NEW.account_id AND a.council_id = NEW.council_id)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:entry_account');
END;

CREATE TRIGGER cash_book_entries_account_update BEFORE UPDATE OF account_id, council_id ON cash_book_entries
WHEN NEW.account_id IS NULL OR NOT EXISTS (SELECT 1 FROM council_accounts a WHERE a.id = NEW.account_id AND a.council_id = NEW.council_id)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:entry_account');
END;

CREATE TRIGGER cash_book_entries_default_account AFTER INSERT ON cash_book_entries
WHEN NEW.account_id IS NULL
BEGIN
    INSERT INTO council_accounts (council_id, kind, label, sort_order)
    SELECT NEW.council_id, 'cash', '現金', 0
    WHERE NOT EXISTS (SELECT 1 FROM council_accounts a WHERE a.council_id = NEW.council_id AND a.kind = 'cash');
    UPDATE cash_book_entries SET account_id = (SELECT a.id FROM council_accounts a
        WHERE a.council_id = NEW.council_id AND a.kind = 'cash') WHERE id = NEW.id;
END;

CREATE TABLE account_transfers (
    id INTEGER PRIMARY KEY,
    council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    fiscal_year INTEGER NOT NULL,
    transfer_date TEXT NOT NULL,                   -- 日付
    from_account_id INTEGER NOT NULL REFERENCES council_accounts(id),  -- 出金側
    to_account_id INTEGER NOT NULL REFERENCES council_accounts(id),    -- 入金側
    amount INTEGER NOT NULL CHECK (amount > 0),
    description TEXT NOT NULL DEFAULT '',          -- 摘要 (預入, 引出 …)
    memo TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
    CHECK (from_account_id <> to_account_id),
    CHECK (transfer_date BETWEEN printf('%04d-04-01', fiscal_year) AND printf('%04d-03-31', fiscal_year + 1))
) STRICT;
CREATE INDEX account_transfers_year ON account_transfers(council_id, fiscal_year, transfer_date, id);

CREATE TRIGGER account_transfers_accounts BEFORE INSERT ON account_transfers
WHEN NOT EXISTS (SELECT 1 FROM council_accounts a WHERE a.id = NEW.from_account_id AND a.council_id = NEW.council_id)
    OR NOT EXISTS (SELECT 1 FROM council_accounts a WHERE a.id = NEW.to_account_id AND a.council_id = NEW.council_id)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:entry_account');
END;

CREATE TRIGGER account_transfers_accounts_update BEFORE UPDATE OF council_id, from_account_id, to_account_id ON account_transfers
WHEN NOT EXISTS (SELECT 1 FROM council_accounts a WHERE a.id = NEW.from_account_id AND a.council_id = NEW.council_id)
    OR NOT EXISTS (SELECT 1 FROM council_accounts a WHERE a.id = NEW.to_account_id AND a.council_id = NEW.council_id)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:entry_account');
END;

CREATE TRIGGER account_transfers_closed_insert BEFORE INSERT ON account_transfers
WHEN EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = NEW.council_id AND y.fiscal_year = NEW.fiscal_year AND y.reopened_at IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

CREATE TRIGGER account_transfers_closed_update BEFORE UPDATE ON account_transfers
WHEN EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = OLD.council_id AND y.fiscal_year = OLD.fiscal_year AND y.reopened_at IS NULL)
    OR EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = NEW.council_id AND y.fiscal_year = NEW.fiscal_year AND y.reopened_at IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

CREATE TRIGGER account_transfers_closed_delete BEFORE DELETE ON account_transfers
WHEN EXISTS (SELECT 1 FROM year_closes y WHERE y.council_id = OLD.council_id AND y.fiscal_year = OLD.fiscal_year AND y.reopened_at IS NULL)
    AND EXISTS (SELECT 1 FROM councils c WHERE c.id = OLD.council_id)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:closed_year');
END;

CREATE TABLE account_opening_balances (
    council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    fiscal_year INTEGER NOT NULL,
    account_id INTEGER NOT NULL REFERENCES council_accounts(id) ON DELETE CASCADE,
    carried_in INTEGER NOT NULL,                   -- 前年度繰越金 of the account (円)
    PRIMARY KEY (council_id, fiscal_year, account_id)
) STRICT;

CREATE TABLE reconciliations (
    id INTEGER PRIMARY KEY,
    council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    account_id INTEGER NOT NULL REFERENCES council_accounts(id) ON DELETE CASCADE,
    reconciled_on TEXT NOT NULL,                   -- 照合日
    book_balance INTEGER NOT NULL,                 -- 帳簿残高 (円)
    bank_balance INTEGER NOT NULL,                 -- 通帳残高 / 現金有高 (円)
    reason TEXT NOT NULL DEFAULT '',               -- 差額の理由
    cash_count TEXT NOT NULL DEFAULT '',           -- 金種表 as JSON {"10000": 3, …}; '' for a bank
    checked_by TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
    CHECK (bank_balance = book_balance OR length(trim(reason)) > 0)
) STRICT;
CREATE INDEX reconciliations_account ON reconciliations(account_id, reconciled_on);
