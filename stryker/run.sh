#!/usr/bin/env bash
# Mutation testing, one library at a time (Stryker is CPU-heavy: two test runners, one per core).
#   bash stryker/run.sh                   every domain library and the kernel (hours on a shared machine)
#   bash stryker/run.sh governance okr    some of them
#   bash stryker/run.sh governance-named  the code of the mutants issue 18 named (minutes)
#   bash stryker/run.sh governance-team governance-rest   governance in two parts, one report
#   bash stryker/run.sh okr-lived         only the lines where okr's last run left a mutant alive
#   STRYKER_TIMEOUTS=1 bash stryker/run.sh okr-lived   … and those where a mutant timed out, tested again
# Reports: stryker/reports/<name>.json and the score table on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
libraries=("$@")
if [ ${#libraries[@]} -eq 0 ]; then libraries=(governance okr assessment failure-learning analytics kernel); fi
for library in "${libraries[@]}"; do
  echo "== mutation testing: ${library}"
  report="${library}"
  config="stryker/${library}.conf.mjs"
  part=()
  case "${library}" in
    governance-team) report=governance part=(--under libs/governance/domain/src/team/) ;;
    governance-rest) report=governance part=(--outside libs/governance/domain/src/team/) ;;
    *-lived)
      report="${library%-lived}" config=stryker/lived.conf.mjs
      # which lines lived is read before forget-static drops the static mutants that lived
      mkdir -p stryker/.tmp && cp "stryker/reports/${report}.incremental.json" "stryker/.tmp/${report}.lived-from.json"
      export STRYKER_LIVED_FROM="stryker/.tmp/${report}.lived-from.json" ;;
  esac
  node stryker/forget-static.mjs "${report}" ${STRYKER_TIMEOUTS:+--timeouts} "${part[@]}"
  STRYKER_LIBRARY="${report}" npx stryker run "${config}"
done
