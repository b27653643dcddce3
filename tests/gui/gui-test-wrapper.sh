#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one dogtail test: in an Xvfb of its own (wide enough for the list, form and preview side
# by side, and never the developer's desktop, since the test types through XTest), a session
# D-Bus inside it (so the AT-SPI registry it activates can synthesise input), accessibility
# on, then the test with the system python (which has gi, pyatspi and dogtail).
# Usage: gui-test-wrapper.sh TEST.py TAYORI_BINARY
set -euo pipefail
if [ -z "${_TAYORI_GUI_XVFB:-}" ]; then
  export _TAYORI_GUI_XVFB=1
  exec xvfb-run -a -s "-screen 0 1920x1200x24 -nolisten tcp" "$0" "$@"
fi
if [ -z "${_TAYORI_GUI_DBUS:-}" ]; then
  export _TAYORI_GUI_DBUS=1
  # The services D-Bus starts (the AT-SPI registry) write to its output: the test's TAP goes
  # to the original output through fd 3, everything else to stderr.
  exec 3>&1
  exec dbus-run-session -- "$0" "$@" >&2
fi
unset NO_AT_BRIDGE
export GTK_A11Y=atspi GSK_RENDERER=cairo GDK_BACKEND=x11
exec /usr/bin/python3 -u "$@" >&3 3>&-
