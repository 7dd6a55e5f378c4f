#!/usr/bin/env bash
# Authenticated read benchmark of the packaged NADI Platform (issue 3): GET of one small note
# with a bearer token, against a hello-world servlet on the same Jetty, measured by wrk.
#
#   bench/authenticated-get.sh [--dist DIR] [--connections N] [--duration S] [--rounds N]
#                              [--warmup S] [--quiet-wait S]
#
# Defaults: 50 connections, 30 s per measurement, 3 rounds, 15 s of warm-up for each of the two
# URLs before the first round (for the JIT compilers); wrk runs 2 threads. --quiet-wait S:
# before each round, wait up to S seconds for the machine to be idle (less than 15% of its CPU
# time busy over half a second), for a machine shared with other work.
#
# Starts a temporary copy of the built distribution (default: distribution/target/nadi-*/) with
# an empty data directory, listening on 127.0.0.1 only, with NADI_ADMIN_PASSWORD set to the
# benchmarks' password (bench/common.sh). Into that copy's deploy/ folder it puts the baseline: bench/hello-servlet/,
# compiled here against the distribution's own servlet API and framework, a plain HttpServlet
# registered through the servlet whiteboard at /hello that answers "Hello" as text/plain (it
# never ships in the product). The script then signs in as admin, makes an API token
# (POST /api/v1/auth/login, POST /api/v1/auth/tokens), creates one note and measures, after a
# warm-up of each, alternately (hello, note; repeated N rounds):
#   - GET /hello                          (the raw servlet)
#   - GET /api/v1/example/notes/{id}      (token check, route, database read, JSON, ETag)
# both with the same 'Authorization: Bearer' header, by 'wrk -t2 -cN -dS --latency'. Every
# answer of the measured note GETs must be 200. Prints each round, then the medians, the ratio
# note/hello and PASS/FAIL against the targets: >= 10,000 requests/s and p99 <= 20 ms for the
# note, >= 0.3x the hello servlet's rate. NADI_JAVA_OPTS is passed on to bin/nadi.
# Needs wrk (apt-get install wrk), curl and a JDK (javac, jar). Exit status: 0 when every
# measurement ran (whether or not the targets were met), 1 when the runtime failed to start or
# answer as expected, 2 on bad usage or a missing tool.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
DIST=""
CONNECTIONS=50
DURATION=30
ROUNDS=3
QUIET_WAIT=0
THREADS=2
WARMUP_S=15
READY_LIMIT_S=60
STOP_LIMIT_S=10
TARGET_RPS=10000
TARGET_P99_MS=20
TARGET_RATIO=0.3

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) DIST=${2:?--dist needs a folder}; shift 2 ;;
    --connections) CONNECTIONS=${2:?--connections needs a number}; shift 2 ;;
    --duration) DURATION=${2:?--duration needs seconds}; DURATION=${DURATION%s}; shift 2 ;;
    --rounds) ROUNDS=${2:?--rounds needs a number}; shift 2 ;;
    --warmup) WARMUP_S=${2:?--warmup needs seconds}; WARMUP_S=${WARMUP_S%s}; shift 2 ;;
    --quiet-wait) QUIET_WAIT=${2:?--quiet-wait needs seconds}; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done
for n in "$CONNECTIONS" "$DURATION" "$ROUNDS"; do
  [[ $n =~ ^[0-9]+$ && $n -ge 1 ]] || { echo "--connections, --duration and --rounds take positive numbers" >&2; exit 2; }
done
[[ $QUIET_WAIT =~ ^[0-9]+$ && $WARMUP_S =~ ^[0-9]+$ ]] || { echo "--warmup and --quiet-wait take a number of seconds" >&2; exit 2; }
[ "$CONNECTIONS" -ge "$THREADS" ] || { echo "--connections must be at least $THREADS (wrk's threads)" >&2; exit 2; }

# ---- tools ----------------------------------------------------------------------------------
missing=""
command -v wrk >/dev/null 2>&1 || missing+=" wrk (apt-get install wrk)"
command -v curl >/dev/null 2>&1 || missing+=" curl (apt-get install curl)"
if [ -n "${JAVA_HOME:-}" ]; then JAVAC="$JAVA_HOME/bin/javac"; JAR="$JAVA_HOME/bin/jar"; else JAVAC=$(command -v javac || true); JAR=$(command -v jar || true); fi
[ -x "${JAVAC:-}" ] && [ -x "${JAR:-}" ] || missing+=" javac and jar (a JDK, not a JRE: apt-get install openjdk-17-jdk-headless)"
[ -r /proc/loadavg ] || missing+=" /proc (Linux)"
if [ -n "$missing" ]; then echo "authenticated-get: missing:$missing" >&2; exit 2; fi

. "$HERE/common.sh"
bench_distribution
bench_workspace

# ---- the runtime's copy, with the baseline servlet in its deploy folder -----------------------
cp -r "$DIST" "$WORK/nadi"
rm -rf "$WORK/nadi/data" "$WORK/nadi/deploy"
mkdir -p "$WORK/nadi/deploy" "$WORK/hello/classes"
# Loopback only: the copy's configuration overrides the default of all interfaces.
sed -i '/^nadi\.http\.host=/d' "$WORK/nadi/conf/nadi.properties"
echo "nadi.http.host=127.0.0.1" >> "$WORK/nadi/conf/nadi.properties"

servlet_api=$(ls "$DIST"/bundles/org.apache.felix.http.servlet-api-*.jar 2>/dev/null | head -1 || true)
[ -n "$servlet_api" ] || fail "no servlet API bundle in $DIST/bundles"
"$JAVAC" -nowarn --release 17 -d "$WORK/hello/classes" -cp "$servlet_api:$DIST/lib/org.apache.felix.framework.jar" \
  "$HERE"/hello-servlet/org/nadi/bench/hello/*.java || fail "cannot compile bench/hello-servlet"
"$JAR" --create --file "$WORK/hello/bench-hello.jar" --manifest "$HERE/hello-servlet/MANIFEST.MF" -C "$WORK/hello/classes" . \
  || fail "cannot package bench/hello-servlet"
cp "$WORK/hello/bench-hello.jar" "$WORK/nadi/deploy/"

PORT=$(free_port) || fail "no free port found"
BASE="http://127.0.0.1:$PORT"
NADI_ADMIN_PASSWORD="$BENCH_ADMIN_PASSWORD" "$WORK/nadi/bin/nadi" --port "$PORT" </dev/null >"$WORK/nadi.log" 2>&1 &
RUNNING=$!

# Sets STATUS and BODY from curl; extra arguments go to curl.
request() {
  local out
  out=$(curl -s --max-time 10 -w '\n%{http_code}' "$@") || out=$'\n000'
  STATUS=${out##*$'\n'}
  BODY=${out%$'\n'*}
}
alive() { kill -0 "$RUNNING" 2>/dev/null || fail "the runtime exited"; }
# wait_for PATH STATUS: polls until GET PATH answers STATUS, for at most READY_LIMIT_S seconds.
wait_for() {
  local deadline=$(( SECONDS + READY_LIMIT_S ))
  while :; do
    alive
    request "$BASE$1"
    [ "$STATUS" = "$2" ] && return 0
    [ "$SECONDS" -lt "$deadline" ] || fail "GET $1 did not answer $2 within ${READY_LIMIT_S} s (last: $STATUS)"
    sleep 0.2
  done
}
# json_field NAME: the string or number value of "NAME" in BODY (flat JSON objects only).
json_field() { sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\{0,1\}\([^\",}]*\).*/\1/p" <<<"$BODY" | head -1; }

wait_for /api/v1/health 200
# FileInstall scans the deploy folder once the platform's modules run, then the kernel starts it.
wait_for /hello 200
[ "$BODY" = Hello ] || fail "GET /hello answered '$BODY', not 'Hello'"

# ---- credentials and the record -------------------------------------------------------------
TOKEN=$(bench_token "$BASE") || fail "could not sign in as admin and make a token"
AUTH="Authorization: Bearer $TOKEN"

request -H "$AUTH" -H 'Content-Type: application/json' \
  -d '{"text":"Agenda of the plenary: adoption of the minutes, the budget, any other business."}' "$BASE/api/v1/example/notes"
[ "$STATUS" = 201 ] || fail "POST /api/v1/example/notes answered $STATUS: $BODY"
note_id=$(json_field id)
[[ $note_id =~ ^[0-9]+$ ]] || fail "the new note has no numeric id: $BODY"
NOTE_PATH="/api/v1/example/notes/$note_id"
request -H "$AUTH" -D "$WORK/headers" "$BASE$NOTE_PATH"
[ "$STATUS" = 200 ] || fail "GET $NOTE_PATH with the token answered $STATUS: $BODY"
grep -qi '^etag:' "$WORK/headers" || fail "GET $NOTE_PATH answered without an ETag"
NOTE_BYTES=${#BODY}
# The measured path really checks the token: without it, or with a wrong one, it is refused.
request "$BASE$NOTE_PATH"
[ "$STATUS" = 401 ] || fail "GET $NOTE_PATH without a token answered $STATUS, not 401"
request -H "Authorization: Bearer nadi_not-a-token" "$BASE$NOTE_PATH"
[ "$STATUS" = 401 ] || fail "GET $NOTE_PATH with a wrong token answered $STATUS, not 401"

# ---- measurements ---------------------------------------------------------------------------
# CPU time in clock ticks: the runtime's process (user + system), this shell's finished children
# (wrk; from 'times', which must run in this shell, not in a subshell, to count them), the whole
# machine's busy and total time. From the three, a run's CPU splits into runtime, wrk and everything else.
runtime_ticks() { local stat f; stat=$(<"/proc/$RUNNING/stat"); read -r -a f <<<"${stat##*) }"; echo $(( f[11] + f[12] )); }
children_ticks() {
  awk -v hz="$(getconf CLK_TCK)" 'NR == 2 {for (i = 1; i <= 2; i++) {split($i, t, /[ms]/); s += t[1] * 60 + t[2]}; printf "%.0f", s * hz}' "$WORK/times"
}
machine_ticks() { read -r _ user nice system idle iowait irq softirq steal _ < /proc/stat; echo "$(( user + nice + system + irq + softirq )) $(( user + nice + system + idle + iowait + irq + softirq + steal ))"; }
# wrk's latency ("850.00us", "3.21ms", "1.02s", "2.00m") in milliseconds.
to_ms() { awk -v v="$1" 'BEGIN {
  if (v ~ /us$/) f = 0.001; else if (v ~ /ms$/) f = 1; else if (v ~ /s$/) f = 1000; else if (v ~ /m$/) f = 60000; else f = -1;
  gsub(/[a-z]+$/, "", v); printf "%.2f", (f < 0 ? -1 : v * f) }'; }

# measure LABEL PATH SECONDS: one wrk run. Sets RPS, P50 and P99 (ms), NON2XX, ERRORS, CPU_US (the
# runtime's CPU per request, µs), SHARES (how the machine's CPU time went: runtime, wrk, rest)
# and THREADS_NOW (the runtime's threads at the end: Jetty's pool grows with the connections).
measure() {
  local label=$1 path=$2 seconds=$3 out r0 r1 w0 w1 m0 m1 requests
  alive
  times > "$WORK/times"
  r0=$(runtime_ticks); w0=$(children_ticks); m0=$(machine_ticks)
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 5s --latency -H "$AUTH" "$BASE$path" 2>&1) \
    || fail "wrk failed on $label: $out"
  times > "$WORK/times"
  r1=$(runtime_ticks); w1=$(children_ticks); m1=$(machine_ticks)
  RPS=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  P50=$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")
  P99=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  NON2XX=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$out")
  ERRORS=$(awk '/Socket errors:/ {gsub(/,/, ""); print $4 + $6 + $8 + $10}' <<<"$out")
  [ -n "$RPS" ] && [ -n "$requests" ] && [ "$requests" -gt 0 ] || fail "could not read wrk's output for $label: $out"
  CPU_US=$(awk -v t=$(( r1 - r0 )) -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN {printf "%.0f", t * 1e6 / hz / n}')
  SHARES=$(awk -v r=$(( r1 - r0 )) -v w=$(( w1 - w0 )) -v m0="$m0" -v m1="$m1" 'BEGIN {
    split(m0, a, " "); split(m1, b, " "); busy = b[1] - a[1]; total = b[2] - a[2]; if (total <= 0) total = 1;
    rest = busy - r - w; if (rest < 0) rest = 0;
    printf "runtime %.0f%%, wrk %.0f%%, rest %.0f%%", 100 * r / total, 100 * w / total, 100 * rest / total }')
  THREADS_NOW=$(find "/proc/$RUNNING/task" -mindepth 1 -maxdepth 1 | wc -l)
  alive
}


median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'; }

JVM_ARGS=$(tr '\0' ' ' < "/proc/$RUNNING/cmdline" | grep -o -- '-X[^ ]*' | grep -v -- '-Xlog\|-Xshare' | tr '\n' ' ')
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "NADI authenticated GET benchmark: $DIST"
echo "  machine: $(nproc) CPUs ($(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)), $(awk '/^MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) memory; load average before: $LOAD_BEFORE"
echo "  JVM: $("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | awk 'NR==2')"
echo "  JVM options: $JVM_ARGS${NADI_JAVA_OPTS:+ (NADI_JAVA_OPTS: $NADI_JAVA_OPTS)}"
echo "  load: wrk $(wrk --version 2>&1 | awk 'NR==1 {print $2}'), $THREADS threads, $CONNECTIONS connections, ${DURATION} s per run, $ROUNDS rounds, on the same machine"
echo "  note: GET $NOTE_PATH, $NOTE_BYTES bytes of JSON; baseline: GET /hello, 5 bytes of text"

if [ "$WARMUP_S" -gt 0 ]; then
  measure "hello warm-up" /hello "$WARMUP_S"
  measure "note warm-up" "$NOTE_PATH" "$WARMUP_S"
fi
echo "  warm-up: ${WARMUP_S} s of each, not counted (the JIT compilers' work); then, per round, the machine's CPU time split into the runtime, wrk, and the rest (other processes)"

declare -a H_RPS H_P50 H_P99 H_CPU N_RPS N_P50 N_P99 N_CPU RATIO
for ((i = 1; i <= ROUNDS; i++)); do
  wait_for_quiet
  echo "  round $i/$ROUNDS: machine ${BUSY}% busy before it, load average $(cut -d' ' -f1 /proc/loadavg)"
  measure "hello, round $i" /hello "$DURATION"
  [ -z "$NON2XX" ] && [ "${ERRORS:-0}" = 0 ] || fail "GET /hello: ${NON2XX:-0} answers not 2xx, ${ERRORS:-0} socket errors in round $i"
  H_RPS+=("$RPS"); H_P50+=("$P50"); H_P99+=("$P99"); H_CPU+=("$CPU_US")
  printf '    hello %6.0f req/s  p50 %6s ms  p99 %6s ms  %4s µs CPU/req  (%s; %s threads)\n' \
    "$RPS" "$P50" "$P99" "$CPU_US" "$SHARES" "$THREADS_NOW"
  measure "note, round $i" "$NOTE_PATH" "$DURATION"
  [ -z "$NON2XX" ] && [ "${ERRORS:-0}" = 0 ] || fail "GET $NOTE_PATH: ${NON2XX:-0} answers not 2xx, ${ERRORS:-0} socket errors in round $i"
  N_RPS+=("$RPS"); N_P50+=("$P50"); N_P99+=("$P99"); N_CPU+=("$CPU_US")
  RATIO+=("$(awk -v a="${N_RPS[-1]}" -v b="${H_RPS[-1]}" 'BEGIN {printf "%.2f", a/b}')")
  printf '    note  %6.0f req/s  p50 %6s ms  p99 %6s ms  %4s µs CPU/req  (%s; %s threads)  ratio %s\n' \
    "$RPS" "$P50" "$P99" "$CPU_US" "$SHARES" "$THREADS_NOW" "${RATIO[-1]}"
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# The runtime must still be healthy. Jetty reports a client that hangs up mid-answer (wrk does, for
# the requests under way when a run ends) as an error with an EofException: counted apart.
request "$BASE/api/v1/health"
[ "$STATUS" = 200 ] || fail "GET /api/v1/health answered $STATUS after the measurements"
hangups=$(awk -v errors="$WORK/errors" '
  function keep() { if (e != "") print e > errors; e = "" }
  / (SEVERE|ERROR) / { keep(); e = $0; next }
  e != "" { if ($0 ~ /^org\.eclipse\.jetty\.io\.EofException/) { n++; e = "" } else keep() }
  END { keep(); print n + 0 }' "$WORK/nadi.log")
others=$(cat "$WORK/errors" 2>/dev/null || true)
[ "$hangups" = 0 ] || echo "  the runtime logged $hangups client hang-ups (EofException) as errors: requests under way when wrk stopped"
if [ -n "$others" ]; then
  echo "the runtime logged errors during the benchmark:" >&2
  head -10 <<<"$others" >&2
fi
kill -TERM "$RUNNING"
deadline=$(( SECONDS + STOP_LIMIT_S ))
while kill -0 "$RUNNING" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.1; done
kill -0 "$RUNNING" 2>/dev/null && fail "the runtime did not stop within ${STOP_LIMIT_S} s of SIGTERM"
wait "$RUNNING" 2>/dev/null || true
RUNNING=""

# ---- summary ---------------------------------------------------------------------------------
h_rps=$(median "${H_RPS[@]}"); n_rps=$(median "${N_RPS[@]}")
ratio=$(awk -v a="$n_rps" -v b="$h_rps" 'BEGIN {printf "%.2f", a/b}')
n_p99=$(median "${N_P99[@]}")
at_least() { awk -v v="$1" -v t="$2" 'BEGIN {print (v >= t) ? "PASS" : "FAIL"}'; }
at_most() { awk -v v="$1" -v t="$2" 'BEGIN {print (v <= t) ? "PASS" : "FAIL"}'; }
row() { printf '| %-44s | %14s | %-13s | %-6s |\n' "$1" "$2" "$3" "$4"; }

echo
echo "Summary (medians of $ROUNDS rounds of ${DURATION} s, $CONNECTIONS connections; load before $LOAD_BEFORE, after $LOAD_AFTER)"
row "measure" "median" "target" "result"
printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..46})" "$(printf -- '-%.0s' {1..16})" "$(printf -- '-%.0s' {1..15})" "$(printf -- '-%.0s' {1..8})"
row "note GET, requests/s" "$(printf '%.0f' "$n_rps")" ">= $TARGET_RPS" "$(at_least "$n_rps" "$TARGET_RPS")"
row "note GET, p99 latency" "$n_p99 ms" "<= $TARGET_P99_MS ms" "$(at_most "$n_p99" "$TARGET_P99_MS")"
row "note GET, p50 latency" "$(median "${N_P50[@]}") ms" "" ""
row "note GET, runtime CPU per request" "$(median "${N_CPU[@]}") µs" "" ""
row "hello servlet, requests/s" "$(printf '%.0f' "$h_rps")" "" ""
row "hello servlet, p99 latency" "$(median "${H_P99[@]}") ms" "" ""
row "hello servlet, p50 latency" "$(median "${H_P50[@]}") ms" "" ""
row "hello servlet, runtime CPU per request" "$(median "${H_CPU[@]}") µs" "" ""
row "note / hello, requests/s (${RATIO[*]})" "${ratio}x" ">= ${TARGET_RATIO}x" "$(at_least "$ratio" "$TARGET_RATIO")"
