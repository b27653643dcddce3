/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tayori's keys in the desktop keyring through libsecret (the Secret portal inside Flatpak),
 * under one schema with the attributes "kind" and "name". Secrets are never logged. */
#include <glib/gi18n.h>
#include <libsecret/secret.h>
#include "tayori-secret.h"

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.tayori.Tayori.Secret", SECRET_SCHEMA_NONE,
    {
      { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "name", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

/* libsecret's own messages are about D-Bus; say first what could not be done. */
static void
prefix_error (GError **error)
{
  g_prefix_error (error, _("The keyring could not be used: "));
}

void
tayori_secret_store_async (const char          *kind,
                           const char          *name,
                           const char          *label,
                           const char          *secret,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autofree char *default_label = NULL;

  g_return_if_fail (kind != NULL && name != NULL && secret != NULL);

  if (label == NULL)
    label = default_label = g_strdup_printf ("Tayori: %s %s", kind, name);
  secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, label, secret, cancellable,
                         callback, user_data, "kind", kind, "name", name, NULL);
}

gboolean
tayori_secret_store_finish (GAsyncResult  *result,
                            GError       **error)
{
  gboolean stored = secret_password_store_finish (result, error);

  if (!stored)
    prefix_error (error);
  return stored;
}

void
tayori_secret_lookup_async (const char          *kind,
                            const char          *name,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (kind != NULL && name != NULL);

  secret_password_lookup (get_schema (), cancellable, callback, user_data,
                          "kind", kind, "name", name, NULL);
}

char *
tayori_secret_lookup_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *secret = secret_password_lookup_finish (result, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      prefix_error (error);
    }
  return secret;
}

char *
tayori_secret_lookup_sync (const char    *kind,
                           const char    *name,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *secret;

  g_return_val_if_fail (kind != NULL && name != NULL, NULL);

  secret = secret_password_lookup_sync (get_schema (), cancellable, &local_error,
                                        "kind", kind, "name", name, NULL);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      prefix_error (error);
    }
  return secret;
}

gboolean
tayori_secret_clear_sync (const char    *kind,
                          const char    *name,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (kind != NULL && name != NULL, FALSE);

  /* FALSE without an error only means there was nothing to clear. */
  secret_password_clear_sync (get_schema (), cancellable, &local_error,
                              "kind", kind, "name", name, NULL);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      prefix_error (error);
      return FALSE;
    }
  return TRUE;
}
