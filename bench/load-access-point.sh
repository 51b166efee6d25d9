#!/usr/bin/env bash
# The access point under load (issue 3): the Release server on SQLite pinned to core 1, 100,000 clients
# enrolled through the logon endpoint, then wrk pinned to core 0 driving their maintenance cycles; then
# the same wrk run against a bare Kestrel endpoint (also on core 1) that answers with a body of the same
# size. Prints requests/s, p50/p99, the ratio and the server's memory. Everything it starts, it stops.
# Usage: bench/load-access-point.sh   (settings below can be overridden from the environment)
# Needs wrk (apt-get install -y wrk), taskset and curl. Load only ever goes to 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

clients=${CLIENTS:-100000}
duration=${DURATION:-30s}
# Tiered JIT needs about 40 s of this load on one core to reach its steady state (measured 2026-12-01:
# 1,000 -> 5,000 requests/s over six 10 s runs), so the warm-up is long.
warmup=${WARMUP:-60s}
connections=${CONNECTIONS:-8}
enroll_concurrency=${ENROLL_CONCURRENCY:-8}
server_port=${SERVER_PORT:-5290}
bare_port=${BARE_PORT:-5291}
work=${WORK:-artifacts/load}

for tool in wrk taskset curl; do
  command -v "$tool" >/dev/null || { echo "load-access-point: $tool is missing (apt-get install -y $tool)" >&2; exit 2; }
done

echo "== build (Release)"
for project in src/Steward.Server bench/Steward.LoadHarness bench/Steward.BareKestrel; do
  dotnet build -c Release "$project" --nologo -v quiet >/dev/null
done
bin=bin/Release/net10.0

rm -rf "$work" && mkdir -p "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do stop "$pid"; done
}
trap cleanup EXIT

# Stops one process this script started: SIGTERM, up to 30 s for a graceful stop, then SIGKILL.
stop() {
  kill -0 "$1" 2>/dev/null || return 0
  kill -TERM "$1"
  for _ in $(seq 1 60); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.5; done
  kill -KILL "$1" 2>/dev/null || true
}

# Waits up to 30 s for a URL to answer; further arguments go to curl (e.g. -X POST -d '{}').
wait_for() {
  for _ in $(seq 1 60); do curl -fs -o /dev/null "$@" && return 0; sleep 0.5; done
  echo "load-access-point: $1 did not answer within 30 s" >&2; exit 1
}

memory() {  # peak and current resident memory of a process, in MiB
  awk '/^VmHWM|^VmRSS/ { printf "%s %.1f MiB  ", $1, $2 / 1024 }' "/proc/$1/status"; echo
}

cpu_ticks() {  # user + system CPU time of a process so far, in clock ticks
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

# A warm-up run (JIT tiering, connection set-up, caches) whose figures are dropped, then the measured run.
# The process's own CPU time per request is noted too: on a shared machine it moves less than requests/s.
load() {  # load NAME URL PID
  taskset -c 0 wrk -t1 -c"$connections" -d"$warmup" --timeout 10s -s bench/wrk/cycle.lua "$2" -- "$work/clients/cycles.tsv" >/dev/null
  local before after
  before=$(cpu_ticks "$3")
  taskset -c 0 wrk -t1 -c"$connections" -d"$duration" --timeout 10s --latency -s bench/wrk/cycle.lua "$2" -- "$work/clients/cycles.tsv" | tee "$work/$1.wrk"
  after=$(cpu_ticks "$3")
  grep '^RESULT' "$work/$1.wrk" | sed "s/^RESULT/$1 cpu_ticks=$((after - before)) hz=$(getconf CLK_TCK)/" >>"$work/results"
}

echo "== server on core 1, SQLite in $work/data"
taskset -c 1 dotnet "src/Steward.Server/$bin/Steward.Server.dll" --urls "http://127.0.0.1:$server_port" --data "$work/data" >"$work/server.log" 2>&1 &
server=$!
pids+=("$server")
wait_for "http://127.0.0.1:$server_port/healthz"

echo "== $clients clients: enrollment and first cycle ($enroll_concurrency at once, harness on core 0)"
taskset -c 0 dotnet "bench/Steward.LoadHarness/$bin/Steward.LoadHarness.dll" register --url "http://127.0.0.1:$server_port" \
  --token-file "$work/data/admin-token" --clients "$clients" --concurrency "$enroll_concurrency" --out "$work/clients" --timeout 1800
echo "server memory after enrollment: $(memory "$server")"

echo "== wrk on core 0 -> server: $connections connections, $duration"
load server "http://127.0.0.1:$server_port" "$server"
echo "server memory after the load: $(memory "$server")"
server_peak=$(awk '/^VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$server/status")
stop "$server"

echo "== wrk on core 0 -> bare Kestrel on core 1"
taskset -c 1 dotnet "bench/Steward.BareKestrel/$bin/Steward.BareKestrel.dll" --urls "http://127.0.0.1:$bare_port" \
  --response "$work/clients/cycle-response.json" >"$work/bare.log" 2>&1 &
bare=$!
pids+=("$bare")
wait_for "http://127.0.0.1:$bare_port/v1/access/L01/cycle" -X POST -d '{}'
load bare "http://127.0.0.1:$bare_port" "$bare"
stop "$bare"

echo "== summary ($clients clients, wrk -t1 -c$connections -d$duration, $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg))"
awk -v peak="$server_peak" '
  { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[$1, kv[1]] = kv[2] } }
  END {
    printf "%-8s %12s %10s %10s %10s %14s %8s %s\n", "target", "requests/s", "p50 ms", "p90 ms", "p99 ms", "CPU us/request", "non-2xx", "socket errors"
    for (n = 1; n <= 2; n++) {
      t = (n == 1) ? "server" : "bare"
      cpu[t] = v[t, "cpu_ticks"] * 1e6 / v[t, "hz"] / v[t, "requests"]
      printf "%-8s %12.0f %10.2f %10.2f %10.2f %14.0f %8d %d\n", t, v[t, "rps"], v[t, "p50_ms"], v[t, "p90_ms"], v[t, "p99_ms"], cpu[t], v[t, "non2xx"], v[t, "socket_errors"]
    }
    ratio = v["server", "rps"] / v["bare", "rps"]
    printf "ratio server/bare: %.3f (target >= 0.5: %s); by CPU time per request: %.3f\n", ratio, (ratio >= 0.5) ? "met" : "MISSED", cpu["bare"] / cpu["server"]
    printf "server p99: %.2f ms (target < 20 ms: %s)\n", v["server", "p99_ms"], (v["server", "p99_ms"] < 20) ? "met" : "MISSED"
    printf "server peak memory: %.1f MiB (target < 500 MiB: %s)\n", peak, (peak < 500) ? "met" : "MISSED"
  }' "$work/results"
