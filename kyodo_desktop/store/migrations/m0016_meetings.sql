-- kyodo-desktop schema, step 16: the council's meetings and papers (総会, 理事会, 役員会, 部会,
-- 実行委員会) with attendance, 議案 and their results, 決定事項 with follow-ups, the 規約 with
-- its revision history, the 定足数 rule of each kind of meeting, and the editable texts of the
-- 総会議案書 per 年度. Names in minutes are stored as written on the day (a minute is a record
-- of its day); the link to the roster is kept where there is one and cleared if a person is
-- deleted.

-- 規約: one row per revision (制定 or 改正); the newest revised_on is in force.
CREATE TABLE council_rules (
    id INTEGER PRIMARY KEY,
    council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    revised_on TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',           -- 制定 / 第N条改正 …
    body TEXT NOT NULL CHECK (length(trim(body)) > 0),
    UNIQUE (council_id, revised_on)
) STRICT;

-- 定足数 rule of a kind of meeting, as the 規約 sets it: at least (or more than, strict = 1)
-- numerator/denominator of the 構成員; proxies (委任状) count as present when count_proxies = 1.
CREATE TABLE quorum_rules (
    council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    meeting_kind TEXT NOT NULL CHECK (meeting_kind IN ('general', 'board', 'officers',
        'subcommittee', 'executive_committee')),
    numerator INTEGER NOT NULL CHECK (numerator >= 1),
    denominator INTEGER NOT NULL CHECK (denominator >= 1 AND numerator <= denominator),
    strict INTEGER NOT NULL DEFAULT 1 CHECK (strict IN (0, 1)),
    count_proxies INTEGER NOT NULL DEFAULT 1 CHECK (count_proxies IN (0, 1)),
    source TEXT NOT NULL DEFAULT '',            -- 規約第N条
    PRIMARY KEY (council_id, meeting_kind)
) STRICT;

CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('general_ordinary', 'general_extraordinary', 'board',
        'officers', 'subcommittee', 'executive_committee')),
    subcommittee_id INTEGER REFERENCES subcommittees(id) ON DELETE SET NULL,
    body_name TEXT NOT NULL DEFAULT '',         -- 実行委員会 name (or the 部会 as it was called)
    held_on TEXT NOT NULL,
    start_time TEXT NOT NULL DEFAULT '' CHECK (start_time = '' OR start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    end_time TEXT NOT NULL DEFAULT '' CHECK (end_time = '' OR end_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    place TEXT NOT NULL DEFAULT '',
    chair_name TEXT NOT NULL DEFAULT '',        -- 議長
    secretary_name TEXT NOT NULL DEFAULT '',    -- 書記
    signer_names TEXT NOT NULL DEFAULT '',      -- 議事録署名人, one per line
    guests TEXT NOT NULL DEFAULT '',            -- 来賓・オブザーバー
    proceedings TEXT NOT NULL DEFAULT '',       -- 議事の経過 of the meeting as a whole
    notes TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX meetings_council_day ON meetings(council_id, held_on);

-- 出席 / 委任状 / 欠席 of each 構成員.
CREATE TABLE meeting_attendance (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    role_text TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('present', 'proxy', 'absent')),
    position INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX meeting_attendance_meeting ON meeting_attendance(meeting_id, position);
CREATE INDEX meeting_attendance_person ON meeting_attendance(person_id);

-- 議案: 第N号, title, 提案者, text, 経過, 結果 (NULL: not decided yet) and vote counts.
CREATE TABLE agenda_items (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    number INTEGER NOT NULL CHECK (number BETWEEN 1 AND 999),
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    proposer TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    proceedings TEXT NOT NULL DEFAULT '',
    result TEXT CHECK (result IN ('approved', 'rejected', 'continued')),
    votes_for INTEGER CHECK (votes_for BETWEEN 0 AND 10000000),
    votes_against INTEGER CHECK (votes_against BETWEEN 0 AND 10000000),
    votes_abstain INTEGER CHECK (votes_abstain BETWEEN 0 AND 10000000),
    UNIQUE (meeting_id, number)
) STRICT;

-- 決定事項 and follow-ups: who does what by when; shown on the next meeting of the same body.
CREATE TABLE meeting_actions (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    content TEXT NOT NULL CHECK (length(trim(content)) > 0),
    assignee TEXT NOT NULL DEFAULT '',
    due_on TEXT,
    done_on TEXT,
    position INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX meeting_actions_meeting ON meeting_actions(meeting_id, position);

-- The editable texts of the 総会議案書 per 年度 (次第, each 議案's words); figures never live here.
CREATE TABLE assembly_texts (
    council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    fiscal_year INTEGER NOT NULL CHECK (fiscal_year BETWEEN 1989 AND 2200),
    section TEXT NOT NULL CHECK (section IN ('order', 'report', 'settlement', 'audit',
        'officers', 'plan', 'budget')),
    body TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (council_id, fiscal_year, section)
) STRICT;
