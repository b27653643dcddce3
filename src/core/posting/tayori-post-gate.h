/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Whether a set of posts may go out: only approved (or scheduled/published) articles, or any
 * article for editors; never while the checks find personal data, blocked words or
 * accessibility errors (an image without alt text) in a post; only to accounts the person may
 * use; within each network's counter. Each refusal is explained in Japanese. */
#pragma once

#include "tayori-accounts.h"
#include "tayori-article.h"
#include "tayori-preset.h"
#include "tayori-post-queue.h"

G_BEGIN_DECLS

#define TAYORI_POST_GATE_ERROR (tayori_post_gate_error_quark ())
typedef enum {
  TAYORI_POST_GATE_ERROR_NOT_APPROVED,
  TAYORI_POST_GATE_ERROR_CHECKS,        /* personal data, blocked words, missing alt text */
  TAYORI_POST_GATE_ERROR_TOO_LONG,
  TAYORI_POST_GATE_ERROR_NOT_ALLOWED,   /* the account's posters list excludes the person */
  TAYORI_POST_GATE_ERROR_UNKNOWN_ACCOUNT,
} TayoriPostGateError;
GQuark    tayori_post_gate_error_quark (void);

/* Every reason, one per line in the error message (first code wins). @requests: the
 * TayoriPostRequest to check. "role:editor" in @roles lifts the approval rule. */
gboolean  tayori_post_gate_check       (TayoriArticle       *article,
                                        TayoriPreset        *preset,
                                        GPtrArray           *requests,
                                        const char          *actor,
                                        const char * const  *roles,
                                        GError             **error);

/* The limit @account's posts are counted against (0 for an unknown network): Mastodon's is
 * the account's "max-characters" option, else the instance's as remembered, else 500. */
guint     tayori_post_gate_get_limit      (const TayoriAccount *account);
/* Remembers the limit @account's instance reported (tayori_channel_get_char_limit) for this
 * process; 0 forgets it. Any thread. */
void      tayori_post_gate_remember_limit (const char          *account,
                                           guint                limit);
/* The text as @account's network receives it (LINE: with the account's footer), so that a
 * stored post and a new text compare equal when they would read the same. */
char     *tayori_post_gate_sent_text      (const TayoriAccount *account,
                                           const char          *text);

G_END_DECLS
