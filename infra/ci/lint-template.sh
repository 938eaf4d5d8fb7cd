#!/usr/bin/env bash
# Lints template.yaml beyond its schema, offline: cfn-lint on the SAM template, then the SAM transform
# (aws-sam-translator, what CloudFormation runs on deploy) and cfn-lint again on the plain CloudFormation
# it produces, where rules see the real functions, versions, aliases, roles and event source mappings.
# Usage: infra/ci/lint-template.sh [template.yaml]   Exit: 0 clean (warnings allowed), non-zero on any error.
# Needs Python 3 with cfn-lint and aws-sam-translator (CI installs them with pip when missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
template=${1:-template.yaml}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export AWS_DEFAULT_REGION=${AWS_DEFAULT_REGION:-eu-central-1}
start=$(date +%s)
# Exit codes of cfn-lint are a bit mask: 2 = error, 4 = warning, 8 = informational. Only errors fail.
lint() {
  local rc=0
  cfn-lint --format parseable -- "$1" || rc=$?
  if (( rc & 2 )) || (( rc & 1 )); then
    echo "cfn-lint: errors in $1 (exit $rc)" >&2
    return 1
  fi
}
echo "cfn-lint $template"
lint "$template"
resources=$(python3 infra/ci/transform-template.py "$template" "$out/transformed.json")
echo "SAM transform: $resources resources"
echo "cfn-lint transformed template"
lint "$out/transformed.json"
echo "template lint: clean in $(( $(date +%s) - start )) s"
