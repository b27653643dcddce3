<?php
/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Installs the wrapper's WordPress from PHP (no wp-cli in Debian): site options, users with one
 * application password each, approver levels, the companion plugin; prints the passwords as shell
 * variables. Usage: php wp-install.php URL LEVELS PLUGIN(0|1) */
require __DIR__ . '/wp-bootstrap.php';
[$self, $url, $levels, $with_plugin] = $argv;
tayori_wp_bootstrap(parse_url($url, PHP_URL_HOST), true);

function wp_new_blog_notification() {}   /* pluggable: no mail in tests */

require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

if (!is_blog_installed()) {
    wp_install('Tayori test site', 'admin', 'admin@example.test', false, '', 'admin-pass-123');
}
update_option('siteurl', $url);
update_option('home', $url);
update_option('timezone_string', 'Asia/Tokyo');
global $wp_rewrite;
$wp_rewrite->set_permalink_structure('/%postname%/');
flush_rewrite_rules(false);

$users = [
    ['contrib', 'contributor', 0],
    ['author1', 'author', 0],
    ['editor1', 'editor', 1],
    ['editor2', 'editor', 2],
    ['admin', 'administrator', 0],
];
$lines = [];
foreach ($users as [$login, $role, $approver]) {
    $user = get_user_by('login', $login);
    $id = $user ? $user->ID : wp_insert_user([
        'user_login' => $login,
        'user_pass' => $login . '-pass-123',
        'user_email' => $login . '@example.test',
        'display_name' => $login,
        'role' => $role,
    ]);
    if (is_wp_error($id)) {
        fwrite(STDERR, "wp-install: $login: " . $id->get_error_message() . "\n");
        exit(1);
    }
    if ($approver > 0) {
        update_user_meta($id, 'tayori_approver_level', $approver);
    }
    [$password] = WP_Application_Passwords::create_new_application_password($id, ['name' => 'tayori-tests']);
    $lines[] = 'TAYORI_WP_' . strtoupper($login) . "_PW='" . $password . "'";
}

if ($with_plugin === '1') {
    $result = activate_plugin('tayori-connector/tayori-connector.php');
    if (is_wp_error($result)) {
        fwrite(STDERR, 'wp-install: plugin: ' . $result->get_error_message() . "\n");
        exit(1);
    }
}
update_option('tayori_approval_levels', (int) $levels);
echo implode("\n", $lines), "\n";
