#!/usr/bin/env bash
# Installs what scripts/spark_banli.py needs to run Spark in local mode, idempotently:
# a headless Java runtime from Debian (apt-get, as root, only when no `java` >= 17 is found) and
# pyspark from PyPI in a virtualenv ($SPARK_VENV, default .venv-spark, git-ignored; reused when
# pyspark imports there).
# Usage: scripts/setup_spark.sh        prints the venv's python on its last line.
# Exit code 0 when ready, 1 when something could not be installed (the caller decides whether
# that is a skip or a failure: scripts/ci_spark.sh fails under CI=..., skips otherwise).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${SPARK_VENV:-.venv-spark}
case $venv in /*) ;; *) venv=$PWD/$venv ;; esac
pyspark_spec=${PYSPARK_SPEC:-pyspark==4.3.0}

java_major() {
  # `java -version` prints e.g. openjdk version "17.0.15" 2025-04-15 (on stderr).
  local v
  v=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
  echo "${v:-0}"
}

if ! command -v java >/dev/null 2>&1 || [ "$(java_major)" -lt 17 ]; then
  echo "setup_spark: installing a headless Java runtime from Debian" >&2
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "setup_spark: no Java 17+ and no apt-get as root to install one" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 || echo "setup_spark: apt-get update had problems; trying anyway" >&2
  # Spark 4 needs Java 17 or 21: take whichever headless runtime this Debian release has.
  for jre in openjdk-17-jre-headless openjdk-21-jre-headless default-jre-headless; do
    if apt-get install -y -qq --no-install-recommends "$jre" >&2; then break; fi
  done
  command -v java >/dev/null 2>&1 && [ "$(java_major)" -ge 17 ] || {
    echo "setup_spark: could not install Java 17+" >&2
    exit 1
  }
fi

if ! "$venv/bin/python" -c 'import pyspark' >/dev/null 2>&1; then
  echo "setup_spark: installing $pyspark_spec into $venv" >&2
  python3 -m venv "$venv" >&2 || exit 1
  "$venv/bin/pip" install -q "$pyspark_spec" >&2 || exit 1
fi
"$venv/bin/python" -c 'import pyspark, sys
print("setup_spark: pyspark", pyspark.__version__, file=sys.stderr)'
echo "setup_spark: $(java -version 2>&1 | head -1)" >&2
echo "$venv/bin/python"
