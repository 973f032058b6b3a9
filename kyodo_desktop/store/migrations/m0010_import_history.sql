-- kyodo-desktop schema, step 10: which files were imported, so that the same file (or one whose
-- rows are already in the 出納簿) is not imported twice by mistake. One row per import written:
-- the file's SHA-256 of its bytes, its name as the user saw it, what it was imported as, and
-- how many rows were written.
CREATE TABLE imported_files (
    id INTEGER PRIMARY KEY,
    council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('cash-book', 'organizations', 'people')),
    fiscal_year INTEGER CHECK (fiscal_year IS NULL OR fiscal_year BETWEEN 1989 AND 2200),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    file_name TEXT NOT NULL DEFAULT '',
    rows_imported INTEGER NOT NULL DEFAULT 0 CHECK (rows_imported >= 0),
    imported_at TEXT NOT NULL
) STRICT;
CREATE INDEX imported_files_digest ON imported_files(council_id, kind, sha256);
