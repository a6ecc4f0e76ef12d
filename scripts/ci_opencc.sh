#!/usr/bin/env bash
# Issue 12: the `system-opencc` feature. Installs Debian's libopencc-dev (OpenCC 1.1.x, which
# opencc-rust 1.1 binds) when missing, then builds banli with the feature and runs
# tests/system_opencc.rs: the system's t2s and the built-in ferrous-opencc give the same text
# on every line of corpus/, seeds, dev, dev2 and wild, and the same tables on corpus/, dev
# and dev2. Outside CI, when the library cannot be installed, the test is skipped with a
# message; when CI is set that is a failure. Run by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! pkg-config --exists opencc 2>/dev/null; then
  start=$SECONDS
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo -n)
  if { "${sudo[@]}" apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
      libopencc-dev pkg-config; } >/dev/null; then
    echo "ci_opencc: installed libopencc-dev in $((SECONDS - start)) s"
  elif [ -n "${CI:-}" ]; then
    echo "ci_opencc: FAILED: could not install libopencc-dev (CI is set)" >&2
    exit 1
  else
    echo "ci_opencc: SKIPPED: could not install libopencc-dev with apt-get" >&2
    exit 0
  fi
fi
start=$SECONDS
cargo test --release -q --features system-opencc --test tests system_opencc::
echo "ci_opencc: system OpenCC $(pkg-config --modversion opencc) agrees with the built-in, $((SECONDS - start)) s"
