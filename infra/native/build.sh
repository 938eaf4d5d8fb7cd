#!/usr/bin/env bash
# Builds the deployable artifact and leaves it where template.yaml's CodeUri points (target/deploy/function.zip).
#
#   infra/native/build.sh          native executable (./mvnw package -Pnative): target/function-native.zip
#                                  (the executable as bootstrap), copied to target/deploy/function.zip
#   infra/native/build.sh --jvm    JVM build (./mvnw package): target/function.zip, copied to target/deploy/
#   infra/native/build.sh --home   prints the GraalVM home the native build would use (assembling it if needed)
#
# Native needs a GraalVM/Mandrel home for JDK 25: GRAALVM_HOME when set, else the one
# ../shared/tools/native/assemble puts together on machines without a distribution (it needs gcc and the Debian
# package zlib1g-dev, installed here when missing; the home lives in ~/.cache, never in the repository). Where
# neither exists but Docker does, set BATON_NATIVE_CONTAINER=1 for Quarkus' container build instead.
#   BATON_NATIVE_XMX   heap of the native-image builder (default 6g; it needs ~5 GB for Baton)
#   BATON_SKIP_TESTS   1 (default) packages without compiling or running the tests; 0 runs them first
#   BATON_NATIVE_QUICK 1: native-image's quick build mode (-Ob): the same image (what is reachable, registered for
#                      reflection and included as resources does not change), its code less optimised; a build for
#                      the native suites (CI), not for deployment: it is not copied to target/deploy/
# Prints the deploy command with the FunctionRuntime that matches the artifact. Exit 2: a problem you can fix.
set -euo pipefail
cd "$(dirname "$0")/../.."
fail() {
  echo "build.sh: $*" >&2
  exit 2
}
mode=native
case "${1:-}" in
  "") ;;
  --jvm) mode=jvm ;;
  --home) mode=home ;;
  *) fail "unknown argument $1 (usage: infra/native/build.sh [--jvm|--home])" ;;
esac
# packaging only: the tests are neither compiled nor run (BATON_SKIP_TESTS=0 runs them first)
skip=(-Dmaven.test.skip=true)
[ "${BATON_SKIP_TESTS:-1}" = "0" ] && skip=()
graalvm_home() {
  home=${GRAALVM_HOME:-}
  if [ -z "$home" ]; then
    if ! dpkg -s zlib1g-dev >/dev/null 2>&1; then
      echo "build.sh: installing zlib1g-dev (native-image links against it)..." >&2
      sudo=""
      [ "$(id -u)" = 0 ] || sudo="sudo -n"
      $sudo apt-get install -y -q zlib1g-dev >/dev/null || fail "could not install zlib1g-dev: run apt-get install -y zlib1g-dev as root."
    fi
    assemble=../shared/tools/native/assemble
    [ -x "$assemble" ] || fail "no GRAALVM_HOME and no $assemble: set GRAALVM_HOME to a GraalVM/Mandrel for JDK 25 (or BATON_NATIVE_CONTAINER=1 with Docker)."
    echo "build.sh: assembling a GraalVM home ($assemble, ~1 min the first time)..." >&2
    home=$("$assemble")
  fi
  [ -x "$home/bin/native-image" ] || fail "$home has no bin/native-image: point GRAALVM_HOME at a GraalVM/Mandrel home."
  echo "$home"
}
if [ "$mode" = home ]; then
  graalvm_home
  exit 0
fi
started=$SECONDS
mkdir -p target/deploy

if [ "$mode" = jvm ]; then
  ./mvnw -B -ntp package "${skip[@]}"
  cp target/function.zip target/deploy/function.zip
else
  args=(-Pnative "-Dquarkus.native.native-image-xmx=${BATON_NATIVE_XMX:-6g}")
  if [ "${BATON_NATIVE_CONTAINER:-0}" = "1" ]; then
    args+=(-Dquarkus.native.container-build=true)
  else
    home=$(graalvm_home)
    args+=(-Dquarkus.native.container-build=false "-Dquarkus.native.graalvm-home=$home")
  fi
  quick=${BATON_NATIVE_QUICK:-0}
  [ "$quick" = "1" ] && args+=(-Dquarkus.native.additional-build-args=-Ob)
  echo "build.sh: native build (several minutes; 4–6 min on 2 idle cores, 40 under load)$([ "$quick" = "1" ] && echo ", quick build mode (-Ob)")..."
  ./mvnw -B -ntp package "${skip[@]}" "${args[@]}"
  cp target/native/function.zip target/function-native.zip
  if [ "$quick" = "1" ]; then
    echo "build.sh: native build in $((SECONDS - started)) s (quick build mode: target/function-native.zip for the native suites; not copied to target/deploy/, build without BATON_NATIVE_QUICK to deploy)"
    exit 0
  fi
  cp target/native/function.zip target/deploy/function.zip
fi

echo "build.sh: $mode build in $((SECONDS - started)) s"
ls -l target/deploy/function.zip
echo "$mode" > target/deploy/RUNTIME
echo "deploy it with: sam deploy --parameter-overrides FunctionRuntime=$mode JwtIssuer=... JwtAudience=..."
