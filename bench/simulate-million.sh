#!/usr/bin/env bash
# Whole-process timing of `steward simulate` on a generated fleet of 1,000,000 clients
# (logonAll, maintenanceAll, logonAll): wall time and peak memory, as /usr/bin/time reports them.
# Usage: bench/simulate-million.sh [RUNS]   (needs /usr/bin/time: apt-get install -y time)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
dotnet publish src/Steward.Cli -c Release -o artifacts/steward --nologo -v quiet >/dev/null
for i in $(seq 1 "$runs"); do
  /usr/bin/time -f "run $i: %e s wall, %M KB peak RSS, %U s user, %S s sys" \
    artifacts/steward/steward simulate bench/scenarios/million.yaml --output json >/dev/null
done
