#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the test tools pinned in tests/tools/package-lock.json (the Prism mock server that
# validates AI requests against the OpenAPI specs) into tests/tools/node_modules/ (never
# committed) when missing or of another version. Installs Debian's npm if missing.
set -euo pipefail
here=$(dirname "$0")
exec "$here/npm-install-pinned.sh" "$here/../tests/tools" @stoplight/prism-cli \
  node_modules/.bin/prism
