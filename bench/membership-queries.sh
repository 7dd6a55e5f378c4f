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
. "$HERE/common.sh"
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) REQUESTS=${2:?--requests needs a number}; shift 2 ;;
    --warmup) WARMUP=${2:?--warmup needs a number}; shift 2 ;;
    *) bench_option "$@"; shift "$TAKEN" ;;
  esac
done
[[ $REQUESTS =~ ^[0-9]+$ && $REQUESTS -ge 20 && $WARMUP =~ ^[0-9]+$ ]] \
  || { echo "--requests takes a number of at least 20, --warmup a whole number" >&2; exit 2; }
command -v curl >/dev/null 2>&1 || { echo "membership-queries: needs curl" >&2; exit 2; }
command -v javac >/dev/null 2>&1 || { echo "membership-queries: needs a JDK (javac)" >&2; exit 2; }

bench_distribution
bench_workspace

bench_start_runtime
TOKEN=$(bench_token "$BASE") || fail "could not sign in as admin and make a token"

bench_client "$HERE/membership-queries/MembershipQueries.java"
client() { java -Dfile.encoding=UTF-8 -cp "$CLIENT_CLASSPATH" MembershipQueries "$BASE" "$TOKEN" "$@"; }

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

bench_stop_runtime
if grep -q " ERROR \| SEVERE " "$WORK/nadi.log"; then
  echo "the runtime logged errors:" >&2
  grep " ERROR \| SEVERE " "$WORK/nadi.log" | head >&2
fi
