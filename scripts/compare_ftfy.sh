#!/usr/bin/env bash
# Installs ftfy in a virtualenv (.venv-ftfy, git-ignored) and compares it with banli's repair
# stage on damaged copies of the sample corpus and, when present, ../shared/eval. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv-ftfy
.venv-ftfy/bin/pip install -q ftfy
cargo build --release -q --example damage
cargo build --release -q
dirs=(corpus/docs)
for d in ../shared/eval/seeds/docs ../shared/eval/dev/docs; do [ -d "$d" ] && dirs+=("$d"); done
.venv-ftfy/bin/python scripts/compare_ftfy.py "${dirs[@]}"
.venv-ftfy/bin/python -c 'import ftfy; print("ftfy", ftfy.__version__)'
