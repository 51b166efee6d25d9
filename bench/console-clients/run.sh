#!/usr/bin/env bash
# The console's clients page with 1,000,000 clients: the time the server takes to answer each kind of view
# (the first page, a site, a version, an outcome, a name search, the inactive clients, a page deep in the
# list), as curl measures it over loopback, signed in through the console's own form.
# Usage: bench/console-clients/run.sh [CLIENTS] [REQUESTS-PER-VIEW]
# Needs sqlite3 and curl. The clients are written straight into the SQLite database while the server is
# stopped (enrolling a million computers through the logon endpoint would take hours and measure that instead).
# Figures are only worth recording on a quiet machine: the script prints the load average beside them.
set -euo pipefail
cd "$(dirname "$0")/../.."
clients=${1:-1000000}
requests=${2:-20}
data=$(mktemp -d /tmp/steward-console-bench.XXXXXX)
port=5197
url="http://127.0.0.1:$port"
jar="$data/cookies"
server_pid=
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT

dotnet build -c Release src/Steward.Server -v quiet -nologo >/dev/null
server=(dotnet src/Steward.Server/bin/Release/net10.0/Steward.Server.dll --urls "$url" --data "$data")

start() {
  "${server[@]}" >"$data/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 300); do curl -fs "$url/readyz" >/dev/null 2>&1 && return; sleep 0.2; done
  echo "the server did not start:" >&2; cat "$data/server.log" >&2; exit 1
}
stop() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=; }

start   # makes the schema and the first admin token
stop

now=$(($(date +%s) * 1000))
echo "== writing $clients clients" >&2
sqlite3 "$data/steward.db" <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
INSERT INTO sites (code, name, version, boundaries, revision, created_at, updated_at) VALUES
  ('A01', NULL, '2.00.1380.2000', '10.0.0.0/10', 1, $now, $now),
  ('B02', NULL, '2.00.1380.1000', '10.64.0.0/10', 1, $now, $now),
  ('C03', NULL, '2.00.1380.2001', '10.128.0.0/10', 1, $now, $now),
  ('D04', NULL, '2.00.1380.2001', '10.192.0.0/10', 1, $now, $now);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $clients)
INSERT INTO clients (id, name, secret_hash, installed, sites, addresses, travel, last_outcome, last_decision, last_decision_key,
                     enrolled_at, upgrade_version, upgrade_succeeded, upgrade_message, upgrade_at, revision, pinned_key)
SELECT printf('%08x-0000-7000-8000-%012x', i * 2654435761 % 4294967296, i),
       printf('PC-%07d', i),
       'x',
       CASE i % 5 WHEN 0 THEN '2.00.1380.1000' WHEN 1 THEN NULL ELSE '2.00.1380.2000' END,
       CASE i % 4 WHEN 0 THEN 'A01' WHEN 1 THEN 'B02' WHEN 2 THEN 'C03' ELSE 'D04' END,
       printf('10.%d.%d.%d', (i % 4) * 64 + (i / 65536) % 64, (i / 256) % 256, i % 256),
       0,
       CASE i % 7 WHEN 0 THEN 'DeferredToMaintenance' WHEN 1 THEN 'UpToDate' ELSE 'Installed' END,
       NULL, NULL, $now - 864000000, NULL, NULL, NULL, NULL, 1, 1
FROM n;
INSERT INTO client_sites (client, site) SELECT id, sites FROM clients;
INSERT INTO heartbeats (client, decision, repeats, repeated_at, seen)
SELECT id, NULL, 0, NULL, CASE WHEN substr(name, -3) = '000' THEN $now - 864000000 ELSE $now - 3600000 END FROM clients;
ANALYZE;
SQL

start
token=$(cat "$data/admin-token")
form=$(curl -s -c "$jar" "$url/console/sign-in" | sed -n 's/.*name="__form" type="hidden" value="\([^"]*\)".*/\1/p')
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "token=$token" --data-urlencode "__form=$form" "$url/console/sign-in"
deep=$(printf '%08x-0000-7000-8000-%012x' $((777777 * 2654435761 % 4294967296)) 777777)

measure() {
  local name=$1 path=$2
  local status
  status=$(curl -s -b "$jar" -o /dev/null -w '%{http_code}' "$url$path")
  [ "$status" = 200 ] || { echo "$path answered $status" >&2; exit 1; }
  for _ in $(seq 1 "$requests"); do curl -s -b "$jar" -o /dev/null -w '%{time_total}\n' "$url$path"; done |
    sort -n | awk -v name="$name" '{ t[NR] = $1 * 1000 } END { printf "%-22s median %6.1f ms   p90 %6.1f ms   max %6.1f ms\n", name, t[int((NR + 1) / 2)], t[int(NR * 0.9)], t[NR] }'
}

echo "== $clients clients, $requests requests per view, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
measure "first page" "/console/clients"
measure "site" "/console/clients?site=C03"
measure "version" "/console/clients?version=2.00.1380.1000"
measure "no agent" "/console/clients?version=none"
measure "outcome" "/console/clients?outcome=UpToDate"
measure "name starts with" "/console/clients?name=pc-04242"
measure "inactive" "/console/clients?inactive=true"
measure "deep page (keyset)" "/console/clients?after=$deep"
measure "site+version+outcome" "/console/clients?site=A01&version=2.00.1380.2000&outcome=Installed"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
