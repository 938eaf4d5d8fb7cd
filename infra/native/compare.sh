#!/usr/bin/env bash
# Native against JVM, each function: time to first answer, warm p50 and peak RSS (infra/bench/startup.sh on
# target/function.zip, then on target/function-native.zip), and the artifact sizes. Run infra/native/build.sh first.
#   infra/native/compare.sh [runs, default 5]
# Writes target/bench/native-vs-jvm.md (the two start-up tables and the sizes).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
[ -f target/function-native.zip ] || { echo "compare.sh: no target/function-native.zip: run infra/native/build.sh" >&2; exit 2; }
infra/bench/startup.sh "$runs" target/function.zip
infra/bench/startup.sh "$runs" target/function-native.zip
exe=$(ls target/native/*-runner 2>/dev/null | head -1 || true)
{
  echo "## Sizes"
  echo
  echo "- JVM function.zip: $(stat -c %s target/function.zip) bytes"
  echo "- native function-native.zip: $(stat -c %s target/function-native.zip) bytes"
  [ -n "$exe" ] && echo "- native executable $(basename "$exe"): $(stat -c %s "$exe") bytes"
  echo
  echo "## JVM"
  echo
  cat target/bench/startup-report-function.md
  echo
  echo "## Native"
  echo
  cat target/bench/startup-report-function-native.md
} > target/bench/native-vs-jvm.md
cat target/bench/native-vs-jvm.md
