/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Before a LINE send: this month's message quota against what is used and how many people the
 * send would reach, so a big broadcast is refused up front instead of failing half-way. */
#include <glib/gi18n.h>

#include "tayori-channel-line-private.h"

/* Followers the account can message; -1 when the insight is not available (unverified
 * accounts, or not computed yet). An expired token still fails here. */
static gint64
count_followers (const TayoriChannelApi *api,
                 GCancellable         *cancellable,
                 GError              **error)
{
  g_autoptr(JsonObject) answer = NULL;
  g_autoptr(GError) local_error = NULL;

  answer = tayori_channel_api_call (api, "GET", "/v2/bot/insight/followers", NULL, NULL, NULL,
                                    cancellable, &local_error);
  if (answer == NULL)
    {
      if (g_error_matches (local_error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_AUTH))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return -2;
        }
      return -1;
    }
  if (g_strcmp0 (tayori_channel_json_string (answer, "status"), "ready") != 0)
    return -1;
  /* Those who blocked the account or cannot be reached are not sent to, nor counted. */
  return tayori_channel_json_int (answer, "targetedReaches",
                                  tayori_channel_json_int (answer, "followers", -1));
}

/* The sum of the audiences' sizes; an unknown audience is a content error. */
static gint64
count_audiences (const TayoriChannelApi     *api,
                 const TayoriChannelPost  *post,
                 GCancellable             *cancellable,
                 GError                  **error)
{
  gint64 total = 0;

  for (guint i = 0; post->audience_groups[i] != NULL; i++)
    {
      g_autofree char *escaped = g_uri_escape_string (post->audience_groups[i], NULL, FALSE);
      g_autofree char *path = g_strdup_printf ("/v2/bot/audienceGroup/%s", escaped);
      g_autoptr(JsonObject) answer = NULL;
      g_autoptr(GError) local_error = NULL;
      JsonObject *group;

      answer = tayori_channel_api_call (api, "GET", path, NULL, NULL, NULL, cancellable,
                                        &local_error);
      /* Audience sizes may be closed to this token: then the size is not known. */
      if (g_error_matches (local_error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_FORBIDDEN))
        return -1;
      if (answer == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return -2;
        }
      group = tayori_channel_json_object (answer, "audienceGroup");
      if (group == NULL || tayori_channel_json_int (group, "audienceCount", -1) < 0)
        return -1;
      total += tayori_channel_json_int (group, "audienceCount", -1);
    }
  return total;
}

gboolean
tayori_line_check_quota (const TayoriChannelApi     *api,
                         const TayoriChannelPost  *post,
                         gboolean                  push,
                         GCancellable             *cancellable,
                         GError                  **error)
{
  g_autoptr(JsonObject) quota = NULL;
  g_autoptr(JsonObject) consumption = NULL;
  gint64 limit, used, recipients;

  quota = tayori_channel_api_call (api, "GET", "/v2/bot/message/quota", NULL, NULL, NULL,
                                   cancellable, error);
  if (quota == NULL)
    return FALSE;
  consumption = tayori_channel_api_call (api, "GET", "/v2/bot/message/quota/consumption",
                                         NULL, NULL, NULL, cancellable, error);
  if (consumption == NULL)
    return FALSE;

  if (push)
    recipients = 1;
  else if (post->audience_groups[0] != NULL)
    recipients = count_audiences (api, post, cancellable, error);
  else
    recipients = count_followers (api, cancellable, error);
  if (recipients == -2)
    return FALSE;

  /* "none": no monthly limit. */
  if (g_strcmp0 (tayori_channel_json_string (quota, "type"), "limited") != 0)
    return TRUE;
  limit = tayori_channel_json_int (quota, "value", 0);
  used = MAX (tayori_channel_json_int (consumption, "totalUsage", -1), 0);
  if (used >= limit)
    {
      g_set_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_QUOTA,
                   _("This month’s LINE message limit is used up (%lld of %lld)."),
                   (long long) used, (long long) limit);
      return FALSE;
    }
  if (recipients > limit - used)
    {
      g_set_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_QUOTA,
                   _("This send would reach %lld people, but only %lld of this month’s %lld "
                     "LINE messages are left."),
                   (long long) recipients, (long long) (limit - used), (long long) limit);
      return FALSE;
    }
  return TRUE;
}
