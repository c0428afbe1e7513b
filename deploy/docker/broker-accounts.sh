#!/bin/sh
# One-shot for docker-compose.yml: gives each DecentWork service a RabbitMQ account of its own
# through the management HTTP API, with the same permissions as deploy/scripts/rabbitmq.sh's
# cmd_service_uri (keep the two in step), and deletes guest should an old broker state have it.
# Idempotent: an existing account gets its password reset to the one in the environment.
# POSIX sh: it runs in the curlimages/curl image (busybox, no bash, no jq).
#
# Environment: RABBITMQ_MANAGEMENT_URL (default http://rabbitmq:15672), RABBITMQ_ADMIN_USER
# (default decentwork-admin), RABBITMQ_ADMIN_PASSWORD and RABBITMQ_<SERVICE>_PASSWORD for
# programming, coordination, partnerships, training (from .env: deploy/scripts/compose-env.sh).
set -eu

url="${RABBITMQ_MANAGEMENT_URL:-http://rabbitmq:15672}"
admin="${RABBITMQ_ADMIN_USER:-decentwork-admin}"
: "${RABBITMQ_ADMIN_PASSWORD:?is not set (run deploy/scripts/compose-env.sh)}"

log() { echo "broker-accounts: $*" >&2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Credentials go through files (curl -K, --data-binary @), not the command line.
umask 077
printf 'user = "%s:%s"\n' "$admin" "$RABBITMQ_ADMIN_PASSWORD" >"$work/auth"

# api METHOD PATH [BODY]: prints the HTTP status code (000 when there was no answer).
api() {
  if [ $# -ge 3 ]; then
    printf '%s' "$3" >"$work/body"
    set -- "$1" "$2" --data-binary "@$work/body" -H 'content-type: application/json'
  fi
  m="$1" p="$2"; shift 2
  curl -sS -o "$work/out" -w '%{http_code}' -K "$work/auth" -X "$m" "$@" "$url$p" 2>"$work/err" || true
}

# The management API comes up a little after the AMQP port the health check looks at.
tries=0
while :; do
  code="$(api GET /api/overview)"
  case "$code" in
    200) break ;;
    401) log "$admin was refused: the broker keeps an older state (other admin password, or guest only); 'docker compose down -v' and up again"; exit 1 ;;
  esac
  tries=$((tries + 1))
  [ "$tries" -lt 60 ] || { log "no management API at $url (last: $code $(cat "$work/err"))"; exit 1; }
  sleep 2
done

# Same regexes as cmd_service_uri; backslashes doubled for JSON.
events='DecentWork\\.Contracts\\.Events\\.'
bus='^[^:]*_bus_[^:]*$'

account() { # service Context password
  user="decentwork-$1" own="^$1-.*"
  [ -n "$3" ] || { log "no password for $user (run deploy/scripts/compose-env.sh)"; exit 1; }
  case "$3" in *[!A-Za-z0-9]*) log "the password of $user must be alphanumeric (it goes into JSON and a URI)"; exit 1 ;; esac
  code="$(api PUT "/api/users/$user" "{\"password\":\"$3\",\"tags\":\"\"}")"
  case "$code" in 201|204) ;; *) log "creating $user: HTTP $code $(cat "$work/out")"; exit 1 ;; esac
  code="$(api PUT "/api/permissions/%2F/$user" \
    "{\"configure\":\"$own|^$events.*|$bus\",\"write\":\"$own|^$events$2:.*|$bus\",\"read\":\"$own|^$events.*|$bus\"}")"
  case "$code" in 201|204) ;; *) log "permissions of $user: HTTP $code $(cat "$work/out")"; exit 1 ;; esac
  log "$user ready"
}

account programming Programming "${RABBITMQ_PROGRAMMING_PASSWORD:-}"
account coordination Coordination "${RABBITMQ_COORDINATION_PASSWORD:-}"
account partnerships Partnerships "${RABBITMQ_PARTNERSHIPS_PASSWORD:-}"
account training Training "${RABBITMQ_TRAINING_PASSWORD:-}"

code="$(api DELETE /api/users/guest)"
case "$code" in
  204) log "guest deleted" ;;
  404) ;;
  *) log "deleting guest: HTTP $code $(cat "$work/out")"; exit 1 ;;
esac
