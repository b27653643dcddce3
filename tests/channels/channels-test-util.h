/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the LINE and Mastodon tests share: accounts with tokens in the test keyring, posts,
 * a small real PNG, a fixture of a channel on the fault server, the requests it got, and the
 * error-class and lost-answer checks. */
#pragma once

#include <json-glib/json-glib.h>
#include "tayori-channel.h"
#include "fault-server.h"
#include "ai-test-util.h"

G_BEGIN_DECLS

/* A channel account of @type at @url whose secret (kind "channel") is @tokens_json. */
TayoriAccount     *test_channel_account (const char  *name,
                                         const char  *type,
                                         const char  *url,
                                         const char  *tokens_json);
/* A post of @text with a fresh idempotency key (a UUID). */
TayoriChannelPost *test_channel_post    (const char  *text);
/* An image with @url (may be NULL) and real PNG data. */
TayoriChannelImage *test_channel_image  (const char  *url,
                                         const char  *alt);
/* The @index-th request body to @method @path parsed (asserts it is JSON). */
JsonNode          *test_request_json    (FaultServer *server,
                                         const char  *method,
                                         const char  *path,
                                         guint        index);
/* TAYORI_PRISM_URL, set by the Prism wrapper; NULL outside it. */
const char        *test_prism_url       (void);

typedef struct {
  FaultServer      *server;
  TayoriHttpClient *client;
  TayoriAccount    *account;
  TayoriChannel    *channel;
} ChannelFixture;

/* A fault server and, through tayori_channel_new_for_account (), a channel for an account of
 * @type on it whose stored secret is @tokens_json. */
void               channel_fixture_set_up    (ChannelFixture *fixture,
                                              const char     *type,
                                              const char     *tokens_json);
void               channel_fixture_tear_down (ChannelFixture *fixture,
                                              gconstpointer   data);
/* Makes the channel again, after the account's options changed. */
void               channel_fixture_renew     (ChannelFixture *fixture);
/* The member at @member ("messages/0/text", see ai_test_json_get) of the @index-th JSON
 * body POSTed to @path. */
char              *channel_fixture_posted    (ChannelFixture *fixture,
                                              const char     *path,
                                              guint           index,
                                              const char     *member);

/* A GAsyncReadyCallback keeping a reference to @result in the GAsyncResult * at @user_data. */
void               test_store_result         (GObject        *source,
                                              GAsyncResult   *result,
                                              gpointer        user_data);

typedef struct {
  TayoriChannelError  code;
  guint               retry_after;
  const char         *said;         /* in the message; NULL: not checked */
} ChannelExpectedError;

/* Scripts the @n @responses for POST @path, then posts @post @n times with a 1 s timeout,
 * each failing as @expected says. */
void               channel_fixture_assert_errors (ChannelFixture              *fixture,
                                                  const TayoriChannelPost     *post,
                                                  const char                  *path,
                                                  const FaultResponse * const *responses,
                                                  const ChannelExpectedError  *expected,
                                                  guint                        n);
/* Posts @post to POST @path twice: the first answer is dropped (UNKNOWN_OUTCOME), the second
 * is @second; both requests carried @post's key in @key_header. The second receipt. */
TayoriChannelReceipt *channel_fixture_resend_after_drop (ChannelFixture          *fixture,
                                                         const TayoriChannelPost *post,
                                                         const char              *path,
                                                         const FaultResponse     *second,
                                                         const char              *key_header);

G_END_DECLS
