<?php
/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Loads the wrapper's WordPress in a CLI PHP process: Debian's wp-config.php picks
 * /etc/wordpress/config-<HTTP_HOST>.php, so HTTP_HOST must name the instance's address. */
function tayori_wp_bootstrap(string $host, bool $installing): void
{
    $_SERVER['HTTP_HOST'] = $host;
    $_SERVER['SERVER_NAME'] = $host;
    $_SERVER['REQUEST_URI'] = '/';
    $_SERVER['REQUEST_METHOD'] = 'GET';
    if ($installing) {
        define('WP_INSTALLING', true);
    }
    require_once '/usr/share/wordpress/wp-load.php';
}
