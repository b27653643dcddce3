#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the axe-core version pinned in package-lock.json into node_modules/ (never
# committed); meson bundles it into the preview resources. Installs Debian's npm if missing.
set -euo pipefail
here=$(dirname "$0")
exec "$here/npm-install-pinned.sh" "$here/.." axe-core \
  node_modules/axe-core/axe.min.js node_modules/axe-core/locales/ja.json
