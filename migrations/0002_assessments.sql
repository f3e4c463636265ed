-- Saved assessments. No names or contact details: only the answers, the result as it
-- was computed (so later rule changes never rewrite it) and the versions behind it.
CREATE TABLE assessments (
    id TEXT PRIMARY KEY NOT NULL,          -- 128 random bits, base64url
    answers TEXT NOT NULL,                 -- JSON
    result TEXT NOT NULL,                  -- JSON
    rules_version TEXT NOT NULL,
    content_version TEXT NOT NULL,
    created_at TEXT NOT NULL               -- UTC, 'YYYY-MM-DDTHH:MM:SSZ'
) STRICT;

CREATE INDEX assessments_created_at ON assessments (created_at);
