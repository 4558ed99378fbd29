#!/usr/bin/env bash
# Talks to each server the way the tests will (real clients, real round trips), so a
# green check means "usable", not just "port open". Exits non-zero on the first failure.
#   kafka: kafka-clients (the broker's own jars) create topic / produce / consume / delete
#   mongo: mongo-go-driver (built into the FerretDB binary) hello / ping / insert / find
#   pg:    psql over TCP with the leerzone password: a write and a read
#
# Usage: infra/local/check.sh [kafka|mongo|pg ...]    (all three by default)
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$LOCAL_DIR/lib/kafka.sh"
source "$LOCAL_DIR/lib/mongo.sh"
source "$LOCAL_DIR/lib/pg.sh"

services=("$@")
((${#services[@]})) || services=(kafka mongo pg)

[[ -f "$RUN_DIR/env" ]] || die "no $RUN_DIR/env: run infra/local/up.sh first"
set -a # KAFKA_BROKERS, MONGO_URL, PG_URL, exactly as the tests get them
# shellcheck disable=SC1091
. "$RUN_DIR/env"
set +a

for s in "${services[@]}"; do
  case "$s" in
    kafka)
      [[ -d "$KAFKA_LIB" ]] || die "kafka: no jars in $KAFKA_LIB: run infra/local/up.sh kafka first"
      java -cp "$KAFKA_LIB/*" "$KAFKA_SRC/Probe.java" "$KAFKA_BROKERS" || die "kafka: check failed"
      ;;
    mongo)
      [[ -x "$MONGO_BIN" ]] || die "mongo: no $MONGO_BIN: run infra/local/up.sh mongo first"
      # shellcheck disable=SC2153 # MONGO_URL comes from the env file
      "$MONGO_BIN" -ping "$MONGO_URL" || die "mongo: check failed"
      ;;
    pg)
      PG_BIN="$(pg_bin_dir)" || die "pg: PostgreSQL binaries not found"
      out="$("$PG_BIN/psql" "$PG_URL" -X -q -At -v ON_ERROR_STOP=1 <<'SQL'
CREATE TEMP TABLE infra_check (n int);
INSERT INTO infra_check VALUES (42);
SELECT current_user || ' ' || current_database() || ' ' || (SELECT n FROM infra_check) || ' ' || current_setting('server_version');
SQL
)" || die "pg: check failed"
      echo "pg ok: $PG_URL -> $out"
      ;;
    *) die "unknown service '$s' (expected: kafka, mongo, pg)" ;;
  esac
done
