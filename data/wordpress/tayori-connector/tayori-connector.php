<?php
/**
 * Plugin Name:       Tayori Connector
 * Description:       Companion of the Tayori desktop app: REST meta for the Markdown source and review data,
 *                    media upload on one's own drafts, review endpoints (submit, approve, return) and a
 *                    server-side refusal to publish without the configured approvals.
 * Version:           1.0.0
 * Requires at least: 6.1
 * Requires PHP:      8.1
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       tayori-connector
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Entry point: loads the parts in includes/ and hooks them into WordPress.
 */

defined('ABSPATH') || exit;

const TAYORI_CONNECTOR_VERSION = '1.0.0';

require_once __DIR__ . '/includes/approvals.php';
require_once __DIR__ . '/includes/meta.php';
require_once __DIR__ . '/includes/publish-guard.php';
require_once __DIR__ . '/includes/rest-info.php';
require_once __DIR__ . '/includes/rest-media.php';
require_once __DIR__ . '/includes/rest-review.php';

register_activation_hook(__FILE__, function () {
    add_option('tayori_approval_levels', 1);
});

add_action('init', 'tayori_register_meta');
add_filter('rest_request_before_callbacks', 'tayori_strip_read_only_meta', 10, 3);
add_action('updated_post_meta', 'tayori_revision_hash_changed', 10, 4);
add_filter('rest_pre_insert_post', 'tayori_guard_rest_publish', 10, 2);
add_filter('wp_insert_post_data', 'tayori_guard_publish', 10, 2);
add_action('rest_api_init', function () {
    tayori_register_info_routes();
    tayori_register_media_route();
    tayori_register_review_route();
});
