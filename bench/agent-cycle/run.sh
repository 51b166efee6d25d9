#!/usr/bin/env bash
# The whole `steward-agent cycle` process when nothing changes, against a local `steward server`:
# publishes the native agent, starts a server on loopback with a fresh data directory, publishes the
# agent as a package, creates a site and a logon point, installs the agent through the logon point,
# runs one cycle to warm up, then times RUNS cycles with GNU time (wall seconds and peak resident KB).
# Needs: the .NET SDK, curl, GNU time (apt-get install -y time curl).
# Usage: bench/agent-cycle/run.sh [RUNS]     (prints each run, then the medians)
#        STEWARD_AGENT_DIR=DIR reuses an agent already published at 2.00.1493.2000;
#        STEWARD_BENCH_KEEP=1 leaves the server running and the computer in place, to time it with other tools.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-21}
work=$(mktemp -d /tmp/steward-agent-bench.XXXXXX)
port=${STEWARD_BENCH_PORT:-5197}
origin="http://127.0.0.1:$port"
version=2.00.1493.2000
server_pid=
cleanup() {
  if [ -n "${STEWARD_BENCH_KEEP:-}" ]; then
    echo "kept: server pid $server_pid, agent $work/computer/current/steward-agent cycle --state-dir $work/computer" >&2
    return
  fi
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"
}
trap cleanup EXIT

if [ -n "${STEWARD_AGENT_DIR:-}" ]; then
  cp -r "$STEWARD_AGENT_DIR" "$work/agent"      # an agent already published at $version
else
  echo "== publishing the native agent ($version)" >&2
  dotnet publish src/Steward.Agent -c Release -r linux-x64 -p:StewardAgentVersion=$version -o "$work/agent" -nologo >/dev/null
fi
dotnet build src/Steward.Cli -c Release -nologo >/dev/null
cli="dotnet src/Steward.Cli/bin/Release/net10.0/steward.dll"
ls -l "$work/agent/steward-agent" >&2

echo "== starting steward server at $origin" >&2
$cli server --urls "$origin" --data "$work/server" --Logging:LogLevel:Default=Warning >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 300); do
  [ -f "$work/server/admin-token" ] && curl -fs "$origin/readyz" >/dev/null 2>&1 && break
  sleep 0.1
done
token=$(cat "$work/server/admin-token")
admin() { curl -sS --fail-with-body -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }

$cli package build --from "$work/agent" --version $version --output "$work/agent.zip" >&2
curl -sS --fail-with-body -H "Authorization: Bearer $token" -H 'Content-Type: application/zip' --data-binary @"$work/agent.zip" "$origin/v1/packages?version=$version" >&2
admin -d "{\"code\":\"B01\",\"name\":\"Branch\",\"version\":\"$version\",\"boundaries\":[\"10.1.0.0/16\"]}" "$origin/v1/sites" >&2
admin -d '{"name":"DC1","sites":["B01"],"enrollmentSecret":"bench-enrollment-secret"}' "$origin/v1/logon-points" >&2

state="$work/computer"
"$work/agent/steward-agent" logon --logon-point "$origin/v1/logon/DC1" --secret bench-enrollment-secret --state-dir "$state" --address 10.1.0.5 >&2
agent="$state/current/steward-agent"
"$agent" cycle --state-dir "$state" >&2

echo "== timing $runs cycles: $agent cycle --state-dir $state" >&2
for _ in $(seq "$runs"); do
  /usr/bin/time -f "%e %M" -o "$work/time" "$agent" cycle --state-dir "$state" >&2
  cat "$work/time"
done | tee "$work/times" | awk '{ printf "wall %.3f s  peak %d KB\n", $1, $2 }' >&2
sort -n -k1,1 "$work/times" | awk '{ w[NR]=$1 } END { printf "median wall: %.3f s\n", w[int((NR+1)/2)] }'
sort -n -k2,2 "$work/times" | awk '{ m[NR]=$2 } END { printf "median peak resident: %.1f MB\n", m[int((NR+1)/2)]/1024 }'
