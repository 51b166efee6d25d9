#!/usr/bin/env bash
# Whole-process timing of `steward simulate` running a rollout over 1,000,000 generated clients for
# 14 days (about 15 million maintenance cycles): wall time and peak memory of the published program.
# Usage: bench/simulate-rollout-million.sh [RUNS]
# Times each run with /usr/bin/time (apt-get install -y time); quote the median of the runs.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
dotnet publish src/Steward.Cli -c Release -o artifacts/steward --nologo -v quiet >/dev/null
program=(artifacts/steward/steward simulate bench/scenarios/rollout-million.yaml --output json)
for i in $(seq 1 "$runs"); do
  /usr/bin/time -f "run $i: %e s wall, %M KB peak RSS, %U s user, %S s sys" "${program[@]}" >/dev/null
done
