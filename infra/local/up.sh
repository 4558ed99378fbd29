#!/usr/bin/env bash
# Installs (first run) and starts real servers on 127.0.0.1 for Leerzone's tests and CI:
#   kafka  Apache Kafka 4.1 (KRaft, single node)   127.0.0.1:19092  (controller 19093)
#   mongo  FerretDB 1.24 (MongoDB wire, SQLite)     127.0.0.1:27117
#   pg     PostgreSQL (Debian package, own cluster)  127.0.0.1:55432
#
# Usage: infra/local/up.sh [kafka|mongo|pg ...]      (all three by default)
# Prints the environment the tests read and writes it to infra/local/.run/env.
# Starting what already runs is a quick no-op; a failed start says why and exits 1.
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

mkdir -p "$RUN_DIR"
# Serialise concurrent up.sh/down.sh runs (parallel test targets, a second terminal):
# two starts racing for the same data dir and pid file would both fail.
exec 9>"$RUN_DIR/.lock"
flock -w 600 9 || die "another infra/local/up.sh or down.sh holds $RUN_DIR/.lock for 10 minutes"

timings=()
for s in "${services[@]}"; do
  t0="$EPOCHREALTIME"
  "${s}_start"
  timings+=("$s $(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')s")
done
log "up: ${timings[*]}"

# The env file always names all three servers, so tests find them at the same place
# whichever subset this run started.
{
  echo "# Written by infra/local/up.sh. Load with: set -a; . infra/local/.run/env; set +a"
  kafka_env
  mongo_env
  pg_env
} >"$RUN_DIR/env.tmp"
mv -f "$RUN_DIR/env.tmp" "$RUN_DIR/env"

grep -v '^#' "$RUN_DIR/env"
