/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What several tayori-cli commands read and write: the store, article files, stdout or an
 * output file, and error messages on stderr. */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include "tayori-cli.h"
#include "tayori-front-matter.h"
#include "tayori-paths.h"

TayoriStore *
tayori_cli_open_store (TayoriCli  *cli,
                       GError    **error)
{
  g_autofree char *default_path = NULL;
  const char *path = cli->db_path;
  TayoriStore *store;

  if (path == NULL)
    path = default_path = tayori_paths_default_db ();

  store = tayori_store_open (path, error);
  if (store == NULL)
    g_prefix_error (error, _("Cannot open the article store %s: "), path);
  return store;
}

int
tayori_cli_load_article (TayoriCli       *cli,
                         GOptionContext  *context,
                         const char      *id_text,
                         TayoriArticle  **out_article)
{
  g_autoptr(TayoriStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!g_ascii_string_to_signed (id_text, 10, 1, G_MAXINT64, &id, NULL))
    return tayori_cli_usage_error (context, _("“%s” is not an article id (a whole number from 1)"),
                                   id_text);

  store = tayori_cli_open_store (cli, &error);
  if (store == NULL)
    return tayori_cli_report (error);

  *out_article = tayori_store_load_article (store, id, &error);
  if (*out_article == NULL)
    return tayori_cli_report (error);

  return TAYORI_CLI_CONTINUE;
}

TayoriArticle *
tayori_cli_read_article (const char  *path,
                         GError     **error)
{
  g_autofree char *text = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &text, &length, error))
    return NULL;

  return tayori_front_matter_parse (text, length, path, error);
}

static gboolean
write_stdout (const char  *text,
              gsize        length,
              GError     **error)
{
  /* Not g_print (): that converts to the locale's charset, and our output is UTF-8. */
  if (fwrite (text, 1, length, stdout) != length || fflush (stdout) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot write the output: %s"), g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

gboolean
tayori_cli_write (const char  *path,
                  const char  *text,
                  gssize       length,
                  GError     **error)
{
  if (length < 0)
    length = strlen (text);

  if (path == NULL || g_str_equal (path, "-"))
    return write_stdout (text, length, error);

  return g_file_set_contents (path, text, length, error);
}

int
tayori_cli_report (const GError *error)
{
  g_printerr ("tayori-cli: %s\n", error->message);
  return TAYORI_CLI_EXIT_ERROR;
}

TayoriPreset *
tayori_cli_load_preset (const char  *path,
                        GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(TayoriPreset) preset = NULL;

  if (path != NULL)
    {
      preset = tayori_preset_new_from_file (path, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      return g_steal_pointer (&preset);
    }

  preset = tayori_preset_load (&local_error);
  if (local_error != NULL)
    g_printerr (_("tayori-cli: warning: %s\n"), local_error->message);
  return preset != NULL ? g_steal_pointer (&preset) : tayori_preset_new_defaults ();
}
