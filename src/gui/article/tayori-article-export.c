/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Export: the article is copied on the main thread (the live one keeps changing), turned
 * into text in a worker, then written with g_file_replace_contents_async. */
#include <glib/gi18n.h>
#include <string.h>

#include "tayori-article-export.h"
#include "tayori-front-matter.h"
#include "tayori-page.h"

#define MAX_NAME_CHARS 60

typedef struct {
  TayoriArticle *article;
  TayoriPreset *preset;
  TayoriExportFormat format;
  GFile *file;
  char *contents;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->article);
  g_clear_object (&export->preset);
  g_clear_object (&export->file);
  g_free (export->contents);
  g_free (export);
}

char *
tayori_article_export_suggest_name (TayoriArticle      *article,
                                    TayoriExportFormat  format)
{
  const char *title = tayori_article_get_title (article);
  g_autoptr(GString) name = g_string_new (NULL);
  guint chars = 0;

  for (const char *p = title; *p != '\0' && chars < MAX_NAME_CHARS; p = g_utf8_next_char (p), chars++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || g_utf8_strchr ("/\\:*?\"<>|", -1, c) != NULL)
        g_string_append_c (name, '_');
      else
        g_string_append_unichar (name, c);
    }
  g_strstrip (name->str);
  if (*name->str == '\0')
    /* Translators: file name of an exported article that has no title yet */
    g_string_assign (name, _("article"));
  g_string_append (name, format == TAYORI_EXPORT_MARKDOWN ? ".md" : ".html");
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static void
replaced_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Export *export = task_data;
  GError *error = NULL;

  if (export->format == TAYORI_EXPORT_MARKDOWN)
    export->contents = tayori_front_matter_serialize (export->article);
  else
    export->contents = tayori_page_render_standalone (export->article, export->preset, &error);

  if (export->contents == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
rendered_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *render = G_TASK (result);
  g_autoptr(GTask) task = user_data;
  Export *export = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (render, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_file_replace_contents_async (export->file, export->contents, strlen (export->contents),
                                 NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                 cancellable, replaced_cb, g_steal_pointer (&task));
}

void
tayori_article_export_async (TayoriArticle       *article,
                             TayoriPreset        *preset,
                             TayoriExportFormat   format,
                             GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;
  g_autoptr(GTask) render = NULL;
  Export *export;

  g_return_if_fail (TAYORI_IS_ARTICLE (article));
  g_return_if_fail (TAYORI_IS_PRESET (preset));
  g_return_if_fail (G_IS_FILE (file));

  export = g_new0 (Export, 1);
  export->article = tayori_article_copy (article);
  export->preset = g_object_ref (preset);
  export->format = format;
  export->file = g_object_ref (file);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tayori_article_export_async);
  g_task_set_task_data (task, export, (GDestroyNotify) export_free);

  /* The worker only reads the copy and fills export->contents; the outer task owns both */
  render = g_task_new (NULL, cancellable, rendered_cb, task);
  g_task_set_task_data (render, export, NULL);
  g_task_run_in_thread (render, render_thread);
}

gboolean
tayori_article_export_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
