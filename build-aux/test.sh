#!/bin/bash
# Sets up, builds (warnings are errors) and runs every Tayori test, then the headless suites
# again in an AddressSanitizer + UndefinedBehaviorSanitizer build. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
./build-aux/install-deps.sh test || exit 1

if [ ! -d ../shared ]; then
  echo "note: ../shared is absent: tests that need the shared specs and data will say so and skip."
fi

rc=0
build_failures=0
logs=()

run_suite () {  # build-dir, meson setup args..., then --, then meson test args
  local dir=$1; shift
  local setup=()
  while [ "$1" != "--" ]; do setup+=("$1"); shift; done
  shift
  if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" "${setup[@]}" >/dev/null || { build_failures=$((build_failures + 1)); return 1; }
  else
    meson setup "$dir" "${setup[@]}" >/dev/null || { build_failures=$((build_failures + 1)); return 1; }
  fi
  ninja -C "$dir" || { build_failures=$((build_failures + 1)); return 1; }
  meson test -C "$dir" --print-errorlogs "$@"
}

run_suite build-ci --werror -- || rc=1
logs+=(build-ci/meson-logs/testlog.json)

ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  run_suite build-asan --werror -Db_sanitize=address,undefined -Db_lundef=false -Dgui_tests=false -- \
  --suite model --suite render --suite store --suite cli \
  --suite checks-engine --suite checks-text --suite checks-structure --suite checks-easy \
  --suite checks-content --suite checks-corpus \
  --suite ai-core --suite ai-governance --suite ai-openai --suite ai-anthropic --suite ai-builtin \
  --suite ai-classifier --suite ai-assistant \
  --suite cms --suite sync --suite cms-cli --suite channels --suite posting || rc=1
logs+=(build-asan/meson-logs/testlog.json)

/usr/bin/python3 - "$build_failures" "${logs[@]}" <<'PY'
import json, os, sys
res = []
for path in sys.argv[2:]:
    if os.path.exists(path):
        res += [json.loads(l) for l in open(path) if l.strip()]
count = lambda *ks: sum(r['result'] in ks for r in res)
failed = count('FAIL', 'ERROR', 'TIMEOUT', 'UNEXPECTEDPASS') + int(sys.argv[1])  # a failed build counts once
print(f"{count('OK', 'EXPECTEDFAIL')} passed, {failed} failed, {count('SKIP')} skipped")
PY
exit $rc
