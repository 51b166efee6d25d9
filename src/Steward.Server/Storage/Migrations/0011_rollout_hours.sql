-- A rollout's actual curve (issue 15, decision 0024): the clients of its site per installed version, counted
-- once in every hour from its start while it is active — the versions the agents report (clients.installed),
-- not the offers made (an Upgraded answer is an offer, not an install). `hour` is whole hours from the
-- rollout's start on the rollout clock; `version` is '' for clients with no agent. The key makes a second
-- server's count of the same hour a no-op.
CREATE TABLE rollout_hours (
    rollout TEXT NOT NULL REFERENCES rollouts(id) ON DELETE CASCADE,
    hour    BIGINT NOT NULL,
    version TEXT NOT NULL,
    clients BIGINT NOT NULL,
    PRIMARY KEY (rollout, hour, version)
){without_rowid};
