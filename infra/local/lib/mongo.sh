# shellcheck shell=bash
# FerretDB 1.24 (MongoDB wire protocol on SQLite), embedded in our own tiny Go program
# (infra/local/ferretdb). Sourced by up.sh / down.sh after common.sh.

MONGO_SRC="$LOCAL_DIR/ferretdb"
MONGO_RUN="$RUN_DIR/mongo"
MONGO_BIN="$MONGO_RUN/ferretdb-local"
MONGO_PIDFILE="$MONGO_RUN/ferretdb.pid"
MONGO_LOG="$MONGO_RUN/ferretdb.log"
MONGO_PATTERN="$MONGO_BIN"

# Builds the binary once; rebuilds only when go.mod, go.sum or *.go change. `go build`
# uses Go's default caches (~/go/pkg/mod for modules, ~/.cache/go-build for compiled
# packages), so a fresh clone on a machine that built it before links in seconds.
mongo_build() {
  local want have=""
  want="$(hash_files "$MONGO_SRC/go.mod" "$MONGO_SRC/go.sum" "$MONGO_SRC"/*.go)"
  [[ -f "$MONGO_BIN.stamp" ]] && have="$(<"$MONGO_BIN.stamp")"
  if [[ -x "$MONGO_BIN" && "$want" == "$have" ]]; then
    return 0
  fi

  require_cmd go "Install Go 1.24+ (https://go.dev/doc/install)."
  log "mongo: building FerretDB (first run only: ~70 s with empty Go caches on 2 cores, ~2 s with warm ones)"
  # CGO off: FerretDB's SQLite driver is pure Go (modernc.org/sqlite), so no C toolchain
  # is needed. -mod=readonly: a stale go.sum must fail here, not be silently rewritten.
  if ! (cd "$MONGO_SRC" && CGO_ENABLED=0 go build -mod=readonly -trimpath -o "$MONGO_BIN.tmp" .) >&2; then
    rm -f "$MONGO_BIN.tmp"
    die "mongo: 'go build' of infra/local/ferretdb failed (see the output above)."
  fi
  mv -f "$MONGO_BIN.tmp" "$MONGO_BIN"
  echo "$want" >"$MONGO_BIN.stamp"
}

mongo_start() {
  mkdir -p "$MONGO_RUN/data"

  local pid
  if pid="$(live_pid "$MONGO_PIDFILE" "$MONGO_PATTERN")"; then
    if [[ "$(cat "$MONGO_RUN/port" 2>/dev/null)" != "$MONGO_PORT" ]]; then
      die "mongo: already running (pid $pid) on port $(cat "$MONGO_RUN/port" 2>/dev/null), not $MONGO_PORT. Run infra/local/down.sh mongo first."
    fi
    if port_open "$MONGO_PORT"; then
      log "mongo: already running (pid $pid) on 127.0.0.1:$MONGO_PORT"
      return 0
    fi
    mongo_wait_ready "$pid"
    return 0
  fi

  port_open "$MONGO_PORT" && die_port_taken "$MONGO_PORT" "FerretDB (MongoDB wire)" LEERZONE_MONGO_PORT

  mongo_build

  log "mongo: starting FerretDB on 127.0.0.1:$MONGO_PORT, data $MONGO_RUN/data, log $MONGO_LOG"
  echo "$MONGO_PORT" >"$MONGO_RUN/port"
  start_detached "$MONGO_PIDFILE" "$MONGO_LOG" \
    "$MONGO_BIN" -listen "127.0.0.1:$MONGO_PORT" -data "$MONGO_RUN/data"
  mongo_wait_ready "$(<"$MONGO_PIDFILE")"
}

# Ready = the port accepts connections AND a real MongoDB client gets answers to
# hello/ping plus a write and a read (the binary's -ping mode, mongo-go-driver).
mongo_wait_ready() {
  local pid="$1" deadline=$((SECONDS + START_TIMEOUT))
  while ((SECONDS < deadline)); do
    if ! pid_running "$pid"; then
      show_log_tail "$MONGO_LOG"
      rm -f "$MONGO_PIDFILE"
      die "mongo: FerretDB exited during startup (log above)."
    fi
    if port_open "$MONGO_PORT"; then
      if "$MONGO_BIN" -ping "mongodb://127.0.0.1:$MONGO_PORT/" >/dev/null; then
        log "mongo: ready on 127.0.0.1:$MONGO_PORT (pid $pid)"
        return 0
      fi
    fi
    sleep 0.2
  done
  show_log_tail "$MONGO_LOG"
  die "mongo: not ready after ${START_TIMEOUT}s (pid $pid still running; infra/local/down.sh mongo stops it)."
}

mongo_stop() {
  stop_pidfile "$MONGO_PIDFILE" "$MONGO_PATTERN" 10 mongo
}

mongo_env() {
  echo "MONGO_URL=mongodb://127.0.0.1:$MONGO_PORT/"
}
