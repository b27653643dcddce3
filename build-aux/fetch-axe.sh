#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the axe-core version pinned in package-lock.json into node_modules/ (never
# committed); meson bundles it into the preview resources. Installs Debian's npm if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

wanted=$(sed -n 's/^ *"axe-core": *"\([^"]*\)".*/\1/p' package.json)
have=
if [ -f node_modules/axe-core/package.json ]; then
  have=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' node_modules/axe-core/package.json | head -n 1)
fi

if [ -n "$have" ] && [ "$have" = "$wanted" ] && [ -f node_modules/axe-core/axe.min.js ] &&
   [ -f node_modules/axe-core/locales/ja.json ]; then
  exit 0
fi

if ! command -v npm >/dev/null; then
  echo "Installing npm"
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=900 install -y -q --no-install-recommends npm
fi

echo "Installing axe-core $wanted"
npm ci --no-audit --no-fund
