#!/usr/bin/env bash
# `make bench`: builds the release site, then measures it in one run (see bench.py).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
"$ROOT/.ci/install.sh" bench
cargo leptos build --release
python3 "$ROOT/.ci/bench.py" "$DOORSTEP_BIN"
