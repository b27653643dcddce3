<?php
/**
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Server-side refusal to publish without the configured approvals: REST writes get 403
 * tayori_approval_required, other paths (admin screens, XML-RPC) are turned back into pending.
 */

defined('ABSPATH') || exit;

/** Whether moving post $post_id (0: new) to $status needs approvals it does not have. */
function tayori_publish_refused(int $post_id, string $status): bool
{
    $publishing = ['publish', 'future'];
    if (!in_array($status, $publishing, true) || tayori_review_is_publishing()) {
        return false;
    }
    if ($post_id > 0 && in_array(get_post_status($post_id), $publishing, true)) {
        return false;   /* already out: editing it is not publishing it */
    }
    $approvals = $post_id > 0 ? tayori_get_approvals($post_id) : 0;
    return $approvals < tayori_approval_levels();
}

function tayori_guard_rest_publish($prepared_post, WP_REST_Request $request)
{
    if (is_wp_error($prepared_post) || empty($prepared_post->post_status)) {
        return $prepared_post;
    }
    if (tayori_publish_refused((int) ($prepared_post->ID ?? 0), $prepared_post->post_status)) {
        return new WP_Error('tayori_approval_required',
            sprintf('Publishing needs %d approval(s) through the review endpoint.', tayori_approval_levels()),
            ['status' => 403]);
    }
    return $prepared_post;
}

function tayori_guard_publish(array $data, array $postarr): array
{
    if (($data['post_type'] ?? '') === 'post'
        && tayori_publish_refused((int) ($postarr['ID'] ?? 0), (string) $data['post_status'])) {
        $data['post_status'] = 'pending';
    }
    return $data;
}
