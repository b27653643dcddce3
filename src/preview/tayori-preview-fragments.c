/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Off-main-thread rendering of the page fragments and the slot diff the preview pushes. */

#include "tayori-preview-fragments.h"

#include "tayori-page.h"
#include "tayori-ruby.h"

typedef struct {
  TayoriArticle *article;
  TayoriPreset  *preset;
  gboolean       ruby;
  guint          above_grade;
} BuildData;

static void
build_data_free (BuildData *data)
{
  g_clear_object (&data->article);
  g_clear_object (&data->preset);
  g_free (data);
}

/* The body slot's safe HTML with ruby; left as it is when ruby cannot be made. */
static void
add_ruby (GHashTable *fragments,
          guint       above_grade)
{
  g_autoptr(GError) error = NULL;
  char *annotated = tayori_ruby_annotate_html (g_hash_table_lookup (fragments, "body"),
                                               above_grade, &error);

  if (annotated == NULL)
    {
      g_debug ("The preview shows the body without ruby: %s", error->message);
      return;
    }
  g_hash_table_insert (fragments, (gpointer) "body", annotated);
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BuildData *data = task_data;
  g_autoptr(GHashTable) fragments = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  fragments = tayori_page_build_fragments (data->article, data->preset);
  if (data->ruby)
    add_ruby (fragments, data->above_grade);
  g_task_return_pointer (task, g_steal_pointer (&fragments), (GDestroyNotify) g_hash_table_unref);
}

void
tayori_preview_fragments_build_async (TayoriArticle       *article,
                                      TayoriPreset        *preset,
                                      gboolean             ruby,
                                      guint                above_grade,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  BuildData *data;

  g_return_if_fail (article == NULL || TAYORI_IS_ARTICLE (article));
  g_return_if_fail (TAYORI_IS_PRESET (preset));

  data = g_new0 (BuildData, 1);
  data->article = article ? tayori_article_copy (article) : tayori_article_new ();
  data->preset = g_object_ref (preset);
  data->ruby = ruby;
  data->above_grade = above_grade;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tayori_preview_fragments_build_async);
  g_task_set_task_data (task, data, (GDestroyNotify) build_data_free);
  g_task_run_in_thread (task, build_thread);
}

GHashTable *
tayori_preview_fragments_build_finish (GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GVariant *
tayori_preview_fragments_diff (GHashTable *shown,
                               GHashTable *fresh)
{
  GVariantBuilder builder;
  GHashTableIter iter;
  gpointer slot, html;
  gboolean any = FALSE;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_hash_table_iter_init (&iter, fresh);
  while (g_hash_table_iter_next (&iter, &slot, &html))
    {
      if (g_strcmp0 (g_hash_table_lookup (shown, slot), html) == 0)
        continue;
      g_variant_builder_add (&builder, "{sv}", slot, g_variant_new_string (html));
      any = TRUE;
    }

  if (!any)
    {
      g_variant_builder_clear (&builder);
      return NULL;
    }
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}
