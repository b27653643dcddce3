<?php
/**
 * SPDX-License-Identifier: GPL-2.0-or-later
 * POST tayori/v1/posts/<id>/review: submit, approve (publish or schedule at the last level) and
 * return with a note; records who, when and which revision in the post's review log.
 */

defined('ABSPATH') || exit;

function tayori_register_review_route(): void
{
    register_rest_route('tayori/v1', '/posts/(?P<id>\d+)/review', [
        'methods' => 'POST',
        'callback' => 'tayori_rest_review',
        'permission_callback' => 'tayori_rest_logged_in',
        'args' => [
            'action' => ['type' => 'string', 'required' => true, 'enum' => ['submit', 'approve', 'return']],
            'note' => ['type' => 'string', 'default' => ''],
            'revision_hash' => ['type' => 'string', 'default' => ''],
            'publish_at' => ['type' => 'string', 'default' => ''],
            'to' => ['type' => 'string', 'default' => 'author', 'enum' => ['author', 'previous']],
        ],
    ]);
}

function tayori_review_error(string $code, string $message, int $status): WP_Error
{
    return new WP_Error($code, $message, ['status' => $status]);
}

function tayori_rest_review(WP_REST_Request $request)
{
    $post = get_post((int) $request['id']);
    if (!$post || $post->post_type !== 'post') {
        return tayori_review_error('rest_post_invalid_id', 'Invalid post ID.', 404);
    }
    $note = trim((string) $request['note']);
    $result = match ($request['action']) {
        'submit' => tayori_review_submit($post, $note),
        'approve' => tayori_review_approve($post, $note, (string) $request['revision_hash'],
                                           (string) $request['publish_at']),
        'return' => tayori_review_return($post, $note, (string) $request['to']),
    };
    if (is_wp_error($result)) {
        return $result;
    }
    clean_post_cache($post->ID);
    return new WP_REST_Response([
        'id' => $post->ID,
        'status' => get_post_status($post->ID),
        'approvals' => tayori_get_approvals($post->ID),
        'approval_levels' => tayori_approval_levels(),
        'link' => get_permalink($post->ID),
        'review_log' => tayori_get_review_log($post->ID),
    ]);
}

function tayori_review_submit(WP_Post $post, string $note)
{
    if (!current_user_can('edit_post', $post->ID)) {
        return tayori_review_error('rest_cannot_edit', 'Sorry, you are not allowed to submit this post.', 403);
    }
    $updated = wp_update_post(['ID' => $post->ID, 'post_status' => 'pending'], true);
    if (is_wp_error($updated)) {
        return $updated;
    }
    tayori_append_review_log($post->ID, 'submit', 0, $note);
    return true;
}

function tayori_review_approve(WP_Post $post, string $note, string $revision_hash, string $publish_at)
{
    $user = wp_get_current_user();
    if ((int) $post->post_author === $user->ID) {
        return tayori_review_error('tayori_self_approval', 'You cannot approve your own article.', 403);
    }
    if (!current_user_can('edit_others_posts')) {
        return tayori_review_error('tayori_not_approver', 'Only reviewers can approve an article.', 403);
    }
    if ($post->post_status !== 'pending') {
        return tayori_review_error('tayori_not_pending', 'The post is not waiting for review.', 409);
    }
    $stored_hash = (string) get_post_meta($post->ID, 'tayori_revision_hash', true);
    if ($revision_hash !== $stored_hash) {
        return tayori_review_error('tayori_stale_revision',
            'The post changed since this revision was reviewed.', 409);
    }
    if (tayori_has_approved($post->ID, $user->user_login, $stored_hash)) {
        return tayori_review_error('tayori_already_approved', 'You already approved this revision.', 409);
    }
    $level = tayori_get_approvals($post->ID) + 1;
    if (tayori_approver_level($user) < $level) {
        return tayori_review_error('tayori_not_approver', sprintf('You may not approve at level %d.', $level), 403);
    }
    $when = null;
    if ($publish_at !== '') {
        try {
            $when = new DateTimeImmutable($publish_at, wp_timezone());
        } catch (Exception $e) {
            return tayori_review_error('tayori_invalid_date', 'publish_at is not an ISO 8601 date.', 400);
        }
    }

    tayori_set_approvals($post->ID, $level);
    tayori_append_review_log($post->ID, 'approve', $level, $note);
    if ($level < tayori_approval_levels()) {
        return true;
    }
    if ($when && $when->getTimestamp() > time()) {
        $fields = [
            'post_status' => 'future',
            'post_date' => $when->setTimezone(wp_timezone())->format('Y-m-d H:i:s'),
            'post_date_gmt' => $when->setTimezone(new DateTimeZone('UTC'))->format('Y-m-d H:i:s'),
            'edit_date' => true,
        ];
        $action = 'schedule';
        $extra = ['publish_at' => $when->setTimezone(new DateTimeZone('UTC'))->format('Y-m-d\TH:i:s\Z')];
    } else {
        $fields = ['post_status' => 'publish'];
        $action = 'publish';
        $extra = [];
    }
    $updated = tayori_connector_as_review(fn () => wp_update_post(['ID' => $post->ID] + $fields, true));
    if (is_wp_error($updated)) {
        return $updated;
    }
    tayori_append_review_log($post->ID, $action, $level, '', $extra);
    return true;
}

function tayori_review_return(WP_Post $post, string $note, string $to)
{
    if (!current_user_can('edit_others_posts')) {
        return tayori_review_error('tayori_not_approver', 'Only reviewers can return an article.', 403);
    }
    if ($note === '') {
        return tayori_review_error('tayori_note_required', 'A note is required to return an article.', 400);
    }
    if ($post->post_status !== 'pending') {
        return tayori_review_error('tayori_not_pending', 'The post is not waiting for review.', 409);
    }
    $approvals = tayori_get_approvals($post->ID);
    if ($to === 'previous') {
        tayori_set_approvals($post->ID, $approvals - 1);
    } else {
        $updated = wp_update_post(['ID' => $post->ID, 'post_status' => 'draft'], true);
        if (is_wp_error($updated)) {
            return $updated;
        }
        tayori_set_approvals($post->ID, 0);
    }
    tayori_append_review_log($post->ID, 'return', $approvals, $note, ['to' => $to]);
    return true;
}
