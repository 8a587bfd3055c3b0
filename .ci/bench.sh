#!/usr/bin/env bash
# `make bench`: the scheduling engine benchmarks (criterion, see server/benches), then the
# release server under HTTP load, first-visit transfer and wasm size (see bench.py).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
"$ROOT/.ci/install.sh" bench

# Both parts always run; the exit status says whether every goal was met.
status=0
cargo bench -p server --bench scheduling || status=1
python3 "$ROOT/.ci/bench_scheduling.py" || status=1
echo
cargo leptos build --release
python3 "$ROOT/.ci/bench.py" "$DOORSTEP_BIN" || status=1
exit $status
