-- Stored documents carry the version of their shape, so that a later release reads what
-- an earlier one wrote. Rows already stored were written in format 1.
ALTER TABLE assessments ADD COLUMN format INTEGER NOT NULL DEFAULT 1;
ALTER TABLE content_import ADD COLUMN format INTEGER NOT NULL DEFAULT 1;
