#!/usr/bin/env bash
# Idle resident memory of identity, the four services and the gateway, each started from its
# Release build output as the run command starts it (Production, its own folder's appsettings),
# on free loopback ports, with empty stores in a temporary folder and this shell's broker. Once
# every process answers /health it waits --settle seconds and prints VmRSS from /proc/<pid>/status
# with its parts (anonymous memory: GC heaps and native allocations; file: mapped assemblies and
# libraries; shmem: the runtime's double-mapped JIT code), then stops the processes it started. NAME=VALUE arguments are added to every process's
# environment, so one setting can be varied at a time, e.g.
#   deploy/scripts/idle-rss.sh DOTNET_gcServer=0
#   deploy/scripts/idle-rss.sh DOTNET_GCConserveMemory=5
# Needs a build (dotnet build DecentWork.slnx -c Release) and RABBITMQ_URI
# (deploy/scripts/rabbitmq.sh start; eval "$(deploy/scripts/rabbitmq.sh env)"). It never uses the
# run command's ports, so it can run beside the platform.
# Usage: deploy/scripts/idle-rss.sh [--settle SECONDS] [NAME=VALUE ...]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SETTLE=20
EXTRA=()
while (($#)); do
  case "$1" in
    --settle) SETTLE="$2"; shift 2 ;;
    *=*) EXTRA+=("$1"); shift ;;
    *) echo "unknown argument: $1 (try reading the header of $0)" >&2; exit 2 ;;
  esac
done
: "${RABBITMQ_URI:?set it with: eval \"\$(deploy/scripts/rabbitmq.sh env)\"}"

WORK="$(mktemp -d -t decentwork-idle-rss.XXXXXX)"
PIDS=()
NAMES=()
stop_all() {
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap stop_all EXIT

# A port nothing listens on now (the kernel's pick for an ephemeral bind).
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

start() {
  local name="$1" dir="$2"; shift 2
  local dll="$ROOT/$dir/bin/Release/net10.0/$(basename "$dir").dll"
  [[ -f "$dll" ]] || { echo "no build output $dll; build in Release first" >&2; exit 1; }
  (
    cd "$(dirname "$dll")"
    unset ASPNETCORE_URLS ASPNETCORE_HTTP_PORTS ASPNETCORE_HTTPS_PORTS
    exec env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning "$@" "${EXTRA[@]}" dotnet "$dll"
  ) >"$WORK/$name.log" 2>&1 &
  PIDS+=("$!")
  NAMES+=("$name")
}

healthy() { [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$1" 2>/dev/null)" == 200 ]]; }

wait_healthy() {
  local name="$1" url="$2" pid="$3" deadline=$((SECONDS + 180))
  until healthy "$url"; do
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$WORK/$name.log" >&2; echo "$name exited" >&2; exit 1; }
    ((SECONDS < deadline)) || { tail -n 30 "$WORK/$name.log" >&2; echo "$name not healthy in 180 s" >&2; exit 1; }
    sleep 0.5
  done
}

identity_http="$(free_port)"
identity_url="http://127.0.0.1:$identity_http/"
start identity services/identity/DecentWork.Identity "Kestrel__Endpoints__Http__Url=http://127.0.0.1:$identity_http" \
  "Identity__Issuer=$identity_url" "Identity__DataFolder=$WORK/identity" "Identity__DemoAccounts=true"
wait_healthy identity "${identity_url}health" "${PIDS[-1]}"

declare -A GRPC HTTP
gateway_env=()
for entry in programming:services/programming/DecentWork.Programming coordination:services/coordination/DecentWork.Coordination \
             partnerships:services/partnerships/DecentWork.Partnerships training:services/training/DecentWork.Training; do
  name="${entry%%:*}"
  GRPC[$name]="$(free_port)"
  HTTP[$name]="$(free_port)"
  start "$name" "${entry#*:}" "Identity__Authority=$identity_url" "Storage__DataFolder=$WORK/data" "RABBITMQ_URI=$RABBITMQ_URI" \
    "Kestrel__Endpoints__Grpc__Url=http://127.0.0.1:${GRPC[$name]}" "Kestrel__Endpoints__Http__Url=http://127.0.0.1:${HTTP[$name]}"
  gateway_env+=("ReverseProxy__Clusters__${name}__Destinations__primary__Address=http://127.0.0.1:${GRPC[$name]}")
done
for i in 1 2 3 4; do wait_healthy "${NAMES[i]}" "http://127.0.0.1:${HTTP[${NAMES[i]}]}/health" "${PIDS[i]}"; done

gateway_http="$(free_port)"
start gateway gateway/DecentWork.Gateway "Identity__Authority=$identity_url" "Kestrel__Endpoints__Grpc__Url=http://127.0.0.1:$(free_port)" \
  "Kestrel__Endpoints__Http__Url=http://127.0.0.1:$gateway_http" "Kestrel__Endpoints__Management__Url=http://127.0.0.1:$(free_port)" "${gateway_env[@]}"
wait_healthy gateway "http://127.0.0.1:$gateway_http/health" "${PIDS[-1]}"

sleep "$SETTLE"
echo "idle RSS $SETTLE s after healthy, MB (${EXTRA[*]:-no extra settings}): total (anon / file / shmem)"
for i in "${!PIDS[@]}"; do
  awk -v name="${NAMES[i]}" '/^(VmRSS|RssAnon|RssFile|RssShmem):/ {kb[$1] = $2}
    END {printf "  %-13s %4d (%d / %d / %d)\n", name, kb["VmRSS:"] / 1024, kb["RssAnon:"] / 1024, kb["RssFile:"] / 1024, kb["RssShmem:"] / 1024}' "/proc/${PIDS[i]}/status"
done
