#!/usr/bin/env bash
# The Python package test (issue 12): builds python/ (PyO3 + maturin) into a wheel in a
# virtualenv (.venv-python, git-ignored), installs it, and checks in Python (scripts/
# check_python.py) that `banli.run("corpus")` gives the rows of the CLI's tables on the same
# corpus, through pyarrow and polars (Arrow PyCapsule interface).
#
# Outside CI, when the venv's packages (maturin, pyarrow, polars, pandas from PyPI) cannot be
# installed, the test is skipped with a message; when CI is set that is a failure. The build
# shares the root's target folder, so what `cargo test --release` built is reused.
# Run by .ci/run after the Spark test.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
venv=.venv-python
if ! { [ -x "$venv/bin/python" ] || python3 -m venv "$venv"; } ||
  ! "$venv/bin/pip" install -q "maturin>=1.16,<2" pyarrow polars pandas; then
  if [ -n "${CI:-}" ]; then
    echo "ci_python: FAILED: maturin, pyarrow, polars or pandas not installed (CI is set)" >&2
    exit 1
  fi
  echo "ci_python: SKIPPED: maturin, pyarrow, polars or pandas could not be installed from PyPI" >&2
  exit 0
fi
echo "ci_python: venv ready in $((SECONDS - start)) s"

t=$SECONDS
# The module's own format and lint gates (the root's do not see this crate).
if cargo fmt --version >/dev/null 2>&1; then
  cargo fmt --manifest-path python/Cargo.toml --check
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export CARGO_TARGET_DIR=$PWD/target
"$venv/bin/maturin" build --release -q -m python/Cargo.toml -o "$tmp/wheels" \
  --interpreter "$venv/bin/python"
"$venv/bin/pip" install -q --force-reinstall --no-deps "$tmp"/wheels/banli-*.whl
echo "ci_python: wheel built and installed in $((SECONDS - t)) s"

cargo build --release -q
rc=0
target/release/banli run corpus -o "$tmp/out" -q --no-review || rc=$?
[ "$rc" -le 1 ] || { echo "ci_python: banli run failed ($rc)" >&2; exit 1; }
# Run from elsewhere, so `import banli` is the installed wheel, not the python/banli folder.
(cd "$tmp" && "$OLDPWD/$venv/bin/python" "$OLDPWD/scripts/check_python.py" "$OLDPWD/corpus" out)
echo "ci_python: passed in $((SECONDS - start)) s"
