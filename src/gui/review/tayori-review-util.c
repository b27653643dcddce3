/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Pieces the review widgets share (see tayori-review-util.h). */
#include <glib/gi18n.h>

#include "tayori-review-util.h"

GtkWidget *
tayori_review_note_field_new (const char   *accessible_name,
                              GtkTextView **out_view)
{
  GtkTextView *view = GTK_TEXT_VIEW (gtk_text_view_new ());
  GtkWidget *frame = gtk_frame_new (NULL);

  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (view, 6);
  gtk_text_view_set_bottom_margin (view, 6);
  gtk_text_view_set_left_margin (view, 6);
  gtk_text_view_set_right_margin (view, 6);
  gtk_widget_set_size_request (GTK_WIDGET (view), 360, 80);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (view));
  *out_view = view;
  return frame;
}

char *
tayori_review_dup_trimmed (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
}

char *
tayori_review_text_view_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return tayori_review_dup_trimmed (text);
}

const char *
tayori_review_status_label (const char *remote_status)
{
  static const struct { const char *key; const char *label; } labels[] = {
    { "draft", N_("Draft in the CMS") },
    { "pending", N_("Waiting for approval") },
    { "future", N_("Scheduled") },
    { "publish", N_("Published") },
    { "private", N_("Private") },
    { "trash", N_("Archived") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (remote_status, labels[i].key) == 0)
      return _(labels[i].label);
  return remote_status;
}
