#!/usr/bin/env bash
# Refreshes the README's console screenshots (docs/console/) from a run of the browser tests, which take them
# in headless Chromium against the local stack. Needs Debian's chromium and chromium-driver.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -ntp verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ConsoleWalkthroughIT
cp target/console-screenshots/{mapping-editor,preview-matrix,order-view}.png docs/console/
echo "docs/console updated"
