#!/usr/bin/env bash
# `make test`: installs what is missing, then runs every check and prints a summary.
# Exits non-zero if any step failed.
set -uo pipefail
source "$(dirname "$0")/env.sh"
source "$(dirname "$0")/pg.sh"
cd "$ROOT"

"$ROOT/.ci/install.sh" test || { echo "summary: 0 passed, 1 failed (install)"; exit 1; }

passed=0 failed=0 failures=()
LOGS="$(mktemp -d /tmp/doorstep-test.XXXXXX)"
step() {
  local name="$1"; shift
  local started=$SECONDS
  printf '\033[1m==> %s\033[0m\n' "$name"
  # No step may hang the run: each gets at most half an hour.
  if timeout --kill-after=30 1800 "$@" 2>&1 | tee "$LOGS/step.log"; then
    passed=$((passed + 1))
    printf '    ok: %s (%ss)\n' "$name" $((SECONDS - started))
  else
    failed=$((failed + 1))
    failures+=("$name")
    printf '    FAILED: %s (%ss)\n' "$name" $((SECONDS - started))
  fi
}

SSR_FEATURES="doorstep/ssr,app/ssr,server/ssr"

step "format" cargo fmt --all --check
step "licences and banned crates (cargo deny)" cargo deny check licenses bans
step "clippy (ssr)" cargo clippy -p doorstep -p app -p server --all-targets --features "$SSR_FEATURES" -- -D warnings
step "clippy (hydrate, wasm32)" cargo clippy -p app -p frontend --target wasm32-unknown-unknown \
  --features app/hydrate,frontend/hydrate -- -D warnings
step "domain builds for wasm32 without features" cargo build -p doorstep --target wasm32-unknown-unknown
step "release build (server + wasm)" cargo leptos build --release
step "unit and integration tests (SQLite)" cargo test --release --no-fail-fast -p doorstep -p app -p server --features "$SSR_FEATURES"

trap pg_stop EXIT
if pg_start; then
  # The same command as above, so the compiled tests are reused; the integration suite
  # switches to PostgreSQL when DOORSTEP_TEST_POSTGRES is set.
  step "unit and integration tests (PostgreSQL)" cargo test --release --no-fail-fast -p doorstep -p app -p server \
    --features "$SSR_FEATURES"
  pg_stop
else
  failed=$((failed + 1)); failures+=("start PostgreSQL")
fi

E2E_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
export E2E_PORT
step "browser tests (Playwright, Chromium)" bash -c "cd end2end && npx playwright test"

rm -rf "$LOGS"
echo
if [ $failed -eq 0 ]; then
  echo "All checks passed."
else
  echo "Failed: ${failures[*]}"
fi
echo "summary: $passed passed, $failed failed"
[ $failed -eq 0 ]
