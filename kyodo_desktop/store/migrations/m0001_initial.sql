-- kyodo-desktop schema, step 1: the whole glossary (docs/GLOSSARY.md).
-- Money is INTEGER yen; dates are ISO text (YYYY-MM-DD); fiscal years are INTEGER (2026 = 令和8年度);
-- codes are English snake_case (labels live in kyodo_desktop/domain). Every table is STRICT.

-- Settings: scope '' is the application, 'council:<id>' a council.
CREATE TABLE settings (
    scope TEXT NOT NULL DEFAULT '',
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (scope, key)
) STRICT;

-- 地域 and 地域交流センター ------------------------------------------------------------------
CREATE TABLE districts (
    id INTEGER PRIMARY KEY,
    city TEXT NOT NULL,
    name TEXT NOT NULL,
    name_kana TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL DEFAULT 0,
    UNIQUE (city, name)
) STRICT;

CREATE TABLE community_centers (
    id INTEGER PRIMARY KEY,
    district_id INTEGER REFERENCES districts(id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    postal_code TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    fax TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    opening_hours TEXT NOT NULL DEFAULT ''
) STRICT;

-- 地域づくり協議会 ---------------------------------------------------------------------------
CREATE TABLE councils (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    name_kana TEXT NOT NULL DEFAULT '',
    district_id INTEGER REFERENCES districts(id) ON DELETE SET NULL,
    community_center_id INTEGER REFERENCES community_centers(id) ON DELETE SET NULL,
    postal_code TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    fax TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    established_on TEXT,
    city_preset TEXT NOT NULL DEFAULT 'yamaguchi',
    notes TEXT NOT NULL DEFAULT ''
) STRICT;

-- Figures of the council's area per 年度 (as of 4月1日), inputs of grant formulas.
CREATE TABLE council_year_stats (
    council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    fiscal_year INTEGER NOT NULL CHECK (fiscal_year BETWEEN 1989 AND 2200),
    population INTEGER CHECK (population >= 0),
    households INTEGER CHECK (households >= 0),
    PRIMARY KEY (council_id, fiscal_year)
) STRICT;

-- 構成団体 -----------------------------------------------------------------------------------
CREATE TABLE organization_kinds (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    sort_order INTEGER NOT NULL
) STRICT;

INSERT INTO organization_kinds (code, name, sort_order) VALUES
    ('neighborhood_association', '自治会', 1),
    ('neighborhood_federation', '自治会連合会', 2),
    ('womens_association', '婦人会・女性会', 3),
    ('senior_club', '老人クラブ', 4),
    ('children_association', '子ども会', 5),
    ('pta', 'PTA', 6),
    ('social_welfare_council', '地区社会福祉協議会', 7),
    ('welfare_commissioners', '民生委員児童委員協議会', 8),
    ('fire_brigade', '消防団', 9),
    ('sports_association', '体育協会', 10),
    ('npo', 'NPO法人', 11),
    ('volunteer_group', 'ボランティア団体', 12),
    ('business', '事業者', 13),
    ('school', '教育機関', 14),
    ('other', 'その他', 99);

CREATE TABLE member_organizations (
    id INTEGER PRIMARY KEY,
    council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    kind TEXT NOT NULL REFERENCES organization_kinds(code),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    name_kana TEXT NOT NULL DEFAULT '',
    postal_code TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    joined_on TEXT,
    left_on TEXT CHECK (left_on IS NULL OR joined_on IS NULL OR left_on >= joined_on),
    sort_order INTEGER NOT NULL DEFAULT 0,
    notes TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX member_organizations_council ON member_organizations(council_id, kind);

-- 世帯数 / 加入世帯数 per 年度 as of 4月1日 (自治会 mainly).
CREATE TABLE organization_households (
    organization_id INTEGER NOT NULL REFERENCES member_organizations(id) ON DELETE CASCADE,
    fiscal_year INTEGER NOT NULL CHECK (fiscal_year BETWEEN 1989 AND 2200),
    households INTEGER NOT NULL CHECK (households >= 0),
    member_households INTEGER NOT NULL CHECK (member_households >= 0),
    CHECK (member_households <= households),
    PRIMARY KEY (organization_id, fiscal_year)
) STRICT;

-- People: name + ふりがな; address, phone, email are personal (omitted from public prints).
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    name_kana TEXT NOT NULL DEFAULT '',
    postal_code TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX people_council ON people(council_id, name_kana);

-- 専門部会 (and the 事務局 as a group with is_office = 1).
CREATE TABLE subcommittees (
    id INTEGER PRIMARY KEY,
    council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    purpose TEXT NOT NULL DEFAULT '',
    is_office INTEGER NOT NULL DEFAULT 0 CHECK (is_office IN (0, 1)),
    sort_order INTEGER NOT NULL DEFAULT 0,
    UNIQUE (council_id, name)
) STRICT;

-- 部員 that are organisations (people members are officer_terms with role 'member').
CREATE TABLE subcommittee_organizations (
    subcommittee_id INTEGER NOT NULL REFERENCES subcommittees(id) ON DELETE CASCADE,
    organization_id INTEGER NOT NULL REFERENCES member_organizations(id) ON DELETE CASCADE,
    PRIMARY KEY (subcommittee_id, organization_id)
) STRICT;

-- 役職 -------------------------------------------------------------------------------------------
CREATE TABLE roles (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    sort_order INTEGER NOT NULL
) STRICT;

INSERT INTO roles (code, name, sort_order) VALUES
    ('president', '会長', 1),
    ('vice_president', '副会長', 2),
    ('secretary_general', '事務局長', 3),
    ('treasurer', '会計', 4),
    ('auditor', '監事', 5),
    ('director', '理事', 6),
    ('chair', '部会長', 7),
    ('vice_chair', '副部会長', 8),
    ('member', '部員', 9),
    ('office_staff', '事務局員', 10),
    ('advisor', '顧問', 11);

-- 任期: one row per person per role per body; history is kept (a change closes a term, opens another).
CREATE TABLE officer_terms (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
    role TEXT NOT NULL REFERENCES roles(code),
    council_id INTEGER REFERENCES councils(id) ON DELETE CASCADE,
    organization_id INTEGER REFERENCES member_organizations(id) ON DELETE CASCADE,
    subcommittee_id INTEGER REFERENCES subcommittees(id) ON DELETE CASCADE,
    starts_on TEXT NOT NULL,
    ends_on TEXT CHECK (ends_on IS NULL OR ends_on >= starts_on),
    notes TEXT NOT NULL DEFAULT '',
    CHECK ((council_id IS NOT NULL) + (organization_id IS NOT NULL) + (subcommittee_id IS NOT NULL) = 1)
) STRICT;
CREATE INDEX officer_terms_person ON officer_terms(person_id);
CREATE INDEX officer_terms_council ON officer_terms(council_id, role);
CREATE INDEX officer_terms_organization ON officer_terms(organization_id, role);
CREATE INDEX officer_terms_subcommittee ON officer_terms(subcommittee_id, role);

-- 地域づくり計画 ---------------------------------------------------------------------------------
CREATE TABLE community_plans (
    id INTEGER PRIMARY KEY,
    council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    first_year INTEGER NOT NULL CHECK (first_year BETWEEN 1989 AND 2200),
    last_year INTEGER NOT NULL CHECK (last_year >= first_year AND last_year - first_year < 20),
    vision TEXT NOT NULL DEFAULT '',
    current_state TEXT NOT NULL DEFAULT '',
    strengths TEXT NOT NULL DEFAULT '',
    issues TEXT NOT NULL DEFAULT '',
    adopted_on TEXT,
    methods TEXT NOT NULL DEFAULT '[]',  -- JSON list: アンケート, 座談会, 策定委員会 …
    is_current INTEGER NOT NULL DEFAULT 0 CHECK (is_current IN (0, 1)),
    notes TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE UNIQUE INDEX community_plans_one_current ON community_plans(council_id) WHERE is_current = 1;

CREATE TABLE plan_goals (  -- 基本目標 / 推進方針: Ⅰ, Ⅱ …
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES community_plans(id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position >= 1),
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    UNIQUE (plan_id, position)
) STRICT;

CREATE TABLE plan_measures (  -- 推進施策: (1), (2) …
    id INTEGER PRIMARY KEY,
    goal_id INTEGER NOT NULL REFERENCES plan_goals(id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position >= 1),
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    UNIQUE (goal_id, position)
) STRICT;

CREATE TABLE plan_actions (  -- 推進項目: ①, ② …; 整理番号 Ⅰ-(2)-③ is derived from positions
    id INTEGER PRIMARY KEY,
    measure_id INTEGER NOT NULL REFERENCES plan_measures(id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position >= 1),
    title TEXT NOT NULL,
    purpose TEXT NOT NULL DEFAULT '',            -- 目的
    current_state TEXT NOT NULL DEFAULT '',      -- 現状と課題
    content TEXT NOT NULL DEFAULT '',            -- 推進内容
    completion_criterion TEXT NOT NULL DEFAULT '', -- 完了の目安
    responsible_subcommittee_id INTEGER REFERENCES subcommittees(id) ON DELETE SET NULL,
    responsible_organization_id INTEGER REFERENCES member_organizations(id) ON DELETE SET NULL,
    responsible_text TEXT NOT NULL DEFAULT '',   -- 実施主体 as written (事務局, 各自治会 …)
    UNIQUE (measure_id, position)
) STRICT;

-- 対象 (■ marks): citizens 市民, community 地域コミュニティ, civic_groups 市民活動団体,
-- businesses 事業者, schools 教育機関, government 行政, other その他.
CREATE TABLE plan_action_targets (
    action_id INTEGER NOT NULL REFERENCES plan_actions(id) ON DELETE CASCADE,
    target TEXT NOT NULL CHECK (target IN
        ('citizens', 'community', 'civic_groups', 'businesses', 'schools', 'government', 'other')),
    PRIMARY KEY (action_id, target)
) STRICT;

-- 年次計画: study 検討, prepare 準備, implement 実施, continue 継続(→), revise 見直し・実施, complete 完了.
CREATE TABLE yearly_schedule (
    action_id INTEGER NOT NULL REFERENCES plan_actions(id) ON DELETE CASCADE,
    fiscal_year INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN
        ('study', 'prepare', 'implement', 'continue', 'revise', 'complete')),
    PRIMARY KEY (action_id, fiscal_year)
) STRICT;

CREATE TABLE indicators (  -- 数値目標 / 成果指標
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES community_plans(id) ON DELETE CASCADE,
    action_id INTEGER REFERENCES plan_actions(id) ON DELETE SET NULL,
    position INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL,
    unit TEXT NOT NULL DEFAULT '',
    baseline_year INTEGER,
    baseline REAL,
    higher_is_better INTEGER NOT NULL DEFAULT 1 CHECK (higher_is_better IN (0, 1))
) STRICT;

CREATE TABLE indicator_values (  -- 目標値 and 実績値 per 年度
    indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    fiscal_year INTEGER NOT NULL,
    target REAL,
    actual REAL,
    PRIMARY KEY (indicator_id, fiscal_year)
) STRICT;

CREATE TABLE evaluations (  -- PDS の See: per action per 年度 per evaluator kind
    id INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES plan_actions(id) ON DELETE CASCADE,
    fiscal_year INTEGER NOT NULL,
    evaluator_kind TEXT NOT NULL CHECK (evaluator_kind IN ('self', 'mutual', 'third_party')),
    rating TEXT NOT NULL DEFAULT '',   -- A/B/C/D or a council preset
    comment TEXT NOT NULL DEFAULT '',
    next_step TEXT NOT NULL DEFAULT '', -- 見直し for the next year
    evaluator TEXT NOT NULL DEFAULT '',
    evaluated_on TEXT,
    UNIQUE (action_id, fiscal_year, evaluator_kind)
) STRICT;

-- 事業 ---------------------------------------------------------------------------------------------
CREATE TABLE projects (
    id INTEGER PRIMARY KEY,
    council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    fiscal_year INTEGER NOT NULL,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    action_id INTEGER REFERENCES plan_actions(id) ON DELETE SET NULL,
    subcommittee_id INTEGER REFERENCES subcommittees(id) ON DELETE SET NULL,
    fund_code TEXT REFERENCES funds(code),
    starts_on TEXT,
    ends_on TEXT CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on),
    place TEXT NOT NULL DEFAULT '',
    expected_participants INTEGER CHECK (expected_participants >= 0),
    actual_participants INTEGER CHECK (actual_participants >= 0),
    budget INTEGER NOT NULL DEFAULT 0 CHECK (budget >= 0),
    collaboration_form TEXT CHECK (collaboration_form IN ('co_hosting', 'sponsorship',
        'executive_committee', 'adoption', 'cooperation', 'commissioning', 'subsidy',
        'proposal', 'information')),
    partners TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX projects_council_year ON projects(council_id, fiscal_year);

-- 会計区分 and 費目 -------------------------------------------------------------------------------
CREATE TABLE funds (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    is_grant INTEGER NOT NULL CHECK (is_grant IN (0, 1)),
    sort_order INTEGER NOT NULL
) STRICT;

INSERT INTO funds (code, name, is_grant, sort_order) VALUES
    ('operating_support', '運営支援', 1, 1),
    ('activity_support', '活動支援', 1, 2),
    ('own_funds', '自主財源', 0, 3);

-- 収入の部 lines.
CREATE TABLE income_categories (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    sort_order INTEGER NOT NULL
) STRICT;

INSERT INTO income_categories (code, name, sort_order) VALUES
    ('grant', '交付金', 1),
    ('membership_fees', '会費', 2),
    ('donations', '寄付金', 3),
    ('business_income', '事業収入', 4),
    ('miscellaneous_income', '雑収入', 5),
    ('carried_in', '前年度繰越金', 6);

-- 支出の部: 費目, hierarchical (需用費 › 消耗品費 …).
CREATE TABLE expense_categories (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    parent_code TEXT REFERENCES expense_categories(code),
    sort_order INTEGER NOT NULL,
    UNIQUE (parent_code, name)
) STRICT;

INSERT INTO expense_categories (code, name, parent_code, sort_order) VALUES
    ('remuneration', '報酬', NULL, 10),
    ('wages', '賃金', NULL, 20),
    ('honoraria', '報償費', NULL, 30),
    ('travel', '旅費', NULL, 40),
    ('supplies', '需用費', NULL, 50),
    ('consumables', '消耗品費', 'supplies', 51),
    ('fuel', '燃料費', 'supplies', 52),
    ('food', '食糧費', 'supplies', 53),
    ('printing', '印刷製本費', 'supplies', 54),
    ('utilities', '光熱水費', 'supplies', 55),
    ('repairs', '修繕料', 'supplies', 56),
    ('services', '役務費', NULL, 60),
    ('postage', '通信運搬費', 'services', 61),
    ('fees', '手数料', 'services', 62),
    ('insurance', '保険料', 'services', 63),
    ('commissions', '委託料', NULL, 70),
    ('rentals', '使用料及び賃借料', NULL, 80),
    ('construction', '工事請負費', NULL, 90),
    ('materials', '原材料費', NULL, 100),
    ('equipment', '備品購入費', NULL, 110),
    ('contributions', '負担金補助及び交付金', NULL, 120);

-- 交付金 -----------------------------------------------------------------------------------------
-- A programme as loaded from a preset in resources/presets (rules kept as the preset's JSON).
CREATE TABLE grant_programs (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    fund_code TEXT NOT NULL REFERENCES funds(code),
    city_preset TEXT NOT NULL,
    allows_carry_forward INTEGER NOT NULL DEFAULT 0 CHECK (allows_carry_forward IN (0, 1)),
    rules TEXT NOT NULL DEFAULT '{}'  -- JSON: allowed 費目, ineligible keywords, caps, formula
) STRICT;

-- One grant per council, 年度 and programme: 申請 → 交付決定 → 概算払 → 変更 → 実績報告 → 精算.
CREATE TABLE grants (
    id INTEGER PRIMARY KEY,
    council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    fiscal_year INTEGER NOT NULL,
    program_id INTEGER NOT NULL REFERENCES grant_programs(id),
    proposed_amount INTEGER CHECK (proposed_amount >= 0),     -- from the preset's formula
    applied_amount INTEGER CHECK (applied_amount >= 0),       -- 申請額
    applied_on TEXT,
    decided_amount INTEGER CHECK (decided_amount >= 0),       -- 交付決定額
    decided_on TEXT,
    decision_no TEXT NOT NULL DEFAULT '',
    change_amount INTEGER CHECK (change_amount >= 0),         -- 変更申請額
    change_requested_on TEXT,
    change_approved_on TEXT,
    reported_on TEXT,                                          -- 実績報告
    eligible_spending INTEGER CHECK (eligible_spending >= 0),
    settled_on TEXT,                                           -- 精算
    refund_amount INTEGER CHECK (refund_amount >= 0),         -- 返還金
    carried_forward_amount INTEGER CHECK (carried_forward_amount >= 0),
    refunded_on TEXT,
    notes TEXT NOT NULL DEFAULT '',
    UNIQUE (council_id, fiscal_year, program_id)
) STRICT;

CREATE TABLE grant_payments (  -- 交付請求 / 概算払 (kind advance) and 精算払 (kind final)
    id INTEGER PRIMARY KEY,
    grant_id INTEGER NOT NULL REFERENCES grants(id) ON DELETE CASCADE,
    kind TEXT NOT NULL DEFAULT 'advance' CHECK (kind IN ('advance', 'final')),
    requested_on TEXT,
    paid_on TEXT,
    amount INTEGER NOT NULL CHECK (amount > 0)
) STRICT;

-- 予算 ---------------------------------------------------------------------------------------------
CREATE TABLE budget_lines (
    id INTEGER PRIMARY KEY,
    council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    fiscal_year INTEGER NOT NULL,
    fund_code TEXT NOT NULL REFERENCES funds(code),
    direction TEXT NOT NULL CHECK (direction IN ('income', 'expense')),
    income_category_code TEXT REFERENCES income_categories(code),
    expense_category_code TEXT REFERENCES expense_categories(code),
    budget INTEGER NOT NULL DEFAULT 0 CHECK (budget >= 0),    -- 当初予算額
    revised_budget INTEGER CHECK (revised_budget >= 0),       -- 補正後予算額
    notes TEXT NOT NULL DEFAULT '',
    CHECK ((direction = 'income') = (income_category_code IS NOT NULL)),
    CHECK ((direction = 'expense') = (expense_category_code IS NOT NULL)),
    UNIQUE (council_id, fiscal_year, fund_code, direction, income_category_code, expense_category_code)
) STRICT;

CREATE TABLE budget_transfers (  -- 予算の流用
    id INTEGER PRIMARY KEY,
    council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    fiscal_year INTEGER NOT NULL,
    fund_code TEXT NOT NULL REFERENCES funds(code),
    from_category_code TEXT NOT NULL REFERENCES expense_categories(code),
    to_category_code TEXT NOT NULL REFERENCES expense_categories(code),
    amount INTEGER NOT NULL CHECK (amount > 0),
    transferred_on TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    CHECK (from_category_code <> to_category_code)
) STRICT;

-- 出納簿 -------------------------------------------------------------------------------------------
-- amount is positive; direction gives the sign. A 訂正 entry references the original it corrects
-- and may be negative (a reversal).
CREATE TABLE cash_book_entries (
    id INTEGER PRIMARY KEY,
    council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    fiscal_year INTEGER NOT NULL,
    fund_code TEXT NOT NULL REFERENCES funds(code),
    entry_date TEXT NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('income', 'expense')),
    income_category_code TEXT REFERENCES income_categories(code),
    expense_category_code TEXT REFERENCES expense_categories(code),
    description TEXT NOT NULL DEFAULT '',   -- 摘要
    amount INTEGER NOT NULL CHECK (amount > 0 OR (amount <> 0 AND correction_of_id IS NOT NULL)),
    payee TEXT NOT NULL DEFAULT '',         -- 支払先 / 収入元
    voucher_no TEXT NOT NULL DEFAULT '',    -- 領収書番号
    project_id INTEGER REFERENCES projects(id) ON DELETE SET NULL,
    grant_id INTEGER REFERENCES grants(id) ON DELETE SET NULL,
    correction_of_id INTEGER REFERENCES cash_book_entries(id),
    memo TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
    CHECK ((direction = 'income') = (income_category_code IS NOT NULL)),
    CHECK ((direction = 'expense') = (expense_category_code IS NOT NULL))
) STRICT;
CREATE INDEX cash_book_year ON cash_book_entries(council_id, fiscal_year, fund_code, entry_date, id);
CREATE INDEX cash_book_category ON cash_book_entries(council_id, fiscal_year, expense_category_code);
CREATE INDEX cash_book_project ON cash_book_entries(project_id);

-- 前年度繰越金 per fund: written by 年度締め of the previous year, by an import, or by hand.
CREATE TABLE opening_balances (
    council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    fiscal_year INTEGER NOT NULL,
    fund_code TEXT NOT NULL REFERENCES funds(code),
    carried_in INTEGER NOT NULL,
    source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('year_close', 'import', 'manual')),
    PRIMARY KEY (council_id, fiscal_year, fund_code)
) STRICT;

-- 年度締め: a row per close; reopened_at set when a closed year is explicitly reopened.
CREATE TABLE year_closes (
    id INTEGER PRIMARY KEY,
    council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    fiscal_year INTEGER NOT NULL,
    closed_at TEXT NOT NULL,
    closed_by TEXT NOT NULL DEFAULT '',
    carried_out TEXT NOT NULL DEFAULT '{}',  -- JSON {fund_code: yen} 次年度繰越金
    reopened_at TEXT,
    reopen_reason TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE UNIQUE INDEX year_closes_open ON year_closes(council_id, fiscal_year) WHERE reopened_at IS NULL;

-- 会計監査
CREATE TABLE audits (
    id INTEGER PRIMARY KEY,
    council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    fiscal_year INTEGER NOT NULL,
    audited_on TEXT,
    period_from TEXT,
    period_to TEXT,
    opinion TEXT NOT NULL DEFAULT '',
    UNIQUE (council_id, fiscal_year)
) STRICT;

-- Audit log of accounting data: before/after JSON, chained by SHA-256 (prev_hash → hash).
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    occurred_at TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_key TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'close', 'reopen')),
    before TEXT,
    after TEXT,
    actor TEXT NOT NULL DEFAULT '',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX audit_log_row ON audit_log(table_name, row_key);

-- 自治会活動の手引き: chapters per council and 年度.
CREATE TABLE handbook_chapters (
    id INTEGER PRIMARY KEY,
    council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    fiscal_year INTEGER NOT NULL,
    position INTEGER NOT NULL,
    slug TEXT NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'text' CHECK (kind IN ('text', 'data')),
    body TEXT NOT NULL DEFAULT '',      -- markup for kind text; data source name for kind data
    hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    staff_only INTEGER NOT NULL DEFAULT 0 CHECK (staff_only IN (0, 1)),
    UNIQUE (council_id, fiscal_year, slug)
) STRICT;
