-- kyodo-desktop schema, step 5: what the city's forms print about the council beyond its
-- address: the 担当者 (contact person: name, フリガナ, phone, e-mail) and the council's accounts
-- (振込先 of the 交付請求書).
-- council_accounts holds bank accounts now; ``kind`` leaves room for the 現金 (cash) account and
-- other 口座 of a later "accounts" feature, which adds its columns beside these. ``is_payee``
-- marks the account the city pays the 交付金 into (at most one per council).

ALTER TABLE councils ADD COLUMN contact_name TEXT NOT NULL DEFAULT '';
ALTER TABLE councils ADD COLUMN contact_kana TEXT NOT NULL DEFAULT '';
ALTER TABLE councils ADD COLUMN contact_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE councils ADD COLUMN contact_email TEXT NOT NULL DEFAULT '';

CREATE TABLE council_accounts (
    id INTEGER PRIMARY KEY,
    council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    kind TEXT NOT NULL DEFAULT 'bank' CHECK (kind IN ('bank', 'cash')),
    label TEXT NOT NULL DEFAULT '',                -- 呼び名 (活動支援の口座 …)
    bank_name TEXT NOT NULL DEFAULT '',            -- 金融機関名
    branch_name TEXT NOT NULL DEFAULT '',          -- 支店名
    account_type TEXT CHECK (account_type IN ('ordinary', 'current', 'savings')),  -- 普通・当座・貯蓄
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
CREATE INDEX council_accounts_council ON council_accounts(council_id, sort_order);
CREATE UNIQUE INDEX council_accounts_one_payee ON council_accounts(council_id) WHERE is_payee = 1;

-- 事業: 対象者 (who it is for) beside 実施場所 (place), 参加見込 (expected_participants) and
-- 連携団体 (partners), which the 事業計画書 prints.
ALTER TABLE projects ADD COLUMN audience TEXT NOT NULL DEFAULT '';
