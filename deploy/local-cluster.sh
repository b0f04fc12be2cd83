#!/usr/bin/env bash
# The cluster mode on one machine, as processes: Redis membership, two standalone Crm.Silo processes sharing one
# event store, and two Crm.Web nodes in the Client role on http://127.0.0.1:5001 and :5002.
#
#   deploy/local-cluster.sh start     build (Release), start everything, wait until every node is ready
#   deploy/local-cluster.sh status    what runs, and whether each node answers /health/ready
#   deploy/local-cluster.sh stop      SIGTERM every process, SIGKILL what is left after a deadline
#
# Event store: one SQLite file in a folder both silos share (SQLite's WAL locking works across processes on one
# machine), or PostgreSQL when ConnectionStrings__CrmPostgres is set. The web nodes share one data folder
# (identity.db and the data-protection keys), so a cookie from one node works on the other.
#
# Environment (all optional):
#   CRM_LOCAL_CLUSTER_DIR   state folder: pid files, logs, data (default: <repo>/.local-cluster)
#   CRM_CONFIGURATION       Release (default) or Debug
#   CRM_SKIP_BUILD=1        use the binaries already built for CRM_CONFIGURATION
#   CRM_REDIS               an existing Redis (StackExchange.Redis string, e.g. 127.0.0.1:6379); else one is started
#   CRM_REDIS_PORT          port of the Redis this script starts (default 6391)
#   CRM_WEB_PORTS           "5001 5002"     HTTP ports of the two web nodes
#   CRM_SILO_HTTP_PORTS     "5101 5102"     HTTP ports of the silos (health and /metrics only)
#   CRM_SILO_PORTS          "11111 11112"   Orleans silo-to-silo ports
#   CRM_GATEWAY_PORTS       "30000 30001"   Orleans gateway ports (what the web nodes connect to)
#   CRM_DEMO_PASSWORD       the demo users' password on a first start (default: generated, kept in the state folder)
#   ConnectionStrings__CrmPostgres   use PostgreSQL for the event store instead of the shared SQLite file
#   CRM_READY_TIMEOUT (90 s), CRM_STOP_TIMEOUT (15 s)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${CRM_LOCAL_CLUSTER_DIR:-$REPO/.local-cluster}"
CONFIGURATION="${CRM_CONFIGURATION:-Release}"
read -r -a WEB_PORTS <<< "${CRM_WEB_PORTS:-5001 5002}"
read -r -a SILO_HTTP_PORTS <<< "${CRM_SILO_HTTP_PORTS:-5101 5102}"
read -r -a SILO_PORTS <<< "${CRM_SILO_PORTS:-11111 11112}"
read -r -a GATEWAY_PORTS <<< "${CRM_GATEWAY_PORTS:-30000 30001}"
REDIS_PORT="${CRM_REDIS_PORT:-6391}"
READY_TIMEOUT="${CRM_READY_TIMEOUT:-90}"
STOP_TIMEOUT="${CRM_STOP_TIMEOUT:-15}"

PIDS="$STATE/pids"
LOGS="$STATE/logs"
SILO_DATA="$STATE/silo-data"
WEB_DATA="$STATE/web-data"
# Stopped in this order: web nodes first (they unregister from the live feed), then silos, then Redis.
PROCESSES=(web2 web1 silo2 silo1 redis)

log() { printf '[local-cluster] %s\n' "$*"; }
die() { printf '[local-cluster] error: %s\n' "$*" >&2; exit 1; }

bin_dir() { printf '%s/src/%s/bin/%s/net10.0' "$REPO" "$1" "$CONFIGURATION"; }

# What a live process of this name has on its command line; guards against a recycled pid.
marker() {
  case "$1" in
    web*) echo "Crm.Web.dll" ;;
    silo*) echo "Crm.Silo.dll" ;;
    redis) echo "redis-server" ;;
  esac
}

# Whether a pid is a live process; a zombie (exited, not yet reaped by its parent) counts as gone.
alive() {
  local state
  state="$(ps -o stat= -p "$1" 2> /dev/null)" || return 1
  [[ -n "$state" && "$state" != Z* ]]
}

# The pid of a running process of ours, or nothing.
running_pid() {
  local name="$1" file="$PIDS/$1.pid" pid command
  [[ -f "$file" ]] || return 1
  pid="$(tr -d '[:space:]' < "$file")"
  [[ -n "$pid" ]] && alive "$pid" || return 1
  command="$(tr '\0' ' ' < "/proc/$pid/cmdline" 2> /dev/null)" || return 1
  [[ "$command" == *"$(marker "$name")"* ]] || return 1
  echo "$pid"
}

redis_connection() {
  if [[ -n "${CRM_REDIS:-}" ]]; then echo "$CRM_REDIS"; else echo "127.0.0.1:$REDIS_PORT"; fi
}

# Starts a .NET app detached from this shell (own session: closing the terminal does not stop it).
# The pid recorded is the app's own: the subshell execs env, env execs setsid, setsid execs dotnet.
launch() {
  local name="$1" project="$2"; shift 2
  local dir; dir="$(bin_dir "$project")"
  [[ -f "$dir/$project.dll" ]] || die "$dir/$project.dll is missing: build first, or unset CRM_SKIP_BUILD."
  (cd "$dir" && exec env "$@" setsid dotnet "$project.dll" > "$LOGS/$name.log" 2>&1 < /dev/null) &
  echo $! > "$PIDS/$name.pid"
}

wait_ready() {
  local name="$1" port="$2" deadline=$((SECONDS + READY_TIMEOUT))
  until curl -sf -o /dev/null --max-time 5 "http://127.0.0.1:$port/health/ready"; do
    if ! running_pid "$name" > /dev/null; then
      tail -n 40 "$LOGS/$name.log" >&2 || true
      die "$name exited before it was ready (log: $LOGS/$name.log)."
    fi
    if ((SECONDS >= deadline)); then
      tail -n 40 "$LOGS/$name.log" >&2 || true
      die "$name was not ready on port $port within ${READY_TIMEOUT}s (log: $LOGS/$name.log)."
    fi
    sleep 0.2
  done
  log "$name ready on http://127.0.0.1:$port"
}

start_redis() {
  if [[ -n "${CRM_REDIS:-}" ]]; then
    log "using Redis at $CRM_REDIS (CRM_REDIS)"
    return
  fi
  command -v redis-server > /dev/null || die "redis-server is not installed (apt-get install -y redis-server), or set CRM_REDIS."
  mkdir -p "$STATE/redis"
  # No persistence: membership is rebuilt by the silos on every start.
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --pidfile "$PIDS/redis.pid" --dir "$STATE/redis" --logfile "$LOGS/redis.log" > /dev/null
  local deadline=$((SECONDS + 10))
  until [[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2> /dev/null)" == "PONG" ]]; do
    ((SECONDS < deadline)) || die "redis-server did not answer on port $REDIS_PORT (log: $LOGS/redis.log)."
    sleep 0.1
  done
  log "redis ready on 127.0.0.1:$REDIS_PORT"
}

silo_settings() {
  local i="$1"
  local -a settings=(
    "ASPNETCORE_URLS=http://127.0.0.1:${SILO_HTTP_PORTS[$i]}"
    "Crm__Cluster__Clustering=Redis"
    "ConnectionStrings__CrmRedis=$(redis_connection)"
    "Crm__Cluster__SiloPort=${SILO_PORTS[$i]}"
    "Crm__Cluster__GatewayPort=${GATEWAY_PORTS[$i]}"
    "Crm__DataPath=$SILO_DATA"
  )
  if [[ -n "${ConnectionStrings__CrmPostgres:-}" ]]; then settings+=("Crm__EventStore__Provider=Postgres"); fi
  printf '%s\n' "${settings[@]}"
}

web_settings() {
  local i="$1"
  printf '%s\n' \
    "ASPNETCORE_URLS=http://127.0.0.1:${WEB_PORTS[$i]}" \
    "Crm__Cluster__Role=Client" \
    "Crm__Cluster__Clustering=Redis" \
    "ConnectionStrings__CrmRedis=$(redis_connection)" \
    "Crm__DataPath=$WEB_DATA" \
    "Crm__Demo__Password=$(cat "$STATE/demo-password")"
}

cmd_start() {
  local started=$SECONDS name
  for name in "${PROCESSES[@]}"; do
    if running_pid "$name" > /dev/null; then die "$name is already running: '$0 stop' first, or '$0 status'."; fi
  done
  mkdir -p "$PIDS" "$LOGS" "$SILO_DATA" "$WEB_DATA"
  rm -f "$PIDS"/*.pid
  # A start that fails half-way stops what it had started, so no stray process is left holding the ports.
  trap 'log "start failed: stopping what had started (logs: $LOGS)"; cmd_stop > /dev/null 2>&1 || true' EXIT

  if [[ "${CRM_SKIP_BUILD:-}" != "1" ]]; then
    log "building src/Crm.Web (and Crm.Silo, which it references) in $CONFIGURATION"
    dotnet build "$REPO/src/Crm.Web/Crm.Web.csproj" -c "$CONFIGURATION" -nologo -v quiet > "$LOGS/build.log" 2>&1 \
      || { tail -n 30 "$LOGS/build.log" >&2; die "build failed (log: $LOGS/build.log)."; }
  fi

  # The password is used when the web data folder is seeded (first start only), so it is kept with that folder.
  if [[ ! -s "$STATE/demo-password" ]]; then
    printf '%s' "${CRM_DEMO_PASSWORD:-Demo-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')-7}" > "$STATE/demo-password"
  fi

  start_redis

  # The silos may start together: Orleans membership handles concurrent joins, and the store's schema creation is
  # idempotent under SQLite's file lock.
  local i
  for i in 0 1; do
    mapfile -t settings < <(silo_settings "$i")
    launch "silo$((i + 1))" Crm.Silo "${settings[@]}"
  done
  for i in 0 1; do wait_ready "silo$((i + 1))" "${SILO_HTTP_PORTS[$i]}"; done

  # Web node 2 starts only once node 1 is ready: node 1 creates the identity schema, seeds the demo workspace and
  # writes the data-protection key, and node 2 must find them rather than race for them.
  for i in 0 1; do
    mapfile -t settings < <(web_settings "$i")
    launch "web$((i + 1))" Crm.Web "${settings[@]}"
    wait_ready "web$((i + 1))" "${WEB_PORTS[$i]}"
  done

  trap - EXIT
  local store="SQLite file $SILO_DATA/events.db (shared by both silos)"
  [[ -n "${ConnectionStrings__CrmPostgres:-}" ]] && store="PostgreSQL (ConnectionStrings__CrmPostgres)"
  cat << EOF

Local cluster is up in $((SECONDS - started)) s ($CONFIGURATION build).
  Web node 1:   http://127.0.0.1:${WEB_PORTS[0]}
  Web node 2:   http://127.0.0.1:${WEB_PORTS[1]}
  Silos:        http://127.0.0.1:${SILO_HTTP_PORTS[0]}/health/ready, http://127.0.0.1:${SILO_HTTP_PORTS[1]}/health/ready (gateways ${GATEWAY_PORTS[0]}, ${GATEWAY_PORTS[1]})
  Redis:        $(redis_connection)
  Event store:  $store
  Sign in:      agent@demo.crm, agent2@demo.crm, supervisor@demo.crm, admin@demo.crm, sales@demo.crm
                password: $(cat "$STATE/demo-password")
  Logs:         $LOGS/{silo1,silo2,web1,web2,redis}.log
  Stop:         $0 stop
EOF
}

# SIGTERM to every named process, then wait; SIGKILL whatever is still there after the deadline.
stop_group() {
  local -a pids=() names=() name pid
  for name in "$@"; do
    if pid="$(running_pid "$name")"; then
      kill -TERM "$pid" 2> /dev/null || true
      pids+=("$pid"); names+=("$name")
    fi
  done
  local deadline=$((SECONDS + STOP_TIMEOUT)) i any
  while true; do
    any=0
    for i in "${!pids[@]}"; do
      if alive "${pids[$i]}"; then any=1; fi
    done
    ((any == 0)) && break
    if ((SECONDS >= deadline)); then
      for i in "${!pids[@]}"; do
        if alive "${pids[$i]}"; then
          log "${names[$i]} (pid ${pids[$i]}) did not stop within ${STOP_TIMEOUT}s: SIGKILL"
          kill -KILL "${pids[$i]}" 2> /dev/null || true
        fi
      done
      sleep 0.2
      break
    fi
    sleep 0.1
  done
  for i in "${!names[@]}"; do log "${names[$i]} stopped"; done
  for name in "$@"; do rm -f "$PIDS/$name.pid"; done
}

cmd_stop() {
  [[ -d "$PIDS" ]] || { log "nothing to stop ($PIDS does not exist)"; return; }
  stop_group web2 web1
  stop_group silo2 silo1
  stop_group redis
  log "stopped; data and logs stay in $STATE"
}

cmd_status() {
  local name pid port health all=0 i
  for name in silo1 silo2 web1 web2 redis; do
    case "$name" in
      silo*) i=$((${name#silo} - 1)); port="${SILO_HTTP_PORTS[$i]}" ;;
      web*) i=$((${name#web} - 1)); port="${WEB_PORTS[$i]}" ;;
      redis) port="" ;;
    esac
    if pid="$(running_pid "$name")"; then
      health="running"
      if [[ -n "$port" ]]; then
        if curl -sf -o /dev/null --max-time 5 "http://127.0.0.1:$port/health/ready"; then
          health="ready on http://127.0.0.1:$port"
        else
          health="running, NOT ready on http://127.0.0.1:$port"; all=1
        fi
      fi
      printf '  %-6s pid %-8s %s\n' "$name" "$pid" "$health"
    elif [[ "$name" == "redis" && -n "${CRM_REDIS:-}" ]]; then
      printf '  %-6s external: %s\n' "$name" "$CRM_REDIS"
    else
      printf '  %-6s stopped\n' "$name"; all=1
    fi
  done
  return "$all"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
