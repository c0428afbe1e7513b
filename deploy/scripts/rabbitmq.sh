#!/usr/bin/env bash
# Runs a private RabbitMQ node for DecentWork on this machine, without Docker and without the
# Debian system service: all state lives in one folder, every listener is bound to 127.0.0.1,
# and two nodes (e.g. a demo node on 5672 and a test node on 5673) can run side by side.
#
# Usage: deploy/scripts/rabbitmq.sh <command>
#   install    apt-get install rabbitmq-server if it is missing (apt-get update only if needed)
#   start      start the node (idempotent; also restarts a stopped app) and wait until AMQP and
#              the management API answer
#   stop       shut the node down cleanly; stop epmd only if no other Erlang node still uses it
#   stop-app   rabbitmqctl stop_app: the broker goes away but the node stays (outage simulation)
#   start-app  rabbitmqctl start_app, then wait until the AMQP port accepts connections again
#   status     print the state; exit 0 = running, 2 = node up but app stopped, 3 = not running
#   env        print `export RABBITMQ_URI=...` and `export RABBITMQ_MANAGEMENT_URI=...` for the
#              node's administrator account (use: eval "$(deploy/scripts/rabbitmq.sh env)")
#   service-uri <service> [vhost]
#              create (or refresh) the broker account of one service, decentwork-<service>, with
#              only the permissions it needs on the vhost (default /), and print its AMQP URI
#
# Configuration (environment):
#   DECENTWORK_RABBITMQ_DIR    state folder (default /tmp/decentwork-rabbitmq)
#   RABBITMQ_PORT              AMQP port on 127.0.0.1 (default 5672)
#   RABBITMQ_MANAGEMENT_PORT   management HTTP port on 127.0.0.1 (default 15672)
#   DECENTWORK_RABBITMQ_NODE   Erlang node name (default decentwork@localhost)
# The Erlang distribution port is RABBITMQ_PORT + 20000, so distinct AMQP ports never clash.
# Accounts: `start` creates an administrator, decentwork-admin, and deletes guest; every service
# gets an account of its own (service-uri). Passwords are random, made on first use and kept
# (mode 600) in $DECENTWORK_RABBITMQ_DIR/accounts/, never in the repository.
set -euo pipefail

RMQ_DIR="${DECENTWORK_RABBITMQ_DIR:-/tmp/decentwork-rabbitmq}"
RMQ_PORT="${RABBITMQ_PORT:-5672}"
RMQ_MGMT_PORT="${RABBITMQ_MANAGEMENT_PORT:-15672}"
RMQ_NODE="${DECENTWORK_RABBITMQ_NODE:-decentwork@localhost}"
RMQ_DIST_PORT=$((RMQ_PORT + 20000))
if ((RMQ_PORT < 1 || RMQ_DIST_PORT > 65535)); then
  echo "RABBITMQ_PORT must be between 1 and 45535 (the Erlang distribution port is RABBITMQ_PORT + 20000)" >&2
  exit 2
fi
# Debian's /usr/sbin wrappers `su` to the rabbitmq user when called as root, which would lose our
# environment and could not write a root-owned state folder; the real scripts live here.
RMQ_BIN="${DECENTWORK_RABBITMQ_BIN:-/usr/lib/rabbitmq/bin}"
START_TIMEOUT="${DECENTWORK_RABBITMQ_START_TIMEOUT:-90}"

log() { printf '[rabbitmq %s] %s\n' "$RMQ_NODE" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

usage() {
  local code="${1:-2}"
  if [[ $code -eq 0 ]]; then
    sed -n '2,/^set -euo/p' "$0" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//'
  else
    sed -n '2,/^set -euo/p' "$0" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//' >&2
  fi
  exit "$code"
}

is_installed() { [[ -x "$RMQ_BIN/rabbitmq-server" && -x "$RMQ_BIN/rabbitmqctl" ]]; }

# Runs one RabbitMQ command with this node's environment. The environment (HOME above all, which
# decides which .erlang.cookie the CLI and server use) is set in a subshell only, so the caller's
# HOME and /root/.erlang.cookie are never touched.
rabbit() {
  local tool="$1"; shift
  (
    export HOME="$RMQ_DIR"
    export LC_ALL=C.UTF-8 LANG=C.UTF-8
    export RABBITMQ_NODENAME="$RMQ_NODE"
    export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
    export RABBITMQ_NODE_PORT="$RMQ_PORT"
    export RABBITMQ_DIST_PORT="$RMQ_DIST_PORT"
    export RABBITMQ_CONFIG_FILE="$RMQ_DIR/rabbitmq.conf"
    export RABBITMQ_CONF_ENV_FILE="$RMQ_DIR/rabbitmq-env.conf"
    export RABBITMQ_ENABLED_PLUGINS_FILE="$RMQ_DIR/enabled_plugins"
    export RABBITMQ_MNESIA_BASE="$RMQ_DIR/mnesia"
    export RABBITMQ_LOG_BASE="$RMQ_DIR/log"
    export RABBITMQ_PID_FILE="$RMQ_DIR/rabbitmq.pid"
    export ERL_EPMD_ADDRESS=127.0.0.1
    export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
    export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
    cd "$RMQ_DIR"
    exec "$RMQ_BIN/$tool" "$@"
  )
}

# True when something accepts TCP connections on 127.0.0.1:$1 (bash /dev/tcp: no nc needed).
port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

wait_port() {
  local port="$1" what="$2" deadline=$((SECONDS + START_TIMEOUT))
  until port_open "$port"; do
    ((SECONDS < deadline)) || die "$what port $port did not open within ${START_TIMEOUT}s (log: $RMQ_DIR/log)"
    sleep 0.5
  done
}

node_up() { [[ -d "$RMQ_DIR" ]] && rabbit rabbitmqctl -q -n "$RMQ_NODE" ping >/dev/null 2>&1; }
app_running() { rabbit rabbitmq-diagnostics -q -n "$RMQ_NODE" check_running >/dev/null 2>&1; }

ADMIN_USER=decentwork-admin

# The stored password of a broker account, made (random, 32 characters) on first use.
account_password() {
  local file="$RMQ_DIR/accounts/$1"
  if [[ ! -s "$file" ]]; then
    mkdir -p "$RMQ_DIR/accounts" && chmod 700 "$RMQ_DIR/accounts"
    (umask 077 && LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c 32 >"$file")
  fi
  cat "$file"
}

# Creates the account or resets its password to the stored one (idempotent).
ensure_user() {
  local user="$1" password
  password="$(account_password "$user")"
  if rabbit rabbitmqctl -q -n "$RMQ_NODE" list_users 2>/dev/null | awk '{print $1}' | grep -qx "$user"; then
    rabbit rabbitmqctl -q -n "$RMQ_NODE" change_password "$user" "$password" >/dev/null
  else
    rabbit rabbitmqctl -q -n "$RMQ_NODE" add_user "$user" "$password" >/dev/null
  fi
}

# The administrator replaces guest, whose password everybody knows.
ensure_admin() {
  ensure_user "$ADMIN_USER"
  rabbit rabbitmqctl -q -n "$RMQ_NODE" set_user_tags "$ADMIN_USER" administrator >/dev/null
  rabbit rabbitmqctl -q -n "$RMQ_NODE" set_permissions -p / "$ADMIN_USER" '.*' '.*' '.*' >/dev/null
  if rabbit rabbitmqctl -q -n "$RMQ_NODE" list_users 2>/dev/null | awk '{print $1}' | grep -qx guest; then
    rabbit rabbitmqctl -q -n "$RMQ_NODE" delete_user guest >/dev/null
    log "guest deleted; administrator is $ADMIN_USER"
  fi
}

# What one service may touch: its own queues and exchanges ("<service>-..."), the exchanges of
# every integration event (to bind its queues to them), writes only to the exchanges of its own
# context's events, and MassTransit's per-process bus endpoint ("<host>_<process>_bus_<id>").
# The same rule lives in tests/DecentWork.Testing/RabbitMqBroker.cs for the test brokers.
cmd_service_uri() {
  local service="${1:-}" vhost="${2:-/}" user context events own bus
  [[ "$service" =~ ^[a-z]+$ ]] || die "usage: $0 service-uri <service> [vhost]"
  node_up || die "node is not running (use: $0 start)"
  user="decentwork-$service"
  context="$(tr '[:lower:]' '[:upper:]' <<<"${service:0:1}")${service:1}"
  events='DecentWork\.Contracts\.Events\.'
  own="^${service}-.*"
  bus='^[^:]*_bus_[^:]*$'
  ensure_user "$user"
  rabbit rabbitmqctl -q -n "$RMQ_NODE" set_permissions -p "$vhost" "$user" \
    "${own}|^${events}.*|${bus}" "${own}|^${events}${context}:.*|${bus}" "${own}|^${events}.*|${bus}" >/dev/null
  local path="${vhost#/}"; [[ "$vhost" == / ]] && path=""
  printf 'amqp://%s:%s@127.0.0.1:%s/%s\n' "$user" "$(account_password "$user")" "$RMQ_PORT" "$path"
}

amqp_uri() { printf 'amqp://%s:%s@127.0.0.1:%s/' "$ADMIN_USER" "$(account_password "$ADMIN_USER")" "$RMQ_PORT"; }
mgmt_uri() { printf 'http://127.0.0.1:%s/' "$RMQ_MGMT_PORT"; }

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "need root (or sudo) to run: $*"; fi
}

# A fresh package install may start Debian's own rabbitmq-server service (machines without the
# container policy-rc.d that forbids it). That broker listens on 0.0.0.0:5672 with its own cookie
# and would collide with our demo node, so stop and disable it -- but only when this install
# brought it in, never a system broker that was there before.
stop_fresh_system_service() {
  if command -v systemctl >/dev/null && systemctl is-active --quiet rabbitmq-server 2>/dev/null; then
    log "apt started the system rabbitmq-server service; stopping and disabling it (this script runs its own node)"
    as_root systemctl stop rabbitmq-server || true
    as_root systemctl disable rabbitmq-server >/dev/null 2>&1 || true
  elif command -v service >/dev/null && service rabbitmq-server status >/dev/null 2>&1; then
    log "apt started the system rabbitmq-server service; stopping it (this script runs its own node)"
    as_root service rabbitmq-server stop || true
  fi
}

cmd_install() {
  if is_installed; then
    log "rabbitmq-server already installed ($(dpkg-query -W -f='${Version}' rabbitmq-server 2>/dev/null || echo '?'))"
    return 0
  fi
  command -v apt-get >/dev/null || die "rabbitmq-server is missing and apt-get is not available; install RabbitMQ 3.x yourself"
  export DEBIAN_FRONTEND=noninteractive
  log "installing rabbitmq-server with apt-get"
  # Try without `apt-get update` first: it is slow, and the lists are often fresh enough.
  if ! as_root apt-get install -y -q --no-install-recommends rabbitmq-server >/dev/null 2>&1; then
    log "apt-get install failed; running apt-get update and retrying"
    as_root apt-get update -q >/dev/null
    as_root apt-get install -y -q --no-install-recommends rabbitmq-server >/dev/null
  fi
  is_installed || die "rabbitmq-server installed but $RMQ_BIN/rabbitmq-server not found"
  stop_fresh_system_service
  log "installed rabbitmq-server $(dpkg-query -W -f='${Version}' rabbitmq-server 2>/dev/null || true)"
}

write_config() {
  mkdir -p "$RMQ_DIR/mnesia" "$RMQ_DIR/log"
  # Rewritten on every start so a change of port takes effect.
  cat >"$RMQ_DIR/rabbitmq.conf" <<EOF
# Generated by deploy/scripts/rabbitmq.sh -- loopback only.
listeners.tcp.default = 127.0.0.1:$RMQ_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $RMQ_MGMT_PORT
loopback_users.guest = true
EOF
  printf '[rabbitmq_management].\n' >"$RMQ_DIR/enabled_plugins"
  # Empty on purpose: keeps /etc/rabbitmq/rabbitmq-env.conf from changing our node.
  : >"$RMQ_DIR/rabbitmq-env.conf"
}

cmd_start() {
  is_installed || cmd_install
  if node_up; then
    if app_running; then
      log "already running (AMQP 127.0.0.1:$RMQ_PORT, management $(mgmt_uri))"
    else
      log "node is up but the app is stopped; starting the app"
      rabbit rabbitmqctl -q -n "$RMQ_NODE" start_app
    fi
    wait_port "$RMQ_PORT" AMQP
    wait_port "$RMQ_MGMT_PORT" management
    ensure_admin
    return 0
  fi
  local port
  for port in "$RMQ_PORT" "$RMQ_MGMT_PORT" "$RMQ_DIST_PORT"; do
    if port_open "$port"; then
      die "port $port is already in use by another process (a system rabbitmq-server? try 'systemctl stop rabbitmq-server'), or pick other ports with RABBITMQ_PORT / RABBITMQ_MANAGEMENT_PORT"
    fi
  done
  write_config
  rm -f "$RMQ_DIR/rabbitmq.pid"
  log "starting (state in $RMQ_DIR)"
  rabbit rabbitmq-server -detached
  # await_startup fails at once while the node has not yet registered with epmd, so first wait
  # for the node to answer ping, then for the rabbit app to finish booting.
  local deadline=$((SECONDS + START_TIMEOUT))
  until node_up; do
    if ((SECONDS >= deadline)); then
      tail -n 30 "$RMQ_DIR"/log/*.log 2>/dev/null >&2 || true
      die "node did not come up within ${START_TIMEOUT}s (log: $RMQ_DIR/log)"
    fi
    sleep 0.5
  done
  if ! rabbit rabbitmqctl -q -n "$RMQ_NODE" await_startup --timeout "$START_TIMEOUT" >&2; then
    tail -n 30 "$RMQ_DIR"/log/*.log 2>/dev/null >&2 || true
    die "node did not finish starting within ${START_TIMEOUT}s (log: $RMQ_DIR/log)"
  fi
  wait_port "$RMQ_PORT" AMQP
  wait_port "$RMQ_MGMT_PORT" management
  ensure_admin
  log "started: AMQP 127.0.0.1:$RMQ_PORT, management $(mgmt_uri) ($ADMIN_USER, password in $RMQ_DIR/accounts/)"
}

# epmd is shared by every Erlang node on the machine; stop it only when no node is registered.
maybe_kill_epmd() {
  command -v epmd >/dev/null || return 0
  local names
  names=$(ERL_EPMD_ADDRESS=127.0.0.1 epmd -names 2>/dev/null) || return 0   # epmd not running
  if grep -q '^name ' <<<"$names"; then
    log "epmd kept: other Erlang nodes still registered: $(grep '^name ' <<<"$names" | awk '{print $2}' | tr '\n' ' ')"
  else
    ERL_EPMD_ADDRESS=127.0.0.1 epmd -kill >/dev/null 2>&1 || true
  fi
}

cmd_stop() {
  local pid=""
  [[ -f "$RMQ_DIR/rabbitmq.pid" ]] && pid=$(cat "$RMQ_DIR/rabbitmq.pid" 2>/dev/null || true)
  if node_up; then
    log "stopping"
    # shutdown waits until the node's OS process has exited.
    rabbit rabbitmqctl -q -n "$RMQ_NODE" shutdown --timeout 60 >/dev/null 2>&1 || log "rabbitmqctl shutdown failed; signalling the process"
  fi
  # Fallback for a node the CLI cannot reach (e.g. a lost cookie): TERM, then KILL.
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true

    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && { log "node still alive; killing pid $pid"; kill -KILL "$pid" 2>/dev/null || true; }
  fi
  rm -f "$RMQ_DIR/rabbitmq.pid"
  maybe_kill_epmd
  log "stopped"
}

cmd_stop_app() {
  node_up || die "node is not running"
  rabbit rabbitmqctl -q -n "$RMQ_NODE" stop_app
  log "app stopped (AMQP port $RMQ_PORT closed; node still up)"
}

cmd_start_app() {
  node_up || die "node is not running (use: $0 start)"
  rabbit rabbitmqctl -q -n "$RMQ_NODE" start_app
  wait_port "$RMQ_PORT" AMQP
  log "app started (AMQP port $RMQ_PORT accepting connections)"
}

cmd_status() {
  if ! node_up; then
    echo "node $RMQ_NODE: not running (dir $RMQ_DIR)"
    return 3
  fi
  if ! app_running; then
    echo "node $RMQ_NODE: up, app stopped (dir $RMQ_DIR)"
    return 2
  fi
  echo "node $RMQ_NODE: running (dir $RMQ_DIR, pid $(cat "$RMQ_DIR/rabbitmq.pid" 2>/dev/null || echo '?'))"
  echo "  AMQP:       $(amqp_uri)"
  echo "  management: $(mgmt_uri) ($ADMIN_USER, password in $RMQ_DIR/accounts/$ADMIN_USER)"
}

cmd_env() {
  printf "export RABBITMQ_URI='%s'\n" "$(amqp_uri)"
  printf "export RABBITMQ_MANAGEMENT_URI='%s'\n" "$(mgmt_uri)"
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  stop-app) cmd_stop_app ;;
  start-app) cmd_start_app ;;
  status) cmd_status ;;
  env) cmd_env ;;
  service-uri) shift; cmd_service_uri "$@" ;;
  -h|--help|help) usage 0 ;;
  *) usage 2 ;;
esac
