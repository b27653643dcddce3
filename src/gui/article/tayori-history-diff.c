/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Japanese has no spaces, so the diff is by characters (tayori_diff_chars). A body can be
 * megabytes long: the strings are copied on the main thread and compared in a worker. */
#include <glib/gi18n.h>

#include "tayori-diff.h"
#include "tayori-history-diff.h"

/* Characters of unchanged text kept on each side of a change */
#define CONTEXT_CHARS 80

typedef struct {
  const char *label;
  char *old_text;
  char *new_text;
  GPtrArray *chunks;   /* TayoriDiffChunk */
} Field;

static void
field_free (Field *field)
{
  g_free (field->old_text);
  g_free (field->new_text);
  g_clear_pointer (&field->chunks, g_ptr_array_unref);
  g_free (field);
}

static Field *
field_new (const char *label,
           const char *old_text,
           const char *new_text)
{
  Field *field = g_new0 (Field, 1);

  field->label = label;
  field->old_text = g_strdup (old_text != NULL ? old_text : "");
  field->new_text = g_strdup (new_text != NULL ? new_text : "");
  return field;
}

static void
diff_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GPtrArray *fields = task_data;

  for (guint i = 0; i < fields->len; i++)
    {
      Field *field = g_ptr_array_index (fields, i);

      if (g_task_return_error_if_cancelled (task))
        return;
      field->chunks = tayori_diff_chars (field->old_text, field->new_text);
    }
  g_task_return_pointer (task, g_ptr_array_ref (fields), (GDestroyNotify) g_ptr_array_unref);
}

void
tayori_history_diff_async (TayoriArticle       *old_article,
                           TayoriArticle       *new_article,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GPtrArray *fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);

  g_ptr_array_add (fields, field_new (_("Title"), tayori_article_get_title (old_article),
                                      tayori_article_get_title (new_article)));
  g_ptr_array_add (fields, field_new (_("Summary"), tayori_article_get_summary (old_article),
                                      tayori_article_get_summary (new_article)));
  g_ptr_array_add (fields, field_new (_("Body"), tayori_article_get_body (old_article),
                                      tayori_article_get_body (new_article)));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tayori_history_diff_async);
  g_task_set_task_data (task, fields, (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, diff_thread);
}

GPtrArray *
tayori_history_diff_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
ensure_tags (GtkTextBuffer *buffer)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);

  if (gtk_text_tag_table_lookup (table, "insert") != NULL)
    return;
  gtk_text_buffer_create_tag (buffer, "field", "weight", PANGO_WEIGHT_BOLD, "scale", 1.15,
                              "pixels-above-lines", 18, "pixels-below-lines", 6, NULL);
  gtk_text_buffer_create_tag (buffer, "insert", "background", "rgba(38,162,105,0.28)",
                              "underline", PANGO_UNDERLINE_SINGLE, NULL);
  gtk_text_buffer_create_tag (buffer, "delete", "background", "rgba(224,27,36,0.22)",
                              "strikethrough", TRUE, NULL);
  gtk_text_buffer_create_tag (buffer, "marker", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "note", "style", PANGO_STYLE_ITALIC, "foreground", "gray", NULL);
}

static void
append (GtkTextBuffer *buffer,
        const char    *text,
        gssize         length,
        const char    *tag,
        const char    *second_tag)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_with_tags_by_name (buffer, &end, text, length, tag, second_tag, NULL);
}

/* Unchanged text between changes is cut to some context on each side */
static void
append_equal (GtkTextBuffer *buffer,
              const char    *text,
              gboolean       first,
              gboolean       last)
{
  glong length = g_utf8_strlen (text, -1);
  const char *tail;

  if (length <= 2 * CONTEXT_CHARS + 1)
    {
      append (buffer, text, -1, NULL, NULL);
      return;
    }
  if (!first)
    append (buffer, text, g_utf8_offset_to_pointer (text, CONTEXT_CHARS) - text, NULL, NULL);
  append (buffer, first ? "…" : " … ", -1, "note", NULL);
  if (!last)
    {
      tail = g_utf8_offset_to_pointer (text, length - CONTEXT_CHARS);
      append (buffer, tail, -1, NULL, NULL);
    }
}

static gboolean
has_changes (Field *field)
{
  for (guint i = 0; i < field->chunks->len; i++)
    if (((TayoriDiffChunk *) g_ptr_array_index (field->chunks, i))->op != TAYORI_DIFF_EQUAL)
      return TRUE;
  return FALSE;
}

static void
render_field (GtkTextBuffer *buffer,
              Field         *field)
{
  append (buffer, field->label, -1, "field", NULL);
  append (buffer, "\n", -1, NULL, NULL);

  if (!has_changes (field))
    {
      append (buffer, _("No changes"), -1, "note", NULL);
      append (buffer, "\n", -1, NULL, NULL);
      return;
    }

  for (guint i = 0; i < field->chunks->len; i++)
    {
      TayoriDiffChunk *chunk = g_ptr_array_index (field->chunks, i);

      switch (chunk->op)
        {
        case TAYORI_DIFF_EQUAL:
          append_equal (buffer, chunk->text, i == 0, i + 1 == field->chunks->len);
          break;
        case TAYORI_DIFF_INSERT:
          append (buffer, "[+", -1, "insert", "marker");
          append (buffer, chunk->text, -1, "insert", NULL);
          append (buffer, "+]", -1, "insert", "marker");
          break;
        case TAYORI_DIFF_DELETE:
          append (buffer, "[-", -1, "delete", "marker");
          append (buffer, chunk->text, -1, "delete", NULL);
          append (buffer, "-]", -1, "delete", "marker");
          break;
        default:
          g_assert_not_reached ();
        }
    }
  append (buffer, "\n", -1, NULL, NULL);
}

void
tayori_history_diff_render (GPtrArray     *diff,
                            GtkTextBuffer *buffer)
{
  g_return_if_fail (diff != NULL);
  g_return_if_fail (GTK_IS_TEXT_BUFFER (buffer));

  ensure_tags (buffer);
  gtk_text_buffer_set_text (buffer, "", 0);
  for (guint i = 0; i < diff->len; i++)
    render_field (buffer, g_ptr_array_index (diff, i));
}
