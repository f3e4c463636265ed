-- One row that /healthz overwrites in a transaction, to prove a write can commit.
CREATE TABLE health (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    checked_at TEXT NOT NULL
) STRICT;

INSERT INTO health (id, checked_at) VALUES (1, '');
