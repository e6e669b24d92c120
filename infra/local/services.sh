# shellcheck shell=bash
# infra/local/services.sh - local services for GrantPortal (sourced by ./run, ./test and
# infra/local/services-{start,stop}.sh; not meant to be executed).
#
# Starts a private PostgreSQL cluster, Azurite (blob only) and maildev under one data folder,
# all bound to 127.0.0.1, and stops them again. Recovers from a crashed earlier run (stale pid
# files, leftover processes of ours) and refuses ports held by foreign processes.
#
# Environment variables (defaults: ./run / ./test):
#   GP_DATA_DIR        data folder, relative to the repo root or absolute (.data / .data-test)
#   GP_PORT            site port for ./run (5080 / not used by ./test)
#   GP_PG_PORT         private PostgreSQL port (55432 / 55532)
#   GP_BLOB_PORT       Azurite blob port (41000 / 41100)
#   GP_SMTP_PORT       maildev SMTP port (41025 / 41125); with GP_SMTP_HOST the real server's
#                      port (default 587)
#   GP_MAIL_WEB_PORT   maildev web UI and REST API port (41080 / 41180)
#   GP_PG_CONNECTION   existing PostgreSQL connection string: no private cluster is started and
#                      it is used as is (./run: the app's database; ./test: an admin
#                      connection, the tests create their own databases)
#   GP_BLOB_CONNECTION real Azure Storage connection string: Azurite is not started
#   GP_SMTP_HOST       real SMTP server: maildev is not started; with GP_SMTP_PORT,
#                      GP_SMTP_USER, GP_SMTP_PASSWORD,
#                      GP_SMTP_SECURITY (None|StartTls|SslOnConnect, default StartTls),
#                      GP_SMTP_FROM (default: the app's own default sender)
#
# Public functions: gp_configure MODE, gp_install [--browser], gp_session_claim,
# gp_services_start, gp_services_stop [--all], gp_check_port PORT VAR WHAT,
# gp_export_app_env, gp_print_env, gp_now_ms, gp_secs_since MS.

GP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
GP_PG_BIN="/usr/lib/postgresql/15/bin"
GP_AZURITE_KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
GP_STARTED=()          # services started by this shell, in start order
GP_SESSION_FILE=""

# ---------------------------------------------------------------- messages and small helpers

gp_say() { printf '==> %s\n' "$*"; }
gp_warn() { printf 'warning: %s\n' "$*" >&2; }
gp_die() { printf 'error: %s\n' "$*" >&2; exit 1; }

gp_now_ms() { local t; t=$(date +%s%N); printf '%s' "$((t / 1000000))"; }
# Seconds (one decimal) since a gp_now_ms value.
gp_secs_since() {
  local d=$(( $(gp_now_ms) - $1 ))
  printf '%d.%d' "$((d / 1000))" "$((d % 1000 / 100))"
}

gp_is_root() { [[ $(id -u) -eq 0 ]]; }

# A path relative to the data folder, for messages.
gp_rel() { printf '%s' "${1#"$GP_ROOT"/}"; }

gp_alive() { [[ -n ${1:-} && -d /proc/$1 ]] && [[ $(gp_proc_state "$1") != Z ]]; }
gp_proc_state() { local s; s=$(cat "/proc/$1/stat" 2>/dev/null) || return 0; s=${s##*) }; printf '%s' "${s%% *}"; }
gp_cmdline() { local c; c=$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null) || true; printf '%s' "${c% }"; }
# Start time of a process in clock ticks since boot (field 22 of /proc/PID/stat).
gp_starttime() {
  local s f
  s=$(cat "/proc/$1/stat" 2>/dev/null) || return 0
  s=${s##*) }
  read -r -a f <<<"$s"
  printf '%s' "${f[19]}"
}

# Stops a process (TERM, then KILL after a grace period) and waits until it is gone.
gp_kill_pid() {
  local pid=$1 name=$2 grace=${3:-15} i
  gp_alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < grace * 10; i++)); do
    gp_alive "$pid" || return 0
    sleep 0.1
  done
  gp_warn "$name (pid $pid) did not stop within ${grace}s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    gp_alive "$pid" || return 0
    sleep 0.1
  done
}

gp_port_valid() { [[ $1 =~ ^[0-9]+$ ]] && ((10#$1 > 0 && 10#$1 < 65536)); }

# shellcheck disable=SC2016 # $1/$2 expand in the inner bash
gp_tcp_open() { timeout 2 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" 2>/dev/null; }

# Prints the HTTP status of a GET (000 when nothing answers).
gp_http_status() {
  local url=$1
  if command -v curl >/dev/null 2>&1; then
    curl -s -o /dev/null -m 3 -w '%{http_code}' "$url" 2>/dev/null || true
    return 0
  fi
  local rest=${url#http://} hostport path host port code
  hostport=${rest%%/*}
  if [[ $rest == */* ]]; then path=/${rest#*/}; else path=/; fi
  host=${hostport%%:*}
  port=${hostport##*:}
  # shellcheck disable=SC2016 # expanded by the inner bash
  code=$(timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2" || exit 1
    printf "GET %s HTTP/1.0\r\nHost: %s:%s\r\n\r\n" "$3" "$1" "$2" >&3
    read -r _ c _ <&3 && printf %s "$c"' _ "$host" "$port" "$path" 2>/dev/null) || true
  printf '%s' "${code:-000}"
}

# ---------------------------------------------------------------- configuration

# gp_configure run|test - sets defaults, the data folder and the connection settings.
gp_configure() {
  GP_MODE=$1
  case $GP_MODE in
    run)
      : "${GP_DATA_DIR:=.data}" "${GP_PORT:=5080}" "${GP_PG_PORT:=55432}" "${GP_BLOB_PORT:=41000}"
      : "${GP_MAIL_WEB_PORT:=41080}"
      ;;
    test)
      : "${GP_DATA_DIR:=.data-test}" "${GP_PG_PORT:=55532}" "${GP_BLOB_PORT:=41100}"
      : "${GP_MAIL_WEB_PORT:=41180}"
      ;;
    *) gp_die "gp_configure: mode must be run or test, not '$GP_MODE'" ;;
  esac
  GP_PG_CONNECTION=${GP_PG_CONNECTION:-}
  GP_BLOB_CONNECTION=${GP_BLOB_CONNECTION:-}
  GP_SMTP_HOST=${GP_SMTP_HOST:-}
  if [[ -n $GP_SMTP_HOST ]]; then
    : "${GP_SMTP_PORT:=587}" "${GP_SMTP_SECURITY:=StartTls}"
  else
    if [[ $GP_MODE == run ]]; then : "${GP_SMTP_PORT:=41025}"; else : "${GP_SMTP_PORT:=41125}"; fi
    GP_SMTP_SECURITY=None
  fi
  case $GP_SMTP_SECURITY in
    None | StartTls | SslOnConnect) ;;
    *) gp_die "GP_SMTP_SECURITY must be None, StartTls or SslOnConnect, not '$GP_SMTP_SECURITY'" ;;
  esac
  local v
  for v in GP_PORT GP_PG_PORT GP_BLOB_PORT GP_SMTP_PORT GP_MAIL_WEB_PORT; do
    [[ -z ${!v:-} ]] || gp_port_valid "${!v}" || gp_die "$v must be a port number (1-65535), not '${!v}'"
  done

  case $GP_DATA_DIR in
    /*) GP_DATA=$GP_DATA_DIR ;;
    *) GP_DATA=$GP_ROOT/$GP_DATA_DIR ;;
  esac
  mkdir -p "$GP_DATA/logs" "$GP_DATA/pids" || gp_die "cannot create the data folder $GP_DATA (GP_DATA_DIR)"
  GP_DATA=$(cd "$GP_DATA" && pwd -P)
  GP_LOGS=$GP_DATA/logs
  GP_PIDS=$GP_DATA/pids

  if [[ ! -x $GP_PG_BIN/pg_ctl ]]; then
    local d
    for d in /usr/lib/postgresql/*/bin; do [[ -x $d/pg_ctl ]] && GP_PG_BIN=$d; done
  fi

  local db=grantportal
  [[ $GP_MODE == test ]] && db=postgres
  GP_PG_CONN=${GP_PG_CONNECTION:-"Host=127.0.0.1;Port=$GP_PG_PORT;Username=postgres;Database=$db"}
  GP_BLOB_CONN=${GP_BLOB_CONNECTION:-"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$GP_AZURITE_KEY;BlobEndpoint=http://127.0.0.1:$GP_BLOB_PORT/devstoreaccount1;"}
  if [[ -n $GP_SMTP_HOST ]]; then
    GP_SMTP_H=$GP_SMTP_HOST
    GP_MAILDEV_URL=""
  else
    GP_SMTP_H=127.0.0.1
    GP_MAILDEV_URL=http://127.0.0.1:$GP_MAIL_WEB_PORT
  fi
}

# Exports the app's configuration (ASP.NET Core environment variable names).
gp_export_app_env() {
  export ConnectionStrings__Postgres="$GP_PG_CONN"
  export ConnectionStrings__Blobs="$GP_BLOB_CONN"
  export Smtp__Host="$GP_SMTP_H" Smtp__Port="$GP_SMTP_PORT" Smtp__Security="$GP_SMTP_SECURITY"
  if [[ -n ${GP_SMTP_USER:-} ]]; then export Smtp__User="$GP_SMTP_USER"; fi
  if [[ -n ${GP_SMTP_PASSWORD:-} ]]; then export Smtp__Password="$GP_SMTP_PASSWORD"; fi
  if [[ -n ${GP_SMTP_FROM:-} ]]; then export Smtp__From="$GP_SMTP_FROM"; fi
  if [[ -n ${GP_PORT:-} ]]; then
    export App__PublicUrl="http://127.0.0.1:$GP_PORT" ASPNETCORE_URLS="http://127.0.0.1:$GP_PORT"
  fi
  if [[ -n $GP_MAILDEV_URL ]]; then export App__MailCatcherUrl="$GP_MAILDEV_URL"; fi
}

# Prints `export` lines for the tests' variables (used by services-start.sh).
gp_print_env() {
  printf 'export GP_TEST_PG=%q\n' "$GP_PG_CONN"
  printf 'export GP_TEST_BLOB=%q\n' "$GP_BLOB_CONN"
  printf 'export GP_TEST_SMTP_HOST=%q GP_TEST_SMTP_PORT=%q\n' "$GP_SMTP_H" "$GP_SMTP_PORT"
  printf 'export GP_TEST_MAILDEV_URL=%q\n' "$GP_MAILDEV_URL"
  printf 'export GP_ARTIFACTS=%q\n' "$GP_ROOT/artifacts"
}

# ---------------------------------------------------------------- installation

gp_need_services_node() { [[ -z $GP_BLOB_CONNECTION || -z $GP_SMTP_HOST ]]; }

# gp_install [--browser] - npm ci, dotnet tool restore, the apt package fonts-wqy-microhei (PDFs),
# and with --browser chromium and fonts-noto-cjk. Installs only what is missing.
gp_install() {
  local browser=false
  [[ ${1:-} == --browser ]] && browser=true
  cd "$GP_ROOT" || gp_die "cannot cd to $GP_ROOT"

  command -v dotnet >/dev/null 2>&1 || gp_die "dotnet not found; install the .NET 10 SDK"
  command -v node >/dev/null 2>&1 || gp_die "node not found; install Node.js 20"

  if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    command -v npm >/dev/null 2>&1 || gp_die "npm not found; install npm (Node.js 20)"
    gp_say "npm ci (node_modules missing or older than package-lock.json)"
    npm ci --no-audit --no-fund --loglevel=error || gp_die "npm ci failed"
  fi

  local out
  if [[ -f dotnet-tools.json || -f .config/dotnet-tools.json ]]; then
    out=$(dotnet tool restore 2>&1) || { printf '%s\n' "$out" >&2; gp_die "dotnet tool restore failed"; }
  fi

  # The printed pre-proposal embeds WenQuanYi Micro Hei (Infrastructure/Pdf), for ./run and ./test.
  local missing=() why="the printed PDFs"
  [[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]] || missing+=(fonts-wqy-microhei)
  if $browser; then
    [[ -x /usr/bin/chromium ]] || missing+=(chromium)
    [[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ]] || missing+=(fonts-noto-cjk)
    why="the printed PDFs and the browser tests"
  fi
  if ((${#missing[@]})); then
    if ! gp_is_root; then
      printf 'error: %s need %s. Install them with:\n  sudo apt-get update && sudo apt-get install -y %s\n' "$why" "${missing[*]}" "${missing[*]}" >&2
      exit 1
    fi
    gp_say "apt-get install ${missing[*]} (for $why; about a minute)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq || gp_die "apt-get update failed"
    apt-get install -y -qq "${missing[@]}" >"$GP_LOGS/apt.log" 2>&1 \
      || { tail -n 20 "$GP_LOGS/apt.log" >&2; gp_die "apt-get install ${missing[*]} failed (log: $(gp_rel "$GP_LOGS/apt.log"))"; }
  fi
}

# ---------------------------------------------------------------- ports and pid files

# Prints "PID CMDLINE" of the process listening on a TCP port, if it can be found.
gp_port_owner() {
  local line pid
  command -v ss >/dev/null 2>&1 || return 0
  line=$(ss -Hltnp "( sport = :$1 )" 2>/dev/null | head -n 1) || true
  pid=$(grep -o 'pid=[0-9]*' <<<"$line" | head -n 1 | cut -d= -f2) || true
  [[ -n $pid ]] && printf '%s %s' "$pid" "$(gp_cmdline "$pid")"
}

gp_port_busy() {
  if command -v ss >/dev/null 2>&1; then
    [[ -n $(ss -Hltn "( sport = :$1 )" 2>/dev/null) ]]
  else
    gp_tcp_open 127.0.0.1 "$1"
  fi
}

# gp_check_port PORT VAR WHAT - exits with a clear message when the port is taken. A leftover
# process of ours (its command line names our data folder) is stopped instead.
gp_check_port() {
  local port=$1 var=$2 what=$3 owner pid cmd
  gp_port_busy "$port" || return 0
  owner=$(gp_port_owner "$port")
  pid=${owner%% *}
  cmd=${owner#* }
  if [[ -n $owner && $cmd == *"$GP_DATA"* ]]; then
    gp_say "$what: port $port is held by a leftover process of ours (pid $pid); stopping it"
    gp_kill_pid "$pid" "$what"
    gp_port_busy "$port" || return 0
  fi
  {
    printf 'error: port %s (%s) for %s is already in use' "$port" "$var" "$what"
    if [[ -n $owner ]]; then printf ' by pid %s: %s' "$pid" "${cmd% }"; fi
    printf '.\n  Stop that process, or choose another port, e.g. %s=%s %s\n' "$var" "$((port + 1))" "./$GP_MODE"
  } >&2
  exit 1
}

# gp_recover_pidfile NAME PIDFILE MARKER - removes a stale pid file, or stops a live process of
# ours from an earlier run (its command line contains MARKER).
gp_recover_pidfile() {
  local name=$1 file=$2 marker=$3 pid
  [[ -f $file ]] || return 0
  pid=$(head -n 1 "$file" 2>/dev/null | tr -dc '0-9') || true
  if gp_alive "$pid" && [[ $(gp_cmdline "$pid") == *"$marker"* ]]; then
    gp_say "$name: still running from an earlier run (pid $pid); stopping it and starting afresh"
    gp_kill_pid "$pid" "$name"
  else
    gp_say "$name: removing stale pid file $(gp_rel "$file") (pid ${pid:-?} is not running)"
  fi
  rm -f "$file"
}

# gp_session_claim - one ./run or ./test per data folder at a time.
gp_session_claim() {
  GP_SESSION_FILE=$GP_PIDS/session.pid
  local pid start
  if [[ -f $GP_SESSION_FILE ]]; then
    read -r pid start _ <"$GP_SESSION_FILE" || true
    if gp_alive "$pid" && [[ $pid != "$$" && $(gp_starttime "$pid") == "$start" ]]; then
      gp_die "another ./run or ./test (pid $pid: $(gp_cmdline "$pid")) is using the data folder $GP_DATA; stop it, or set GP_DATA_DIR (and the GP_*_PORT variables) to run beside it"
    fi
  fi
  printf '%s %s\n' "$$" "$(gp_starttime "$$")" >"$GP_SESSION_FILE"
}

gp_session_release() {
  [[ -n $GP_SESSION_FILE && -f $GP_SESSION_FILE ]] || return 0
  local pid
  read -r pid _ <"$GP_SESSION_FILE" || true
  [[ $pid == "$$" ]] && rm -f "$GP_SESSION_FILE"
  return 0
}

# Waits until CMD... succeeds; fails early when PID dies; shows the log on failure.
gp_wait_until() {
  local name=$1 pid=$2 log=$3 timeout=$4 deadline
  shift 4
  deadline=$(($(gp_now_ms) + timeout * 1000))
  until "$@"; do
    if [[ -n $pid ]] && ! gp_alive "$pid"; then
      tail -n 30 "$log" >&2 2>/dev/null || true
      gp_die "$name exited during start-up (log: $(gp_rel "$log"))"
    fi
    if (($(gp_now_ms) > deadline)); then
      tail -n 30 "$log" >&2 2>/dev/null || true
      gp_die "$name not ready after ${timeout}s (log: $(gp_rel "$log"))"
    fi
    sleep 0.2
  done
}

# Starts a command in the background, in its own session (so Ctrl-C reaches only the script,
# which then stops it in order), with its output in a log. Sets GP_SPAWNED_PID.
gp_spawn() {
  local log=$1
  shift
  : >"$log"
  if command -v setsid >/dev/null 2>&1; then
    setsid "$@" </dev/null >>"$log" 2>&1 &
  else
    "$@" </dev/null >>"$log" 2>&1 &
  fi
  GP_SPAWNED_PID=$!
}

# ---------------------------------------------------------------- PostgreSQL

gp_as_pg() {
  if gp_is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

gp_pg_paths() {
  GP_PGDATA=$GP_DATA/pg
  GP_PGSOCK=$GP_DATA/pg-socket
  GP_PGLOG=$GP_LOGS/postgres.log
  if gp_is_root && ! runuser -u postgres -- test -x "$GP_DATA" 2>/dev/null; then
    # The postgres user cannot reach the data folder (e.g. a clone under /root).
    local alt
    alt=/var/tmp/grantportal-$(printf '%s' "$GP_DATA" | cksum | cut -d' ' -f1)
    GP_PGDATA=$alt/pg
    GP_PGSOCK=$alt/pg-socket
    GP_PGLOG=$alt/postgres.log
  fi
  if ((${#GP_PGSOCK} > 90)); then # unix socket paths are limited to 107 bytes
    GP_PGSOCK=/tmp/grantportal-pg-$(printf '%s' "$GP_PGSOCK" | cksum | cut -d' ' -f1)
  fi
}

gp_pg_prepare() {
  gp_pg_paths
  [[ -x $GP_PG_BIN/pg_ctl ]] || gp_die "PostgreSQL binaries not found in $GP_PG_BIN (apt-get install postgresql-15), or set GP_PG_CONNECTION to an existing server"
  if gp_is_root; then
    id postgres >/dev/null 2>&1 || gp_die "user 'postgres' missing (apt-get install postgresql-15), or set GP_PG_CONNECTION"
  fi
  [[ $GP_PGDATA == "$GP_DATA"/* ]] || gp_say "PostgreSQL: the postgres user cannot reach $GP_DATA; cluster kept in $GP_PGDATA"
  gp_recover_postmaster
  gp_check_port "$GP_PG_PORT" GP_PG_PORT PostgreSQL
}

gp_recover_postmaster() {
  local file=$GP_PGDATA/postmaster.pid pid
  [[ -f $file ]] || return 0
  pid=$(head -n 1 "$file" 2>/dev/null | tr -dc '0-9') || true
  if gp_alive "$pid" && [[ $(gp_cmdline "$pid") == *"$GP_PGDATA"* ]]; then
    gp_say "PostgreSQL: still running from an earlier run (pid $pid); stopping it and starting afresh"
    gp_as_pg "$GP_PG_BIN/pg_ctl" -D "$GP_PGDATA" stop -m fast -w -t 30 >/dev/null 2>&1 || gp_kill_pid "$pid" postgres
  else
    gp_say "PostgreSQL: removing stale pid file $(gp_rel "$file") (pid ${pid:-?} is not running)"
    gp_pg_wait_orphans
    rm -f "$file"
  fi
}

# Server processes of a killed postmaster (their working directory is the cluster) exit by
# themselves shortly after it; wait for them before the pid file, the server's guard, goes.
gp_pg_wait_orphans() {
  local i p left
  for ((i = 0; i < 150; i++)); do
    left=()
    for p in /proc/[0-9]*; do
      [[ $(readlink "$p/cwd" 2>/dev/null) == "$GP_PGDATA" ]] && left+=("${p#/proc/}")
    done
    ((${#left[@]})) || return 0
    sleep 0.1
  done
  gp_die "PostgreSQL: processes ${left[*]} of a crashed earlier server still use $GP_PGDATA; stop them first"
}

# Removes socket lock files whose server is gone (a killed server leaves them behind, and a
# not yet reaped one still looks alive to the new server).
gp_pg_clean_socket_locks() {
  local lock pid
  for lock in "$GP_PGSOCK"/.s.PGSQL.*.lock; do
    [[ -f $lock ]] || continue
    pid=$(head -n 1 "$lock" 2>/dev/null | tr -dc '0-9') || true
    gp_alive "$pid" || rm -f "$lock" "${lock%.lock}"
  done
}

gp_pg_start() {
  local log=$GP_PGLOG opts
  mkdir -p "$GP_PGSOCK"
  if [[ ! -f $GP_PGDATA/PG_VERSION ]]; then
    gp_say "PostgreSQL: initdb $(gp_rel "$GP_PGDATA") (first run)"
    rm -rf "$GP_PGDATA"
    mkdir -p "$GP_PGDATA"
    chmod 700 "$GP_PGDATA"
    if gp_is_root; then chown postgres:postgres "$GP_PGDATA" "$GP_PGSOCK"; fi
    gp_as_pg "$GP_PG_BIN/initdb" -D "$GP_PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
      >"$GP_LOGS/initdb.log" 2>&1 \
      || { tail -n 20 "$GP_LOGS/initdb.log" >&2; gp_die "initdb failed (log: $(gp_rel "$GP_LOGS/initdb.log"))"; }
  fi
  touch "$log"
  if gp_is_root; then chown postgres:postgres "$GP_PGDATA" "$GP_PGSOCK" "$log"; fi
  chmod 700 "$GP_PGDATA" # the server refuses a data folder others can read
  gp_pg_clean_socket_locks
  opts="-p $GP_PG_PORT -c listen_addresses=127.0.0.1 -k '$GP_PGSOCK'"
  # Test clusters are throw-away: trade durability for speed.
  [[ $GP_MODE == test ]] && opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
  gp_as_pg "$GP_PG_BIN/pg_ctl" -D "$GP_PGDATA" -l "$log" -w -t 60 -o "$opts" start >/dev/null 2>&1 \
    || { tail -n 20 "$log" >&2; gp_die "PostgreSQL did not start (log: $(gp_rel "$log"))"; }
  GP_STARTED+=(postgres)
  local isready=$GP_PG_BIN/pg_isready
  [[ -x $isready ]] || isready=pg_isready
  gp_wait_until PostgreSQL "" "$log" 30 "$isready" -q -h 127.0.0.1 -p "$GP_PG_PORT" -U postgres -d postgres -t 1
}

gp_pg_stop() {
  gp_pg_paths
  local file=$GP_PGDATA/postmaster.pid pid
  [[ -f $file ]] || return 0
  pid=$(head -n 1 "$file" 2>/dev/null | tr -dc '0-9') || true
  gp_alive "$pid" || { rm -f "$file"; return 0; }
  gp_say "stopping PostgreSQL (pid $pid)"
  gp_as_pg "$GP_PG_BIN/pg_ctl" -D "$GP_PGDATA" stop -m fast -w -t 30 >/dev/null 2>&1 || gp_kill_pid "$pid" postgres
}

# ---------------------------------------------------------------- Azurite and maildev

gp_azurite_prepare() {
  [[ -x $GP_ROOT/node_modules/.bin/azurite-blob ]] || gp_die "node_modules/.bin/azurite-blob missing; run npm ci"
  gp_recover_pidfile Azurite "$GP_PIDS/azurite.pid" "$GP_DATA/azurite"
  gp_check_port "$GP_BLOB_PORT" GP_BLOB_PORT "Azurite (blob)"
}

gp_azurite_spawn() {
  local dir=$GP_DATA/azurite
  [[ $GP_MODE == test ]] && rm -rf "$dir" # fresh blob store for every test run
  mkdir -p "$dir"
  gp_spawn "$GP_LOGS/azurite.log" "$GP_ROOT/node_modules/.bin/azurite-blob" \
    --blobHost 127.0.0.1 --blobPort "$GP_BLOB_PORT" --location "$dir" \
    --silent --disableTelemetry --skipApiVersionCheck
  echo "$GP_SPAWNED_PID" >"$GP_PIDS/azurite.pid"
  GP_AZURITE_PID=$GP_SPAWNED_PID
  GP_STARTED+=(azurite)
}

gp_azurite_ready() {
  [[ $(gp_http_status "http://127.0.0.1:$GP_BLOB_PORT/devstoreaccount1?comp=list") != 000 ]]
}

gp_maildev_prepare() {
  [[ -x $GP_ROOT/node_modules/.bin/maildev ]] || gp_die "node_modules/.bin/maildev missing; run npm ci"
  gp_recover_pidfile maildev "$GP_PIDS/maildev.pid" "$GP_DATA/mail"
  gp_check_port "$GP_SMTP_PORT" GP_SMTP_PORT "maildev (SMTP)"
  gp_check_port "$GP_MAIL_WEB_PORT" GP_MAIL_WEB_PORT "maildev (web)"
}

gp_maildev_spawn() {
  local dir=$GP_DATA/mail
  [[ $GP_MODE == test ]] && rm -rf "$dir" # empty inbox for every test run
  mkdir -p "$dir"
  gp_spawn "$GP_LOGS/maildev.log" "$GP_ROOT/node_modules/.bin/maildev" \
    --smtp "$GP_SMTP_PORT" --web "$GP_MAIL_WEB_PORT" --ip 127.0.0.1 --web-ip 127.0.0.1 \
    --mail-directory "$dir"
  echo "$GP_SPAWNED_PID" >"$GP_PIDS/maildev.pid"
  GP_MAILDEV_PID=$GP_SPAWNED_PID
  GP_STARTED+=(maildev)
}

gp_maildev_ready() {
  [[ $(gp_http_status "http://127.0.0.1:$GP_MAIL_WEB_PORT/email") == 200 ]] && gp_tcp_open 127.0.0.1 "$GP_SMTP_PORT"
}

gp_pidfile_stop() {
  local name=$1 file=$2 marker=$3 pid
  [[ -f $file ]] || return 0
  pid=$(head -n 1 "$file" 2>/dev/null | tr -dc '0-9') || true
  if gp_alive "$pid" && [[ $(gp_cmdline "$pid") == *"$marker"* ]]; then
    gp_say "stopping $name (pid $pid)"
    gp_kill_pid "$pid" "$name"
  fi
  rm -f "$file"
}

# ---------------------------------------------------------------- all services

# Starts whatever is not replaced by an external service and waits until all are ready.
gp_services_start() {
  local t0 want_pg=false want_blob=false want_mail=false
  t0=$(gp_now_ms)
  [[ -z $GP_PG_CONNECTION ]] && want_pg=true
  [[ -z $GP_BLOB_CONNECTION ]] && want_blob=true
  [[ -z $GP_SMTP_HOST ]] && want_mail=true

  # Recover and check every port first, so that nothing starts when one port is taken.
  if $want_pg; then gp_pg_prepare; fi
  if $want_blob; then gp_azurite_prepare; fi
  if $want_mail; then gp_maildev_prepare; fi

  # node services start in the background while PostgreSQL starts.
  if $want_blob; then gp_azurite_spawn; fi
  if $want_mail; then gp_maildev_spawn; fi
  if $want_pg; then gp_pg_start; fi
  if $want_blob; then gp_wait_until Azurite "$GP_AZURITE_PID" "$GP_LOGS/azurite.log" 60 gp_azurite_ready; fi
  if $want_mail; then gp_wait_until maildev "$GP_MAILDEV_PID" "$GP_LOGS/maildev.log" 60 gp_maildev_ready; fi

  local pg blob mail
  if $want_pg; then pg="PostgreSQL 127.0.0.1:$GP_PG_PORT"; else pg="PostgreSQL from GP_PG_CONNECTION"; fi
  if $want_blob; then blob="Azurite 127.0.0.1:$GP_BLOB_PORT"; else blob="blobs from GP_BLOB_CONNECTION"; fi
  if $want_mail; then mail="maildev SMTP 127.0.0.1:$GP_SMTP_PORT, web $GP_MAILDEV_URL"; else mail="SMTP $GP_SMTP_HOST:$GP_SMTP_PORT"; fi
  gp_say "services ready in $(gp_secs_since "$t0") s: $pg; $blob; $mail (data: $(gp_rel "$GP_DATA"), logs: $(gp_rel "$GP_LOGS"))"
}

# gp_services_stop [--all] - stops the services this shell started (with --all: every service
# of ours found through the pid files of the data folder), in reverse order.
gp_services_stop() {
  local all=false s i
  [[ ${1:-} == --all ]] && all=true
  if $all; then GP_STARTED=(postgres azurite maildev); fi
  for ((i = ${#GP_STARTED[@]} - 1; i >= 0; i--)); do
    s=${GP_STARTED[i]}
    case $s in
      maildev) gp_pidfile_stop maildev "$GP_PIDS/maildev.pid" "$GP_DATA/mail" ;;
      azurite) gp_pidfile_stop Azurite "$GP_PIDS/azurite.pid" "$GP_DATA/azurite" ;;
      postgres) gp_pg_stop ;;
    esac
  done
  GP_STARTED=()
}
