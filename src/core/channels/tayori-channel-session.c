/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The tokens of an account shared by the threads that post with it, and calls made with them
 * (retried once with renewed tokens when refused). */
#include "tayori-channel-session.h"
#include "tayori-channel-http.h"
#include "tayori-channel-secret.h"

TayoriChannelSession *
tayori_channel_session_new (const TayoriAccount *account,
                            TayoriHttpClient    *client)
{
  TayoriChannelSession *session = g_new0 (TayoriChannelSession, 1);

  session->account = tayori_account_copy (account);
  session->client = g_object_ref (client);
  g_mutex_init (&session->lock);
  return session;
}

void
tayori_channel_session_free (TayoriChannelSession *session)
{
  tayori_account_free (session->account);
  g_object_unref (session->client);
  g_clear_pointer (&session->tokens, json_object_unref);
  g_mutex_clear (&session->lock);
  g_free (session);
}

/* With the lock held. */
static gboolean
load (TayoriChannelSession  *session,
      GCancellable          *cancellable,
      GError               **error)
{
  if (session->tokens == NULL)
    session->tokens = tayori_channel_secret_load (session->account, cancellable, error);
  return session->tokens != NULL;
}

char *
tayori_channel_session_token (TayoriChannelSession     *session,
                              const char               *member,
                              const char               *stale,
                              TayoriChannelExpiredFunc  expired,
                              TayoriChannelRenewFunc    renew,
                              GCancellable             *cancellable,
                              GError                  **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&session->lock);
  const char *token;

  if (!load (session, cancellable, error))
    return NULL;
  token = tayori_channel_json_string (session->tokens, member);
  if (token == NULL || (expired != NULL && expired (session->tokens)) ||
      g_strcmp0 (token, stale) == 0)
    {
      if (!renew (session, cancellable, error))
        return NULL;
      token = tayori_channel_json_string (session->tokens, member);
    }
  return g_strdup (token);
}

gboolean
tayori_channel_session_replace (TayoriChannelSession  *session,
                                JsonObject            *tokens,
                                GCancellable          *cancellable,
                                GError               **error)
{
  json_object_ref (tokens);
  g_clear_pointer (&session->tokens, json_object_unref);
  session->tokens = tokens;
  return tayori_channel_secret_store (session->account, tokens, cancellable, error);
}

char *
tayori_channel_session_dup (TayoriChannelSession  *session,
                            const char            *member,
                            GCancellable          *cancellable,
                            GError               **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&session->lock);

  if (!load (session, cancellable, error))
    return NULL;
  return g_strdup (tayori_channel_json_string (session->tokens, member));
}

char *
tayori_channel_session_access (TayoriChannelSession         *session,
                               const TayoriChannelTokenUse  *use,
                               const char                   *stale,
                               GCancellable                 *cancellable,
                               GError                      **error)
{
  return tayori_channel_session_token (session, use->member, stale, use->expired, use->renew,
                                       cancellable, error);
}

JsonObject *
tayori_channel_session_call (TayoriChannelSession         *session,
                             const TayoriChannelTokenUse  *use,
                             TayoriChannelRequest         *request,
                             GCancellable                 *cancellable,
                             GError                      **error)
{
  g_autofree char *token = tayori_channel_session_access (session, use, NULL, cancellable,
                                                          error);

  for (guint attempt = 0; token != NULL; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      gboolean stale = FALSE;
      JsonObject *answer;
      char *fresh;

      request->token = token;
      answer = use->send (session, request, &stale, cancellable, &local_error);
      if (!stale || attempt > 0)
        {
          if (local_error != NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
          return answer;
        }
      fresh = tayori_channel_session_access (session, use, token, cancellable, error);
      g_free (token);
      token = fresh;
    }
  return NULL;
}
