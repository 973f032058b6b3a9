-- kyodo-desktop schema, step 17: the personal data register (個人情報保護法 第27・29条,
-- 災害対策基本法 第49条の11) and the 班 of each 自治会.
-- Per person the 利用目的 they agreed to (or refused) and when; whether the person is an
-- 避難行動要支援者; when and why a person left (退会・死亡・転出); every 第三者提供 of a print or
-- export with personal data (提供記録: date, what, how many people, to whom, why, who printed);
-- the council's 保存期間 rule for people who left, with its source; deletions of people whose
-- 保存期間 ended (how many, when, by whom; no names are kept).

CREATE TABLE person_consents (
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('roster', 'contact_network', 'evacuation_support',
        'photo_publicity')),
    agreed INTEGER NOT NULL CHECK (agreed IN (0, 1)),   -- 1 同意, 0 不同意 (or withdrawn)
    recorded_on TEXT NOT NULL,                          -- the day of the 同意書 (or 撤回)
    PRIMARY KEY (person_id, purpose)
) STRICT;

CREATE TABLE person_status (
    person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
    needs_evacuation_support INTEGER NOT NULL DEFAULT 0
        CHECK (needs_evacuation_support IN (0, 1)),
    left_reason TEXT CHECK (left_reason IN ('withdrew', 'died', 'moved')),
    left_on TEXT,
    CHECK ((left_reason IS NULL) = (left_on IS NULL))
) STRICT;

CREATE TABLE data_provisions (
    id INTEGER PRIMARY KEY,
    council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    provided_on TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (length(trim(kind)) > 0),          -- report/export name
    document TEXT NOT NULL CHECK (length(trim(document)) > 0),  -- what was printed, in Japanese
    people INTEGER NOT NULL CHECK (people >= 0),                -- how many people's data
    recipient TEXT NOT NULL CHECK (length(trim(recipient)) > 0),  -- 提供先
    purpose TEXT NOT NULL CHECK (length(trim(purpose)) > 0),      -- 目的
    printed_by TEXT NOT NULL CHECK (length(trim(printed_by)) > 0),
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX data_provisions_council_day ON data_provisions(council_id, provided_on);

CREATE TABLE retention_rules (
    council_id INTEGER PRIMARY KEY REFERENCES councils(id) ON DELETE CASCADE,
    keep_years INTEGER NOT NULL CHECK (keep_years BETWEEN 1 AND 30),
    source TEXT NOT NULL CHECK (length(trim(source)) > 0)
) STRICT;

CREATE TABLE personal_data_deletions (
    id INTEGER PRIMARY KEY,
    council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    deleted_at TEXT NOT NULL,
    people INTEGER NOT NULL CHECK (people >= 1),
    rule TEXT NOT NULL DEFAULT '',                 -- the 保存期間 rule applied, as text
    deleted_by TEXT NOT NULL DEFAULT ''
) STRICT;

-- 班: how many 班 a 自治会 has (回覧 copies are one per 班).
CREATE TABLE organization_han (
    organization_id INTEGER PRIMARY KEY REFERENCES member_organizations(id) ON DELETE CASCADE,
    han_count INTEGER NOT NULL CHECK (han_count BETWEEN 1 AND 999)
) STRICT;
