#!/usr/bin/env bash
# THE test command of DecentWork: lints the gRPC contracts, starts a private RabbitMQ test broker,
# builds the solution and runs every test project, then prints one closing line:
#   Tests: N passed, N failed, N skipped
#
# Usage: deploy/scripts/test.sh [extra dotnet test arguments, e.g. --filter Category!=Slow]
#
# Exit status: 0 only if the build succeeded, dotnet test succeeded, no test failed and at least
# one test ran. Needs: dotnet (SDK per global.json), npm/node (for buf), python3 (result summary),
# apt-get or an installed rabbitmq-server.
#
# Environment seen by the tests (exported here):
#   RABBITMQ_URI                amqp://guest:guest@127.0.0.1:5673/  (the test broker)
#   RABBITMQ_MANAGEMENT_URI     http://127.0.0.1:15673/              (management HTTP API, guest/guest)
#   DECENTWORK_RABBITMQ_SCRIPT  absolute path of rabbitmq.sh; fault tests run
#                               "$DECENTWORK_RABBITMQ_SCRIPT stop-app" / "... start-app" to simulate a
#                               broker outage and its recovery (the variables below select the node)
#   DECENTWORK_RABBITMQ_DIR, RABBITMQ_PORT, RABBITMQ_MANAGEMENT_PORT, DECENTWORK_RABBITMQ_NODE
#   MONGODB_URI                 passed through untouched: when set, MongoDB tests can run against it,
#                               and the "MongoDB leg" step runs the service and end-to-end suites again on it
#   DECENTWORK_REQUIRE_MONGODB=1  a MongoDB leg that cannot run fails the run instead of being reported skipped
# Knobs (optional):
#   DECENTWORK_TEST_PARALLEL=1        run test projects in parallel (default: one after another;
#                                     on 2 cores parallel saved only ~3 s of 45, and sequential keeps
#                                     timing-sensitive and broker-outage tests out of each other's way)
#   DECENTWORK_TEST_TIMEOUT=1200      seconds before the whole dotnet test run is killed
#   DECENTWORK_TEST_HANG_TIMEOUT=5m   a single test running longer than this aborts its project
#   DECENTWORK_TEST_SOLUTION=path     solution to test (default DecentWork.slnx; for trying the script)
# shellcheck disable=SC2317  # (file-wide) the cleanup functions are reached through traps only
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

SOLUTION="${DECENTWORK_TEST_SOLUTION:-DecentWork.slnx}"
RESULTS_DIR="$ROOT/artifacts/test-results"      # artifacts/ is git-ignored
CONSOLE_LOG="$RESULTS_DIR/dotnet-test.log"
TEST_TIMEOUT="${DECENTWORK_TEST_TIMEOUT:-1200}"
HANG_TIMEOUT="${DECENTWORK_TEST_HANG_TIMEOUT:-5m}"
STARTED_AT=$SECONDS

# The test broker: its own node, folder and ports, so it can run beside the demo broker (5672).
export DECENTWORK_RABBITMQ_SCRIPT="$ROOT/deploy/scripts/rabbitmq.sh"
export DECENTWORK_RABBITMQ_DIR=/tmp/decentwork-rabbitmq-test
export RABBITMQ_PORT=5673
export RABBITMQ_MANAGEMENT_PORT=15673
export DECENTWORK_RABBITMQ_NODE=decentwork-test@localhost

# No MSBuild/compiler servers left behind after the run (they would outlive CI and hold files).
export MSBUILDDISABLENODEREUSE="${MSBUILDDISABLENODEREUSE:-1}"
export DOTNET_CLI_USE_MSBUILD_SERVER="${DOTNET_CLI_USE_MSBUILD_SERVER:-0}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

step() { printf '\n==> %s\n' "$*"; }
die() { printf '\nERROR: %s\n' "$*" >&2; exit 1; }

# Kills a process and all its descendants, children first (nothing is left orphaned).
kill_tree() {
  local pid="$1" sig="${2:-TERM}" child
  for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do kill_tree "$child" "$sig"; done
  kill -"$sig" "$pid" 2>/dev/null || true
}

BROKER_UP=0
TEST_PID=""
stop_broker() {
  if [[ $BROKER_UP -eq 1 ]]; then
    BROKER_UP=0
    "$DECENTWORK_RABBITMQ_SCRIPT" stop || echo "WARNING: could not stop the test broker" >&2
  fi
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n "$TEST_PID" ]] && kill -0 "$TEST_PID" 2>/dev/null; then
    echo "Interrupted: stopping dotnet test" >&2
    kill_tree "$TEST_PID" TERM
  fi
  stop_broker
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- prerequisites --------------------------------------------------------------------------
step "Checking tools"
command -v dotnet >/dev/null 2>&1 ||
  die "'dotnet' was not found on PATH. Install the .NET SDK $(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' global.json 2>/dev/null || echo 10) (see global.json) and retry."
command -v npm >/dev/null 2>&1 || die "'npm' (Node.js) was not found on PATH; it is needed for buf (contracts/package.json)."
command -v python3 >/dev/null 2>&1 || die "'python3' was not found on PATH; it is needed to summarise test results."
echo "dotnet $(dotnet --version), node $(node --version), $(python3 --version)"
if [[ -n "${MONGODB_URI:-}" ]]; then
  echo "MONGODB_URI is set: MongoDB tests can run against it."
else
  echo "MONGODB_URI is not set: MongoDB tests run only where Docker is available; otherwise they are skipped (listed below)."
fi

# --- contracts lint (fast to fail, so before anything slow) ----------------------------------
step "Linting gRPC contracts (buf lint)"
(cd contracts && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || die "npm ci in contracts/ failed"
(cd contracts && npx --no-install buf lint) || die "buf lint failed (see above); fix the .proto files under contracts/protos"
echo "buf lint: OK"

# --- Kubernetes manifests (branch k8s): render every overlay, validate offline (~5 s) ---------
step "Validating the Kubernetes manifests (deploy/scripts/k8s-validate.sh)"
"$ROOT/deploy/scripts/k8s-validate.sh" || die "invalid Kubernetes manifests (see above); fix deploy/k8s"
# --- end of the Kubernetes step ---------------------------------------------------------------

# --- partner client on another stack (issue 12) ----------------------------------------------
# The Node gRPC client that PartnerClientNodeTests (end to end) spawns; its packages, from the lock file.
step "Installing the Node partner client (tests/partner-client-node)"
(cd tests/partner-client-node && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || die "npm ci in tests/partner-client-node failed"
echo "partner client: OK"

# --- portal browser tests (branch portal): Debian's Chromium for Playwright (~0 s when present) ---
# tests/DecentWork.Portal.Tests drive /usr/bin/chromium headless; Playwright's own download fails here.
step "Checking Chromium for the portal's browser tests"
if ! command -v chromium >/dev/null 2>&1; then
  { apt-get install -y chromium >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y chromium >/dev/null; }; } ||
    die "could not install chromium (apt-get install -y chromium); the portal's browser tests need it"
fi
echo "$(chromium --version 2>/dev/null || echo chromium): OK"
# --- end of the portal step --------------------------------------------------------------------

# --- test broker -----------------------------------------------------------------------------
step "Starting the RabbitMQ test broker (127.0.0.1:$RABBITMQ_PORT, management $RABBITMQ_MANAGEMENT_PORT)"
# Tests run the script directly (stop-app/start-app); make sure it can be, whatever the checkout.
[[ -x "$DECENTWORK_RABBITMQ_SCRIPT" ]] || chmod +x "$DECENTWORK_RABBITMQ_SCRIPT"
"$DECENTWORK_RABBITMQ_SCRIPT" install
# Start from an empty broker every run: no queues or messages left over from an earlier run.
"$DECENTWORK_RABBITMQ_SCRIPT" stop >/dev/null 2>&1 || true
rm -rf "$DECENTWORK_RABBITMQ_DIR"
BROKER_UP=1
"$DECENTWORK_RABBITMQ_SCRIPT" start
eval "$("$DECENTWORK_RABBITMQ_SCRIPT" env)"
export RABBITMQ_URI RABBITMQ_MANAGEMENT_URI
echo "RABBITMQ_URI=$RABBITMQ_URI RABBITMQ_MANAGEMENT_URI=$RABBITMQ_MANAGEMENT_URI"

# --- build -----------------------------------------------------------------------------------
step "Building $SOLUTION (Release)"
rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"
build_rc=0
dotnet build "$SOLUTION" -c Release -nologo || build_rc=$?

# --- tests -----------------------------------------------------------------------------------
test_rc=0
if [[ $build_rc -eq 0 ]]; then
  parallel_args=(-m:1)
  [[ "${DECENTWORK_TEST_PARALLEL:-0}" == 1 ]] && parallel_args=()
  step "Running tests (timeout ${TEST_TIMEOUT}s, per-test hang timeout $HANG_TIMEOUT)"
  # In the background and awaited, so that Ctrl-C/TERM reach the trap at once; `timeout` bounds
  # the run and signals its whole process group (test hosts included) when it expires.
  (
    set +e
    timeout --kill-after=30 "$TEST_TIMEOUT" \
      dotnet test "$SOLUTION" -c Release --no-build -nologo "${parallel_args[@]}" \
        --logger trx --results-directory "$RESULTS_DIR" \
        --blame-hang-timeout "$HANG_TIMEOUT" --blame-hang-dump-type none \
        "$@" 2>&1 | tee "$CONSOLE_LOG"
    exit "${PIPESTATUS[0]}"
  ) &
  TEST_PID=$!
  wait "$TEST_PID" || test_rc=$?
  TEST_PID=""
  [[ $test_rc -eq 124 ]] && echo "ERROR: dotnet test did not finish within ${TEST_TIMEOUT}s and was killed" >&2
else
  echo "ERROR: build failed (exit $build_rc); no tests were run" >&2
fi

# --- MongoDB leg (branch mongo): the service and end-to-end suites again, on MongoDB ------------
# Only where a server exists (MONGODB_URI, or Docker for Testcontainers); the fixtures select it
# with DECENTWORK_TEST_STORE=mongo. Without one the summary says so, and with
# DECENTWORK_REQUIRE_MONGODB=1 that is a failure.
mongo_rc=0
MONGO_LEG_NOTE=""
if [[ $build_rc -eq 0 && $test_rc -eq 0 ]]; then
  if [[ -n "${MONGODB_URI:-}" ]] || timeout 10 docker info >/dev/null 2>&1; then
    step "MongoDB leg: service and end-to-end suites on MongoDB (DECENTWORK_TEST_STORE=mongo)"
    for project in tests/DecentWork.{Programming,Partnerships,Coordination,Training,EndToEnd}.Tests; do
      DECENTWORK_TEST_STORE=mongo timeout --kill-after=30 "$TEST_TIMEOUT" \
        dotnet test "$project" -c Release --no-build -nologo \
          --logger "trx;LogFilePrefix=mongo" --results-directory "$RESULTS_DIR" \
          --blame-hang-timeout "$HANG_TIMEOUT" --blame-hang-dump-type none "$@" 2>&1 | tee -a "$CONSOLE_LOG" || mongo_rc=1
    done
  elif [[ "${DECENTWORK_REQUIRE_MONGODB:-0}" == 1 ]]; then
    echo "ERROR: DECENTWORK_REQUIRE_MONGODB=1, but there is no MongoDB server: set MONGODB_URI or make Docker available" >&2
    mongo_rc=1
  else
    MONGO_LEG_NOTE="MongoDB leg did not run: MONGODB_URI is not set and no Docker engine (service and end-to-end suites ran on the embedded store only)"
  fi
fi
# --- end of the MongoDB leg ----------------------------------------------------------------------

# The broker goes down before the summary so the closing line really is the last one printed.
step "Stopping the test broker"
stop_broker

# --- summary ---------------------------------------------------------------------------------
step "Summary"
counts_file="$RESULTS_DIR/counts.txt"
python3 "$ROOT/deploy/scripts/test-summary.py" --trx-dir "$RESULTS_DIR" --console-log "$CONSOLE_LOG" \
  --counts "$counts_file" || echo "0 0 0" >"$counts_file"
read -r passed failed skipped <"$counts_file"

status=0
if [[ $build_rc -ne 0 ]]; then
  echo "FAILED: build failed (exit $build_rc)"; status=1
elif [[ $test_rc -ne 0 ]]; then
  echo "FAILED: dotnet test exited with $test_rc"; status=1
fi
if [[ $failed -gt 0 ]]; then
  echo "FAILED: $failed test(s) failed"; status=1
fi
if [[ $mongo_rc -ne 0 ]]; then
  echo "FAILED: the MongoDB leg failed or could not run (see above)"; status=1
fi
[[ -n "$MONGO_LEG_NOTE" ]] && echo "$MONGO_LEG_NOTE"
if [[ $build_rc -eq 0 && $((passed + failed)) -eq 0 ]]; then
  echo "FAILED: no test ran"; status=1
fi
echo "Trx reports and the console log: ${RESULTS_DIR#"$ROOT"/} ($((SECONDS - STARTED_AT))s in all)"
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
