#!/bin/bash
# Runs its arguments in a private D-Bus session with an unlocked gnome-keyring (Secret Service
# only) whose files live in a temporary directory, so tests store and read secrets without ever
# touching the user's keyring; the daemon ends with the session bus. Needs the Debian packages
# dbus and gnome-keyring. Usage: keyring-wrapper.sh TEST-BINARY [ARGS…]
set -u
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  echo "keyring-wrapper: dbus-run-session and gnome-keyring-daemon are needed" >&2
  exit 99
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tayori-keyring.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/data" "$tmp/config" "$tmp/cache" && mkdir -m 700 "$tmp/run"
# D-Bus-activated services get the bus's environment, so the daemon is started by hand, first.
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" \
       XDG_CACHE_HOME="$tmp/cache" XDG_RUNTIME_DIR="$tmp/run"
dbus-run-session -- bash -c '
  set -u
  # An empty password makes gnome-keyring prompt; a fixed test password unlocks without one.
  eval "$(printf "tayori-test" | gnome-keyring-daemon --unlock --components=secrets --daemonize)" \
    || { echo "keyring-wrapper: gnome-keyring-daemon did not start" >&2; exit 99; }
  exec "$@"
' keyring-wrapper "$@"
