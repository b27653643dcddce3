#!/bin/bash
# meson exe_wrapper for every test: a private Xvfb and throwaway HOME/XDG dirs, so tests never
# touch the user's data and WebKit/Mesa caches land in a temp dir that is removed afterwards.
set -u
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tayori-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" && mkdir -m 700 "$tmp/run"
export HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/run" XDG_CACHE_HOME="$tmp/cache" \
       XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" TMPDIR="$tmp"
if [ -n "${DISPLAY:-}" ] && [ -z "${TAYORI_TEST_OWN_XVFB:-}" ]; then
  "$@"
else
  xvfb-run -a -s "-screen 0 1400x1000x24 -nolisten tcp" "$@"
fi
