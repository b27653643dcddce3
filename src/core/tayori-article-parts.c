/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The article's parts: the TayoriLink and TayoriAttachment boxed types, their array
 * helpers (and the dismissals' and AI provenance's), and the reader-facing description of an
 * attachment. */
#include <string.h>
#include <glib/gi18n.h>

#include "tayori-article-private.h"

G_DEFINE_BOXED_TYPE (TayoriLink, tayori_link, tayori_link_copy, tayori_link_free)
G_DEFINE_BOXED_TYPE (TayoriAttachment, tayori_attachment, tayori_attachment_copy, tayori_attachment_free)

TayoriLink *
tayori_link_new (const char *title,
                 const char *url)
{
  TayoriLink *link = g_new0 (TayoriLink, 1);

  link->title = g_strdup (title);
  link->url = g_strdup (url);
  return link;
}

TayoriLink *
tayori_link_copy (const TayoriLink *link)
{
  return tayori_link_new (link->title, link->url);
}

void
tayori_link_free (TayoriLink *link)
{
  if (link == NULL)
    return;
  g_free (link->title);
  g_free (link->url);
  g_free (link);
}

static gboolean
link_equal (gconstpointer a,
            gconstpointer b)
{
  const TayoriLink *la = a, *lb = b;

  return g_strcmp0 (la->title, lb->title) == 0 && g_strcmp0 (la->url, lb->url) == 0;
}

TayoriAttachment *
tayori_attachment_new (const char *name,
                       const char *hash,
                       const char *mime_type,
                       guint64     size)
{
  TayoriAttachment *attachment = g_new0 (TayoriAttachment, 1);

  attachment->name = g_strdup (name);
  attachment->hash = g_strdup (hash);
  attachment->mime_type = g_strdup (mime_type);
  attachment->size = size;
  return attachment;
}

TayoriAttachment *
tayori_attachment_copy (const TayoriAttachment *attachment)
{
  return tayori_attachment_new (attachment->name, attachment->hash,
                                attachment->mime_type, attachment->size);
}

void
tayori_attachment_free (TayoriAttachment *attachment)
{
  if (attachment == NULL)
    return;
  g_free (attachment->name);
  g_free (attachment->hash);
  g_free (attachment->mime_type);
  g_free (attachment);
}

static gboolean
attachment_equal (gconstpointer a,
                  gconstpointer b)
{
  const TayoriAttachment *aa = a, *ab = b;

  return g_strcmp0 (aa->name, ab->name) == 0 &&
         g_strcmp0 (aa->hash, ab->hash) == 0 &&
         g_strcmp0 (aa->mime_type, ab->mime_type) == 0 &&
         aa->size == ab->size;
}

/* The names readers of a city site know formats by; NULL mime or extension = match the other */
static const struct {
  const char *mime_type;
  const char *extension;
  const char *label;
} formats[] = {
  { "application/pdf", "pdf", "PDF" },
  { "application/msword", "doc", "Word" },
  { "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "Word" },
  { "application/vnd.ms-excel", "xls", "Excel" },
  { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "Excel" },
  { "application/vnd.ms-powerpoint", "ppt", "PowerPoint" },
  { "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx", "PowerPoint" },
  { "application/x-js-taro", "jtd", N_("Ichitaro") },
  { "application/vnd.oasis.opendocument.text", "odt", "ODT" },
  { "application/vnd.oasis.opendocument.spreadsheet", "ods", "ODS" },
  { "application/vnd.oasis.opendocument.presentation", "odp", "ODP" },
  { "text/csv", "csv", "CSV" },
  { "text/plain", "txt", N_("Text") },
  { "application/zip", "zip", "ZIP" },
  { "image/jpeg", "jpg", "JPEG" },
  { NULL, "jpeg", "JPEG" },
  { "image/png", "png", "PNG" },
  { "image/gif", "gif", "GIF" },
  { "image/svg+xml", "svg", "SVG" },
  { "image/webp", "webp", "WebP" },
};

static char *
attachment_format (const TayoriAttachment *attachment)
{
  const char *dot = attachment->name ? strrchr (attachment->name, '.') : NULL;
  g_autofree char *extension = dot && dot[1] ? g_ascii_strdown (dot + 1, -1) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].mime_type && g_strcmp0 (formats[i].mime_type, attachment->mime_type) == 0)
      return g_strdup (_(formats[i].label));
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (formats[i].extension, extension) == 0)
      return g_strdup (_(formats[i].label));
  if (extension != NULL)
    return g_ascii_strup (extension, -1);
  return g_strdup (_("File"));
}

static char *
attachment_size (guint64 size)
{
  const guint64 kib = 1024, mib = 1024 * 1024;

  /* KB rounded up so a small file never reads "0KB"; MB to the nearest tenth */
  if (size <= mib)
    return g_strdup_printf ("%" G_GUINT64_FORMAT "KB", (size + kib - 1) / kib);
  else
    {
      guint64 tenths = (size * 10 + mib / 2) / mib;
      return g_strdup_printf ("%" G_GUINT64_FORMAT ".%" G_GUINT64_FORMAT "MB",
                              tenths / 10, tenths % 10);
    }
}

char *
tayori_attachment_describe (const TayoriAttachment *attachment)
{
  g_autofree char *format = NULL;
  g_autofree char *size = NULL;

  g_return_val_if_fail (attachment != NULL, NULL);

  format = attachment_format (attachment);
  size = attachment_size (attachment->size);
  /* Translators: a file format ("PDF") and its size ("123KB") shown next to a download */
  return g_strdup_printf (C_("attachment", "%s, %s"), format, size);
}

/* A new array of copies of @items (NULL: empty) that frees them with @free_item */
static GPtrArray *
copy_records (GPtrArray      *items,
              GBoxedCopyFunc  copy_item,
              GDestroyNotify  free_item)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func (free_item);

  for (guint i = 0; items != NULL && i < items->len; i++)
    g_ptr_array_add (copy, copy_item (g_ptr_array_index (items, i)));
  return copy;
}

GPtrArray *
tayori_links_copy (GPtrArray *links)
{
  return copy_records (links, (GBoxedCopyFunc) tayori_link_copy, (GDestroyNotify) tayori_link_free);
}

GPtrArray *
tayori_attachments_copy (GPtrArray *attachments)
{
  return copy_records (attachments, (GBoxedCopyFunc) tayori_attachment_copy, (GDestroyNotify) tayori_attachment_free);
}

GPtrArray *
tayori_dismissals_copy (GPtrArray *dismissals)
{
  return copy_records (dismissals, (GBoxedCopyFunc) tayori_dismissal_copy, (GDestroyNotify) tayori_dismissal_free);
}

static gboolean
dismissal_equal (gconstpointer a,
                 gconstpointer b)
{
  const TayoriDismissal *da = a, *db = b;

  return g_str_equal (da->rule_id, db->rule_id) && g_str_equal (da->field, db->field) &&
         g_str_equal (da->span, db->span) && g_str_equal (da->reason, db->reason) &&
         g_str_equal (da->author, db->author) && g_str_equal (da->time, db->time);
}

GPtrArray *
tayori_ai_provenances_copy (GPtrArray *records)
{
  return copy_records (records, (GBoxedCopyFunc) tayori_ai_provenance_copy, (GDestroyNotify) tayori_ai_provenance_free);
}

static gboolean
ai_provenance_equal (gconstpointer a,
                     gconstpointer b)
{
  return tayori_ai_provenance_equal (a, b);
}

static gboolean
ptr_arrays_equal (GPtrArray  *a,
                  GPtrArray  *b,
                  GEqualFunc  equal)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

gboolean
tayori_links_equal (GPtrArray *a,
                    GPtrArray *b)
{
  return ptr_arrays_equal (a, b, link_equal);
}

gboolean
tayori_attachments_equal (GPtrArray *a,
                          GPtrArray *b)
{
  return ptr_arrays_equal (a, b, attachment_equal);
}

gboolean
tayori_dismissals_equal (GPtrArray *a,
                         GPtrArray *b)
{
  return ptr_arrays_equal (a, b, dismissal_equal);
}

gboolean
tayori_ai_provenances_equal (GPtrArray *a,
                             GPtrArray *b)
{
  return ptr_arrays_equal (a, b, ai_provenance_equal);
}
