#!/usr/bin/env bash
# The browser workbench's speed (issue 4), measured in headless Chromium driven with Selenium.
#
#   bench/workbench.sh [--dist DIR] [--runs N] [--toggles M] [--quiet-wait S]
#
# --runs N: loads of the home view measured (default 30), --toggles M: disable/enable pairs of
# the example module (default 20); --quiet-wait S: first wait up to S seconds for an idle machine.
#
# Starts a private copy of the built distribution (default: distribution/target/nadi-*/) with an
# empty data directory on a free port of 127.0.0.1, signs the browser in, and runs
# WorkbenchBenchmark from the distribution's test classes, which prints:
#   - the time from navigation start to the shell's performance mark 'nadi:home-rendered' (home
#     fully rendered), read with the Navigation Timing API: median, p95; target median <= 300 ms;
#   - the shell's own assets (/ and the /shell/ files the page loaded) fetched with gzip; target
#     <= 150 KB in all;
#   - from a REST call that disables or enables 'example' to the moment a MutationObserver in the
#     open page saw the Notes entry leave or enter the navigation; target median <= 500 ms, max <= 2 s.
# Needs a build with 'mvn -B -q install -DskipTests' (Maven then knows the test classpath), a JDK,
# curl, chromium and chromium-driver. Exit status: 0 when everything was measured (whether or not
# the targets were met), 1 when the runtime or the browser failed, 2 on bad usage or a missing tool.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
RUNS=30
TOGGLES=20
QUIET_WAIT=0
DIST=""

usage() { sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) DIST=${2:?--dist needs a folder}; shift 2 ;;
    --runs) RUNS=${2:?--runs needs a number}; shift 2 ;;
    --toggles) TOGGLES=${2:?--toggles needs a number}; shift 2 ;;
    --quiet-wait) QUIET_WAIT=${2:?--quiet-wait needs seconds}; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done
[[ $RUNS =~ ^[0-9]+$ && $RUNS -ge 1 && $TOGGLES =~ ^[0-9]+$ && $TOGGLES -ge 1 && $QUIET_WAIT =~ ^[0-9]+$ ]] \
  || { echo "--runs, --toggles and --quiet-wait take positive numbers" >&2; exit 2; }

missing=""
command -v curl >/dev/null 2>&1 || missing+=" curl"
command -v mvn >/dev/null 2>&1 || missing+=" mvn (apt-get install maven)"
if [ -n "${JAVA_HOME:-}" ]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=$(command -v java || true); fi
[ -x "${JAVA:-}" ] || missing+=" java (apt-get install openjdk-17-jdk-headless)"
[ -x /usr/bin/chromium ] || missing+=" /usr/bin/chromium (apt-get install chromium)"
[ -x /usr/bin/chromedriver ] || missing+=" /usr/bin/chromedriver (apt-get install chromium-driver)"
if [ -n "$missing" ]; then echo "workbench: missing:$missing" >&2; exit 2; fi

. "$HERE/common.sh"
bench_distribution
TEST_CLASSES="$ROOT/distribution/target/test-classes"
[ -f "$TEST_CLASSES/org/nadi/platform/distribution/WorkbenchBenchmark.class" ] \
  || { echo "no compiled WorkbenchBenchmark in $TEST_CLASSES: run 'mvn -B -q install -DskipTests' first" >&2; exit 2; }
bench_workspace

fail() { echo "workbench: $*" >&2; exit 1; }

# Selenium and the rest of the distribution's test classpath, as Maven resolves it.
(cd "$ROOT" && { mvn -q -o -pl distribution dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath" \
  || mvn -q -pl distribution dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath"; }) >"$WORK/mvn.log" 2>&1 \
  || { cat "$WORK/mvn.log" >&2; echo "workbench: Maven could not give the test classpath: run 'mvn -B -q install -DskipTests' first" >&2; exit 2; }

cp -r "$DIST" "$WORK/nadi"
rm -rf "$WORK/nadi/data"
PORT=$(free_port) || fail "no free port found"
BASE="http://127.0.0.1:$PORT"
NADI_ADMIN_PASSWORD="$BENCH_ADMIN_PASSWORD" "$WORK/nadi/bin/nadi" --port "$PORT" >"$WORK/nadi.log" 2>&1 </dev/null &
RUNNING=$!
for _ in $(seq 1 600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/api/v1/health" || true)" = 200 ] && break
  kill -0 "$RUNNING" 2>/dev/null || { cat "$WORK/nadi.log" >&2; fail "the runtime exited before it was ready"; }
  sleep 0.1
done
[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/api/v1/health" || true)" = 200 ] \
  || { tail -30 "$WORK/nadi.log" >&2; fail "the runtime was not healthy within 60 s"; }
TOKEN=$(bench_token "$BASE") || fail "could not sign in"

if [ "$QUIET_WAIT" -gt 0 ]; then wait_for_quiet; fi
echo "workbench benchmark: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), CPUs $(busy_percent)% busy before the run"
echo "distribution: $DIST; runs $RUNS, toggles $TOGGLES"

NADI_BENCH_PASSWORD="$BENCH_ADMIN_PASSWORD" NADI_BENCH_TOKEN="$TOKEN" \
  "$JAVA" -Dnadi.test.classes="$TEST_CLASSES" -cp "$TEST_CLASSES:$(cat "$WORK/classpath")" \
  org.nadi.platform.distribution.WorkbenchBenchmark "$BASE" "$RUNS" "$TOGGLES" \
  || { echo "---- the runtime's log:" >&2; tail -30 "$WORK/nadi.log" >&2; fail "the benchmark failed"; }

kill -TERM "$RUNNING" && wait "$RUNNING" 2>/dev/null || true
RUNNING=""
