-- kyodo-desktop schema, step 14: the city's data file.
-- A city data file (settings scope 'file', key 'kind' = 'city') collects the sealed 年度報告
-- (annual returns) of the councils. One row per imported return, its canonical document kept
-- whole (and its summary beside it, so the table of all councils reads no whole document); a newer return for the same 地域 and 年度 replaces the older one, which stays with
-- replaced_at and replaced_by_id set (the history). A council's own file has no rows here.
CREATE TABLE city_returns (
    id INTEGER PRIMARY KEY,
    district TEXT NOT NULL CHECK (length(district) BETWEEN 1 AND 100),
    council TEXT NOT NULL CHECK (length(council) BETWEEN 1 AND 200),
    fiscal_year INTEGER NOT NULL,
    sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    audit_head TEXT NOT NULL CHECK (length(audit_head) = 64),
    closed_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    replaced_at TEXT,
    replaced_by_id INTEGER REFERENCES city_returns(id),
    summary TEXT NOT NULL,
    document TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX city_returns_current ON city_returns(district, fiscal_year)
    WHERE replaced_at IS NULL;
