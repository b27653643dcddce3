#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Control script of one wordpress-wrapper.sh instance (copied into its run dir as $TAYORI_WP_CTL):
# stop-http / start-http stop or restart only its php -S server (same address and port), and
# php FILE [ARGS…] runs FILE inside that WordPress, signed in as admin.
set -u
dir=$(cd "$(dirname "$0")" && pwd)
. "$dir/ctl.env"

stop_http() {
  if [ -s "$dir/php-server.pgid" ]; then
    local pg
    pg=$(cat "$dir/php-server.pgid")
    kill -KILL -- -"$pg" 2>/dev/null
    for _ in $(seq 1 100); do kill -0 -- -"$pg" 2>/dev/null || break; sleep 0.02; done
    rm -f "$dir/php-server.pgid"
  fi
}

start_http() {
  [ -s "$dir/php-server.pgid" ] && return 0
  # setsid: own process group, so that the forked workers go with the parent
  TAYORI_WP_CONTENT=$dir/wp-content PHP_CLI_SERVER_WORKERS=4 setsid php -d display_errors=stderr -S "$TAYORI_WP_HOST:$TAYORI_WP_PORT" \
    -t /usr/share/wordpress "$TAYORI_WP_TESTS/wp-router.php" </dev/null >>"$dir/php-server.log" 2>&1 &
  echo $! > "$dir/php-server.pgid"
  for _ in $(seq 1 200); do
    curl -fs -o /dev/null "http://$TAYORI_WP_HOST:$TAYORI_WP_PORT/wp-json/" && return 0
    sleep 0.05
  done
  echo "wp-ctl: php -S did not answer on $TAYORI_WP_HOST:$TAYORI_WP_PORT" >&2
  return 1
}

case "${1:-}" in
  stop-http) stop_http ;;
  start-http) start_http ;;
  php)
    [ $# -ge 2 ] || { echo "usage: wp-ctl php FILE [ARGS…]" >&2; exit 2; }
    shift
    TAYORI_WP_HOST=$TAYORI_WP_HOST exec php -d display_errors=stderr "$TAYORI_WP_TESTS/wp-run.php" "$@"
    ;;
  *) echo "usage: wp-ctl stop-http|start-http|php FILE [ARGS…]" >&2; exit 2 ;;
esac
