#!/usr/bin/env bash
# THE run command of DecentWork: starts the whole platform on this machine without Docker.
#   1. starts a private RabbitMQ broker (127.0.0.1:5672, management 15672) via rabbitmq.sh;
#   2. builds DecentWork.slnx in Release;
#   3. starts the identity service (OpenID Connect provider; demo accounts with secrets generated
#      on first run into .data/identity/demo-credentials.json), the four services, waits for
#      their /health, then the gateway and the portal (the staff web app, routed by the gateway at /);
#   4. loads the demo data through the gateway (idempotent);
#   5. prints the URLs and waits.
#   Before the services it starts a local trace viewer (the standalone Aspire Dashboard, restored
#   from NuGet by deploy/trace-viewer/TraceViewer.csproj; UI on 127.0.0.1:18888, anonymous because
#   it listens on loopback only) and points every process's OTLP export at it, unless
#   OTEL_EXPORTER_OTLP_ENDPOINT is set or --no-trace-viewer is given. Ctrl-C (or TERM) stops every process it started, then the
#      broker (unless the broker was already running before).
#
# Usage: deploy/scripts/run.sh [--no-build] [--no-demo-data] [--no-trace-viewer]
#
# Data: embedded LiteDB files in <repo>/.data (git-ignored); logs in <repo>/.data/logs/<name>.log.
# Environment (optional):
#   MONGODB_URI                  passed to the services: they then use MongoDB instead of LiteDB
#   OTEL_EXPORTER_OTLP_ENDPOINT  passed to the services and gateway (OpenTelemetry export) instead
#                                of the trace viewer's (with OTEL_EXPORTER_OTLP_PROTOCOL if set)
#   ASPNETCORE_ENVIRONMENT       default Production
#   DECENTWORK_HEALTH_TIMEOUT    seconds to wait for each /health (default 90)
#   DECENTWORK_RABBITMQ_DIR, RABBITMQ_PORT, RABBITMQ_MANAGEMENT_PORT, DECENTWORK_RABBITMQ_NODE
#                                the demo broker (defaults /tmp/decentwork-rabbitmq, 5672, 15672,
#                                decentwork@localhost)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

SOLUTION="DecentWork.slnx"
DATA_DIR="$ROOT/.data"                 # git-ignored
LOG_DIR="$DATA_DIR/logs"
HEALTH_TIMEOUT="${DECENTWORK_HEALTH_TIMEOUT:-90}"
BUILD=1
DEMO_DATA=1
TRACE_VIEWER=1
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    --no-demo-data) DEMO_DATA=0 ;;
    --no-trace-viewer) TRACE_VIEWER=0 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

export DECENTWORK_RABBITMQ_DIR="${DECENTWORK_RABBITMQ_DIR:-/tmp/decentwork-rabbitmq}"
export RABBITMQ_PORT="${RABBITMQ_PORT:-5672}"
export RABBITMQ_MANAGEMENT_PORT="${RABBITMQ_MANAGEMENT_PORT:-15672}"
export DECENTWORK_RABBITMQ_NODE="${DECENTWORK_RABBITMQ_NODE:-decentwork@localhost}"
RMQ="$ROOT/deploy/scripts/rabbitmq.sh"

GATEWAY_GRPC=5000
GATEWAY_HTTP=5080
GATEWAY_MANAGEMENT=5180          # /metrics; the gateway's JSON listener never serves it
# The trace viewer: UI, OTLP/gRPC, OTLP/HTTP (the platform exports over OTLP/HTTP, protobuf).
VIEWER_UI=18888
VIEWER_OTLP_GRPC=18889
VIEWER_OTLP_HTTP=18890
VIEWER_PROJECT="deploy/trace-viewer/TraceViewer.csproj"
VIEWER_PACKAGE="aspire.dashboard.sdk.linux-x64/13.6.5"   # keep in step with TraceViewer.csproj
IDENTITY_HTTP=5185
IDENTITY_URL="http://127.0.0.1:$IDENTITY_HTTP/"
IDENTITY_PROJECT="services/identity/DecentWork.Identity"
# name | project dir | gRPC port | http port
SERVICES=(
  "programming|services/programming/DecentWork.Programming|5101|5181"
  "coordination|services/coordination/DecentWork.Coordination|5102|5182"
  "partnerships|services/partnerships/DecentWork.Partnerships|5103|5183"
  "training|services/training/DecentWork.Training|5104|5184"
)
GATEWAY_PROJECT="gateway/DecentWork.Gateway"
# The staff portal (Blazor): also reached through the gateway at http://127.0.0.1:$GATEWAY_HTTP/.
PORTAL_HTTP=5090
PORTAL_PROJECT="services/portal/DecentWork.Portal"
DEMO_PROJECT="deploy/demo-data/DecentWork.DemoData"

say() { printf '[run] %s\n' "$*"; }
die() { printf '[run] ERROR: %s\n' "$*" >&2; exit 1; }

# --- process bookkeeping and shutdown --------------------------------------------------------
PIDS=()          # started processes, in start order
NAMES=()
BROKER_OURS=0
STOPPING=0

stop_all() {
  local i pid deadline
  # Newest first: the gateway, then the services, so nothing calls a service already gone.
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    pid="${PIDS[i]}"
    if kill -0 "$pid" 2>/dev/null; then
      say "stopping ${NAMES[i]} (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
    fi
  done
  # ASP.NET Core shuts down gracefully on TERM; give it time, then insist.
  deadline=$((SECONDS + 20))
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    pid="${PIDS[i]}"
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
      say "${NAMES[i]} did not stop in time; killing pid $pid"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  done
  PIDS=(); NAMES=()
  if [[ $BROKER_OURS -eq 1 ]]; then
    BROKER_OURS=0
    "$RMQ" stop || say "could not stop the broker"
  fi
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  STOPPING=1
  stop_all
  say "stopped"
  exit "$rc"
}
trap cleanup EXIT
trap 'echo; say "interrupted"; exit 130' INT
trap 'say "terminated"; exit 143' TERM

# --- helpers ---------------------------------------------------------------------------------
port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# 0 when GET <url> answers 200. curl if present, else a raw HTTP/1.1 request over /dev/tcp.
http_ok() {
  local url="$1"
  if command -v curl >/dev/null 2>&1; then
    [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$url" 2>/dev/null)" == 200 ]]
  else
    local hostport="${url#http://}"; hostport="${hostport%%/*}"
    local path="/${url#http://*/}"
    # shellcheck disable=SC2016  # expanded by the inner bash, on purpose
    timeout 3 bash -c '
      exec 3<>"/dev/tcp/${1%:*}/${1##*:}" || exit 1
      printf "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n" "$2" "$1" >&3
      IFS= read -r status <&3; [[ "$status" == HTTP/1.?" 200"* ]]' _ "$hostport" "$path" 2>/dev/null
  fi
}

log_tail() {
  local file="$1"
  echo "----- last 40 lines of ${file#"$ROOT"/} -----" >&2
  tail -n 40 "$file" >&2 2>/dev/null || true
  echo "-----" >&2
}

# The built dll of a project: bin/Release/<tfm>/<Name>.dll, or MSBuild's TargetPath as fallback.
project_dll() {
  local dir="$1" name dll
  name="$(basename "$dir")"
  # shellcheck disable=SC2012  # newest first; project paths have no odd characters
  dll="$(ls -t "$ROOT/$dir"/bin/Release/*/"$name.dll" 2>/dev/null | head -n 1 || true)"
  if [[ -z "$dll" ]]; then
    dll="$(dotnet msbuild "$ROOT/$dir/$name.csproj" -nologo -getProperty:TargetPath -p:Configuration=Release 2>/dev/null || true)"
  fi
  [[ -n "$dll" && -f "$dll" ]] || die "no build output for $dir (expected $dir/bin/Release/<tfm>/$name.dll); run without --no-build"
  printf '%s\n' "$dll"
}

# start <name> <project dir> VAR=value...   Runs the built dll in the background, from its output
# folder so that its appsettings*.json are found, with the given environment; logs to LOG_DIR.
start() {
  local name="$1" dir="$2"; shift 2
  local dll log
  dll="$(project_dll "$dir")"
  log="$LOG_DIR/$name.log"
  [[ -f "$log" ]] && mv -f "$log" "$log.prev"    # keep one previous run's log
  printf '===== %s starting %s =====\n' "$(date -Is)" "$name" >"$log"
  (
    cd "$(dirname "$dll")"
    unset ASPNETCORE_URLS ASPNETCORE_HTTP_PORTS ASPNETCORE_HTTPS_PORTS   # Kestrel endpoints below decide
    exec env "$@" dotnet "$dll"
  ) >>"$log" 2>&1 &
  PIDS+=("$!")
  NAMES+=("$name")
  say "started $name (pid $!, log ${log#"$ROOT"/})"
}

wait_healthy() {
  local name="$1" url="$2" pid="$3" deadline=$((SECONDS + HEALTH_TIMEOUT))
  until http_ok "$url"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log_tail "$LOG_DIR/$name.log"
      die "$name exited during start-up (log above: .data/logs/$name.log)"
    fi
    if ((SECONDS >= deadline)); then
      log_tail "$LOG_DIR/$name.log"
      die "$name did not answer 200 on $url within ${HEALTH_TIMEOUT}s (log above: .data/logs/$name.log)"
    fi
    sleep 0.5
  done
  say "$name healthy ($url)"
}

# --- 0. tools and ports ----------------------------------------------------------------------
command -v dotnet >/dev/null 2>&1 || die "'dotnet' was not found on PATH; install the .NET SDK (see global.json)"
ports=("$GATEWAY_GRPC" "$GATEWAY_HTTP" "$GATEWAY_MANAGEMENT" "$IDENTITY_HTTP" "$PORTAL_HTTP")
[[ -z "${OTEL_EXPORTER_OTLP_ENDPOINT:-}" && $TRACE_VIEWER -eq 1 ]] || TRACE_VIEWER=0
[[ $TRACE_VIEWER -eq 1 ]] && ports+=("$VIEWER_UI" "$VIEWER_OTLP_GRPC" "$VIEWER_OTLP_HTTP")
for entry in "${SERVICES[@]}"; do IFS='|' read -r _ _ g h <<<"$entry"; ports+=("$g" "$h"); done
for port in "${ports[@]}"; do
  port_open "$port" && die "port $port is already in use (is another run.sh still running? 'ss -ltnp | grep :$port')"
done
mkdir -p "$LOG_DIR"

# --- 1. broker -------------------------------------------------------------------------------
if "$RMQ" status >/dev/null 2>&1; then
  say "RabbitMQ node $DECENTWORK_RABBITMQ_NODE already running; using it (it will be left running)"
else
  "$RMQ" install
  BROKER_OURS=1
  "$RMQ" start
fi
eval "$("$RMQ" env)"

# --- 2. build --------------------------------------------------------------------------------
if [[ $BUILD -eq 1 ]]; then
  say "building $SOLUTION (Release)"
  dotnet build "$SOLUTION" -c Release -nologo -v quiet || die "build failed"
fi

# --- 2b. trace viewer ------------------------------------------------------------------------
if [[ $TRACE_VIEWER -eq 1 ]]; then
  say "restoring the trace viewer (Aspire Dashboard) into the NuGet cache"
  dotnet restore "$VIEWER_PROJECT" -nologo -v quiet >/dev/null || die "could not restore $VIEWER_PROJECT (the Aspire Dashboard package)"
  packages="$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: *//p')"
  viewer="${packages%/}/$VIEWER_PACKAGE/tools/Aspire.Dashboard"
  [[ -x "$viewer" ]] || die "no trace viewer at $viewer after the restore"
  viewer_log="$LOG_DIR/trace-viewer.log"
  [[ -f "$viewer_log" ]] && mv -f "$viewer_log" "$viewer_log.prev"
  # Anonymous access, so loopback only; it keeps telemetry in memory until it stops.
  (
    cd "$(dirname "$viewer")"
    exec env ASPNETCORE_URLS="http://127.0.0.1:$VIEWER_UI" \
      ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="http://127.0.0.1:$VIEWER_OTLP_GRPC" \
      ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL="http://127.0.0.1:$VIEWER_OTLP_HTTP" \
      ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true DOTNET_CLI_TELEMETRY_OPTOUT=1 "$viewer"
  ) >"$viewer_log" 2>&1 &
  PIDS+=("$!")
  NAMES+=("trace-viewer")
  say "started trace-viewer (pid $!, log ${viewer_log#"$ROOT"/})"
  deadline=$((SECONDS + HEALTH_TIMEOUT))
  until port_open "$VIEWER_OTLP_HTTP"; do
    kill -0 "${PIDS[-1]}" 2>/dev/null || { log_tail "$viewer_log"; die "the trace viewer exited during start-up"; }
    ((SECONDS < deadline)) || { log_tail "$viewer_log"; die "the trace viewer did not open its OTLP port within ${HEALTH_TIMEOUT}s"; }
    sleep 0.5
  done
  export OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$VIEWER_OTLP_HTTP"
  export OTEL_EXPORTER_OTLP_PROTOCOL="http/protobuf"
fi

# --- 3. identity, services, then gateway -----------------------------------------------------
# Demo accounts: one of every role, secrets generated on first start and kept (mode 600) in
# .data/identity/demo-credentials.json, which deploy/scripts/token.sh reads.
otlp_env=()
[[ -n "${OTEL_EXPORTER_OTLP_ENDPOINT:-}" ]] && otlp_env+=("OTEL_EXPORTER_OTLP_ENDPOINT=$OTEL_EXPORTER_OTLP_ENDPOINT")
[[ -n "${OTEL_EXPORTER_OTLP_PROTOCOL:-}" ]] && otlp_env+=("OTEL_EXPORTER_OTLP_PROTOCOL=$OTEL_EXPORTER_OTLP_PROTOCOL")
start identity "$IDENTITY_PROJECT" "${otlp_env[@]}" \
  "ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production}" \
  "Kestrel__Endpoints__Http__Url=http://127.0.0.1:$IDENTITY_HTTP" \
  "Identity__Issuer=$IDENTITY_URL" \
  "Identity__DataFolder=$DATA_DIR/identity" \
  "Identity__DemoAccounts=true"
wait_healthy identity "http://127.0.0.1:$IDENTITY_HTTP/health" "${PIDS[-1]}"

export_common=(
  "Identity__Authority=$IDENTITY_URL"
  "Storage__DataFolder=$DATA_DIR"
  "ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production}"
)
[[ -n "${MONGODB_URI:-}" ]] && export_common+=("MONGODB_URI=$MONGODB_URI") && say "MONGODB_URI set: services use MongoDB"
export_common+=("${otlp_env[@]}")

service_pids=()
for entry in "${SERVICES[@]}"; do
  IFS='|' read -r name dir grpc http <<<"$entry"
  # Each service on a broker account of its own, with only the permissions it needs.
  start "$name" "$dir" "${export_common[@]}" "RABBITMQ_URI=$("$RMQ" service-uri "$name")" \
    "Kestrel__Endpoints__Grpc__Url=http://127.0.0.1:$grpc" \
    "Kestrel__Endpoints__Http__Url=http://127.0.0.1:$http"
  service_pids+=("${PIDS[-1]}")
done
i=0
for entry in "${SERVICES[@]}"; do
  IFS='|' read -r name dir grpc http <<<"$entry"
  wait_healthy "$name" "http://127.0.0.1:$http/health" "${service_pids[i]}"
  i=$((i + 1))
done

gateway_env=(
  "ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production}"
  "Identity__Authority=$IDENTITY_URL"
  "Kestrel__Endpoints__Grpc__Url=http://127.0.0.1:$GATEWAY_GRPC"
  "Kestrel__Endpoints__Http__Url=http://127.0.0.1:$GATEWAY_HTTP"
  "Kestrel__Endpoints__Management__Url=http://127.0.0.1:$GATEWAY_MANAGEMENT"
  "${otlp_env[@]}"
)
for entry in "${SERVICES[@]}"; do
  IFS='|' read -r name dir grpc http <<<"$entry"
  gateway_env+=("ReverseProxy__Clusters__${name}__Destinations__primary__Address=http://127.0.0.1:$grpc")
done
start gateway "$GATEWAY_PROJECT" "${gateway_env[@]}"
wait_healthy gateway "http://127.0.0.1:$GATEWAY_HTTP/health" "${PIDS[-1]}"

# The portal: signs users in at the identity provider (demo client decentwork-portal), calls only the gateway.
start portal "$PORTAL_PROJECT" "${otlp_env[@]}" \
  "ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production}" \
  "Kestrel__Endpoints__Http__Url=http://127.0.0.1:$PORTAL_HTTP" \
  "Portal__Gateway=http://127.0.0.1:$GATEWAY_HTTP/" \
  "Portal__Authority=$IDENTITY_URL" \
  "Portal__AllowHttp=true"
wait_healthy portal "http://127.0.0.1:$PORTAL_HTTP/health" "${PIDS[-1]}"

# --- 4. demo data ----------------------------------------------------------------------------
if [[ $DEMO_DATA -eq 1 ]]; then
  say "loading demo data through the gateway"
  demo_dll="$(project_dll "$DEMO_PROJECT")"
  demo_log="$LOG_DIR/demo-data.log"
  printf '\n===== %s demo-data =====\n' "$(date -Is)" >>"$demo_log"
  # Foreground, bounded; its output goes to the console and the log.
  if (cd "$(dirname "$demo_dll")" && timeout 300 dotnet "$demo_dll" --gateway "http://127.0.0.1:$GATEWAY_GRPC" \
      --identity "$IDENTITY_URL" --credentials "$DATA_DIR/identity/demo-credentials.json") 2>&1 | tee -a "$demo_log"; then
    say "demo data loaded"
  else
    say "WARNING: the demo-data loader failed (log: .data/logs/demo-data.log); the platform keeps running"
  fi
fi

# --- 5. ready --------------------------------------------------------------------------------
cat <<EOF

DecentWork is running.
  Gateway gRPC (HTTP/2):     http://127.0.0.1:$GATEWAY_GRPC
  Gateway JSON (HTTP/1.1):   http://127.0.0.1:$GATEWAY_HTTP
  Portal (staff web app):    http://127.0.0.1:$GATEWAY_HTTP/ (through the gateway; directly http://127.0.0.1:$PORTAL_HTTP/)
  Identity (OpenID Connect): ${IDENTITY_URL}.well-known/openid-configuration
  RabbitMQ management:       ${RABBITMQ_MANAGEMENT_URI}
  Metrics (Prometheus text): http://127.0.0.1:$GATEWAY_MANAGEMENT/metrics (gateway), http://127.0.0.1:5181/metrics … 5184 (services)
  Logs:                      .data/logs/
Demo accounts (secrets in .data/identity/demo-credentials.json, generated on first run):
EOF
python3 - "$DATA_DIR/identity/demo-credentials.json" <<'PY' || true
import json, sys
for a in json.load(open(sys.argv[1]))["accounts"]:
    countries = a.get("countries") or []
    scope = (" " + (",".join(countries) if len(countries) < 5 else "all countries")) if countries else ""
    partner = " " + a["partner"] if a.get("partner") else ""
    group = " " + a["constituentGroup"] if a.get("constituentGroup") else ""
    print(f"  {a['kind']:6} {a['id']:28} {','.join(a['roles'])}{scope}{partner}{group}")
PY
cat <<EOF
EOF
python3 - "$DATA_DIR/identity/demo-credentials.json" <<'PY' || true
import json, sys
users = {a["id"]: a for a in json.load(open(sys.argv[1]))["accounts"] if a["kind"] == "user"}
for name in ("hq.programme", "kh.office"):
    if name in users:
        print(f"Portal demo login: {name} / {users[name]['password']}  ({', '.join(users[name]['roles'])})")
PY
cat <<EOF
A token for any of them (clients by client credentials, users through the login page):
  deploy/scripts/token.sh hq.programme
Try:
  curl -s -H "authorization: Bearer \$(deploy/scripts/token.sh hq.programme)" 'http://127.0.0.1:$GATEWAY_HTTP/v1/programmes?country=TZA'
Press Ctrl-C to stop everything.
EOF
if [[ $TRACE_VIEWER -eq 1 ]]; then
  say "Traces, metrics and logs of every process: http://127.0.0.1:$VIEWER_UI (trace viewer, loopback only)"
elif [[ -n "${OTEL_EXPORTER_OTLP_ENDPOINT:-}" ]]; then
  say "Telemetry goes to OTEL_EXPORTER_OTLP_ENDPOINT=$OTEL_EXPORTER_OTLP_ENDPOINT"
fi

# Wait until interrupted; if any process dies on its own, say which and shut the rest down.
while true; do
  wait -n "${PIDS[@]}" 2>/dev/null || true
  [[ $STOPPING -eq 1 ]] && break
  for i in "${!PIDS[@]}"; do
    if ! kill -0 "${PIDS[i]}" 2>/dev/null; then
      log_tail "$LOG_DIR/${NAMES[i]}.log"
      die "${NAMES[i]} (pid ${PIDS[i]}) exited unexpectedly; stopping everything"
    fi
  done
done
