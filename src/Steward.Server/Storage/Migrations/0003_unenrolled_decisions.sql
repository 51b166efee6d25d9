-- Decisions of computers that are not enrolled (decision 0011). Such a computer has no client row to
-- hold the key of its last decision, so this narrow table does, by the computer's name: an identical
-- repeat (the same refusal at every logon) raises that decision's `repeats` instead of adding a row.
-- The partial index finds the old ones for the periodic clean-up (Steward:UnenrolledDecisionDays).
CREATE TABLE unenrolled (
    computer     TEXT PRIMARY KEY,
    decision     BIGINT NOT NULL,
    decision_key TEXT NOT NULL
){without_rowid};

CREATE INDEX decisions_unenrolled_last_at ON decisions(last_at) WHERE client IS NULL;
