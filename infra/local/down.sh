#!/usr/bin/env bash
# Stops the servers infra/local/up.sh started (found through their pid files / data
# dir, never by process name, so other Kafka/Mongo/Postgres processes are left alone).
# Idempotent: stopping what is not running is fine. Data stays in infra/local/.run;
# `rm -rf infra/local/.run` after this is a full reset.
#
# Usage: infra/local/down.sh [kafka|mongo|pg ...]    (all three by default)
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$LOCAL_DIR/lib/kafka.sh"
source "$LOCAL_DIR/lib/mongo.sh"
source "$LOCAL_DIR/lib/pg.sh"

services=("$@")
((${#services[@]})) || services=(kafka mongo pg)
for s in "${services[@]}"; do
  case "$s" in
    kafka | mongo | pg) ;;
    *) die "unknown service '$s' (expected: kafka, mongo, pg)" ;;
  esac
done

if [[ ! -d "$RUN_DIR" ]]; then
  log "nothing was started here ($RUN_DIR does not exist)"
  exit 0
fi

exec 9>"$RUN_DIR/.lock"
flock -w 600 9 || die "another infra/local/up.sh or down.sh holds $RUN_DIR/.lock for 10 minutes"

# Stop them all even if one fails, then report.
status=0
for s in "${services[@]}"; do
  ( "${s}_stop" ) || status=1
done
exit "$status"
