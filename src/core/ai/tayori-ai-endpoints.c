/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The list of AI endpoints: the organisation preset's, then the user's own file, which may add
 * endpoints but never replace one of the preset's. */
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include "tayori-ai-endpoint-private.h"

static char *
default_user_file (void)
{
  return g_build_filename (g_get_user_config_dir (), "tayori", "ai-endpoints.conf", NULL);
}

static gboolean
find_name (GPtrArray  *endpoints,
           const char *name)
{
  for (guint i = 0; i < endpoints->len; i++)
    if (g_str_equal (tayori_ai_endpoint_get_name (endpoints->pdata[i]), name))
      return TRUE;
  return FALSE;
}

/* Appends the endpoints of @keyfile's "[ai-endpoint:*]" groups not named in @endpoints yet. */
static gboolean
add_groups (GPtrArray   *endpoints,
            GKeyFile    *keyfile,
            gboolean     from_preset,
            const char  *source,
            GError     **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (keyfile, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autoptr(TayoriAiEndpoint) endpoint = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!g_str_has_prefix (groups[i], TAYORI_AI_ENDPOINT_GROUP_PREFIX) ||
          find_name (endpoints, groups[i] + strlen (TAYORI_AI_ENDPOINT_GROUP_PREFIX)))
        continue;
      endpoint = tayori_ai_endpoint_new_from_keyfile (keyfile, groups[i], &local_error);
      if (endpoint == NULL)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", source);
          return FALSE;
        }
      tayori_ai_endpoint_set_from_preset (endpoint, from_preset);
      g_ptr_array_add (endpoints, g_steal_pointer (&endpoint));
    }
  return TRUE;
}

GPtrArray *
tayori_ai_endpoints_load (TayoriPreset  *preset,
                          const char    *user_file,
                          GError       **error)
{
  g_autoptr(GPtrArray) endpoints = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *default_file = NULL;
  g_autoptr(GKeyFile) user = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (preset == NULL || TAYORI_IS_PRESET (preset), NULL);

  if (preset != NULL)
    {
      g_autoptr(GKeyFile) ai = tayori_preset_dup_ai_keyfile (preset);

      if (!add_groups (endpoints, ai, TRUE, tayori_preset_get_source (preset), error))
        return NULL;
    }

  if (user_file == NULL)
    user_file = default_file = default_user_file ();
  if (!g_key_file_load_from_file (user, user_file, G_KEY_FILE_NONE, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&endpoints);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", user_file);
      return NULL;
    }
  if (!add_groups (endpoints, user, FALSE, user_file, error))
    return NULL;
  return g_steal_pointer (&endpoints);
}

gboolean
tayori_ai_endpoints_save_user (GPtrArray   *endpoints,
                               const char  *user_file,
                               GError     **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *default_file = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (endpoints != NULL, FALSE);

  for (guint i = 0; i < endpoints->len; i++)
    if (!tayori_ai_endpoint_get_from_preset (endpoints->pdata[i]))
      tayori_ai_endpoint_to_keyfile (endpoints->pdata[i], keyfile);

  if (user_file == NULL)
    user_file = default_file = default_user_file ();
  dir = g_path_get_dirname (user_file);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  return g_key_file_save_to_file (keyfile, user_file, error);
}
