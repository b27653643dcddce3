/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writing an article as Markdown with front matter, through libyaml's emitter so any
 * value is quoted right; keys come in the order of the shared key table. */
#include <yaml.h>

#include "tayori-front-matter-private.h"

typedef struct {
  yaml_emitter_t emitter;
  gboolean failed;
} Writer;

static int
append_output (void          *data,
               unsigned char *buffer,
               size_t         size)
{
  g_string_append_len (data, (const char *) buffer, size);
  return 1;
}

static void
emit (Writer       *writer,
      yaml_event_t *event)
{
  if (!writer->failed && !yaml_emitter_emit (&writer->emitter, event))
    writer->failed = TRUE;
}

/* Text our reader (or another YAML tool) would take for a null, a boolean or a number */
static gboolean
needs_quotes (const char *value)
{
  static const char * const special[] = {
    "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n", NULL
  };
  g_autofree char *lower = g_ascii_strdown (value, -1);
  char *end = NULL;

  if (value[0] == '\0' || g_strv_contains (special, lower))
    return TRUE;
  g_ascii_strtod (value, &end);
  return end != value && *end == '\0';
}

static void
emit_scalar (Writer     *writer,
             const char *value,
             gboolean    is_text)
{
  g_autofree char *valid = g_utf8_make_valid (value, -1);
  yaml_scalar_style_t style = YAML_ANY_SCALAR_STYLE;
  yaml_event_t event;

  if (is_text && strchr (valid, '\n') != NULL)
    style = YAML_LITERAL_SCALAR_STYLE;
  else if (is_text && needs_quotes (valid))
    style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
  yaml_scalar_event_initialize (&event, NULL, NULL, (yaml_char_t *) valid, strlen (valid),
                                1, 1, style);
  emit (writer, &event);
}

static void
emit_collection (Writer   *writer,
                 gboolean  start,
                 gboolean  mapping)
{
  yaml_event_t event;

  if (start && mapping)
    yaml_mapping_start_event_initialize (&event, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
  else if (start)
    yaml_sequence_start_event_initialize (&event, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE);
  else if (mapping)
    yaml_mapping_end_event_initialize (&event);
  else
    yaml_sequence_end_event_initialize (&event);
  emit (writer, &event);
}

static void
emit_text_pair (Writer     *writer,
                const char *key,
                const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  emit_scalar (writer, key, FALSE);
  emit_scalar (writer, value, TRUE);
}

static void
emit_records (Writer            *writer,
              const char        *key,
              GPtrArray         *items,
              const RecordField *fields)
{
  if (items->len == 0)
    return;
  emit_scalar (writer, key, FALSE);
  emit_collection (writer, TRUE, FALSE);
  for (guint i = 0; i < items->len; i++)
    {
      gpointer record = g_ptr_array_index (items, i);

      emit_collection (writer, TRUE, TRUE);
      for (const RecordField *field = fields; field->key != NULL; field++)
        {
          gpointer member = G_STRUCT_MEMBER_P (record, field->offset);
          g_autofree char *size = NULL;

          switch (field->kind)
            {
            case RECORD_TEXT:
              emit_text_pair (writer, field->key, *(char **) member);
              break;
            case RECORD_SIZE:
              size = g_strdup_printf ("%" G_GUINT64_FORMAT, *(guint64 *) member);
              emit_scalar (writer, field->key, FALSE);
              emit_scalar (writer, size, FALSE);
              break;
            case RECORD_BOOL:
              emit_scalar (writer, field->key, FALSE);
              emit_scalar (writer, *(gboolean *) member ? "true" : "false", FALSE);
              break;
            default:
              g_assert_not_reached ();
            }
        }
      emit_collection (writer, FALSE, TRUE);
    }
  emit_collection (writer, FALSE, FALSE);
}

static void
emit_field (Writer        *writer,
            TayoriArticle *article,
            guint          i)
{
  const char *key = tayori_front_matter_fields[i].key;

  switch (tayori_front_matter_fields[i].kind)
    {
    case KIND_TEXT:
    case KIND_DATE:
      {
        g_autofree char *text = NULL;

        g_object_get (article, tayori_front_matter_fields[i].property, &text, NULL);
        emit_text_pair (writer, key, text);
        break;
      }
    case KIND_LIST:
      {
        g_auto(GStrv) list = NULL;

        g_object_get (article, tayori_front_matter_fields[i].property, &list, NULL);
        if (list[0] == NULL)
          break;
        emit_scalar (writer, key, FALSE);
        emit_collection (writer, TRUE, FALSE);
        for (guint j = 0; list[j] != NULL; j++)
          emit_scalar (writer, list[j], TRUE);
        emit_collection (writer, FALSE, FALSE);
        break;
      }
    case KIND_BOOL:
      emit_scalar (writer, key, FALSE);
      emit_scalar (writer, tayori_article_get_emergency (article) ? "true" : "false", FALSE);
      break;
    case KIND_LANGUAGE:
      emit_scalar (writer, key, FALSE);
      emit_scalar (writer, tayori_language_to_key (tayori_article_get_language (article)), FALSE);
      break;
    case KIND_STATUS:
      emit_scalar (writer, key, FALSE);
      emit_scalar (writer, tayori_article_status_to_key (tayori_article_get_status (article)), FALSE);
      break;
    case KIND_CONTACT:
      {
        char *values[TAYORI_FRONT_MATTER_N_CONTACT_KEYS] = { NULL };
        gboolean any = FALSE;

        for (guint j = 0; j < TAYORI_FRONT_MATTER_N_CONTACT_KEYS; j++)
          {
            g_autofree char *property = g_strconcat ("contact-", tayori_front_matter_contact_keys[j], NULL);

            g_object_get (article, property, &values[j], NULL);
            any |= values[j][0] != '\0';
          }
        if (any)
          {
            emit_scalar (writer, key, FALSE);
            emit_collection (writer, TRUE, TRUE);
            for (guint j = 0; j < TAYORI_FRONT_MATTER_N_CONTACT_KEYS; j++)
              emit_text_pair (writer, tayori_front_matter_contact_keys[j], values[j]);
            emit_collection (writer, FALSE, TRUE);
          }
        for (guint j = 0; j < TAYORI_FRONT_MATTER_N_CONTACT_KEYS; j++)
          g_free (values[j]);
        break;
      }
    case KIND_LINKS:
      emit_records (writer, key, tayori_article_get_links (article), tayori_front_matter_link_fields);
      break;
    case KIND_ATTACHMENTS:
      emit_records (writer, key, tayori_article_get_attachments (article), tayori_front_matter_attachment_fields);
      break;
    case KIND_DISMISSALS:
      emit_records (writer, key, tayori_article_get_dismissals (article), tayori_front_matter_dismissal_fields);
      break;
    case KIND_AI_PROVENANCE:
      emit_records (writer, key, tayori_article_get_ai_provenance (article), tayori_front_matter_ai_provenance_fields);
      break;
    case KIND_ID:
      if (tayori_article_get_id (article) != 0)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, tayori_article_get_id (article));

          emit_scalar (writer, key, FALSE);
          emit_scalar (writer, id, FALSE);
        }
      break;
    default:
      g_assert_not_reached ();
    }
}

char *
tayori_front_matter_serialize (TayoriArticle *article)
{
  g_autoptr(GString) output = g_string_new ("---\n");
  Writer writer = { .failed = FALSE };
  yaml_event_t event;

  g_return_val_if_fail (TAYORI_IS_ARTICLE (article), NULL);

  yaml_emitter_initialize (&writer.emitter);
  yaml_emitter_set_output (&writer.emitter, append_output, output);
  yaml_emitter_set_unicode (&writer.emitter, 1);
  yaml_emitter_set_width (&writer.emitter, -1);
  yaml_emitter_set_break (&writer.emitter, YAML_LN_BREAK);

  yaml_stream_start_event_initialize (&event, YAML_UTF8_ENCODING);
  emit (&writer, &event);
  yaml_document_start_event_initialize (&event, NULL, NULL, NULL, 1);
  emit (&writer, &event);
  emit_collection (&writer, TRUE, TRUE);
  for (guint i = 0; i < tayori_front_matter_n_fields; i++)
    emit_field (&writer, article, i);
  emit_collection (&writer, FALSE, TRUE);
  yaml_document_end_event_initialize (&event, 1);
  emit (&writer, &event);
  yaml_stream_end_event_initialize (&event);
  emit (&writer, &event);

  /* Only memory exhaustion can stop the emitter: every value was made valid UTF-8 */
  if (writer.failed)
    g_error ("YAML emitter failed: %s", writer.emitter.problem);
  yaml_emitter_delete (&writer.emitter);

  g_string_append (output, "---\n\n");
  g_string_append (output, tayori_article_get_body (article));
  return g_string_free (g_steal_pointer (&output), FALSE);
}
