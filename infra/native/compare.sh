#!/usr/bin/env bash
# Native against JVM, every function in one run: time from process start to the first answer and peak RSS (median of
# N cold starts each, infra/bench/startup.sh on target/function.zip, then on target/function-native.zip), warm p50,
# and the sizes of both zips. Build both first: infra/native/build.sh and infra/native/build.sh --jvm (or
# ./mvnw package). Start-up is CPU-bound: the load average before and after is printed beside the figures.
#   infra/native/compare.sh [runs, default 5]
# Writes target/bench/native-vs-jvm.md: one table (a row per function), the sizes, then both full reports.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
for zip in target/function.zip target/function-native.zip; do
  [ -f "$zip" ] || { echo "compare.sh: no $zip: run infra/native/build.sh (native) and infra/native/build.sh --jvm (JVM)" >&2; exit 2; }
done
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
infra/bench/startup.sh "$runs" target/function.zip
infra/bench/startup.sh "$runs" target/function-native.zip
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
jvm=target/bench/startup-report-function.md
native=target/bench/startup-report-function-native.md
exe=$(ls target/native/*-runner 2>/dev/null | head -1 || true)
mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f MB", b / 1e6 }'; }
{
  echo "## Native against JVM ($runs cold starts each; $(nproc) cores; load average $load_before before, $load_after after)"
  echo
  echo "| function | native first answer | JVM first answer | JVM / native | native peak RSS | JVM peak RSS |"
  echo "| --- | --- | --- | --- | --- | --- |"
  # report rows: | function | **median ms** | runs | warm p50 | RSS after first / after warm (MiB) |
  awk -F'|' '
    FNR == 1 { file++ }
    /^\| [a-z-]+ \| \*\*/ {
      name = $2; gsub(/ /, "", name); first = $3; gsub(/[ *]/, "", first); split($6, rss, "/"); gsub(/ /, "", rss[2])
      if (file == 1) { jf[name] = first; jr[name] = rss[2] } else { nf[name] = first; nr[name] = rss[2]; order[++n] = name }
    }
    END {
      for (i = 1; i <= n; i++) {
        f = order[i]
        printf "| %s | %d ms | %d ms | %.0f× | %d MiB | %d MiB |\n", f, nf[f], jf[f], jf[f] / nf[f], nr[f], jr[f]
      }
    }' "$jvm" "$native"
  echo
  echo "Zips: native $(mb target/function-native.zip), JVM $(mb target/function.zip)$([ -n "$exe" ] && echo "; native executable $(mb "$exe")")."
  echo "Peak RSS is VmHWM after 50 warm invocations."
  echo
  echo "## JVM"
  echo
  cat "$jvm"
  echo
  echo "## Native"
  echo
  cat "$native"
} > target/bench/native-vs-jvm.md
cat target/bench/native-vs-jvm.md
