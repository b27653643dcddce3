#!/bin/bash
# Runs one dogtail test: a session D-Bus inside the test's Xvfb (so the AT-SPI registry can
# synthesise XTest input), accessibility on, then the Python test with the system python
# (which has gi, pyatspi and dogtail). Usage: gui-test-wrapper.sh TEST.py [args...]
set -euo pipefail
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1400x1000x24 -nolisten tcp" "$0" "$@"
fi
if [ -z "${_TAYORI_IN_DBUS:-}" ]; then
  export _TAYORI_IN_DBUS=1
  exec dbus-run-session -- "$0" "$@"
fi
unset GTK_A11Y NO_AT_BRIDGE
export GSK_RENDERER=cairo GDK_BACKEND=x11
exec /usr/bin/python3 "$@"
