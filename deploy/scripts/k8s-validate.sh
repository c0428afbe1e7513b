#!/usr/bin/env bash
# Renders every Kubernetes overlay (and the base) with kustomize and validates every object
# offline: the Kubernetes schemas (npm kubernetes-models), no unknown fields, the operators'
# custom resources by their CRDs' required fields and types, and the names objects use for each
# other (deploy/k8s/validate/validate.mjs). No cluster is needed. Exit 1 on any invalid manifest.
# The overlays' secretGenerator inputs are git-ignored, so the render runs on a copy with
# throwaway passwords (deploy/scripts/k8s-secrets.sh); nothing is written to the repository.
#
# Usage: deploy/scripts/k8s-validate.sh [k8s dir]     (default deploy/k8s)
# Needs kubectl (with kustomize) and node/npm. Without kubectl it says so and exits 0: it cannot
# be installed from the registries here (NOTES: Debian's kubernetes-client is too old).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
K8S="$(cd "${1:-$ROOT/deploy/k8s}" && pwd)"
VALIDATOR="$ROOT/deploy/k8s/validate"

say() { printf '[k8s-validate] %s\n' "$*"; }
if ! command -v kubectl >/dev/null 2>&1; then
  say "SKIPPED: kubectl not found, so the manifests were NOT rendered or validated"
  exit 0
fi
command -v npm >/dev/null 2>&1 || { say "ERROR: npm (Node.js) not found"; exit 1; }

# npm ci only when the installed packages are missing or older than the lock file (it takes ~30 s).
if [[ ! -f "$VALIDATOR/node_modules/.package-lock.json" || "$VALIDATOR/package-lock.json" -nt "$VALIDATOR/node_modules/.package-lock.json" ]]; then
  (cd "$VALIDATOR" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || { say "ERROR: npm ci in deploy/k8s/validate failed"; exit 1; }
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A copy without any real secret inputs or installed packages.
tar -C "$K8S" --exclude=node_modules --exclude=secrets -cf - . | tar -C "$work" -xf -
mkdir -p "$work/rendered"

# Every overlay (each holds the whole base); the base alone lacks the Secrets, so it is not a target.
targets=()
for overlay in "$work"/overlays/*/; do targets+=("overlays/$(basename "$overlay")"); done
for target in "${targets[@]}"; do
  "$ROOT/deploy/scripts/k8s-secrets.sh" "$work/$target" >/dev/null
  out="$work/rendered/${target//\//-}.yaml"
  if ! kubectl kustomize "$work/$target" >"$out" 2>"$work/kustomize.err"; then
    say "INVALID: kustomize could not render $target:"; sed 's/^/  /' "$work/kustomize.err" >&2
    exit 1
  fi
  say "rendered $target ($(grep -c '^kind:' "$out") objects)"
done

# validate.mjs prints each problem with its file; name the files after the targets.
(cd "$work/rendered" && node "$VALIDATOR/validate.mjs" ./*.yaml) || { say "INVALID manifests (see above)"; exit 1; }
say "OK: every object of ${targets[*]} is valid"
