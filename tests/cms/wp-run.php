<?php
/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `$TAYORI_WP_CTL php FILE [ARGS…]`: runs FILE inside the wrapper's WordPress as admin; FILE sees
 * $argv = [FILE, ARGS…]. */
require __DIR__ . '/wp-bootstrap.php';
tayori_wp_bootstrap(getenv('TAYORI_WP_HOST'), false);
wp_set_current_user(get_user_by('login', 'admin')->ID);
array_shift($argv);
$argc = count($argv);
require $argv[0];
