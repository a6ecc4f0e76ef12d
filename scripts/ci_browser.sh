#!/usr/bin/env bash
# The browser test of issue 10 (tests/browser.rs): review.html for corpus/, the dev and seed
# sets and invented hostile reports, loaded in headless chromium, its DOM checked against
# facts.csv, no script injected from document text, and a screenshot taken.
#
# Installs Debian's chromium and fonts-noto-cjk with apt-get when either is missing (as root;
# otherwise through sudo when there is one). Outside CI, when they cannot be installed, the
# test is skipped with a message; when CI is set that is a failure. The tests are #[ignore]d
# in `cargo test`, so they run here, from the test binary `cargo test --release` already built.
# BANLI_SCREENSHOT=docs/review.png bash scripts/ci_browser.sh refreshes the README's picture.
# Run by .ci/run after the Python test.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
for p in chromium fonts-noto-cjk; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  start=$SECONDS
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo -n)
  if { "${sudo[@]}" apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
      "${missing[@]}"; } >/dev/null; then
    echo "ci_browser: installed ${missing[*]} in $((SECONDS - start)) s"
  elif [ -n "${CI:-}" ]; then
    echo "ci_browser: FAILED: could not install ${missing[*]} (CI is set)" >&2
    exit 1
  else
    echo "ci_browser: SKIPPED: could not install ${missing[*]} with apt-get" >&2
    exit 0
  fi
fi
start=$SECONDS
cargo test --release -q --test tests browser:: -- --ignored --nocapture
echo "ci_browser: browser test passed in $((SECONDS - start)) s"
