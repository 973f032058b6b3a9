-- kyodo-desktop schema, step 15: 協働 on every 事業 (seeds 000, 002, 003, 004).
-- A council's partner register (構成団体, the city's 課, schools, businesses, NPOs …), the forms of
-- collaboration of each 事業 (several allowed), each partner's 役割分担 (what it does, what it
-- pays) and the 振り返り after the event: each principle scored ◎ ○ △ × with a comment.
CREATE TABLE collaboration_partners (
    id INTEGER PRIMARY KEY,
    council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind TEXT NOT NULL CHECK (kind IN ('member_organization', 'city_department', 'school',
        'business', 'npo', 'other')),
    notes TEXT NOT NULL DEFAULT '',
    UNIQUE (council_id, name)
) STRICT;

CREATE TABLE project_collaboration_forms (
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    form TEXT NOT NULL CHECK (form IN ('commissioning', 'subsidy', 'co_hosting', 'sponsorship',
        'executive_committee', 'cooperation', 'information', 'personnel_exchange', 'facility',
        'policy_proposal', 'adoption', 'proposal')),
    PRIMARY KEY (project_id, form)
) STRICT;

CREATE TABLE project_partners (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    partner_id INTEGER NOT NULL REFERENCES collaboration_partners(id) ON DELETE CASCADE,
    role TEXT NOT NULL DEFAULT '',
    pays TEXT NOT NULL DEFAULT '',
    UNIQUE (project_id, partner_id)
) STRICT;

CREATE TABLE project_reviews (
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    principle TEXT NOT NULL CHECK (principle IN ('equality', 'mutual_understanding',
        'shared_purpose', 'autonomy', 'transparency', 'roles', 'evaluation')),
    score TEXT NOT NULL CHECK (score IN ('excellent', 'good', 'fair', 'poor')),
    comment TEXT NOT NULL DEFAULT '',
    reviewed_on TEXT,
    PRIMARY KEY (project_id, principle)
) STRICT;

-- the one form a 事業 had so far becomes its first form
INSERT INTO project_collaboration_forms (project_id, form)
    SELECT id, collaboration_form FROM projects WHERE collaboration_form IS NOT NULL;
