/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriAiProvenance: the record of one accepted AI output, its JSON form, and
 * tayori_article_update_ai_edited (), which tells whether a person changed it since. */
#include <string.h>

#include "tayori-article-private.h"

/* How much of a body paragraph a record keeps to find it again */
#define PARAGRAPH_CHARS 40

G_DEFINE_BOXED_TYPE (TayoriAiProvenance, tayori_ai_provenance,
                     tayori_ai_provenance_copy, tayori_ai_provenance_free)

char *
tayori_ai_provenance_hash_text (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, stripped, -1);
}

static char *
dup_nonempty (const char *text)
{
  return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
}

/* The start of the accepted body text, by which update_ai_edited () finds it */
static char *
paragraph_start (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *end = stripped;

  for (guint i = 0; i < PARAGRAPH_CHARS && *end != '\0'; i++)
    end = g_utf8_next_char (end);
  return end > stripped ? g_strndup (stripped, end - stripped) : NULL;
}

TayoriAiProvenance *
tayori_ai_provenance_new (const char *field,
                          const char *provider,
                          const char *model,
                          const char *template_id,
                          const char *template_version,
                          const char *accepted_text)
{
  TayoriAiProvenance *record;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_val_if_fail (field != NULL, NULL);

  record = g_new0 (TayoriAiProvenance, 1);
  record->field = g_strdup (field);
  record->paragraph = g_str_equal (field, "body") ? paragraph_start (accepted_text) : NULL;
  record->provider = dup_nonempty (provider);
  record->model = dup_nonempty (model);
  record->template_id = dup_nonempty (template_id);
  record->template_version = dup_nonempty (template_version);
  record->time = g_date_time_format_iso8601 (now);
  record->output_hash = tayori_ai_provenance_hash_text (accepted_text);
  return record;
}

TayoriAiProvenance *
tayori_ai_provenance_copy (const TayoriAiProvenance *provenance)
{
  TayoriAiProvenance *copy;

  g_return_val_if_fail (provenance != NULL, NULL);

  copy = g_new0 (TayoriAiProvenance, 1);
  copy->field = g_strdup (provenance->field);
  copy->paragraph = dup_nonempty (provenance->paragraph);
  copy->provider = dup_nonempty (provenance->provider);
  copy->model = dup_nonempty (provenance->model);
  copy->template_id = dup_nonempty (provenance->template_id);
  copy->template_version = dup_nonempty (provenance->template_version);
  copy->time = dup_nonempty (provenance->time);
  copy->output_hash = dup_nonempty (provenance->output_hash);
  copy->edited = provenance->edited;
  return copy;
}

void
tayori_ai_provenance_free (TayoriAiProvenance *provenance)
{
  if (provenance == NULL)
    return;
  g_free (provenance->field);
  g_free (provenance->paragraph);
  g_free (provenance->provider);
  g_free (provenance->model);
  g_free (provenance->template_id);
  g_free (provenance->template_version);
  g_free (provenance->time);
  g_free (provenance->output_hash);
  g_free (provenance);
}

/* ---- members by name: equality and JSON share one table --------------------------------- */

static const struct {
  const char *key;
  gsize       offset;
} text_members[] = {
  { "field", G_STRUCT_OFFSET (TayoriAiProvenance, field) },
  { "paragraph", G_STRUCT_OFFSET (TayoriAiProvenance, paragraph) },
  { "provider", G_STRUCT_OFFSET (TayoriAiProvenance, provider) },
  { "model", G_STRUCT_OFFSET (TayoriAiProvenance, model) },
  { "template_id", G_STRUCT_OFFSET (TayoriAiProvenance, template_id) },
  { "template_version", G_STRUCT_OFFSET (TayoriAiProvenance, template_version) },
  { "time", G_STRUCT_OFFSET (TayoriAiProvenance, time) },
  { "output_hash", G_STRUCT_OFFSET (TayoriAiProvenance, output_hash) },
};

static char **
member (const TayoriAiProvenance *record,
        guint                     i)
{
  return G_STRUCT_MEMBER_P ((gpointer) record, text_members[i].offset);
}

gboolean
tayori_ai_provenance_equal (const TayoriAiProvenance *a,
                            const TayoriAiProvenance *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->edited != b->edited)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (text_members); i++)
    {
      const char *x = *member (a, i), *y = *member (b, i);

      if (g_strcmp0 (x != NULL ? x : "", y != NULL ? y : "") != 0)
        return FALSE;
    }
  return TRUE;
}

void
tayori_ai_provenance_list_to_json (JsonBuilder *builder,
                                   const char  *key,
                                   GPtrArray   *records)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      const TayoriAiProvenance *record = g_ptr_array_index (records, i);

      json_builder_begin_object (builder);
      for (guint j = 0; j < G_N_ELEMENTS (text_members); j++)
        {
          json_builder_set_member_name (builder, text_members[j].key);
          if (*member (record, j) != NULL)
            json_builder_add_string_value (builder, *member (record, j));
          else
            json_builder_add_null_value (builder);
        }
      json_builder_set_member_name (builder, "edited");
      json_builder_add_boolean_value (builder, record->edited);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

GPtrArray *
tayori_ai_provenance_list_from_json (JsonArray *array)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_ai_provenance_free);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);
      TayoriAiProvenance *record;

      if (item == NULL ||
          json_object_get_string_member_with_default (item, "field", NULL) == NULL)
        continue;
      record = g_new0 (TayoriAiProvenance, 1);
      for (guint j = 0; j < G_N_ELEMENTS (text_members); j++)
        *member (record, j) =
          dup_nonempty (json_object_get_string_member_with_default (item, text_members[j].key, NULL));
      record->edited = json_object_get_boolean_member_with_default (item, "edited", FALSE);
      g_ptr_array_add (records, record);
    }
  return records;
}

/* ---- edited ------------------------------------------------------------------------------ */

/* The current text of a field whose whole text a record stands for; NULL for a field the
 * article does not hold (SNS drafts) */
static const char *
field_text (TayoriArticle *article,
            const char    *field)
{
  if (g_str_equal (field, "title"))
    return tayori_article_get_title (article);
  if (g_str_equal (field, "summary"))
    return tayori_article_get_summary (article);
  if (g_str_equal (field, "category"))
    return tayori_article_get_category (article);
  if (g_str_equal (field, "thumbnail-alt"))
    return tayori_article_get_thumbnail_alt (article);
  if (g_str_equal (field, "thumbnail"))
    return tayori_article_get_thumbnail (article) != NULL ? tayori_article_get_thumbnail (article) : "";
  return NULL;
}

static gboolean
hash_matches (const char *text,
              gsize       length,
              const char *hash)
{
  g_autofree char *piece = g_strndup (text, length);
  g_autofree char *piece_hash = tayori_ai_provenance_hash_text (piece);

  return g_strcmp0 (piece_hash, hash) == 0;
}

/* The accepted text is still in the body when, from some place the paragraph start is
 * found, the text up to a line end (or the end) hashes to the record's hash: paragraphs are
 * whole lines, and the accepted text may be one or several of them. */
static gboolean
body_contains (const char               *body,
               const TayoriAiProvenance *record)
{
  if (record->paragraph == NULL || record->output_hash == NULL)
    return FALSE;
  for (const char *start = strstr (body, record->paragraph); start != NULL;
       start = strstr (start + 1, record->paragraph))
    for (const char *end = start + strlen (record->paragraph); ; end++)
      {
        if ((*end == '\n' || *end == '\0') && hash_matches (start, end - start, record->output_hash))
          return TRUE;
        if (*end == '\0')
          break;
      }
  return FALSE;
}

void
tayori_article_update_ai_edited (TayoriArticle *self)
{
  g_autoptr(GPtrArray) records = NULL;

  g_return_if_fail (TAYORI_IS_ARTICLE (self));

  records = tayori_ai_provenances_copy (tayori_article_get_ai_provenance (self));
  for (guint i = 0; i < records->len; i++)
    {
      TayoriAiProvenance *record = g_ptr_array_index (records, i);
      const char *text;

      if (record->field == NULL)
        continue;
      text = field_text (self, record->field);
      if (g_str_equal (record->field, "body"))
        record->edited = !body_contains (tayori_article_get_body (self), record);
      else if (text != NULL)
        record->edited = !hash_matches (text, strlen (text), record->output_hash);
    }
  tayori_article_set_ai_provenance (self, records);
}
