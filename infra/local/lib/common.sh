# shellcheck shell=bash disable=SC2034  # variables here are used by the sourcing scripts
# Shared helpers for infra/local/up.sh and down.sh. Sourced, not executed.
#
# Everything a start leaves behind (jars, binaries, data, logs, pid files) goes under
# $RUN_DIR, which git ignores, so `rm -rf infra/local/.run` after down.sh is a full reset.
# Downloads are cached where each tool keeps them by default (~/.m2, ~/go/pkg/mod,
# ~/.cache/go-build), so a fresh clone on the same machine starts fast too.

LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_DIR="${LEERZONE_RUN_DIR:-$LOCAL_DIR/.run}"

# Fixed, documented ports, away from the defaults (9092, 27017, 5432) so a developer's
# own servers never collide with these.
KAFKA_PORT="${LEERZONE_KAFKA_PORT:-19092}"
KAFKA_CONTROLLER_PORT="${LEERZONE_KAFKA_CONTROLLER_PORT:-19093}"
MONGO_PORT="${LEERZONE_MONGO_PORT:-27117}"
PG_PORT="${LEERZONE_PG_PORT:-55432}"

# How long a server may take to become ready before we give up and show its log.
START_TIMEOUT="${LEERZONE_START_TIMEOUT:-90}"

log() { printf '[infra/local] %s\n' "$*" >&2; }

die() {
  printf '[infra/local] ERROR: %s\n' "$*" >&2
  exit 1
}

require_cmd() {
  local cmd="$1" hint="$2"
  command -v "$cmd" >/dev/null 2>&1 || die "'$cmd' not found on PATH. $hint"
}

# True if something accepts TCP connections on 127.0.0.1:$1. Pure bash (/dev/tcp), so it
# needs neither nc nor ss; `timeout` keeps a filtered port from hanging us.
port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# Best-effort description of who listens on a port, for error messages.
port_owner() {
  if command -v ss >/dev/null 2>&1; then
    ss -Hltnp "sport = :$1" 2>/dev/null | sed 's/^/    /'
  fi
}

die_port_taken() {
  local port="$1" what="$2" var="$3"
  die "127.0.0.1:$port (needed for $what) is already taken by another process, not one we started.
$(port_owner "$port")
    Stop that process, or pick another port: $var=<port> infra/local/up.sh"
}

# True if process $1 exists and is not a zombie. Orphaned servers are reparented to
# PID 1, and in some sandboxes/containers PID 1 reaps exited children only now and then:
# a plain `kill -0` would call such a zombie alive until then.
pid_running() {
  local state
  kill -0 "$1" 2>/dev/null || return 1
  # /proc/PID/stat is "pid (comm) STATE ..."; comm may contain spaces, so cut after ") ".
  state="$(sed 's/.*) //; s/ .*//' "/proc/$1/stat" 2>/dev/null)" || return 1
  [[ -n "$state" && "$state" != Z ]]
}

# Prints the pid in pid file $1 if that process is alive AND its command line contains
# $2 (so a recycled pid of some unrelated process is not mistaken for our server).
live_pid() {
  local pidfile="$1" pattern="$2" pid
  [[ -s "$pidfile" ]] || return 1
  pid="$(<"$pidfile")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  pid_running "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$pattern" || return 1
  printf '%s\n' "$pid"
}

# Starts "$@" fully detached: own session (a Ctrl-C on up.sh or the end of a CI step's
# process group does not kill it), stdin from /dev/null and output to $logfile (so a
# caller that pipes up.sh's output, e.g. `up.sh | tee`, does not wait forever for EOF).
# setsid does not fork here (a background job is never a process-group leader in a
# non-interactive shell), so $! is the server's own pid.
start_detached() {
  local pidfile="$1" logfile="$2"
  shift 2
  # Keep the previous run's log for post-mortems; each run starts a fresh one so the
  # readiness checks below never match an old "started" line.
  [[ -f "$logfile" ]] && mv -f "$logfile" "$logfile.prev"
  # 9>&-: do not hand the up.sh lock (fd 9) to a long-lived server, or the next up.sh
  # would wait for the lock until the server stops.
  setsid "$@" </dev/null >"$logfile" 2>&1 9>&- &
  echo "$!" >"$pidfile"
}

# Sends SIGTERM, waits up to $3 seconds for a clean exit, then SIGKILL. Idempotent.
stop_pidfile() {
  local pidfile="$1" pattern="$2" grace="${3:-30}" name="$4" pid i
  if ! pid="$(live_pid "$pidfile" "$pattern")"; then
    rm -f "$pidfile"
    log "$name: not running"
    return 0
  fi
  log "$name: stopping pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < grace * 10; i++)); do
    pid_running "$pid" || break
    sleep 0.1
  done
  if pid_running "$pid"; then
    log "$name: still alive after ${grace}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.2
  fi
  rm -f "$pidfile"
  log "$name: stopped"
}

show_log_tail() {
  local logfile="$1"
  if [[ -f "$logfile" ]]; then
    printf '[infra/local] ---- last 40 lines of %s ----\n' "$logfile" >&2
    tail -n 40 "$logfile" >&2
    printf '[infra/local] ----\n' >&2
  fi
}

# sha256 of the given files' contents, used as "inputs changed?" stamps for caches.
hash_files() {
  cat "$@" | sha256sum | cut -d' ' -f1
}
