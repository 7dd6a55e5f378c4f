# Sourced by the benchmark scripts: signing in to a runtime started with NADI_ADMIN_PASSWORD.
#
#   BENCH_ADMIN_PASSWORD    the password the scripts start their runtime with
#   bench_token BASE_URL    prints a new bearer token of the administrator (BASE_URL is
#                           http://127.0.0.1:PORT); fails with what the runtime answered

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
