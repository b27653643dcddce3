#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: npm-install-pinned.sh DIR PACKAGE [FILE...]
# Runs `npm ci` in DIR (pinned by its package-lock.json) unless node_modules/ already holds the
# version of PACKAGE that DIR/package.json asks for and every FILE (relative to DIR) exists.
# Installs Debian's npm if missing.
set -euo pipefail
cd "$1"
package=$2
shift 2

pattern=$(printf '%s' "$package" | sed 's/[\/.]/\\&/g')
wanted=$(sed -n "s/^ *\"$pattern\": *\"\([^\"]*\)\".*/\1/p" package.json)
installed=node_modules/$package/package.json
have=
if [ -f "$installed" ]; then
  have=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$installed" | head -n 1)
fi

complete=true
for file in "$@"; do
  [ -e "$file" ] || complete=false
done
if [ -n "$have" ] && [ "$have" = "$wanted" ] && $complete; then
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

echo "Installing $package $wanted"
npm ci --no-audit --no-fund
