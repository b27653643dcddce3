/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the X and Bluesky fakes and tests share: JSON requests and replies on the fake's
 * thread, the bearer token, a log of protocol violations the tests assert empty, accounts
 * with a user and posts with images (over channels-test-util). */
#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>
#include "tayori-channel.h"
#include "tayori-channel-auth.h"

G_BEGIN_DECLS

typedef struct {
  GMutex     lock;
  GPtrArray *problems;
} FakeLog;

void           fake_log_init      (FakeLog           *log);
void           fake_log_clear     (FakeLog           *log);
/* Records a violation and answers @message 400 with it (the channel sees the refusal). */
void           fake_log_refuse    (FakeLog           *log,
                                   SoupServerMessage *message,
                                   const char        *format,
                                   ...) G_GNUC_PRINTF (3, 4);
/* Fails the test with every violation recorded. */
void           fake_log_assert_clean (FakeLog        *log);

/* The request body parsed as JSON, NULL when it is not JSON. */
JsonNode      *fake_request_json  (SoupServerMessage *message);
/* "Authorization: Bearer X" → X, or NULL. */
const char    *fake_bearer        (SoupServerMessage *message);
void           fake_reply         (SoupServerMessage *message,
                                   guint              status,
                                   JsonNode          *body);
void           fake_reply_text    (SoupServerMessage *message,
                                   guint              status,
                                   const char        *json);

/* A channel account of @type at @url for @user, with @tokens_json (NULL = none) stored as its
 * secret. */
TayoriAccount *fake_account       (const char        *type,
                                   const char        *name,
                                   const char        *url,
                                   const char        *user,
                                   const char        *tokens_json);
/* The account's stored tokens' member @name (a copy), NULL when absent. */
char          *fake_stored_token  (const TayoriAccount *account,
                                   const char          *name);
/* tayori_channel_connect_async () run to its end on the main context, and also until
 * *@busy (may be NULL) is FALSE: the test's browser may still be reading its page. */
gboolean       fake_connect       (const TayoriAccount *account,
                                   const char          *secret,
                                   TayoriHttpClient    *client,
                                   TayoriOpenUriFunc    open_uri,
                                   gpointer             open_uri_data,
                                   const gboolean      *busy,
                                   GError             **error);
/* Posts @text on @channel, then checks that find_post finds it (and not another text), that
 * its metrics are @expected, and that once deleted find_post no longer finds it. */
void           fake_check_round_trip (TayoriChannel              *channel,
                                      const char                 *text,
                                      const TayoriChannelMetrics *expected);
/* A post of @text with @n_images PNG images with alt text. */
TayoriChannelPost *fake_post      (const char        *text,
                                   guint              n_images);

G_END_DECLS
