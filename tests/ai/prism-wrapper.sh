#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a test against a Prism mock server that validates every request against an OpenAPI
# spec (Prism answers 422 to a request the spec does not allow). Starts Prism on 127.0.0.1 and
# a free port, exports its base URL as TAYORI_PRISM_URL, runs the test and stops Prism.
# Exits 77 (skip) when the spec (../shared) or the Prism install (build-aux/fetch-test-tools.sh)
# is missing. Usage: prism-wrapper.sh SPEC TEST-BINARY [ARGS…]
set -u
spec=$1
shift
tools=$(cd "$(dirname "$0")/../tools" && pwd)
prism=$tools/node_modules/.bin/prism

if [ ! -f "$spec" ]; then
  echo "SKIP: the OpenAPI spec $spec is absent (../shared is not next to the source tree)"
  exit 77
fi
if [ ! -x "$prism" ] || ! command -v node >/dev/null; then
  echo "SKIP: Prism is not installed; run build-aux/fetch-test-tools.sh"
  exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tayori-prism.XXXXXX")
pid=
stop_prism () {
  if [ -n "$pid" ]; then
    kill -TERM -- "-$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    pid=
  fi
}
trap 'stop_prism; rm -rf "$tmp"' EXIT

node "$tools/prism-spec-fixup.js" "$spec" "$tmp/spec.json" || exit 99

free_port () {
  node -e 'const s = require("net").createServer();
           s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

# Another process may take the port between asking and binding: then Prism exits, try again.
for attempt in 1 2 3; do
  port=$(free_port)
  # setsid: Prism and any child it starts form one process group, stopped together.
  setsid "$prism" mock --host 127.0.0.1 --port "$port" "$tmp/spec.json" >"$tmp/prism.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    if ! kill -0 "$pid" 2>/dev/null; then
      wait "$pid" 2>/dev/null
      pid=
      break
    fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      break
    fi
    sleep 0.2
  done
  [ -n "$pid" ] && break
done
if [ -z "$pid" ] || ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "prism-wrapper: Prism did not start:" >&2
  tail -n 20 "$tmp/prism.log" >&2
  exit 99
fi

export TAYORI_PRISM_URL="http://127.0.0.1:$port"
"$@"
status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 77 ]; then
  echo "prism-wrapper: what Prism said about the requests:" >&2
  grep -vE "\[CLI\].*(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) +http" "$tmp/prism.log" |
    tail -n 40 >&2
fi
exit "$status"
