-- kyodo-desktop schema, step 18: 証拠書類 (receipts and other evidence) attached to 出納簿 entries
-- (issue 15). The files live inside the data file, so backups and handover packages carry them.
--
-- attachment_blobs: one row per distinct file of a council (deduplicated by SHA-256 within the
--   council: the same scan attached to two entries is stored once). Only PDF, JPEG and PNG of at
--   most 10 MiB (the app checks the content's magic bytes and structure before storing; the
--   stored size must equal the data's). A blob belongs to its council so a handover package
--   carries exactly its council's files.
-- entry_attachments: the link entry ↔ blob with the file name as the user chose it (no folder).
--   Deleting the last link of a blob deletes the blob (trigger), so a removed receipt does not
--   stay in the file.
CREATE TABLE attachment_blobs (
    id INTEGER PRIMARY KEY,
    council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    media_type TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size INTEGER NOT NULL CHECK (size BETWEEN 1 AND 10485760),
    data BLOB NOT NULL,
    CHECK (typeof(data) = 'blob' AND length(data) = size),
    UNIQUE (council_id, sha256)
) STRICT;

CREATE TABLE entry_attachments (
    id INTEGER PRIMARY KEY,
    entry_id INTEGER NOT NULL REFERENCES cash_book_entries(id) ON DELETE CASCADE,
    blob_id INTEGER NOT NULL REFERENCES attachment_blobs(id),
    file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200
        AND file_name NOT GLOB '*[/\]*' AND file_name NOT IN ('.', '..')),
    added_on TEXT NOT NULL,
    UNIQUE (entry_id, blob_id)
) STRICT;
CREATE INDEX entry_attachments_blob ON entry_attachments(blob_id);

CREATE TRIGGER entry_attachments_same_council BEFORE INSERT ON entry_attachments
WHEN NOT EXISTS (SELECT 1 FROM cash_book_entries e JOIN attachment_blobs b
                 ON b.council_id = e.council_id WHERE e.id = NEW.entry_id AND b.id = NEW.blob_id)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:attachment_council');
END;

CREATE TRIGGER entry_attachments_drop_orphan AFTER DELETE ON entry_attachments
WHEN NOT EXISTS (SELECT 1 FROM entry_attachments a WHERE a.blob_id = OLD.blob_id)
BEGIN
    DELETE FROM attachment_blobs WHERE id = OLD.blob_id;
END;
