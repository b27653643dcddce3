<?php
/**
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Post meta exposed in REST: the Markdown source, client id, Tayori metadata and revision hash
 * (writable by editors of the post), the review log and approvals (read-only in REST).
 */

defined('ABSPATH') || exit;

const TAYORI_READ_ONLY_META = ['tayori_review_log', 'tayori_approvals'];

function tayori_register_meta(): void
{
    $can_edit = function ($allowed, $key, $post_id) {
        return current_user_can('edit_post', $post_id);
    };
    foreach (['tayori_client_id', 'tayori_markdown', 'tayori_meta', 'tayori_revision_hash'] as $key) {
        register_post_meta('post', $key, [
            'type' => 'string',
            'single' => true,
            'show_in_rest' => true,
            'auth_callback' => $can_edit,
        ]);
    }
    register_post_meta('post', 'tayori_review_log', [
        'type' => 'string',
        'single' => true,
        'show_in_rest' => true,
        'auth_callback' => '__return_false',
    ]);
    register_post_meta('post', 'tayori_approvals', [
        'type' => 'integer',
        'single' => true,
        'default' => 0,
        'show_in_rest' => true,
        'auth_callback' => '__return_false',
    ]);
}

/** Drops writes to the read-only meta from wp/v2/posts requests instead of failing the request. */
function tayori_strip_read_only_meta($response, $handler, WP_REST_Request $request)
{
    if (!str_starts_with($request->get_route(), '/wp/v2/posts')) {
        return $response;
    }
    $meta = $request->get_param('meta');
    if (is_array($meta)) {
        $request->set_param('meta', array_diff_key($meta, array_flip(TAYORI_READ_ONLY_META)));
    }
    return $response;
}

/** Approvals are per revision: a new tayori_revision_hash resets them. */
function tayori_revision_hash_changed($meta_id, $post_id, $meta_key, $meta_value): void
{
    if ($meta_key === 'tayori_revision_hash') {
        tayori_set_approvals((int) $post_id, 0);
    }
}
