/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Prompt templates: the embedded Japanese ones, or the organisation's from the preset's
 * "[ai] prompts-dir=", with "{{name}}" placeholders filled in one pass (text put in is never
 * read again for placeholders, so an article cannot inject one). */
#include <glib/gi18n.h>
#include <gio/gio.h>
#include "tayori-core-resources.h"
#include "tayori-prompt-template.h"

#define RESOURCE_DIR "/io/github/tayori/Tayori/core/ai/prompts/"
#define GROUP        "prompt"

struct _TayoriPromptTemplate
{
  char *id;
  char *version;
  char *system;
  char *user;
  char *source;   /* file or resource path, for messages */
};

void
tayori_prompt_template_free (TayoriPromptTemplate *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->version);
  g_free (self->system);
  g_free (self->user);
  g_free (self->source);
  g_free (self);
}

static gboolean
is_valid_id (const char *id)
{
  if (id[0] == '\0')
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

/* The preset's prompts-dir, relative to the preset file when not absolute; NULL when unset. */
static char *
override_dir (TayoriPreset *preset)
{
  g_autoptr(GKeyFile) ai = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  const char *source;

  if (preset == NULL)
    return NULL;
  ai = tayori_preset_dup_ai_keyfile (preset);
  dir = g_key_file_get_string (ai, "ai", "prompts-dir", NULL);
  if (dir == NULL || g_strstrip (dir)[0] == '\0')
    return NULL;
  source = tayori_preset_get_source (preset);
  if (g_path_is_absolute (dir) || !g_path_is_absolute (source))
    return g_steal_pointer (&dir);
  base = g_path_get_dirname (source);
  return g_build_filename (base, dir, NULL);
}

/* The override file's text, the embedded resource's, or NULL with an error. */
static GBytes *
read_template (TayoriPreset  *preset,
               const char    *id,
               char         **source,
               GError       **error)
{
  g_autofree char *dir = override_dir (preset);
  g_autofree char *name = g_strconcat (id, ".prompt", NULL);
  GBytes *bytes;

  if (dir != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) local_error = NULL;
      char *contents = NULL;
      gsize length = 0;

      if (g_file_get_contents (path, &contents, &length, &local_error))
        {
          *source = g_steal_pointer (&path);
          return g_bytes_new_take (contents, length);
        }
      if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  *source = g_strconcat (RESOURCE_DIR, name, NULL);
  bytes = g_resource_lookup_data (tayori_core_get_resource (), *source,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("There is no prompt template “%s”"), id);
  return bytes;
}

static char *
read_key (GKeyFile    *keyfile,
          const char  *source,
          const char  *key,
          GError     **error)
{
  g_autofree char *value = g_key_file_get_string (keyfile, GROUP, key, NULL);

  if (value == NULL || g_strstrip (value)[0] == '\0')
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                   _("The prompt template %s has no “%s”"), source, key);
      return NULL;
    }
  return g_steal_pointer (&value);
}

TayoriPromptTemplate *
tayori_prompt_template_load (TayoriPreset  *preset,
                             const char    *id,
                             GError       **error)
{
  g_autoptr(TayoriPromptTemplate) self = NULL;
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *source = NULL;

  g_return_val_if_fail (preset == NULL || TAYORI_IS_PRESET (preset), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!is_valid_id (id))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no prompt template “%s”"), id);
      return NULL;
    }
  bytes = read_template (preset, id, &source, error);
  if (bytes == NULL)
    return NULL;
  if (!g_key_file_load_from_bytes (keyfile, bytes, G_KEY_FILE_NONE, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", source);
      return NULL;
    }

  self = g_new0 (TayoriPromptTemplate, 1);
  self->source = g_steal_pointer (&source);
  if (!(self->id = read_key (keyfile, self->source, "id", error)) ||
      !(self->version = read_key (keyfile, self->source, "version", error)) ||
      !(self->system = read_key (keyfile, self->source, "system", error)) ||
      !(self->user = read_key (keyfile, self->source, "user", error)))
    return NULL;
  if (!g_str_equal (self->id, id))
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   _("The prompt template %s has the id “%s” instead of “%s”"),
                   self->source, self->id, id);
      return NULL;
    }
  return g_steal_pointer (&self);
}

const char *
tayori_prompt_template_get_id (TayoriPromptTemplate *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->id;
}

const char *
tayori_prompt_template_get_version (TayoriPromptTemplate *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->version;
}

static char *
fill (TayoriPromptTemplate  *self,
      const char            *text,
      GHashTable            *values,
      GError               **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = text;
  const char *open;

  while ((open = strstr (p, "{{")) != NULL)
    {
      const char *close = strstr (open + 2, "}}");
      g_autofree char *name = NULL;
      const char *value;

      if (close == NULL)
        {
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                       _("The prompt template %s has a “{{” that is never closed"), self->source);
          return NULL;
        }
      name = g_strstrip (g_strndup (open + 2, close - open - 2));
      value = values != NULL ? g_hash_table_lookup (values, name) : NULL;
      if (value == NULL)
        {
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                       _("The prompt template %s uses the unknown placeholder “%s”"),
                       self->source, name);
          return NULL;
        }
      g_string_append_len (out, p, open - p);
      g_string_append (out, value);
      p = close + 2;
    }
  g_string_append (out, p);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
tayori_prompt_template_render (TayoriPromptTemplate  *self,
                               GHashTable            *values,
                               char                 **system,
                               char                 **user,
                               GError               **error)
{
  g_autofree char *system_text = NULL;
  g_autofree char *user_text = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!(system_text = fill (self, self->system, values, error)) ||
      !(user_text = fill (self, self->user, values, error)))
    return FALSE;
  if (system != NULL)
    *system = g_steal_pointer (&system_text);
  if (user != NULL)
    *user = g_steal_pointer (&user_text);
  return TRUE;
}
