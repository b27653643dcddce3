#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command against a private, throw-away WordPress (Debian package) with its own MariaDB and a
# php -S server on a unique loopback address; exports TAYORI_WP_* (URL, application passwords, run dir,
# control script) to the command and removes everything afterwards, also on failure or SIGTERM/SIGINT.
# Usage: wordpress-wrapper.sh [--levels N] [--no-plugin] -- COMMAND ARGS…
# Exports TAYORI_WP_URL, TAYORI_WP_{CONTRIB,AUTHOR1,EDITOR1,EDITOR2,ADMIN}_PW, TAYORI_WP_LEVELS,
# TAYORI_WP_ROOT (run dir: php-server.log, mysqld.err) and TAYORI_WP_CTL (see wp-ctl.sh).
set -u
here=$(cd "$(dirname "$0")" && pwd)
levels=2
plugin=1
while [ $# -gt 0 ]; do
  case "$1" in
    --levels) levels=${2:?}; shift 2 ;;
    --levels=*) levels=${1#--levels=}; shift ;;
    --no-plugin) plugin=0; shift ;;
    --) shift; break ;;
    *) break ;;
  esac
done
if [ $# -eq 0 ]; then
  echo "usage: wordpress-wrapper.sh [--levels N] [--no-plugin] -- COMMAND ARGS…" >&2
  exit 2
fi
if [ ! -f /usr/share/wordpress/wp-settings.php ] || ! command -v mariadbd >/dev/null 2>&1 \
   || ! command -v php >/dev/null 2>&1; then
  echo "SKIP: WordPress is not installed (run build-aux/install-deps.sh test)"
  exit 77
fi
plugin_dir=$(cd "$here/../../data/wordpress/tayori-connector" 2>/dev/null && pwd) || plugin_dir=
if [ "$plugin" = 1 ] && [ ! -f "$plugin_dir/tayori-connector.php" ]; then
  echo "wordpress-wrapper: plugin not found in data/wordpress/tayori-connector" >&2
  exit 99
fi

lock= conf= run= cmd_pid=
cleanup() {
  trap - EXIT INT TERM
  if [ -n "$cmd_pid" ]; then kill -TERM "$cmd_pid" 2>/dev/null; wait "$cmd_pid" 2>/dev/null; fi
  if [ -n "$run" ]; then
    local f
    for f in "$run/php-server.pgid" "$run/mysqld.pgid"; do
      [ -s "$f" ] && kill -KILL -- -"$(cat "$f")" 2>/dev/null
    done
    rm -rf "$run"
  fi
  [ -n "$conf" ] && rm -f "$conf"
  [ -n "$lock" ] && rm -rf "$lock"
}
trap 'cleanup; exit $status' EXIT
trap 'status=143; exit' TERM
trap 'status=130; exit' INT
status=99

# 1. a loopback address of our own: Debian reads /etc/wordpress/config-<host>.php
for n in $(seq 2 250); do
  l=/tmp/tayori-wp-lock.127.0.0.$n
  if ! mkdir "$l" 2>/dev/null; then
    owner=$(cat "$l/pid" 2>/dev/null)
    # a lock without a live owner (wrapper killed by SIGKILL) is reclaimed
    if [ -n "$owner" ] && ! kill -0 "$owner" 2>/dev/null; then
      rm -rf "$l"; rm -f "/etc/wordpress/config-127.0.0.$n.php"
      mkdir "$l" 2>/dev/null || continue
    else
      continue
    fi
  fi
  echo $$ > "$l/pid"
  lock=$l; host=127.0.0.$n
  break
done
[ -n "$lock" ] || { echo "wordpress-wrapper: no free loopback address" >&2; exit 99; }
conf=/etc/wordpress/config-$host.php
port=$(python3 -c 'import socket,sys; s=socket.socket(); s.bind((sys.argv[1],0)); print(s.getsockname()[1])' "$host") \
  || { echo "wordpress-wrapper: cannot bind $host" >&2; exit 99; }
url=http://$host:$port
run=$(mktemp -d /tmp/tayori-wp.XXXXXX)
echo "$run" > "$lock/run"
mkdir -p "$run/wp-content/uploads" "$run/wp-content/plugins" "$run/wp-content/themes"
[ "$plugin" = 1 ] && ln -s "$plugin_dir" "$run/wp-content/plugins/tayori-connector"
sock=$run/mysqld.sock

# 2. private MariaDB: unix socket only, data thrown away at the end. The system tables are loaded
#    directly (mariadb-install-db also loads help tables and the sys schema: 3 s instead of 0.3 s).
mkdir "$run/db" "$run/tmp"
sql=/usr/share/mysql
{ printf '%s\n' 'CREATE DATABASE IF NOT EXISTS mysql;' 'USE mysql;' "SET @auth_root_socket='root';"
  cat "$sql/mysql_system_tables.sql" "$sql/mysql_system_tables_data.sql"; } \
  | mariadbd --no-defaults --user=root --bootstrap --silent-startup --basedir=/usr --datadir="$run/db" --tmpdir="$run/tmp" \
      --log-warnings=0 --enforce-storage-engine="" --max_allowed_packet=8M --innodb-log-file-size=16M \
      --skip-log-bin >/dev/null 2>"$run/install-db.log" \
  || { cat "$run/install-db.log" >&2; echo "wordpress-wrapper: MariaDB bootstrap failed" >&2; exit 99; }
setsid mariadbd --no-defaults --user=root --datadir="$run/db" --tmpdir="$run/tmp" --socket="$sock" --skip-networking \
  --pid-file="$run/mysqld.pid" --log-error="$run/mysqld.err" --innodb-buffer-pool-size=64M \
  --innodb-log-file-size=16M --innodb-flush-log-at-trx-commit=0 --skip-log-bin </dev/null >/dev/null 2>&1 &
echo $! > "$run/mysqld.pgid"
disown
for _ in $(seq 1 200); do
  mariadb --no-defaults -S "$sock" -uroot -e 'select 1' >/dev/null 2>&1 && break
  kill -0 "$(cat "$run/mysqld.pgid")" 2>/dev/null || break
  sleep 0.05
done
mariadb --no-defaults -S "$sock" -uroot <<SQL || { cat "$run/mysqld.err" >&2; exit 99; }
CREATE DATABASE wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp';
GRANT ALL ON wordpress.* TO 'wp'@'localhost';
SQL

# 3. the per-address config file that Debian's wp-config.php loads
cat > "$conf" <<PHP
<?php
/* Written by tayori tests/cms/wordpress-wrapper.sh for $run; removed when it ends. */
define('DB_NAME', 'wordpress'); define('DB_USER', 'wp'); define('DB_PASSWORD', 'wp');
define('DB_HOST', 'localhost:$sock');
define('DB_CHARSET', 'utf8mb4'); define('DB_COLLATE', '');
define('WP_CONTENT_DIR', '$run/wp-content');
define('WP_ENVIRONMENT_TYPE', 'local');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_DEBUG', false);
foreach (['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT',
          'LOGGED_IN_SALT', 'NONCE_SALT'] as \$k) define(\$k, 'tayori-test-' . \$k);
PHP

# 4. install WordPress, users, application passwords, options, plugin
php -d display_errors=stderr "$here/wp-install.php" "$url" "$levels" "$plugin" > "$run/creds.env" \
  || { echo "wordpress-wrapper: wp-install.php failed" >&2; exit 99; }

# 5. the control script and the web server
cp "$here/wp-ctl.sh" "$run/wp-ctl"
chmod +x "$run/wp-ctl"
cat > "$run/ctl.env" <<ENV
TAYORI_WP_HOST=$host
TAYORI_WP_PORT=$port
TAYORI_WP_ROOT=$run
TAYORI_WP_TESTS=$here
ENV
"$run/wp-ctl" start-http || { cat "$run/php-server.log" >&2; exit 99; }

set -a
. "$run/creds.env"
set +a
export TAYORI_WP_URL=$url TAYORI_WP_ROOT=$run TAYORI_WP_CTL=$run/wp-ctl TAYORI_WP_LEVELS=$levels

# 6. the command; run in the background so that SIGTERM/SIGINT reach the trap at once
exec 3<&0
"$@" <&3 &
cmd_pid=$!
wait "$cmd_pid"
status=$?
cmd_pid=
exit "$status"
