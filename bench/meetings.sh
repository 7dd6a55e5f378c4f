#!/usr/bin/env bash
# Meetings benchmark (issue 6): with 500 meetings and 20,000 recommendations loaded, the
# recommendation tracker's filtered queries and the loading of one complete meeting over REST.
#
#   bench/meetings.sh [--dist DIR] [--requests N] [--warmup N] [--quiet-wait S] [--jfr FILE]
#                     [--meetings N] [--recommendations N]
#
# Defaults: 500 measured rounds after 100 of warm-up. It builds nothing: build the distribution
# first with 'mvn -B -q package -DskipTests'. --quiet-wait S: wait up to S seconds for the
# machine to be idle before measuring. --jfr FILE: record the runtime during the rounds (warm-up
# included) with Java Flight Recorder (settings=profile) into FILE. --meetings N and
# --recommendations N change the data's size (the targets are for the defaults, 500 and 20000).
#
# Starts a temporary copy of the built distribution (default: distribution/target/nadi-*/) with
# an empty data directory on 127.0.0.1, makes a secretariat and an observer account with the
# administrator's token, and as the secretariat loads membership's reference data, then 500
# generated meetings (bench/meetings/MeetingsBenchmark.java; the same every run: fixed seed, the
# data's "today" 2026-11-22) from 2015 to 2027, each POSTed whole to /api/v1/meetings, oldest
# first: NADI's (annual meetings, meetings, workshops, retreats, conferences) and the EWGs'
# (meetings, exercises, trainings); held ones with their participants by delegation (the
# reference people, or a country's delegation without them), 17 to 33 proceeding items with
# paragraphs, country presentations with lettered recommendations and the meeting's own
# recommendations with their sources (11 to 148 recommendations a meeting); planned ones with
# agenda, programme and participants only. Topics, addressees and follow-up histories are spread
# so that the filters below select from under 1% to 20% of the recommendations. Then about one
# in twenty open recommendations gets a follow-up step at a later NADI meeting, appended with
# POST /api/v1/recommendations/{rid}/history (789 steps with the defaults).
#
# Then, as the observer, one request at a time on one keep-alive connection, every answer a 200,
# it sends in turn, round after round: the floor, GET /api/v1/auth/me (token check, route and a
# small JSON answer: what every request pays); the tracker, GET /api/v1/recommendations, with a
# topic; a topic and a status; a country and a date range; an addressee and a status; a text
# (q), each filter kind cycling through five values; the tracker's first page without a filter;
# GET /api/v1/meetings/{id} of a random meeting; and of the largest. It prints median, p95 and
# max of each against the targets: a tracker query p95 <= 50 ms, a complete meeting p95 <= 20 ms.
# Exit status 0 when everything ran (targets met or not), 1 when the runtime failed, 2 on bad
# usage or a missing tool.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
DIST=""
REQUESTS=500
WARMUP=100
QUIET_WAIT=0
JFR=""
MEETINGS=500
RECOMMENDATIONS=20000
TARGET_TRACKER_P95_MS=50
TARGET_MEETING_P95_MS=20

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; }
. "$HERE/common.sh"
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) REQUESTS=${2:?--requests needs a number}; shift 2 ;;
    --warmup) WARMUP=${2:?--warmup needs a number}; shift 2 ;;
    --jfr) JFR=${2:?--jfr needs a file}; shift 2 ;;
    --meetings) MEETINGS=${2:?--meetings needs a number}; shift 2 ;;
    --recommendations) RECOMMENDATIONS=${2:?--recommendations needs a number}; shift 2 ;;
    *) bench_option "$@"; shift "$TAKEN" ;;
  esac
done
[[ $REQUESTS =~ ^[0-9]+$ && $REQUESTS -ge 20 && $WARMUP =~ ^[0-9]+$ ]] \
  || { echo "--requests takes a number of at least 20, --warmup a whole number" >&2; exit 2; }
[[ $MEETINGS =~ ^[0-9]+$ && $MEETINGS -ge 20 && $RECOMMENDATIONS =~ ^[0-9]+$ && $RECOMMENDATIONS -ge $MEETINGS ]] \
  || { echo "--meetings takes a number of at least 20, --recommendations at least as many" >&2; exit 2; }
command -v curl >/dev/null 2>&1 || { echo "meetings: needs curl" >&2; exit 2; }
command -v javac >/dev/null 2>&1 || { echo "meetings: needs a JDK (javac)" >&2; exit 2; }
if [ -n "$JFR" ]; then
  command -v jcmd >/dev/null 2>&1 || { echo "meetings: --jfr needs jcmd (a JDK)" >&2; exit 2; }
  JFR=$(cd "$(dirname "$JFR")" && pwd)/$(basename "$JFR")
fi

bench_distribution
bench_workspace

bench_start_runtime
ADMIN_TOKEN=$(bench_token "$BASE") || fail "could not sign in as admin and make a token"
bench_account "$BASE" "$ADMIN_TOKEN" bench-secretariat secretariat || fail "could not create the secretariat's account"
bench_account "$BASE" "$ADMIN_TOKEN" bench-observer observer || fail "could not create the observer's account"
SECRETARIAT_TOKEN=$(bench_token "$BASE" bench-secretariat) || fail "could not sign in as the secretariat"
OBSERVER_TOKEN=$(bench_token "$BASE" bench-observer) || fail "could not sign in as the observer"

bench_client "$HERE/meetings/MeetingsBenchmark.java"
client() { java -Dfile.encoding=UTF-8 -cp "$CLIENT_CLASSPATH" MeetingsBenchmark "$BASE" "$@"; }

echo "NADI meetings benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'): $DIST"
echo "  machine: $(nproc) CPUs ($(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)), $(awk '/^MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) memory; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "  JVM: $(java -version 2>&1 | awk 'NR==2')"
client "$SECRETARIAT_TOKEN" load "$MEETINGS" "$RECOMMENDATIONS" "$WORK/meetings.tsv" || fail "loading the meetings failed"
echo "  database: $(du -sh "$WORK/nadi/data" | cut -f1) in $WORK/nadi/data"

wait_for_quiet
echo "  measuring: $WARMUP warm-up rounds, then $REQUESTS measured, each round one request of every series, one at a time on one connection; machine ${BUSY}% busy before, load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "$JFR" ]; then
  # The recording covers the warm-up rounds too (a sixth of the requests with the defaults).
  jcmd "$RUNNING" JFR.start name=meetings-bench settings=profile filename="$JFR" >/dev/null || fail "could not start the flight recording"
fi
client "$OBSERVER_TOKEN" measure "$WARMUP" "$REQUESTS" "$WORK/meetings.tsv" "$TARGET_TRACKER_P95_MS" "$TARGET_MEETING_P95_MS" \
  || fail "measuring failed"
if [ -n "$JFR" ]; then
  jcmd "$RUNNING" JFR.stop name=meetings-bench >/dev/null || fail "could not stop the flight recording"
  echo "  flight recording of the rounds: $JFR"
fi
echo "  load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

bench_stop_runtime
if grep -q " ERROR \| SEVERE " "$WORK/nadi.log"; then
  echo "the runtime logged errors:" >&2
  grep " ERROR \| SEVERE " "$WORK/nadi.log" | head >&2
fi
