#!/usr/bin/env bash
# Start-up and module-toggle benchmark of the packaged NADI Platform (issue 2).
#
#   bench/startup-and-toggle.sh [--dist DIR] [--runs N] [--toggles N] [--quiet-wait S]
#
# --quiet-wait S: before each round, wait up to S seconds for the machine to be idle (less than
# 15% of its CPU time busy over half a second), for a machine shared with other work.
#
# Measures, on the built distribution (default: distribution/target/nadi-*/ next to this script):
#   - warm start (existing data directory) and cold start (empty data directory): time from
#     spawning bin/nadi to the first 200 from GET /api/v1/health, polled by this script every
#     5 ms; median of N runs each (default 7), and the peak RSS (VmHWM) when it is ready;
#   - in the same run, the floor: bare Felix with the same infrastructure bundles (SCR and its
#     API deps, ConfigAdmin, Felix HTTP Jetty 12 with servlet-api, slf4j, SPI Fly, ASM,
#     commons-fileupload/io, FileInstall) and none of the platform's, started by a ten-line
#     launcher compiled here into a temporary folder, with the same JVM, the same JVM options and
#     the same class path prefix as bin/nadi, to its first HTTP answer (any status);
#   - the clean shutdown time after SIGTERM;
#   - POST /api/v1/modules/example/disable then /enable, N times (default 100): median and p99.
# Starts are interleaved (platform cold, platform warm, floor cold, floor warm, ...) so that a
# change in the machine's load hits every series alike. Everything listens and is polled on
# 127.0.0.1 only; every wait is bounded. Needs bash 5, curl, and a JDK (java and javac).
# Exit status: 0 when every start worked (whether or not the targets were met), 1 when the
# runtime failed to start, stop or answer, 2 on bad usage or a missing tool.
set -euo pipefail
trap '' PIPE # a write to a socket the server closed fails instead of ending the script

HERE=$(cd "$(dirname "$0")" && pwd)
RUNS=7
TOGGLES=100
QUIET_WAIT=0
DIST=""
READY_LIMIT_S=60
STOP_LIMIT_S=10

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
[[ $RUNS =~ ^[0-9]+$ && $RUNS -ge 1 && $TOGGLES =~ ^[0-9]+$ && $TOGGLES -ge 1 && $QUIET_WAIT =~ ^[0-9]+$ ]] || { echo "--runs, --toggles and --quiet-wait take positive numbers" >&2; exit 2; }

# ---- tools ----------------------------------------------------------------------------------
missing=""
[ -n "${EPOCHREALTIME:-}" ] || missing+=" bash>=5 (for \$EPOCHREALTIME)"
command -v curl >/dev/null 2>&1 || missing+=" curl (apt-get install curl)"
if [ -n "${JAVA_HOME:-}" ]; then JAVA="$JAVA_HOME/bin/java"; JAVAC="$JAVA_HOME/bin/javac"; else JAVA=$(command -v java || true); JAVAC=$(command -v javac || true); fi
[ -x "${JAVA:-}" ] || missing+=" java (a JDK 17: apt-get install openjdk-17-jdk-headless)"
[ -x "${JAVAC:-}" ] || missing+=" javac (a JDK, not a JRE: apt-get install openjdk-17-jdk-headless)"
[ -r /proc/self/status ] || missing+=" /proc (Linux)"
if [ -n "$missing" ]; then echo "startup-and-toggle: missing:$missing" >&2; exit 2; fi

. "$HERE/common.sh"
bench_distribution
bench_workspace

# A pipe nobody writes to: 'read -t' on it sleeps without starting a process.
exec {NAP}<> <(:)
nap() { read -r -t "$1" -u "$NAP" _ || true; }

fail() { echo "startup-and-toggle: $*" >&2; exit 1; }

# ---- HTTP without a process per request ------------------------------------------------------
# Sets STATUS to the status code of GET $2 on 127.0.0.1:$1, or -1 if nothing answers.
http_status() {
  STATUS=-1
  local fd line
  { exec {fd}<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 0
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$2" 1>&"$fd" 2>/dev/null || { exec {fd}>&-; return 0; }
  if read -r -t 5 -u "$fd" line 2>/dev/null; then
    [[ $line =~ ^HTTP/[0-9.]+\ ([0-9]{3}) ]] && STATUS=${BASH_REMATCH[1]}
  fi
  exec {fd}>&-
  return 0
}


# Whether process $1 holds the listening socket of port $2 (so the answers came from it, not from
# another program that took the port first).
owns_port() {
  local hex inode table local_addr st
  hex=$(printf '%04X' "$2")
  for table in /proc/net/tcp /proc/net/tcp6; do
    [ -r "$table" ] || continue
    while read -r _ local_addr _ st _ _ _ _ _ inode _; do
      [ "$st" = 0A ] && [ "${local_addr##*:}" = "$hex" ] || continue
      find "/proc/$1/fd" -lname "socket:\[$inode\]" 2>/dev/null | grep -q . && return 0
    done < "$table"
  done
  return 1
}

# ---- one start: spawn, poll until ready, read VmHWM; then SIGTERM and time the exit ------------
# start_and_stop LABEL PORT PATH WANT LOG [keep] -- COMMAND...
#   WANT is 200 (health UP) or any (any HTTP status). Sets READY_MS, HWM_KB, STOP_MS.
#   With 'keep' the process is left running (PID in RUNNING) and STOP_MS is not set.
start_and_stop() {
  local label=$1 port=$2 path=$3 want=$4 log=$5 keep=$6; shift 7
  local t0 t1 t2 pid deadline
  t0=${EPOCHREALTIME/./}
  "$@" </dev/null >"$log" 2>&1 &
  pid=$!; RUNNING=$pid
  deadline=$(( t0 + READY_LIMIT_S * 1000000 ))
  while :; do
    http_status "$port" "$path"
    if [ "$want" = any ]; then [ "$STATUS" != -1 ] && break; else [ "$STATUS" = "$want" ] && break; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "---- $label log:" >&2; tail -20 "$log" >&2; fail "$label exited before answering on port $port"; fi
    if [ "${EPOCHREALTIME/./}" -gt "$deadline" ]; then kill -KILL "$pid"; echo "---- $label log:" >&2; tail -20 "$log" >&2; fail "$label did not answer within ${READY_LIMIT_S} s"; fi
    nap 0.005
  done
  t1=${EPOCHREALTIME/./}
  READY_MS=$(( (t1 - t0) / 1000 ))
  HWM_KB=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status")
  owns_port "$pid" "$port" || { kill -KILL "$pid"; fail "another program answers on port $port, not $label"; }
  [ "$keep" = keep ] && return 0
  stop_process "$label" "$pid" "$log"
}

# Sends SIGTERM and waits (bounded) for the process to exit. Sets STOP_MS.
stop_process() {
  local label=$1 pid=$2 log=$3 t2 t3 deadline
  t2=${EPOCHREALTIME/./}
  kill -TERM "$pid"
  deadline=$(( t2 + STOP_LIMIT_S * 1000000 ))
  while kill -0 "$pid" 2>/dev/null && [ -z "$(awk '$3 == "Z"' "/proc/$pid/stat" 2>/dev/null)" ]; do
    if [ "${EPOCHREALTIME/./}" -gt "$deadline" ]; then kill -KILL "$pid"; wait "$pid" 2>/dev/null || true; RUNNING=""; fail "$label did not stop within ${STOP_LIMIT_S} s of SIGTERM"; fi
    nap 0.002
  done
  wait "$pid" 2>/dev/null || true
  t3=${EPOCHREALTIME/./}
  RUNNING=""
  STOP_MS=$(( (t3 - t2) / 1000 ))
}


# ---- statistics ------------------------------------------------------------------------------
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.1f\n", (a[NR/2]+a[NR/2+1])/2}'; }
# Nearest-rank percentile: percentile P VALUES...
percentile() { local p=$1; shift; printf '%s\n' "$@" | sort -g | awk -v p="$p" '{a[NR]=$1} END {r=int((p*NR+99)/100); if (r<1) r=1; print a[r]}'; }
minimum() { printf '%s\n' "$@" | sort -g | head -1; }
mib() { awk -v k="$1" 'BEGIN {printf "%.0f", k/1024}'; }

# ---- the JVM command line bin/nadi uses ------------------------------------------------------
# bin/nadi is run once with a stand-in 'java' that records its arguments, so that the floor gets
# exactly the same JVM options (and class data sharing archive, if any) without copying them here.
mkdir -p "$WORK/fakejdk/bin"
cat > "$WORK/fakejdk/bin/java" <<EOF
#!/bin/sh
for a in "\$@"; do printf '%s\n' "\$a"; done > "$WORK/nadi-argv"
EOF
chmod +x "$WORK/fakejdk/bin/java"
JAVA_HOME="$WORK/fakejdk" NADI_JAVA_OPTS="" "$DIST/bin/nadi" </dev/null >/dev/null 2>&1 || true
[ -s "$WORK/nadi-argv" ] || fail "could not read the JVM options from $DIST/bin/nadi"
JVM_OPTS=(); NADI_CP=""
{
  while IFS= read -r arg; do
    if [ "$arg" = -cp ] || [ "$arg" = -classpath ]; then IFS= read -r NADI_CP; break; fi
    case "$arg" in -Dnadi.*) ;; *) JVM_OPTS+=("$arg") ;; esac
  done
} < "$WORK/nadi-argv"
[ -n "$NADI_CP" ] || fail "bin/nadi passes no class path"
# The floor's JVM options without the platform's class data sharing archive, for comparison.
JVM_OPTS_NO_APPCDS=()
for a in "${JVM_OPTS[@]}"; do case "$a" in -XX:SharedArchiveFile=*) ;; *) JVM_OPTS_NO_APPCDS+=("$a") ;; esac; done

# ---- the floor: bare Felix with the infrastructure bundles -----------------------------------
FLOOR_JARS=()
# In the order the platform's launcher starts them: extenders first (SPI Fly, SCR), then the
# slf4j provider, then the rest, so that SPI Fly weaves Jetty here exactly as it does there.
for pattern in 'org.apache.aries.spifly.dynamic.bundle-*' 'org.apache.felix.scr-*' 'slf4j-jdk14-*' \
    'asm-[0-9]*' 'asm-analysis-*' 'asm-commons-*' 'asm-tree-*' 'asm-util-*' 'commons-fileupload-*' 'commons-io-*' \
    'org.apache.felix.configadmin-*' 'org.apache.felix.http.jetty12-*' 'org.apache.felix.http.servlet-api-*' \
    'org.osgi.service.component-*' 'org.osgi.util.function-*' 'org.osgi.util.promise-*' 'slf4j-api-*' \
    'org.apache.felix.fileinstall-*'; do
  jar=$(ls "$DIST"/bundles/$pattern.jar 2>/dev/null | head -1 || true)
  [ -n "$jar" ] || fail "the floor needs $pattern.jar, which is not in $DIST/bundles"
  FLOOR_JARS+=("$jar")
done
mkdir -p "$WORK/floor/src" "$WORK/floor/classes" "$WORK/floor/deploy"
cat > "$WORK/floor/src/FloorMain.java" <<'EOF'
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** Bare Felix: args are the cache folder, the HTTP port, the deploy folder, then the bundles in start order. */
public final class FloorMain {
    public static void main(String[] args) throws Exception {
        Map<String, String> properties = new HashMap<>();
        properties.put("org.osgi.framework.storage", args[0]);
        properties.put("org.osgi.service.http.port", args[1]);
        properties.put("org.apache.felix.http.host", "127.0.0.1");
        properties.put("felix.fileinstall.dir", args[2]);
        properties.put("felix.fileinstall.noInitialDelay", "true");
        properties.put("felix.log.level", "1");
        Felix felix = new Felix(properties);
        felix.init();
        BundleContext context = felix.getBundleContext();
        Set<String> installed = new HashSet<>();
        for (Bundle bundle : context.getBundles()) installed.add(bundle.getLocation());
        for (int i = 3; i < args.length; i++) {
            String location = "reference:" + Path.of(args[i]).toUri();
            if (!installed.contains(location)) context.installBundle(location).start();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try { felix.stop(); felix.waitForStop(1500); } catch (Exception e) { }
        }));
        felix.start();
        felix.waitForStop(0);
    }
}
EOF
"$JAVAC" -nowarn -d "$WORK/floor/classes" -cp "$DIST/lib/org.apache.felix.framework.jar" "$WORK/floor/src/FloorMain.java" \
  || fail "cannot compile the floor launcher"
NADI_JAVA=$( [ -n "${JAVA_HOME:-}" ] && echo "$JAVA_HOME/bin/java" || echo java )
floor_command() { # floor_command OPTS_ARRAY_NAME CACHE PORT
  local -n opts=$1
  FLOOR_CMD=("$NADI_JAVA" "${opts[@]}" -cp "$NADI_CP:$WORK/floor/classes" FloorMain "$2" "$3" "$WORK/floor/deploy" "${FLOOR_JARS[@]}")
}

# ---- the runs --------------------------------------------------------------------------------
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
NADI_PORT=$(free_port) || fail "no free port found"
FLOOR_PORT=$(free_port) || fail "no free port found"
DATA="$WORK/nadi-data"
CACHE="$WORK/floor-cache"
CACHE_PLAIN="$WORK/floor-cache-plain"
nadi=("$DIST/bin/nadi" --port "$NADI_PORT" --data "$DATA")
export NADI_JAVA_OPTS=""
unset NADI_HTTP_PORT || true
export NADI_ADMIN_PASSWORD="$BENCH_ADMIN_PASSWORD"

echo "NADI start-up benchmark: $DIST"
echo "  machine: $(nproc) CPUs ($(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)), $(awk '/^MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) memory"
echo "  JVM: $("$NADI_JAVA" -version 2>&1 | awk 'NR==2')"
echo "  runs: $RUNS of each start, $TOGGLES toggles; load before: $LOAD_BEFORE"
echo "  JVM options (bin/nadi's, also the floor's): ${JVM_OPTS[*]}"

# Not counted: the first start after a build also pulls the jars into the page cache.
rm -rf "$DATA" "$CACHE" "$CACHE_PLAIN"
start_and_stop "platform (first start)" "$NADI_PORT" /api/v1/health 200 "$WORK/nadi.log" stop -- "${nadi[@]}"
floor_command JVM_OPTS "$CACHE" "$FLOOR_PORT"
start_and_stop "floor (first start)" "$FLOOR_PORT" / any "$WORK/floor.log" stop -- "${FLOOR_CMD[@]}"
floor_command JVM_OPTS_NO_APPCDS "$CACHE_PLAIN" "$FLOOR_PORT"
start_and_stop "floor without app CDS (first start)" "$FLOOR_PORT" / any "$WORK/floor.log" stop -- "${FLOOR_CMD[@]}"

declare -a N_COLD N_CHWM N_WARM N_HWM N_STOP F_COLD F_WARM F_HWM F_STOP P_WARM
for ((i = 1; i <= RUNS; i++)); do
  wait_for_quiet
  rm -rf "$DATA"
  start_and_stop "platform cold start" "$NADI_PORT" /api/v1/health 200 "$WORK/nadi.log" stop -- "${nadi[@]}"
  N_COLD+=("$READY_MS"); N_CHWM+=("$HWM_KB"); N_STOP+=("$STOP_MS")
  start_and_stop "platform warm start" "$NADI_PORT" /api/v1/health 200 "$WORK/nadi.log" stop -- "${nadi[@]}"
  N_WARM+=("$READY_MS"); N_HWM+=("$HWM_KB"); N_STOP+=("$STOP_MS")

  rm -rf "$CACHE"
  floor_command JVM_OPTS "$CACHE" "$FLOOR_PORT"
  start_and_stop "floor cold start" "$FLOOR_PORT" / any "$WORK/floor.log" stop -- "${FLOOR_CMD[@]}"
  F_COLD+=("$READY_MS"); F_STOP+=("$STOP_MS")
  start_and_stop "floor warm start" "$FLOOR_PORT" / any "$WORK/floor.log" stop -- "${FLOOR_CMD[@]}"
  F_WARM+=("$READY_MS"); F_HWM+=("$HWM_KB"); F_STOP+=("$STOP_MS")

  floor_command JVM_OPTS_NO_APPCDS "$CACHE_PLAIN" "$FLOOR_PORT"
  start_and_stop "floor warm start without app CDS" "$FLOOR_PORT" / any "$WORK/floor.log" stop -- "${FLOOR_CMD[@]}"
  P_WARM+=("$READY_MS")
  printf '  run %d/%d (machine %d%% busy before it): platform cold %d ms, warm %d ms (%s MiB); floor cold %d ms, warm %d ms, warm without app CDS %d ms\n' \
    "$i" "$RUNS" "$BUSY" "${N_COLD[-1]}" "${N_WARM[-1]}" "$(mib "${N_HWM[-1]}")" "${F_COLD[-1]}" "${F_WARM[-1]}" "${P_WARM[-1]}"
done

# ---- module toggles over REST -----------------------------------------------------------------
wait_for_quiet
start_and_stop "platform (toggles)" "$NADI_PORT" /api/v1/health 200 "$WORK/nadi.log" keep -- "${nadi[@]}"
TOGGLE_PID=$RUNNING
base="http://127.0.0.1:$NADI_PORT/api/v1"
TOKEN=$(bench_token "http://127.0.0.1:$NADI_PORT") || fail "could not sign in as admin for the toggles"
admin=(-H "Authorization: Bearer $TOKEN")
[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$base/example/greeting")" = 200 ] || fail "GET /api/v1/example/greeting does not answer 200 before the toggles"
declare -a DIS EN PAIR
for ((i = 1; i <= TOGGLES; i++)); do
  for op in disable enable; do
    out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 15 "${admin[@]}" -X POST "$base/modules/example/$op") || out="000 0"
    code=${out%% *}; secs=${out#* }
    [ "$code" = 200 ] || fail "POST /api/v1/modules/example/$op answered $code (toggle $i)"
    ms=$(awk -v s="$secs" 'BEGIN {printf "%.2f", s*1000}')
    if [ "$op" = disable ]; then DIS+=("$ms"); d=$ms; else EN+=("$ms"); PAIR+=("$(awk -v a="$d" -v b="$ms" 'BEGIN {printf "%.2f", a+b}')"); fi
  done
  if [ "$i" = 1 ]; then
    # Once: the module's resource really goes away and comes back.
    curl -s -o /dev/null --max-time 10 "${admin[@]}" -X POST "$base/modules/example/disable"
    gone=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$base/example/greeting")
    curl -s -o /dev/null --max-time 10 "${admin[@]}" -X POST "$base/modules/example/enable"
    back=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$base/example/greeting")
    [ "$gone" = 404 ] && [ "$back" = 200 ] || fail "disabling the example module did not remove its resource (GET answered $gone, then $back)"
  fi
done
stop_process "platform (toggles)" "$TOGGLE_PID" "$WORK/nadi.log"
N_STOP+=("$STOP_MS")
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- summary ---------------------------------------------------------------------------------
verdict() { awk -v v="$1" -v t="$2" 'BEGIN {print (v <= t) ? "met" : "MISSED"}'; }
warm=$(median "${N_WARM[@]}"); cold=$(median "${N_COLD[@]}")
fwarm=$(median "${F_WARM[@]}"); fcold=$(median "${F_COLD[@]}"); pwarm=$(median "${P_WARM[@]}")
hwm=$(mib "$(median "${N_HWM[@]}")"); chwm=$(mib "$(median "${N_CHWM[@]}")"); fhwm=$(mib "$(median "${F_HWM[@]}")")
ratio=$(awk -v a="$warm" -v b="$fwarm" 'BEGIN {printf "%.2f", a/b}')
ratio_cold=$(awk -v a="$cold" -v b="$fcold" 'BEGIN {printf "%.2f", a/b}')
ratio_plain=$(awk -v a="$warm" -v b="$pwarm" 'BEGIN {printf "%.2f", a/b}')
dmed=$(median "${DIS[@]}"); dp99=$(percentile 99 "${DIS[@]}")
emed=$(median "${EN[@]}"); ep99=$(percentile 99 "${EN[@]}")
pmed=$(median "${PAIR[@]}"); pp99=$(percentile 99 "${PAIR[@]}")
stop=$(median "${N_STOP[@]}"); fstop=$(median "${F_STOP[@]}")

echo
echo "Summary ($RUNS runs of each start, $TOGGLES toggles; load before $LOAD_BEFORE, after $LOAD_AFTER)"
printf '| %-58s | %17s | %-10s | %-6s |\n' "measure" "median" "target" "result"
printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..60})" "$(printf -- '-%.0s' {1..19})" "$(printf -- '-%.0s' {1..12})" "$(printf -- '-%.0s' {1..8})"
row() { printf '| %-58s | %17s | %-10s | %-6s |\n' "$1" "$2" "$3" "$4"; }
row "warm start to health UP (min $(minimum "${N_WARM[@]}"))" "$warm ms" "<= 1000 ms" "$(verdict "$warm" 1000)"
row "cold start to health UP (min $(minimum "${N_COLD[@]}"))" "$cold ms" "<= 1500 ms" "$(verdict "$cold" 1500)"
row "peak RSS at ready, warm start (VmHWM)" "$hwm MiB" "<= 160 MiB" "$(verdict "$hwm" 160)"
row "peak RSS at ready, cold start (VmHWM)" "$chwm MiB" "<= 160 MiB" "$(verdict "$chwm" 160)"
row "floor: bare Felix warm, first HTTP answer (min $(minimum "${F_WARM[@]}"))" "$fwarm ms" "" ""
row "floor: bare Felix cold, first HTTP answer" "$fcold ms" "" ""
row "warm start / floor warm" "${ratio}x" "<= 1.2x" "$(verdict "$ratio" 1.2)"
row "cold start / floor cold" "${ratio_cold}x" "" ""
row "floor warm without the app CDS archive (JDK CDS only)" "$pwarm ms" "" ""
row "warm start / that floor" "${ratio_plain}x" "" ""
row "floor peak RSS at first answer (VmHWM)" "$fhwm MiB" "" ""
row "POST .../disable (p99 $dp99 ms)" "$dmed ms" "<= 50 ms" "$(verdict "$dmed" 50)"
row "POST .../enable (p99 $ep99 ms)" "$emed ms" "<= 50 ms" "$(verdict "$emed" 50)"
row "disable + enable round trip (p99 $pp99 ms)" "$pmed ms" "<= 50 ms" "$(verdict "$pmed" 50)"
row "shutdown after SIGTERM (max $(percentile 100 "${N_STOP[@]}") ms)" "$stop ms" "< 2000 ms" "$(verdict "$stop" 1999)"
row "floor shutdown after SIGTERM" "$fstop ms" "" ""
