/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one table of SNS channel implementations: account type → constructor and connect flow.
 * Adding a network adds a row here and its own files, nothing else. */
#include <glib/gi18n.h>

#include "tayori-channels-private.h"

typedef struct {
  const char               *type;
  TayoriChannelNewFunc      new_channel;
  TayoriChannelConnectFunc  connect;
} TayoriChannelKind;

static const TayoriChannelKind kinds[] = {
  { "line",     tayori_channel_line_new,     tayori_channel_line_connect },
  { "x",        tayori_channel_x_new,        tayori_channel_x_connect },
  { "mastodon", tayori_channel_mastodon_new, tayori_channel_mastodon_connect },
  { "bluesky",  tayori_channel_bluesky_new,  tayori_channel_bluesky_connect },
};

static const TayoriChannelKind *
find_kind (const TayoriAccount  *account,
           GError              **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (account->type, kinds[i].type) == 0)
      return &kinds[i];
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("“%s” is not a network Tayori can post to."), account->type);
  return NULL;
}

TayoriChannel *
tayori_channel_new_for_account (const TayoriAccount  *account,
                                TayoriHttpClient     *client,
                                GError              **error)
{
  const TayoriChannelKind *kind;

  g_return_val_if_fail (account != NULL, NULL);
  kind = find_kind (account, error);
  return kind != NULL ? kind->new_channel (account, client) : NULL;
}

void
tayori_channel_connect_async (const TayoriAccount *account,
                              const char          *secret,
                              TayoriHttpClient    *client,
                              TayoriOpenUriFunc    open_uri,
                              gpointer             open_uri_data,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GError *error = NULL;
  const TayoriChannelKind *kind = find_kind (account, &error);

  if (kind == NULL)
    {
      g_task_report_error (NULL, callback, user_data, tayori_channel_connect_async, error);
      return;
    }
  kind->connect (account, secret, client, open_uri, open_uri_data, cancellable, callback,
                 user_data);
}

gboolean
tayori_channel_connect_finish (GAsyncResult  *result,
                               GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
