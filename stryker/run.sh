#!/usr/bin/env bash
# Mutation testing, one library at a time (Stryker is CPU-heavy: two test runners, one per core).
#   bash stryker/run.sh                   every domain library and the kernel (hours on a shared machine)
#   bash stryker/run.sh governance okr    some of them
#   bash stryker/run.sh governance-named  the code of the mutants issue 18 named (minutes)
#   bash stryker/run.sh governance-team governance-rest   governance in two parts, one report
# Reports: stryker/reports/<name>.json and the score table on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
libraries=("$@")
if [ ${#libraries[@]} -eq 0 ]; then libraries=(governance okr assessment failure-learning analytics kernel); fi
for library in "${libraries[@]}"; do
  echo "== mutation testing: ${library}"
  report="${library}"
  case "${library}" in governance-team | governance-rest) report=governance ;; esac
  node stryker/forget-static.mjs "${report}"
  npx stryker run "stryker/${library}.conf.mjs"
done
