# shellcheck shell=bash
# PostgreSQL from Debian's packages, but our OWN cluster (own data dir, own port), not
# Debian's "main" cluster: nothing system-wide is reconfigured, and down.sh plus
# `rm -rf infra/local/.run` is a full reset. Sourced by up.sh / down.sh after common.sh.

PG_OS_USER="${LEERZONE_PG_OS_USER:-postgres}"
PG_DB="leerzone"
PG_ROLE="leerzone"
PG_PASSWORD="leerzone"

# Finds the server binaries (initdb, pg_ctl, postgres): Debian keeps them off PATH in
# /usr/lib/postgresql/<major>/bin; LEERZONE_PG_BIN overrides.
pg_bin_dir() {
  local d
  for d in "${LEERZONE_PG_BIN:-}" $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
    [[ -n "$d" && -x "$d/initdb" && -x "$d/pg_ctl" ]] && { echo "$d"; return 0; }
  done
  d="$(dirname "$(command -v pg_ctl 2>/dev/null || echo /nonexistent/x)")"
  [[ -x "$d/initdb" && -x "$d/pg_ctl" ]] && { echo "$d"; return 0; }
  return 1
}

pg_install_if_missing() {
  PG_BIN="$(pg_bin_dir)" && return 0
  if ((EUID != 0)) || ! command -v apt-get >/dev/null 2>&1; then
    die "pg: PostgreSQL server binaries (initdb, pg_ctl) not found, and cannot apt-get install them here (needs root and apt). Install 'postgresql' or set LEERZONE_PG_BIN."
  fi
  log "pg: installing PostgreSQL from Debian (apt-get install postgresql)"
  # Try with the current package lists first; refresh them only if that fails (fresh
  # images often ship without lists).
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2; then
    apt-get update -q >&2 || die "pg: apt-get update failed."
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2 || die "pg: apt-get install postgresql failed."
  fi
  PG_BIN="$(pg_bin_dir)" || die "pg: postgresql installed but initdb/pg_ctl still not found under /usr/lib/postgresql/*/bin."
}

# PostgreSQL refuses to run as root. As root (CI, this machine) every server-side
# command runs as the 'postgres' system user; as anyone else, as that user directly.
# `cd /` so commands do not warn about an unreadable working directory (e.g. /root/...).
pg_as_owner() {
  if ((EUID == 0)); then
    (cd / && runuser -u "$PG_OS_USER" -- "$@")
  else
    "$@"
  fi
}

# Sets PG_BASE (data, socket, log). Normally $RUN_DIR/pg; but if the checkout lives
# somewhere the postgres user cannot enter (a clone under /root, which is 0700), the
# cluster goes to /var/tmp/leerzone-pg-<hash of the path> and $RUN_DIR/pg is a symlink
# to it, so down.sh and people still find it in the usual place.
pg_locate() {
  mkdir -p "$RUN_DIR"
  if [[ -L "$RUN_DIR/pg" ]]; then
    PG_BASE="$(readlink -f "$RUN_DIR/pg")"
  elif ((EUID == 0)) && ! (cd / && runuser -u "$PG_OS_USER" -- test -x "$RUN_DIR") 2>/dev/null; then
    PG_BASE="/var/tmp/leerzone-pg-$(printf '%s' "$RUN_DIR" | sha256sum | cut -c1-12)"
    log "pg: '$PG_OS_USER' cannot enter $RUN_DIR; cluster lives in $PG_BASE (symlinked as $RUN_DIR/pg)"
    mkdir -p "$PG_BASE"
    ln -sfn "$PG_BASE" "$RUN_DIR/pg"
  else
    PG_BASE="$RUN_DIR/pg"
  fi
  PG_DATA="$PG_BASE/data"
  PG_LOG="$PG_BASE/postgres.log"
  # A Unix socket path is limited to ~107 bytes; a deep checkout could exceed it.
  PG_SOCK="$PG_BASE/sock"
  if ((${#PG_SOCK} > 90)); then
    PG_SOCK="/tmp/leerzone-pg-sock-$(printf '%s' "$PG_BASE" | sha256sum | cut -c1-12)"
  fi
}

pg_ensure_os_user() {
  ((EUID == 0)) || return 0
  id -u "$PG_OS_USER" >/dev/null 2>&1 && return 0
  # The Debian package creates it; this covers binaries from elsewhere.
  log "pg: creating system user '$PG_OS_USER'"
  useradd --system --user-group --no-create-home --shell /usr/sbin/nologin "$PG_OS_USER" ||
    die "pg: could not create system user '$PG_OS_USER'."
}

pg_running() {
  [[ -f "$PG_DATA/PG_VERSION" ]] && pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

pg_initdb() {
  [[ -f "$PG_DATA/PG_VERSION" ]] && return 0
  local locale_opts=(--no-locale)
  # C.UTF-8 keeps byte-order sorting like C, but upper()/lower()/ILIKE work on
  # non-ASCII text (Dutch content), which plain C does not.
  if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then
    locale_opts=(--locale=C.UTF-8)
  fi
  log "pg: initdb $PG_DATA"
  rm -rf "$PG_DATA"
  pg_as_owner "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 "${locale_opts[@]}" \
    --auth-local=trust --auth-host=md5 >"$PG_BASE/initdb.log" 2>&1 || {
    show_log_tail "$PG_BASE/initdb.log"
    die "pg: initdb failed."
  }

  # Socket: trust, but the socket directory is 0700, so only the cluster's owner (and
  # root) can use it: that is how the scripts create the role. TCP: passwords (md5
  # accepts the SCRAM hashes PostgreSQL 14+ stores), loopback only.
  pg_as_owner tee "$PG_DATA/pg_hba.conf" >/dev/null <<'HBA'
# Written by infra/local/lib/pg.sh
local all all              trust
host  all all 127.0.0.1/32 md5
HBA
  pg_as_owner tee -a "$PG_DATA/postgresql.conf" >/dev/null <<'CONF'

# ---- infra/local (Leerzone test cluster) ----
listen_addresses = '127.0.0.1'
# Tests commit constantly; not waiting for the WAL flush makes them faster, and a crash
# loses at most the last few transactions, never consistency (unlike fsync=off).
synchronous_commit = off
# Several services, each with a pool, plus test workers.
max_connections = 200
# Port and socket dir change with LEERZONE_PG_PORT / checkout path; up.sh rewrites it.
include = 'leerzone-runtime.conf'
CONF
}

pg_start() {
  pg_install_if_missing
  pg_ensure_os_user
  pg_locate

  if pg_running; then
    if [[ "$(cat "$PG_BASE/port" 2>/dev/null)" != "$PG_PORT" ]]; then
      die "pg: our cluster is already running on port $(cat "$PG_BASE/port" 2>/dev/null), not $PG_PORT. Run infra/local/down.sh pg first."
    fi
    pg_wait_ready
    log "pg: already running on 127.0.0.1:$PG_PORT"
    return 0
  fi

  port_open "$PG_PORT" && die_port_taken "$PG_PORT" "PostgreSQL" LEERZONE_PG_PORT

  mkdir -p "$PG_BASE" "$PG_SOCK"
  if ((EUID == 0)); then
    chown "$PG_OS_USER": "$PG_BASE" "$PG_SOCK"
  fi
  chmod 0700 "$PG_BASE" "$PG_SOCK"

  pg_initdb

  pg_as_owner tee "$PG_DATA/leerzone-runtime.conf" >/dev/null <<CONF
# Written by infra/local/lib/pg.sh on every start.
port = $PG_PORT
unix_socket_directories = '$PG_SOCK'
CONF
  echo "$PG_PORT" | pg_as_owner tee "$PG_BASE/port" >/dev/null

  [[ -f "$PG_LOG" ]] && mv -f "$PG_LOG" "$PG_LOG.prev"
  log "pg: starting PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT, data $PG_DATA, log $PG_LOG"
  # -w waits until the server accepts connections (or fails); -l detaches its output;
  # 9>&- keeps the up.sh lock out of the long-lived postmaster.
  if ! pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t "$START_TIMEOUT" start >/dev/null 9>&-; then
    show_log_tail "$PG_LOG"
    die "pg: pg_ctl start failed (log above)."
  fi
  pg_wait_ready
  pg_provision
  log "pg: ready on 127.0.0.1:$PG_PORT"
}

pg_wait_ready() {
  local deadline=$((SECONDS + START_TIMEOUT))
  until "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 2; do
    if ((SECONDS >= deadline)); then
      show_log_tail "$PG_LOG"
      die "pg: pg_isready not ready after ${START_TIMEOUT}s."
    fi
    sleep 0.2
  done
}

# Idempotent: the application role and database the tests use (PG_URL). CREATEDB so
# tests may create throwaway databases.
pg_provision() {
  pg_as_owner "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCK" -p "$PG_PORT" -U postgres -d postgres <<SQL >/dev/null ||
SELECT format('CREATE ROLE %I LOGIN CREATEDB PASSWORD %L', '$PG_ROLE', '$PG_PASSWORD')
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_ROLE')\gexec
SELECT format('CREATE DATABASE %I OWNER %I', '$PG_DB', '$PG_ROLE')
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$PG_DB')\gexec
SQL
    die "pg: creating role/database '$PG_DB' failed."
}

pg_stop() {
  if ! PG_BIN="$(pg_bin_dir)"; then
    log "pg: not installed, nothing to stop"
    return 0
  fi
  # Never started here: nothing to locate (and nothing to create while looking).
  if [[ ! -e "$RUN_DIR/pg" ]]; then
    log "pg: not running"
    return 0
  fi
  pg_locate
  if ! pg_running; then
    log "pg: not running"
    return 0
  fi
  log "pg: stopping"
  # fast = roll back open transactions and disconnect clients, still a clean shutdown.
  pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null ||
    die "pg: pg_ctl stop failed; see $PG_LOG"
  log "pg: stopped"
}

pg_env() {
  echo "PG_URL=postgres://$PG_ROLE:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB"
}
