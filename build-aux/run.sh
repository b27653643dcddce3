#!/bin/bash
# Sets up, builds and installs Tayori into ./_install (so translations and the GSettings schema
# are found), then launches it on its embedded defaults: a local store in the user's data dir.
set -euo pipefail
cd "$(dirname "$0")/.."
./build-aux/install-deps.sh run
top=$PWD
[ -f build/build.ninja ] || meson setup build --prefix="$top/_install"
meson install -C build --quiet
export XDG_DATA_DIRS="$top/_install/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
exec "$top/_install/bin/tayori" "$@"
