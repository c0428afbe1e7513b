#!/usr/bin/env bash
# Checks that the gRPC contracts in the working tree (contracts/protos) do not break clients built
# against an earlier version. Partners (ILO offices, donors, UN agencies) generate their own
# clients from these .proto files and call the gateway over gRPC or JSON, so a removed field, a
# renumbered field, a renamed RPC or a changed type breaks them even when our own C# still
# compiles. Run it before merging any change under contracts/protos.
#
# Usage: deploy/scripts/buf-breaking.sh [GIT_REF]     (default HEAD~1)
#   e.g. deploy/scripts/buf-breaking.sh origin/main
#        deploy/scripts/buf-breaking.sh v1.2.0
# Exit 0: no breaking change (or the ref has no contracts to compare with);
# exit 100: buf found breaking changes (listed above); other non-zero: usage or setup error.
#
# The rules are in contracts/buf.yaml (FILE category for our protos; vendored google protos are
# ignored). Nothing is fetched from the network: the old contracts come from `git archive`.
set -euo pipefail

REF="${1:-HEAD~1}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CONTRACTS="$ROOT/contracts"

die() { echo "buf-breaking: ERROR: $*" >&2; exit 2; }

command -v git >/dev/null || die "git is not installed"
git -C "$ROOT" rev-parse --git-dir >/dev/null 2>&1 || die "$ROOT is not a git repository"
if ! git -C "$ROOT" rev-parse --verify --quiet "$REF^{commit}" >/dev/null; then
  die "git ref '$REF' not found (first commit, or a shallow clone? try: git fetch --deepen=1)"
fi

# The ref may predate the contracts: then there is nothing a partner could have built on.
if ! git -C "$ROOT" cat-file -e "$REF:contracts/protos" 2>/dev/null; then
  echo "buf-breaking: $REF has no contracts/protos; nothing to compare against (OK)."
  exit 0
fi

# buf comes from contracts/package.json (pinned); install it if this is a fresh clone.
BUF="$CONTRACTS/node_modules/.bin/buf"
if [[ ! -x "$BUF" ]]; then
  command -v npm >/dev/null || die "npm is required to install buf (contracts/package.json)"
  (cd "$CONTRACTS" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# Export the old contracts (protos, vendored protos, buf.yaml) exactly as committed at REF.
git -C "$ROOT" archive --format=tar "$REF" contracts | tar -x -C "$WORK"
OLD="$WORK/contracts"
# Only the .proto sources matter; leave out anything else the old tree had.
rm -rf "$OLD/DecentWork.Contracts" "$OLD/node_modules"
# An old tree without buf.yaml (or with a different layout) is compared with today's workspace
# config, so files are matched by the same module-relative paths.
if [[ ! -f "$OLD/buf.yaml" ]]; then
  cp "$CONTRACTS/buf.yaml" "$OLD/buf.yaml"
fi

echo "buf-breaking: comparing contracts/ in the working tree against $REF ($(git -C "$ROOT" rev-parse --short "$REF"))"
cd "$CONTRACTS"
set +e
"$BUF" breaking --against "$OLD"
rc=$?
set -e
if [[ $rc -eq 0 ]]; then
  echo "buf-breaking: no breaking changes."
else
  echo "buf-breaking: breaking changes found (exit $rc). If intended, publish a new package version (e.g. decentwork.<context>.v2) instead of changing v1." >&2
fi
exit "$rc"
