<?php
/**
 * SPDX-License-Identifier: GPL-2.0-or-later
 * GET tayori/v1/info (plugin version, approval levels, the signed-in user) and
 * GET tayori/v1/find?client_id=UUID (the post Tayori created with that client id, or 0).
 */

defined('ABSPATH') || exit;

/** permission_callback of every tayori/v1 route. */
function tayori_rest_logged_in()
{
    if (is_user_logged_in()) {
        return true;
    }
    return new WP_Error('rest_not_logged_in', 'You are not currently logged in.', ['status' => 401]);
}

function tayori_register_info_routes(): void
{
    register_rest_route('tayori/v1', '/info', [
        'methods' => 'GET',
        'callback' => 'tayori_rest_info',
        'permission_callback' => 'tayori_rest_logged_in',
    ]);
    register_rest_route('tayori/v1', '/find', [
        'methods' => 'GET',
        'callback' => 'tayori_rest_find',
        'permission_callback' => 'tayori_rest_logged_in',
        'args' => [
            'client_id' => ['type' => 'string', 'required' => true],
        ],
    ]);
}

function tayori_rest_info(): WP_REST_Response
{
    $user = wp_get_current_user();
    return new WP_REST_Response([
        'version' => TAYORI_CONNECTOR_VERSION,
        'approval_levels' => tayori_approval_levels(),
        'user' => [
            'id' => $user->ID,
            'login' => $user->user_login,
            'roles' => array_values($user->roles),
            'approver_level' => tayori_approver_level($user),
        ],
    ]);
}

function tayori_rest_find(WP_REST_Request $request): WP_REST_Response
{
    $ids = get_posts([
        'post_type' => 'post',
        'post_status' => ['publish', 'future', 'draft', 'pending', 'private', 'trash'],
        'meta_key' => 'tayori_client_id',
        'meta_value' => (string) $request['client_id'],
        'fields' => 'ids',
        'numberposts' => -1,
        'orderby' => 'ID',
        'order' => 'ASC',
        'suppress_filters' => true,
    ]);
    foreach ($ids as $id) {
        if (current_user_can('edit_post', $id) || current_user_can('read_post', $id)) {
            return new WP_REST_Response(['id' => (int) $id]);
        }
    }
    return new WP_REST_Response(['id' => 0]);
}
