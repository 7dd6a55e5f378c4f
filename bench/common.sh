# Sourced by the benchmark scripts: what they share. Each sets HERE (this folder) and DIST
# (empty for the default) before it calls these.
#
#   bench_distribution       sets DIST to the built distribution's folder, or exits 2 saying why
#   bench_workspace          sets WORK to a new temporary folder, removed at exit with the
#                            runtime whose process id the script keeps in RUNNING
#   free_port                prints a port of 127.0.0.1 nothing listens on
#   busy_percent             prints how busy the machine's CPUs were over the next half second
#   wait_for_quiet           waits up to QUIET_WAIT seconds for the machine to be idle; sets BUSY
#   fail MESSAGE             says what failed, after the script's name, with the end of the
#                            runtime's log (WORK/nadi.log) if there is one, and exits 1
#   bench_option ARGS...     the options every script takes: --dist DIR, --quiet-wait S (into
#                            QUIET_WAIT) and -h/--help (the script's usage function); sets TAKEN to
#                            how many arguments it used; anything else is bad usage (exit 2)
#   bench_start_runtime      copies the distribution into WORK/nadi with an empty data directory,
#                            listening on 127.0.0.1 only, starts it on a free port (NADI_JAVA_OPTS
#                            passes on) and waits up to 60 s for GET /api/v1/health to answer 200;
#                            sets PORT, BASE and RUNNING, logs to WORK/nadi.log; on failure calls the
#                            script's own fail function
#   bench_stop_runtime       stops that runtime with SIGTERM and waits for it to exit
#   BENCH_ADMIN_PASSWORD     the password the scripts start their runtime with (NADI_ADMIN_PASSWORD),
#                            and give every account they create
#   bench_account BASE_URL TOKEN USERNAME ROLE
#                            creates an account with an administrator's token; fails with what the
#                            runtime answered
#   bench_token BASE_URL [USERNAME]
#                            prints a new bearer token of the account (default: the administrator;
#                            BASE_URL is http://127.0.0.1:PORT); fails with what the runtime answered
#   bench_client FILE.java   compiles a benchmark's Java client together with
#                            bench/client/BenchHttp.java against the distribution's gson into
#                            WORK/client; sets CLIENT_CLASSPATH to run it with

bench_distribution() {
  if [ -z "$DIST" ]; then
    DIST=$(ls -d "$HERE"/../distribution/target/nadi-*/ 2>/dev/null | head -1 || true)
    [ -n "$DIST" ] || { echo "no built distribution: run 'mvn -B package -DskipTests' first, or pass --dist DIR" >&2; exit 2; }
  fi
  [ -d "$DIST" ] || { echo "--dist: $DIST is not a folder" >&2; exit 2; }
  DIST=$(cd "$DIST" && pwd)
  [ -x "$DIST/bin/nadi" ] && [ -d "$DIST/bundles" ] || { echo "$DIST is not a NADI distribution (no bin/nadi or bundles/)" >&2; exit 2; }
}

bench_workspace() {
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/nadi-bench.XXXXXX")
  RUNNING=""
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM
}

bench_cleanup() {
  if [ -n "$RUNNING" ] && kill -0 "$RUNNING" 2>/dev/null; then kill -KILL "$RUNNING" 2>/dev/null || true; fi
  rm -rf "$WORK"
}

fail() {
  echo "$(basename "$0" .sh): $*" >&2
  if [ -s "${WORK:-}/nadi.log" ]; then echo "---- runtime log (last 20 lines):" >&2; tail -20 "$WORK/nadi.log" >&2; fi
  exit 1
}

bench_option() {
  case "$1" in
    --dist) DIST=${2:?--dist needs a folder}; TAKEN=2 ;;
    --quiet-wait)
      QUIET_WAIT=${2:?--quiet-wait needs seconds}; TAKEN=2
      [[ $QUIET_WAIT =~ ^[0-9]+$ ]] || { echo "--quiet-wait takes a whole number of seconds" >&2; exit 2; } ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
}

bench_start_runtime() {
  cp -r "$DIST" "$WORK/nadi"
  rm -rf "$WORK/nadi/data"
  sed -i '/^nadi\.http\.host=/d' "$WORK/nadi/conf/nadi.properties"
  echo "nadi.http.host=127.0.0.1" >> "$WORK/nadi/conf/nadi.properties"
  PORT=$(free_port) || fail "no free port found"
  BASE="http://127.0.0.1:$PORT"
  NADI_ADMIN_PASSWORD="$BENCH_ADMIN_PASSWORD" "$WORK/nadi/bin/nadi" --port "$PORT" </dev/null >"$WORK/nadi.log" 2>&1 &
  RUNNING=$!
  local deadline=$(( SECONDS + 60 ))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/api/v1/health" || true)" = 200 ]; do
    kill -0 "$RUNNING" 2>/dev/null || fail "the runtime exited before it answered"
    [ "$SECONDS" -lt "$deadline" ] || fail "the runtime did not answer GET /api/v1/health with 200 within 60 s"
    sleep 0.1
  done
}

bench_stop_runtime() {
  kill -TERM "$RUNNING" 2>/dev/null && wait "$RUNNING" 2>/dev/null || true
  RUNNING=""
}

# The runtime refuses a busy port, so a lost race shows as a failed start.
free_port() {
  local port fd
  for _ in $(seq 1 200); do
    port=$(( 20000 + RANDOM % 40000 ))
    if { exec {fd}<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then exec {fd}>&-; else echo "$port"; return 0; fi
  done
  return 1
}

busy_percent() {
  local a b
  read -r -a a < /proc/stat; sleep 0.5; read -r -a b < /proc/stat
  local total=0 i
  for i in 1 2 3 4 5 6 7 8; do total=$(( total + b[i] - a[i] )); done
  local idle=$(( b[4] - a[4] + b[5] - a[5] ))
  echo $(( total > 0 ? 100 * (total - idle) / total : 0 ))
}

wait_for_quiet() {
  BUSY=$(busy_percent)
  local deadline=$(( SECONDS + QUIET_WAIT ))
  while [ "$BUSY" -ge 15 ] && [ "$SECONDS" -lt "$deadline" ]; do sleep 1; BUSY=$(busy_percent); done
}

BENCH_ADMIN_PASSWORD="benchmark-admin-password"

bench_account() {
  local answer
  answer=$(curl -s --max-time 30 -w '\n%{http_code}' -H "Authorization: Bearer $2" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$3\",\"password\":\"$BENCH_ADMIN_PASSWORD\",\"role\":\"$4\"}" "$1/api/v1/users")
  [ "${answer##*$'\n'}" = 201 ] || { echo "creating the account $3 ($4) failed: ${answer%$'\n'*}" >&2; return 1; }
}

bench_token() {
  local base=$1 username=${2:-admin} cookies answer csrf token
  cookies=$(mktemp)
  answer=$(curl -s --max-time 30 -c "$cookies" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$username\",\"password\":\"$BENCH_ADMIN_PASSWORD\"}" "$base/api/v1/auth/login")
  csrf=$(sed -n 's/.*"csrfToken":"\([^"]*\)".*/\1/p' <<<"$answer")
  if [ -z "$csrf" ]; then
    rm -f "$cookies"; echo "signing in failed: $answer" >&2; return 1
  fi
  answer=$(curl -s --max-time 30 -b "$cookies" -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" \
    -d '{"name":"benchmark"}' "$base/api/v1/auth/tokens")
  rm -f "$cookies"
  token=$(sed -n 's/.*"token":"\([^"]*\)".*/\1/p' <<<"$answer")
  if [ -z "$token" ]; then
    echo "making a token failed: $answer" >&2; return 1
  fi
  echo "$token"
}

bench_client() {
  local gson
  gson=$(ls "$DIST"/bundles/gson-*.jar 2>/dev/null | head -1)
  [ -n "$gson" ] || fail "no gson in $DIST/bundles"
  CLIENT_CLASSPATH="$WORK/client:$gson"
  mkdir -p "$WORK/client"
  javac -nowarn -encoding UTF-8 -d "$WORK/client" -cp "$gson" "$HERE/client/BenchHttp.java" "$1" || fail "cannot compile $1"
}
