# Sourced by the other scripts: where builds and tools live.
# Cargo's target directory stays outside the clone (like a CI cache), so a fresh clone on a
# machine that built before reuses that work. Override with DOORSTEP_TARGET_DIR.
export CARGO_TARGET_DIR="${DOORSTEP_TARGET_DIR:-$HOME/.cache/doorstep/target}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
export PATH="$HOME/.cargo/bin:$ROOT/.tools/node_modules/.bin:$PATH"
export DOORSTEP_BIN="$CARGO_TARGET_DIR/release/doorstep"
# Pin what wasm-bindgen CLI must match: the crate version locked in Cargo.lock.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' "$ROOT/Cargo.lock")"
export WASM_BINDGEN_VERSION
CARGO_LEPTOS_VERSION=0.3.10
export CARGO_LEPTOS_VERSION
CARGO_DENY_VERSION=0.20.2
export CARGO_DENY_VERSION
