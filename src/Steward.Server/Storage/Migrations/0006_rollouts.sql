-- Rollouts on a server (docs/RULES.md section 4, decision 0018). Times of a rollout's lifecycle are Unix seconds,
-- as Policy reckons them (a client's slot is a whole second); the times of attempts and events are Unix
-- milliseconds, like every other table. `state` and `halted_in` are the API's words (pilot, spreading,
-- complete, halted, aborted, rolledBack); `halt_rate` is the decimal text as written (0.05), compared in
-- integers by Policy. A site has at most one active rollout: the partial unique index holds it even
-- against two servers starting one at once.
CREATE TABLE rollouts (
    id             TEXT PRIMARY KEY,
    site           TEXT NOT NULL REFERENCES sites(code),
    from_version   TEXT NOT NULL,
    to_version     TEXT NOT NULL,
    state          TEXT NOT NULL,
    halted_in      TEXT NULL,
    window_seconds BIGINT NOT NULL,
    halt_failures  BIGINT NOT NULL,
    halt_rate      TEXT NOT NULL,
    started        BIGINT NOT NULL,
    spread_start   BIGINT NOT NULL,
    halted_at      BIGINT NOT NULL,
    ended_at       BIGINT NOT NULL,
    successes      BIGINT NOT NULL,
    failures       BIGINT NOT NULL,
    halt_reason    TEXT NULL,
    started_by     TEXT NOT NULL,
    revision       BIGINT NOT NULL
);
CREATE UNIQUE INDEX rollouts_one_active ON rollouts (site) WHERE state IN ('pilot', 'spreading', 'halted');
CREATE INDEX rollouts_state ON rollouts (state, site);

-- The pilot's clients by id (names are resolved when the rollout starts).
CREATE TABLE rollout_pilots (
    rollout TEXT NOT NULL REFERENCES rollouts(id) ON DELETE CASCADE,
    client  TEXT NOT NULL,
    PRIMARY KEY (rollout, client)
){without_rowid};

-- An upgrade the maintenance cycle offered: opened when the answer is Upgraded (or Downgraded), closed
-- by the agent's report or by expiry. `result` is open, succeeded, failed or expired (expired counts as
-- failed). `rollout` is the rollout it counts toward, null when none does; an attempt that counts toward
-- several (a client of two sites rolling out the same T) has a row in attempt_rollouts for each.
CREATE TABLE attempts (
    id           TEXT PRIMARY KEY,
    client       TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    from_version TEXT NULL,
    to_version   TEXT NOT NULL,
    opened_at    BIGINT NOT NULL,
    reported_at  BIGINT NULL,
    result       TEXT NOT NULL,
    message      TEXT NULL
);
CREATE INDEX attempts_open ON attempts (result, opened_at);
CREATE INDEX attempts_client ON attempts (client, opened_at);

CREATE TABLE attempt_rollouts (
    attempt TEXT NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
    rollout TEXT NOT NULL REFERENCES rollouts(id),
    pilot   BIGINT NOT NULL,
    PRIMARY KEY (rollout, attempt)
){without_rowid};
CREATE INDEX attempt_rollouts_attempt ON attempt_rollouts (attempt);

-- Halts and completions to tell the webhook, written in the transaction that makes them (an outbox):
-- whichever server claims one (next_at moved forward) posts it, retried with backoff until delivered.
CREATE TABLE rollout_events (
    id           {identity},
    rollout      TEXT NOT NULL,
    kind         TEXT NOT NULL,
    body         TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    tries        BIGINT NOT NULL,
    next_at      BIGINT NOT NULL,
    delivered_at BIGINT NULL,
    last_error   TEXT NULL
);
CREATE INDEX rollout_events_due ON rollout_events (delivered_at, next_at);
