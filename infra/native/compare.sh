#!/usr/bin/env bash
# Native against JVM, every function in one run: time from process start to the first answer and peak RSS (median of
# N cold starts each, infra/bench/startup.sh on target/function.zip, then on target/function-native.zip), warm p50,
# and the sizes of both zips. Build both first: infra/native/build.sh and infra/native/build.sh --jvm (or
# ./mvnw package). Start-up is CPU-bound: the load average before and after is printed beside the figures.
#   infra/native/compare.sh [runs, default 5]
# Writes target/bench/native-vs-jvm.md: one table (a row per function, order-events included, each build as it deploys:
# native unprimed, JVM primed; first answer split into init + first invocation, so order-sweep's sweep shows apart
# from its start-up), the sizes, then both full reports (every function primed and unprimed).
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
  echo "Each build as it deploys: native unprimed, the JVM primed (baton.prime's defaults). First answer = init (process"
  echo "start to the first Runtime API poll: Quarkus, priming) + first invocation (for order-sweep a whole sweep); medians."
  echo
  echo "| function | native first answer | native init + first invocation | JVM first answer | JVM init + first invocation | JVM / native | native peak RSS | JVM peak RSS |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
  # report rows: | function[ (priming off)] | **median ms** | ÷ bare | init + invocation | runs | warm p50 | RSS after first / after warm (MiB) |
  awk -F'|' '
    FNR == 1 { file++ }
    /^\| [a-z-]+( \(priming off\))? \| \*\*/ {
      name = $2; unprimed = name ~ /priming off/; sub(/ \(priming off\)/, "", name); gsub(/ /, "", name)
      first = $3; gsub(/[ *]/, "", first); sp = $5; gsub(/^ +| +$/, "", sp)
      rss = $8; sub(/.*\//, "", rss); gsub(/ /, "", rss)
      if (file == 1) {
        if (!unprimed) { jf[name] = first; js[name] = sp; jr[name] = rss }
      } else if (unprimed || !(name in nf)) {
        if (!(name in nf)) order[++n] = name
        nf[name] = first; ns[name] = sp; nr[name] = rss
      }
    }
    END {
      for (i = 1; i <= n; i++) {
        f = order[i]
        printf "| %s | %d ms | %s | %d ms | %s | %.0f× | %d MiB | %d MiB |\n", f, nf[f], ns[f], jf[f], js[f], jf[f] / nf[f], nr[f], jr[f]
      }
    }' "$jvm" "$native"
  echo
  echo "Zips: native $(mb target/function-native.zip), JVM $(mb target/function.zip)$([ -n "$exe" ] && echo "; native executable $(mb "$exe")")."
  echo "Peak RSS is VmHWM after 50 warm invocations; both reports below also give each function primed and unprimed."
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
