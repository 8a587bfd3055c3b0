#!/usr/bin/env bash
# `make bench`: the scheduling engine benchmarks (criterion, see server/benches), bookings
# committed per second (server/benches/booking.rs), then the
# release server under HTTP load, first-visit transfer and wasm size (see bench.py), and
# live updates under load (bench_live.py), then conversations under load (bench_chat.py).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
"$ROOT/.ci/install.sh" bench

# Both parts always run; the exit status says whether every goal was met.
status=0
cargo bench -p server --bench scheduling || status=1
python3 "$ROOT/.ci/bench_scheduling.py" || status=1
echo
# Bookings per second against raw inserts, on SQLite and on a private PostgreSQL.
source "$ROOT/.ci/pg.sh"
if pg_start; then
  trap pg_stop EXIT
else
  # The goal is set for both engines: a run without PostgreSQL has not met it.
  echo "PostgreSQL did not start: bookings per second are measured on SQLite only" >&2
  status=1
fi
cargo bench -p server --bench booking || status=1
pg_stop
trap - EXIT
echo
cargo leptos build --release
python3 "$ROOT/.ci/bench.py" "$DOORSTEP_BIN" || status=1
echo
# Positions from technicians on the way, and one event fanned out to thousands of streams.
python3 "$ROOT/.ci/bench_live.py" "$DOORSTEP_BIN" || status=1
echo
# 1,000 chat clients: messages accepted, and send to shown on every open page.
python3 "$ROOT/.ci/bench_chat.py" "$DOORSTEP_BIN" || status=1
exit $status
