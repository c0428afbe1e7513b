#!/usr/bin/env bash
# Writes the secret inputs of one Kubernetes overlay: <overlay>/secrets/*.env with random
# 32-character alphanumeric passwords (mode 600, git-ignored), which the overlay's secretGenerator
# turns into Secrets at `kubectl apply -k`. Nothing secret is committed.
#   rabbitmq-<service>.env   username=decentwork-<service>, password   (the service's broker account)
#   mongodb-<service>.env    password                                   (the service's MongoDB user)
#   mongodb-admin.env        password                                   (operators' MongoDB user)
# TLS certificates are not made here: prod expects the Secrets identity-tls and gateway-tls
# (kubernetes.io/tls) from the organisation's CA or cert-manager (README "## Kubernetes").
#
# Usage: deploy/scripts/k8s-secrets.sh <overlay dir> [--force]
#   --force  replace existing files (then apply, and `kubectl rollout restart deployment`; the
#            operators pick up the new passwords from the Secrets)
set -euo pipefail

die() { echo "k8s-secrets.sh: $*" >&2; exit 1; }
overlay="${1:-}"
force=false
[[ "${2:-}" == --force ]] && force=true
[[ -n "$overlay" && -f "$overlay/kustomization.yaml" ]] || die "usage: k8s-secrets.sh <overlay dir with kustomization.yaml> [--force]"

password() {
  local pw
  # head closing the pipe makes tr fail with SIGPIPE; only the length matters.
  pw="$(LC_ALL=C tr -dc A-Za-z0-9 </dev/urandom | head -c 32)" || true
  [[ ${#pw} -eq 32 ]] || die "could not read random bytes"
  printf '%s' "$pw"
}

dir="$overlay/secrets"
mkdir -p "$dir"
chmod 700 "$dir"
umask 077
write() { # file content
  if [[ -e "$dir/$1" && $force == false ]]; then echo "kept $dir/$1"; return; fi
  printf '%s\n' "$2" >"$dir/$1"
  echo "wrote $dir/$1"
}
for service in programming coordination partnerships training; do
  write "rabbitmq-$service.env" "username=decentwork-$service
password=$(password)"
  write "mongodb-$service.env" "password=$(password)"
done
write mongodb-admin.env "password=$(password)"
