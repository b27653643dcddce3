<?php
/**
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Approval state shared by the other parts: configured levels, a user's approver level, the approvals
 * and review log of a post, and the flag that lets the review endpoint (only) publish.
 */

defined('ABSPATH') || exit;

/** Number of approvals needed before publishing (option tayori_approval_levels, 1–3). */
function tayori_approval_levels(): int
{
    return max(1, min(3, (int) get_option('tayori_approval_levels', 1)));
}

/** Highest level $user may approve at: user meta tayori_approver_level, else all levels for editors. */
function tayori_approver_level(WP_User $user): int
{
    $level = get_user_meta($user->ID, 'tayori_approver_level', true);
    if ($level !== '' && $level !== false) {
        return max(0, min(3, (int) $level));
    }
    return user_can($user, 'edit_others_posts') ? tayori_approval_levels() : 0;
}

function tayori_get_approvals(int $post_id): int
{
    return (int) get_post_meta($post_id, 'tayori_approvals', true);
}

function tayori_set_approvals(int $post_id, int $approvals): void
{
    update_post_meta($post_id, 'tayori_approvals', max(0, $approvals));
}

/** The review log of a post as an array of entries. */
function tayori_get_review_log(int $post_id): array
{
    $log = json_decode((string) get_post_meta($post_id, 'tayori_review_log', true), true);
    return is_array($log) ? $log : [];
}

/** Appends an entry made by the current user; $extra adds fields (e.g. publish_at). */
function tayori_append_review_log(int $post_id, string $action, int $level, string $note, array $extra = []): void
{
    $log = tayori_get_review_log($post_id);
    $log[] = array_merge([
        'action' => $action,
        'actor' => wp_get_current_user()->user_login,
        'level' => $level,
        'note' => $note,
        'revision_hash' => (string) get_post_meta($post_id, 'tayori_revision_hash', true),
        'at' => gmdate('Y-m-d\TH:i:s\Z'),
    ], $extra);
    /* wp_slash: update_post_meta unslashes, which would eat the backslashes of the JSON */
    update_post_meta($post_id, 'tayori_review_log', wp_slash(wp_json_encode($log, JSON_UNESCAPED_UNICODE)));
}

/** Whether $login approved the current revision since the post was last submitted or returned. */
function tayori_has_approved(int $post_id, string $login, string $revision_hash): bool
{
    foreach (array_reverse(tayori_get_review_log($post_id)) as $entry) {
        if (in_array($entry['action'] ?? '', ['submit', 'return'], true)) {
            return false;
        }
        if (($entry['action'] ?? '') === 'approve' && ($entry['actor'] ?? '') === $login
            && ($entry['revision_hash'] ?? '') === $revision_hash) {
            return true;
        }
    }
    return false;
}

/**
 * Runs $fn with publishing allowed: the review endpoint's way past the publish guard. Also for
 * site scripts that must publish outside the workflow on purpose.
 */
function tayori_connector_as_review(callable $fn): mixed
{
    $GLOBALS['tayori_review_publishing'] = true;
    try {
        return $fn();
    } finally {
        $GLOBALS['tayori_review_publishing'] = false;
    }
}

function tayori_review_is_publishing(): bool
{
    return !empty($GLOBALS['tayori_review_publishing']);
}
