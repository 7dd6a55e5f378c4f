#!/usr/bin/env bash
# Membership query benchmark (issue 5): with 10,000 people and 1,000 institutions in the
# directory, how fast the "members at date" and name-search questions answer over REST.
#
#   bench/membership-queries.sh [--dist DIR] [--requests N] [--warmup N] [--quiet-wait S]
#
# Defaults: 500 measured requests of each query after 200 of warm-up. --quiet-wait S: wait up
# to S seconds for the machine to be idle before measuring (for a shared machine).
#
# Starts a temporary copy of the built distribution (default: distribution/target/nadi-*/) with
# an empty data directory on 127.0.0.1, signs in as admin and makes a token, loads the shipped
# reference data (19 countries, NADI and the EWGs), then through the REST API a generated,
# deterministic directory (the same every run: fixed seed): 1,000 institutions spread over the
# 19 countries, some renamed; their memberships of NADI and of the EWGs with dated periods
# (some ended, some ended and rejoined); 10,000 people with 1 to 3 dated affiliations each and
# names with letters beyond ASCII (Nguyễn, Sơn, Müller, Ōta…). Then, one request at a time on
# one keep-alive connection, it measures each query (every answer must be 200):
#   - GET /api/v1/membership/memberships?body=nadi&at=2024-09-18
#   - GET /api/v1/membership/institutions?body=nadi&at=2024-09-18
#   - GET /api/v1/membership/people?q=nguyễn        (a family name: a few hundred people)
#   - GET /api/v1/membership/people?q=ōta%20mai     (one person's name)
#   - GET /api/v1/membership/people?q=an            (a short search: the first 100, the default limit)
#   - GET /api/v1/membership/people?q=an&limit=1000 (the most one request may ask: 400 KB of JSON)
# and prints the median, p95 and p99 of each against the target: p95 <= 20 ms. Exit status 0
# when everything ran (targets met or not), 1 when the runtime failed, 2 on bad usage.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
DIST=""
REQUESTS=500
WARMUP=200
QUIET_WAIT=0
TARGET_P95_MS=20
DAY=2024-09-18

usage() { sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) DIST=${2:?--dist needs a folder}; shift 2 ;;
    --requests) REQUESTS=${2:?--requests needs a number}; shift 2 ;;
    --warmup) WARMUP=${2:?--warmup needs a number}; shift 2 ;;
    --quiet-wait) QUIET_WAIT=${2:?--quiet-wait needs seconds}; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done
[[ $REQUESTS =~ ^[0-9]+$ && $REQUESTS -ge 20 && $WARMUP =~ ^[0-9]+$ && $QUIET_WAIT =~ ^[0-9]+$ ]] \
  || { echo "--requests takes a number of at least 20, --warmup and --quiet-wait whole numbers" >&2; exit 2; }
command -v curl >/dev/null 2>&1 || { echo "membership-queries: needs curl" >&2; exit 2; }
command -v javac >/dev/null 2>&1 || { echo "membership-queries: needs a JDK (javac)" >&2; exit 2; }

. "$HERE/common.sh"
bench_distribution
bench_workspace

fail() {
  echo "membership-queries: $*" >&2
  if [ -s "$WORK/nadi.log" ]; then echo "---- runtime log (last 20 lines):" >&2; tail -20 "$WORK/nadi.log" >&2; fi
  exit 1
}

cp -r "$DIST" "$WORK/nadi"
rm -rf "$WORK/nadi/data"
sed -i '/^nadi\.http\.host=/d' "$WORK/nadi/conf/nadi.properties"
echo "nadi.http.host=127.0.0.1" >> "$WORK/nadi/conf/nadi.properties"
PORT=$(free_port) || fail "no free port found"
BASE="http://127.0.0.1:$PORT"
NADI_ADMIN_PASSWORD="$BENCH_ADMIN_PASSWORD" "$WORK/nadi/bin/nadi" --port "$PORT" </dev/null >"$WORK/nadi.log" 2>&1 &
RUNNING=$!
for _ in $(seq 1 600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/health" || true)" = 200 ] && break
  kill -0 "$RUNNING" 2>/dev/null || fail "the runtime exited"
  sleep 0.1
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/health" || true)" = 200 ] || fail "the runtime did not answer /api/v1/health"
TOKEN=$(bench_token "$BASE") || fail "could not sign in as admin and make a token"

mkdir -p "$WORK/client"
cp "$HERE/membership-queries/MembershipQueries.java" "$WORK/client/"
javac -nowarn -encoding UTF-8 -d "$WORK/client" "$WORK/client/MembershipQueries.java" || fail "cannot compile the client"
client() { java -Dfile.encoding=UTF-8 -cp "$WORK/client" MembershipQueries "$BASE" "$TOKEN" "$@"; }

echo "NADI membership query benchmark: $DIST"
echo "  machine: $(nproc) CPUs ($(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)), $(awk '/^MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) memory; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "  JVM: $(java -version 2>&1 | awk 'NR==2')"
client load || fail "loading the directory failed"

wait_for_quiet
echo "  measuring: $WARMUP warm-up requests, then $REQUESTS measured, of each query, one at a time on one connection; machine ${BUSY}% busy before, load average $(cut -d' ' -f1 /proc/loadavg)"
client measure "$WARMUP" "$REQUESTS" "$TARGET_P95_MS" \
  "/api/v1/membership/memberships?body=nadi&at=$DAY" \
  "/api/v1/membership/institutions?body=nadi&at=$DAY" \
  "/api/v1/membership/people?q=nguy%E1%BB%85n" \
  "/api/v1/membership/people?q=%C5%8Dta%20mai" \
  "/api/v1/membership/people?q=an" \
  "/api/v1/membership/people?q=an&limit=1000" || fail "measuring failed"

if grep -q " ERROR \| SEVERE " "$WORK/nadi.log"; then
  echo "the runtime logged errors:" >&2
  grep " ERROR \| SEVERE " "$WORK/nadi.log" | head >&2
fi
