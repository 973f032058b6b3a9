-- kyodo-desktop schema, step 19: 会計区分 and 交付金 programmes a council defines itself
-- (共同募金配分金, 社会福祉協議会 助成金, 指定管理料, 事業収入, 寄付金 …) besides the city's.
-- The fund and the programme stay rows of the shared tables funds and grant_programs (every
-- entry, budget line and grant references them there), under a generated code that no city
-- preset uses; these two tables say which council owns them. So the rows travel with the
-- council's handover package, and no other council lists or applies them. Files of earlier
-- versions keep their three funds and the city's programmes as they were.

-- A fund of one council: its name as the council sees it (funds.name holds the unique code).
CREATE TABLE council_funds (
    fund_code TEXT PRIMARY KEY REFERENCES funds(code),
    council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0 AND length(name) <= 40),
    sort_order INTEGER NOT NULL DEFAULT 0 CHECK (sort_order >= 0),
    UNIQUE (council_id, name)
) STRICT;
CREATE INDEX council_funds_council ON council_funds(council_id, sort_order);

-- A programme of another funder (交付元) that pays into one of the council's funds: its 上限額
-- (円, NULL = none) and which of the existing forms its report uses.
CREATE TABLE council_programs (
    program_id INTEGER PRIMARY KEY REFERENCES grant_programs(id),
    council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    funder TEXT NOT NULL CHECK (length(trim(funder)) > 0 AND length(funder) <= 60),
    max_amount INTEGER CHECK (max_amount IS NULL OR max_amount >= 0),
    report_layout TEXT NOT NULL DEFAULT 'settlement_statement' CHECK (report_layout IN
        ('settlement_statement', 'performance_report', 'settlement'))
) STRICT;
CREATE INDEX council_programs_council ON council_programs(council_id);
