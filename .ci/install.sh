#!/usr/bin/env bash
# Installs whatever is missing for the given purposes (build, test, bench), and nothing
# that is already there: a second run takes a second or two.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

want_build=0 want_test=0 want_bench=0
for purpose in "$@"; do
  case "$purpose" in
    build) want_build=1 ;;
    test) want_build=1 want_test=1 ;;
    bench) want_build=1 want_bench=1 ;;
    *) echo "install.sh: unknown purpose $purpose (build, test, bench)" >&2; exit 2 ;;
  esac
done

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

apt_updated=0
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "apt-get install ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if [ $apt_updated -eq 0 ]; then $sudo apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

if [ $want_build -eq 1 ]; then
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
  if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
    say "cargo install cargo-leptos $CARGO_LEPTOS_VERSION (once; about 15 minutes)"
    cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --features no_downloads
  fi
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
    say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (once; about 3 minutes)"
    # Not --locked: one of its locked dependencies is no longer in the registry.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  fi
  if [ ! -x .tools/node_modules/.bin/wasm-opt ] || [ ! -f .tools/node_modules/leaflet/dist/leaflet.js ]; then
    say "npm ci (binaryen's wasm-opt and Leaflet, project-local)"
    (cd .tools && npm ci --no-audit --no-fund --silent)
  fi
  # Leaflet is served from our own origin, never a CDN: the build copies public/ to the site.
  mkdir -p public/vendor/leaflet
  for f in leaflet.js leaflet.css; do
    cmp -s ".tools/node_modules/leaflet/dist/$f" "public/vendor/leaflet/$f" \
      || cp ".tools/node_modules/leaflet/dist/$f" "public/vendor/leaflet/$f"
  done
fi

if [ $want_test -eq 1 ]; then
  apt_install chromium postgresql
  if ! cargo deny --version 2>/dev/null | grep -q " $CARGO_DENY_VERSION\$"; then
    say "cargo install cargo-deny $CARGO_DENY_VERSION (once; about 10 minutes)"
    cargo install cargo-deny --version "$CARGO_DENY_VERSION" --locked
  fi
  if ! python3 -c "import aiosmtpd" 2>/dev/null; then
    say "pip install aiosmtpd (the SMTP server mail tests send to)"
    python3 -m pip install --quiet --disable-pip-version-check aiosmtpd
  fi
  if ! command -v moto_server >/dev/null 2>&1; then
    say "pip install moto[server] (the S3-compatible store file tests keep photos in)"
    python3 -m pip install --quiet --disable-pip-version-check 'moto[server]'
  fi
  if ! python3 -c "import icalendar" 2>/dev/null; then
    say "pip install icalendar (the calendar feed tests read the feed with it)"
    python3 -m pip install --quiet --disable-pip-version-check icalendar
  fi
  if [ ! -d end2end/node_modules/@playwright/test ] || [ ! -d end2end/node_modules/@axe-core/playwright ]; then
    say "npm ci (Playwright and axe-core; browsers come from Debian)"
    (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
  fi
fi

if [ $want_bench -eq 1 ]; then
  apt_install wrk
fi
