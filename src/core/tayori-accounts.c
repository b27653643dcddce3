/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CMS and SNS accounts: the preset's "[cms:NAME]"/"[channel:NAME]" groups (locked) and the
 * user's accounts.conf, read and written as GKeyFile groups. */
#include <glib/gi18n.h>
#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>

#include "tayori-accounts.h"

/* Keys with a field of their own; every other key goes to options. */
static const char * const field_keys[] = {
  "type", "label", "url", "user", "posters", "emergency", NULL
};

G_DEFINE_BOXED_TYPE (TayoriAccount, tayori_account, tayori_account_copy, tayori_account_free)

TayoriAccount *
tayori_account_new (TayoriAccountKind  kind,
                    const char        *name,
                    const char        *type,
                    const char        *url,
                    const char        *user)
{
  TayoriAccount *account = g_new0 (TayoriAccount, 1);

  account->kind = kind;
  account->name = g_strdup (name);
  account->type = g_strdup (type);
  account->url = g_strdup (url != NULL ? url : "");
  account->user = g_strdup (user != NULL ? user : "");
  account->label = g_strdup (name);
  account->posters = g_new0 (char *, 1);
  account->options = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return account;
}

TayoriAccount *
tayori_account_copy (const TayoriAccount *account)
{
  TayoriAccount *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (account != NULL, NULL);
  copy = tayori_account_new (account->kind, account->name, account->type, account->url,
                             account->user);
  g_free (copy->label);
  copy->label = g_strdup (account->label);
  g_strfreev (copy->posters);
  copy->posters = g_strdupv (account->posters);
  copy->emergency = account->emergency;
  copy->locked = account->locked;
  g_hash_table_iter_init (&iter, account->options);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->options, g_strdup (key), g_strdup (value));
  return copy;
}

void
tayori_account_free (TayoriAccount *account)
{
  if (account == NULL)
    return;
  g_free (account->name);
  g_free (account->type);
  g_free (account->label);
  g_free (account->url);
  g_free (account->user);
  g_strfreev (account->posters);
  g_hash_table_unref (account->options);
  g_free (account);
}

const char *
tayori_account_get_option (const TayoriAccount *account,
                           const char          *key)
{
  g_return_val_if_fail (account != NULL, NULL);
  return g_hash_table_lookup (account->options, key);
}

void
tayori_account_set_option (TayoriAccount *account,
                           const char    *key,
                           const char    *value)
{
  g_return_if_fail (account != NULL && key != NULL);
  if (value == NULL)
    g_hash_table_remove (account->options, key);
  else
    g_hash_table_insert (account->options, g_strdup (key), g_strdup (value));
}

const char *
tayori_account_secret_kind (const TayoriAccount *account)
{
  return account->kind == TAYORI_ACCOUNT_CMS ? "cms" : "channel";
}

gboolean
tayori_account_may_use (const TayoriAccount *account,
                        const char          *user,
                        const char * const  *roles)
{
  if (account->posters == NULL || account->posters[0] == NULL)
    return TRUE;
  for (guint i = 0; account->posters[i] != NULL; i++)
    {
      const char *poster = account->posters[i];

      if (g_str_has_prefix (poster, "role:"))
        {
          if (roles != NULL && g_strv_contains (roles, poster + strlen ("role:")))
            return TRUE;
        }
      else if (g_strcmp0 (poster, user) == 0)
        return TRUE;
    }
  return FALSE;
}

char *
tayori_accounts_user_path (void)
{
  const char *override = g_getenv ("TAYORI_ACCOUNTS");

  if (override != NULL && *override != '\0')
    return g_strdup (override);
  return g_build_filename (g_get_user_config_dir (), "tayori", "accounts.conf", NULL);
}

static const char *
group_prefix (TayoriAccountKind kind)
{
  return kind == TAYORI_ACCOUNT_CMS ? "cms:" : "channel:";
}

static TayoriAccount *
account_from_group (GKeyFile          *keyfile,
                    const char        *group,
                    TayoriAccountKind  kind,
                    gboolean           locked)
{
  const char *name = group + strlen (group_prefix (kind));
  g_autofree char *type = g_key_file_get_string (keyfile, group, "type", NULL);
  g_autofree char *url = g_key_file_get_string (keyfile, group, "url", NULL);
  g_autofree char *user = g_key_file_get_string (keyfile, group, "user", NULL);
  g_autofree char *label = g_key_file_get_string (keyfile, group, "label", NULL);
  g_auto(GStrv) keys = g_key_file_get_keys (keyfile, group, NULL, NULL);
  TayoriAccount *account;

  if (*name == '\0' || type == NULL)
    return NULL;
  account = tayori_account_new (kind, name, type, url, user);
  if (label != NULL)
    {
      g_free (account->label);
      account->label = g_steal_pointer (&label);
    }
  if (g_key_file_has_key (keyfile, group, "posters", NULL))
    {
      g_strfreev (account->posters);
      account->posters = g_key_file_get_string_list (keyfile, group, "posters", NULL, NULL);
    }
  account->emergency = g_key_file_get_boolean (keyfile, group, "emergency", NULL);
  account->locked = locked;
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    if (!g_strv_contains (field_keys, keys[i]))
      g_hash_table_insert (account->options, g_strdup (keys[i]),
                           g_key_file_get_string (keyfile, group, keys[i], NULL));
  return account;
}

static gboolean
has_account (GPtrArray  *accounts,
             const char *name)
{
  for (guint i = 0; i < accounts->len; i++)
    if (g_str_equal (((TayoriAccount *) accounts->pdata[i])->name, name))
      return TRUE;
  return FALSE;
}

static void
add_accounts (GPtrArray         *accounts,
              GKeyFile          *keyfile,
              TayoriAccountKind  kind,
              gboolean           locked)
{
  g_auto(GStrv) groups = g_key_file_get_groups (keyfile, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      TayoriAccount *account;

      if (!g_str_has_prefix (groups[i], group_prefix (kind)))
        continue;
      account = account_from_group (keyfile, groups[i], kind, locked);
      if (account == NULL || has_account (accounts, account->name))
        g_clear_pointer (&account, tayori_account_free);
      else
        g_ptr_array_add (accounts, account);
    }
}

static GKeyFile *
load_user_file (GError **error)
{
  g_autofree char *path = tayori_accounts_user_path ();
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;

  if (!g_key_file_load_from_file (keyfile, path, G_KEY_FILE_KEEP_COMMENTS, &local_error)
      && !g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The account settings in “%s” could not be read: %s"), path,
                   local_error->message);
      return NULL;
    }
  return g_steal_pointer (&keyfile);
}

GPtrArray *
tayori_accounts_load (TayoriPreset       *preset,
                      TayoriAccountKind   kind,
                      GError            **error)
{
  GPtrArray *accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_account_free);
  g_autoptr(GKeyFile) user_file = NULL;

  if (preset != NULL)
    {
      g_autoptr(GKeyFile) preset_groups = tayori_preset_dup_groups (preset, "",
                                                                    group_prefix (kind));
      add_accounts (accounts, preset_groups, kind, TRUE);
    }
  user_file = load_user_file (error);
  if (user_file != NULL)
    add_accounts (accounts, user_file, kind, FALSE);
  return accounts;
}

TayoriAccount *
tayori_accounts_find (TayoriPreset       *preset,
                      TayoriAccountKind   kind,
                      const char         *name,
                      GError            **error)
{
  g_autoptr(GPtrArray) accounts = tayori_accounts_load (preset, kind, error);

  for (guint i = 0; i < accounts->len; i++)
    {
      TayoriAccount *account = accounts->pdata[i];

      if (g_strcmp0 (account->name, name) == 0)
        return tayori_account_copy (account);
    }
  return NULL;
}

static gboolean
write_user_file (GKeyFile  *keyfile,
                 GError   **error)
{
  g_autofree char *path = tayori_accounts_user_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *data = g_key_file_to_data (keyfile, NULL, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("The folder “%s” could not be created."), dir);
      return FALSE;
    }
  return g_file_set_contents_full (path, data, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

static gboolean
is_preset_account (TayoriAccountKind  kind,
                   const char        *name)
{
  g_autoptr(TayoriPreset) preset = tayori_preset_load (NULL);
  g_autoptr(TayoriAccount) found = tayori_accounts_find (preset, kind, name, NULL);

  return found != NULL && found->locked;
}

gboolean
tayori_accounts_save (const TayoriAccount  *account,
                      GError              **error)
{
  g_autoptr(GKeyFile) keyfile = NULL;
  g_autofree char *group = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (account != NULL, FALSE);
  if (is_preset_account (account->kind, account->name))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("The account “%s” is set by the organisation and cannot be changed."),
                   account->name);
      return FALSE;
    }
  keyfile = load_user_file (error);
  if (keyfile == NULL)
    return FALSE;
  group = g_strconcat (group_prefix (account->kind), account->name, NULL);
  g_key_file_remove_group (keyfile, group, NULL);
  g_key_file_set_string (keyfile, group, "type", account->type);
  g_key_file_set_string (keyfile, group, "label", account->label);
  g_key_file_set_string (keyfile, group, "url", account->url);
  g_key_file_set_string (keyfile, group, "user", account->user);
  if (account->posters != NULL && account->posters[0] != NULL)
    g_key_file_set_string_list (keyfile, group, "posters",
                                (const char * const *) account->posters,
                                g_strv_length (account->posters));
  if (account->emergency)
    g_key_file_set_boolean (keyfile, group, "emergency", TRUE);
  g_hash_table_iter_init (&iter, account->options);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_key_file_set_string (keyfile, group, key, value);
  return write_user_file (keyfile, error);
}

gboolean
tayori_accounts_remove (TayoriAccountKind   kind,
                        const char         *name,
                        GError            **error)
{
  g_autoptr(GKeyFile) keyfile = load_user_file (error);
  g_autofree char *group = g_strconcat (group_prefix (kind), name, NULL);

  if (keyfile == NULL)
    return FALSE;
  if (!g_key_file_remove_group (keyfile, group, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no account “%s”."), name);
      return FALSE;
    }
  return write_user_file (keyfile, error);
}
