# Sourced by the benchmark scripts: what they share. Each sets HERE (this folder) and DIST
# (empty for the default) before it calls these.
#
#   bench_distribution       sets DIST to the built distribution's folder, or exits 2 saying why
#   bench_workspace          sets WORK to a new temporary folder, removed at exit with the
#                            runtime whose process id the script keeps in RUNNING
#   free_port                prints a port of 127.0.0.1 nothing listens on
#   busy_percent             prints how busy the machine's CPUs were over the next half second
#   wait_for_quiet           waits up to QUIET_WAIT seconds for the machine to be idle; sets BUSY
#   BENCH_ADMIN_PASSWORD     the password the scripts start their runtime with (NADI_ADMIN_PASSWORD)
#   bench_token BASE_URL     prints a new bearer token of the administrator (BASE_URL is
#                            http://127.0.0.1:PORT); fails with what the runtime answered

bench_distribution() {
  if [ -z "$DIST" ]; then
    DIST=$(ls -d "$HERE"/../distribution/target/nadi-*/ 2>/dev/null | head -1 || true)
    [ -n "$DIST" ] || { echo "no built distribution: run 'mvn -B package -DskipTests' first, or pass --dist DIR" >&2; exit 2; }
  fi
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

bench_token() {
  local base=$1 cookies answer csrf token
  cookies=$(mktemp)
  answer=$(curl -s --max-time 30 -c "$cookies" -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$BENCH_ADMIN_PASSWORD\"}" "$base/api/v1/auth/login")
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
