-- Each client's health as its agent's daily self-check (steward-agent doctor) last found it, sent with the
-- next maintenance cycle: 'healthy', or the names of the checks that failed ('unhealthy: files, service');
-- NULL until the agent reports one (an agent older than the check never does). Outside the client's revision:
-- no decision reads it. The unhealthy clients are few and counted for a metric: a partial index holds them.
ALTER TABLE clients ADD COLUMN health TEXT;
CREATE INDEX clients_unhealthy_id ON clients (id) WHERE health <> 'healthy';
