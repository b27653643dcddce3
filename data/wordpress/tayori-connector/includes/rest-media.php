<?php
/**
 * SPDX-License-Identifier: GPL-2.0-or-later
 * POST tayori/v1/posts/<id>/media?alt=ALT: raw file upload attached to a post the user may edit, so
 * contributors can add images to their own drafts (stock WordPress refuses them /wp/v2/media).
 */

defined('ABSPATH') || exit;

function tayori_register_media_route(): void
{
    register_rest_route('tayori/v1', '/posts/(?P<id>\d+)/media', [
        'methods' => 'POST',
        'callback' => 'tayori_rest_media',
        'permission_callback' => 'tayori_rest_logged_in',
        'args' => [
            'alt' => ['type' => 'string', 'default' => ''],
        ],
    ]);
}

/** The file name of a Content-Disposition header (RFC 5987 filename* first), or ''. */
function tayori_disposition_filename(string $header): string
{
    if (preg_match("/filename\\*\\s*=\\s*UTF-8''([^;]+)/i", $header, $m)) {
        return rawurldecode(trim($m[1]));
    }
    if (preg_match('/filename\s*=\s*"([^"]*)"/i', $header, $m) || preg_match('/filename\s*=\s*([^;]+)/i', $header, $m)) {
        return trim($m[1]);
    }
    return '';
}

function tayori_rest_media(WP_REST_Request $request)
{
    $post_id = (int) $request['id'];
    $post = get_post($post_id);
    if (!$post || $post->post_type !== 'post') {
        return new WP_Error('rest_post_invalid_id', 'Invalid post ID.', ['status' => 404]);
    }
    if (!current_user_can('edit_post', $post_id)) {
        return new WP_Error('rest_cannot_edit', 'Sorry, you are not allowed to add media to this post.',
            ['status' => 403]);
    }
    $body = $request->get_body();
    $name = sanitize_file_name(wp_basename(tayori_disposition_filename((string) $request->get_header('content_disposition'))));
    if ($body === '' || $name === '') {
        return new WP_Error('rest_upload_no_data', 'No data or no file name supplied.', ['status' => 400]);
    }

    require_once ABSPATH . 'wp-admin/includes/file.php';
    require_once ABSPATH . 'wp-admin/includes/media.php';
    require_once ABSPATH . 'wp-admin/includes/image.php';
    $tmp = wp_tempnam($name);
    file_put_contents($tmp, $body);
    $id = media_handle_sideload(['name' => $name, 'tmp_name' => $tmp], $post_id);
    if (is_wp_error($id)) {
        @unlink($tmp);
        return new WP_Error('rest_upload_sideload_error', $id->get_error_message(), ['status' => 400]);
    }
    $alt = sanitize_text_field((string) $request['alt']);
    update_post_meta($id, '_wp_attachment_image_alt', $alt);

    return new WP_REST_Response([
        'id' => $id,
        'source_url' => wp_get_attachment_url($id),
        'alt_text' => $alt,
    ], 201);
}
