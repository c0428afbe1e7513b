#!/usr/bin/env bash
# Container health check for the DecentWork services and gateway: GET /health on the service's
# HTTP/1.1 port and succeed only on "200". The aspnet base image has neither curl nor wget, so
# this speaks HTTP over bash's /dev/tcp (needs bash: use a non-chiseled base image).
#
# Usage: healthcheck.sh [URL]
#   URL defaults to $HEALTHCHECK_URL, else to <Kestrel__Endpoints__Http__Url>/health with a
#   wildcard host (0.0.0.0, +, *, [::]) replaced by 127.0.0.1.
set -euo pipefail

url="${1:-${HEALTHCHECK_URL:-}}"
if [[ -z "$url" ]]; then
  base="${Kestrel__Endpoints__Http__Url:-http://127.0.0.1:8080}"
  url="${base%/}/health"
fi

rest="${url#http://}"                 # host:port/path
hostport="${rest%%/*}"
path="/${rest#*/}"
[[ "$rest" == */* ]] || path="/"
host="${hostport%:*}"
port="${hostport##*:}"
[[ "$hostport" == *:* ]] || port=80
case "$host" in 0.0.0.0|'*'|+|'[::]'|'') host=127.0.0.1 ;; esac

exec 3<>"/dev/tcp/$host/$port"
printf 'GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n' "$path" "$hostport" >&3
IFS= read -r -t 5 status <&3 || { echo "no response from $url" >&2; exit 1; }
status="${status%$'\r'}"
if [[ "$status" == HTTP/1.?" 200"* ]]; then
  exit 0
fi
echo "unhealthy: $url answered '$status'" >&2
exit 1
