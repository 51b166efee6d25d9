-- The console's clients table filters a million clients and pages them in id order (keyset paging):
-- each filter has an index that yields its clients already in id order, so a page reads its rows and
-- stops. The name search is a range on lower(name) compared by code point ({binary}), which both engines
-- answer from an index on that expression whatever the database's collation. The inactive clients are a
-- range on heartbeats.seen.
DROP INDEX clients_installed;
DROP INDEX clients_last_outcome;
CREATE INDEX clients_installed_id ON clients (installed, id);
CREATE INDEX clients_last_outcome_id ON clients (last_outcome, id);
CREATE INDEX clients_name_lower ON clients ((lower(name){binary}), id);
CREATE INDEX heartbeats_seen ON heartbeats (seen);
