-- Heartbeats get a narrow row of their own (decision 0009). A maintenance cycle that repeats the client's
-- last decision changes nothing but the time the client was last seen and the number of repeats; writing
-- those into the wide clients row, its last_seen index and the decision row took over a third of the
-- access point's CPU under load. Here one row per client holds both: `seen` is when the client was last seen (any
-- decision, report or repeat), `repeats` how many cycles in a row repeated `decision` (the client's last
-- decision) since it was written, the last of them at `repeated_at`. Recording a new decision folds them
-- into that decision's row first.
CREATE TABLE heartbeats (
    client      TEXT PRIMARY KEY REFERENCES clients(id) ON DELETE CASCADE,
    decision    BIGINT NULL,
    repeats     BIGINT NOT NULL,
    repeated_at BIGINT NULL,
    seen        BIGINT NOT NULL
){without_rowid};

INSERT INTO heartbeats (client, decision, repeats, repeated_at, seen)
SELECT id, last_decision, 0, NULL, COALESCE(last_seen, enrolled_at) FROM clients;

DROP INDEX clients_last_seen;
ALTER TABLE clients DROP COLUMN last_seen;
