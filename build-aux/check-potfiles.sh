#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when po/POTFILES.in misses a file with translatable strings, lists a file that has none
# or does not exist, or is not sorted. Usage: check-potfiles.sh SOURCE_ROOT
set -euo pipefail

root=${1:?usage: check-potfiles.sh SOURCE_ROOT}
cd "$root"
potfiles=po/POTFILES.in

listed=$(grep -v -e '^#' -e '^[[:space:]]*$' "$potfiles" || true)

# C: _("…"), N_("…"), C_("…"), NC_("…"), ngettext ("…") (string on the same or next line); UI files: translatable="yes"; the data templates
# always carry translatable names, summaries and descriptions.
found=$( {
    grep -rlE --include='*.c' --include='*.h' \
        '(^|[^[:alnum:]_])((N|C|NC)?_|(g_d)?n?gettext) ?\([[:space:]]*("|$)' src || true
    grep -rl --include='*.ui' 'translatable="yes"' resources src || true
    ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml 2>/dev/null || true
} | LC_ALL=C sort -u)

# One path a line, no empty line, so comm compares names only.
lines() { printf '%s\n' "$1" | sed '/^$/d'; }

status=0
missing=$(LC_ALL=C comm -13 <(lines "$listed" | LC_ALL=C sort -u) <(lines "$found"))
extra=$(LC_ALL=C comm -23 <(lines "$listed" | LC_ALL=C sort -u) <(lines "$found"))
if [ -n "$missing" ]; then
    printf 'Files with translatable strings missing from %s:\n%s\n' "$potfiles" "$missing" >&2
    status=1
fi
if [ -n "$extra" ]; then
    printf 'Files listed in %s without translatable strings (or not existing):\n%s\n' "$potfiles" "$extra" >&2
    status=1
fi
if [ "$listed" != "$(lines "$listed" | LC_ALL=C sort)" ]; then
    echo "$potfiles is not sorted (LC_ALL=C sort)" >&2
    status=1
fi
[ "$status" -eq 0 ] && echo "$potfiles lists all $(lines "$found" | wc -l) files with translatable strings"
exit "$status"
