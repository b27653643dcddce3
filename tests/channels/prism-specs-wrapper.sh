#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a test against one Prism serving several OpenAPI documents of one server, merged
# (prism-merge-specs.js), through tests/ai/prism-wrapper.sh (which validates every request and
# exports TAYORI_PRISM_URL). Exits 77 (skip) when a spec (../shared) is absent.
# Usage: prism-specs-wrapper.sh SPEC[,SPEC…] TEST-BINARY [ARGS…]
set -u
here=$(cd "$(dirname "$0")" && pwd)
tools=$here/../tools
IFS=, read -r -a specs <<<"$1"
shift

for spec in "${specs[@]}"; do
  if [ ! -f "$spec" ]; then
    echo "SKIP: the OpenAPI spec $spec is absent (../shared is not next to the source tree)"
    exit 77
  fi
done
if [ ! -d "$tools/node_modules" ] || ! command -v node >/dev/null; then
  echo "SKIP: Prism is not installed; run build-aux/fetch-test-tools.sh"
  exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tayori-specs.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
NODE_PATH="$tools/node_modules" node "$here/prism-merge-specs.js" "$tmp/merged.json" "${specs[@]}" ||
  exit 99
"$here/../ai/prism-wrapper.sh" "$tmp/merged.json" "$@"
