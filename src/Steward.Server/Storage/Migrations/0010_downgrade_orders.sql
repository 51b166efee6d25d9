-- Rollbacks on a server (docs/RULES.md section 4, decision 0023). A rollback records a downgrade order for its
-- site: clients that run `from_version` (the rolled-back rollout's T) go down to what their sites serve at
-- their next maintenance cycle, under an offer signed for the order's id. An order stands (`ended_at` null)
-- until the site's next rollout or set-version; at most one stands per site, held by the partial unique index.
-- Times are Unix seconds on the rollout clock, like a rollout's lifecycle.
CREATE TABLE downgrade_orders (
    id           TEXT PRIMARY KEY,
    site         TEXT NOT NULL REFERENCES sites(code),
    rollout      TEXT NOT NULL REFERENCES rollouts(id),
    from_version TEXT NOT NULL,
    to_version   TEXT NOT NULL,
    ordered_at   BIGINT NOT NULL,
    ordered_by   TEXT NOT NULL,
    reason       TEXT NULL,
    ended_at     BIGINT NULL,
    end_reason   TEXT NULL
);
CREATE UNIQUE INDEX downgrade_orders_standing ON downgrade_orders (site) WHERE ended_at IS NULL;
CREATE UNIQUE INDEX downgrade_orders_rollout ON downgrade_orders (rollout);

-- A complete rollout can be rolled back only while its site has had no later rollout or set-version.
ALTER TABLE rollouts ADD COLUMN superseded BIGINT NOT NULL DEFAULT 0;

-- A downgrade the maintenance cycle offered under an order: opened and closed like an upgrade attempt,
-- counted toward no rollout's halt rule.
ALTER TABLE attempts ADD COLUMN downgrade_order TEXT NULL REFERENCES downgrade_orders(id);
CREATE INDEX attempts_downgrade_order ON attempts (downgrade_order, client);
