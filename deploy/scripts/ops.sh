#!/usr/bin/env bash
# The operator's command: the OperationsService of one service, through the gateway's JSON
# listener, with a token of an account holding the operations role (default the demo client
# ops-monitor; deploy/scripts/token.sh gets it). Every change is recorded by the service.
#
#   deploy/scripts/ops.sh <service> status                      queues (waiting, parked), outbox, retries, faults
#   deploy/scripts/ops.sh <service> errors <queue> [n]          the parked messages of <queue>_error
#   deploy/scripts/ops.sh <service> show <queue> <message-id>   one parked message with its body and fault
#   deploy/scripts/ops.sh <service> replay <queue> <message-id> [reason]
#   deploy/scripts/ops.sh <service> discard <queue> <message-id> <reason>
#   deploy/scripts/ops.sh <service> actions                     the recorded operator actions, newest first
#   deploy/scripts/ops.sh <service> backup                      copy the embedded store while it runs
#   deploy/scripts/ops.sh <service> restore <backup-file>       put a backup back (the service must be stopped)
#   deploy/scripts/ops.sh reconcile                             every cross-service copy against its source: drift per programme
#
# <service>: programming, coordination, partnerships or training.
# Env: DECENTWORK_GATEWAY (default http://127.0.0.1:5080), DECENTWORK_OPERATOR (default ops-monitor),
#      DECENTWORK_DATA (the services' Storage__DataFolder, default <repo>/.data; for restore).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
gateway="${DECENTWORK_GATEWAY:-http://127.0.0.1:5080}"
operator="${DECENTWORK_OPERATOR:-ops-monitor}"
data="${DECENTWORK_DATA:-$root/.data}"

fail() { echo "ops.sh: $*" >&2; exit 2; }
[[ $# -ge 2 || "${1:-}" == reconcile ]] || { sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
if [[ "$1" == reconcile ]]; then set -- all reconcile; fi
service="$1"; command="$2"; shift 2
case "$service" in programming|coordination|partnerships|training) ;; all) [[ "$command" == reconcile ]] || fail "unknown service: $service" ;; *) fail "unknown service: $service" ;; esac

json() { python3 -c 'import json,sys; print(json.dumps(dict(zip(sys.argv[1::2], sys.argv[2::2]))))' "$@"; }
call() {
  local method="$1" path="$2" body="${3:-}"
  local token; token="$("$root/deploy/scripts/token.sh" "$operator")"
  curl -sS --fail-with-body -X "$method" "$gateway/v1/operations/$service$path" \
    -H "authorization: Bearer $token" ${body:+-H 'content-type: application/json' -d "$body"}
  echo
}
need() { [[ -n "${1:-}" ]] || fail "$command needs: $2"; }

case "$command" in
  status) call GET /messaging ;;
  errors) need "${1:-}" "<queue>"; call GET "/queues/$1/errors?pageSize=${2:-50}" ;;
  show) need "${2:-}" "<queue> <message-id>"; call GET "/queues/$1/errors/$2" ;;
  replay) need "${2:-}" "<queue> <message-id>"; call POST "/queues/$1/errors/$2:replay" "$(json reason "${3:-}")" ;;
  discard) need "${3:-}" "<queue> <message-id> <reason>"; call POST "/queues/$1/errors/$2:discard" "$(json reason "$3")" ;;
  actions) call GET /actions ;;
  backup) call POST ":backup" '{}' ;;
  restore)
    need "${1:-}" "<backup-file>"
    [[ -f "$1" ]] || fail "no such file: $1"
    # A restore replaces the store under a stopped service only: LiteDB holds the file while it runs.
    if fuser "$data/$service.db" >/dev/null 2>&1; then fail "$data/$service.db is open: stop the $service service first"; fi
    [[ -f "$data/$service.db" ]] && mv "$data/$service.db" "$data/$service.db.before-restore-$(date -u +%Y%m%dT%H%M%SZ)"
    rm -f "$data/$service-log.db"
    cp "$1" "$data/$service.db"
    echo "restored $1 as $data/$service.db (the previous file kept beside it); start the service again" ;;
  reconcile)
    # Each service's figures (source or copy), then one comparison; exit 1 when anything drifted.
    answers="$(mktemp -d)"; trap 'rm -rf "$answers"' EXIT
    for service in partnerships training programming; do call GET /reconciliation-figures > "$answers/$service.json"; done
    python3 "$root/deploy/scripts/reconcile.py" "$answers"/*.json ;;
  *) fail "unknown command: $command" ;;
esac
