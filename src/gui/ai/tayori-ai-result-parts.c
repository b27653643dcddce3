/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The larger parts of a proposal: SNS drafts with each network's own counter and a copy
 * button, the thumbnail, decoded off the main thread, with its alternative text, and a note
 * on the suggested categories the article's CMS site does not have. */
#include <glib/gi18n.h>

#include "tayori-ai-result-private.h"
#include "tayori-cms-service.h"
#include "tayori-post-counter.h"

/* SNS drafts */

static const char *
network_label (TayoriPostNetwork network)
{
  switch (network)
    {
    case TAYORI_POST_NETWORK_X:        return "X";
    case TAYORI_POST_NETWORK_BLUESKY:  return "Bluesky";
    case TAYORI_POST_NETWORK_MASTODON: return "Mastodon";
    case TAYORI_POST_NETWORK_LINE:     return "LINE";
    default:                           return "";
    }
}

static void
update_post_counter (GtkTextBuffer *buffer,
                     GtkLabel      *counter)
{
  TayoriPostNetwork network = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (counter), "network"));
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  guint count, limit = tayori_post_default_limit (network);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  count = tayori_post_count (network, text);
  label = g_strdup_printf ("%u / %u", count, limit);
  gtk_label_set_label (counter, label);
  if (count > limit)
    gtk_widget_add_css_class (GTK_WIDGET (counter), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (counter), "error");
}

static void
copy_clicked_cb (GtkButton   *button,
                 GtkTextView *view)
{
  g_autofree char *text = _tayori_ai_result_buffer_text (view);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), text);
  gtk_widget_activate_action (GTK_WIDGET (button), "page.show-message", "s", _("Copied to the clipboard"));
}

void
_tayori_ai_result_add_drafts (TayoriAiResult *self)
{
  const TayoriAiProposal *p = self->proposal;

  for (guint i = 0; p->items != NULL && p->items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (p->items[i], "\t", 2);
      TayoriPostNetwork network;
      GtkWidget *header, *title, *counter, *copy;
      GtkTextView *view;
      g_autofree char *name = NULL;
      g_autofree char *copy_name = NULL;

      if (parts[0] == NULL || parts[1] == NULL || !tayori_post_network_from_string (parts[0], &network))
        continue;
      /* TRANSLATORS: the accessible name of an SNS draft, e.g. "Draft for Bluesky" */
      name = g_strdup_printf (_("Draft for %s"), network_label (network));
      /* TRANSLATORS: the accessible name of the copy button of an SNS draft */
      copy_name = g_strdup_printf (_("Copy draft for %s"), network_label (network));
      header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      title = gtk_label_new (network_label (network));
      gtk_widget_add_css_class (title, "heading");
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_set_hexpand (title, TRUE);
      counter = _tayori_ai_result_caption ("");
      gtk_widget_add_css_class (counter, "numeric");
      g_object_set_data (G_OBJECT (counter), "network", GINT_TO_POINTER (network));
      copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
      gtk_widget_add_css_class (copy, "flat");
      gtk_widget_set_tooltip_text (copy, _("Copy"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL, copy_name, -1);
      gtk_box_append (GTK_BOX (header), title);
      gtk_box_append (GTK_BOX (header), counter);
      gtk_box_append (GTK_BOX (header), copy);
      _tayori_ai_result_append_child (self, header);
      _tayori_ai_result_append_child (self, _tayori_ai_result_text_area (name, 72, &view));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), parts[1], -1);
      g_signal_connect_object (gtk_text_view_get_buffer (view), "changed", G_CALLBACK (update_post_counter),
                               counter, 0);
      g_signal_connect_object (copy, "clicked", G_CALLBACK (copy_clicked_cb), view, 0);
      update_post_counter (gtk_text_view_get_buffer (view), GTK_LABEL (counter));
    }
  _tayori_ai_result_append_child (self, _tayori_ai_result_caption (_("Drafts are not stored with the article: copy them into your SNS tools.")));
}

/* Thumbnail */

static void
decode_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  GdkTexture *texture = gdk_texture_new_from_bytes (task_data, &error);

  if (texture == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, texture, g_object_unref);
}

static void
decoded_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), NULL);

  /* NULL when cancelled: the result is gone */
  if (texture != NULL)
    gtk_picture_set_paintable (TAYORI_AI_RESULT (user_data)->picture, GDK_PAINTABLE (texture));
}

void
_tayori_ai_result_add_thumbnail (TayoriAiResult *self)
{
  g_autoptr(GTask) task = NULL;
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *alt = adw_entry_row_new ();
  GtkWidget *list = gtk_list_box_new ();

  self->picture = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_content_fit (self->picture, GTK_CONTENT_FIT_CONTAIN);
  gtk_picture_set_can_shrink (self->picture, TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self->picture), -1, 168);
  gtk_picture_set_alternative_text (self->picture, self->proposal->alt_text);
  gtk_widget_add_css_class (frame, "tayori-ai-thumbnail");
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->picture));
  _tayori_ai_result_append_child (self, frame);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (alt), _("Alternative Text"));
  gtk_editable_set_text (GTK_EDITABLE (alt), self->proposal->alt_text != NULL ? self->proposal->alt_text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (alt))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Proposed alternative text"), -1);
  self->alt_entry = GTK_EDITABLE (alt);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), alt);
  _tayori_ai_result_append_child (self, list);

  if (self->proposal->image == NULL)
    return;
  task = g_task_new (NULL, self->cancellable, decoded_cb, self);
  g_task_set_source_tag (task, _tayori_ai_result_add_thumbnail);
  g_task_set_task_data (task, g_bytes_ref (self->proposal->image), (GDestroyNotify) g_bytes_unref);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, decode_thread);
}

/* Categories the site lacks: a push leaves them out, so say so before one is applied */

static void
site_categories_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) site = tayori_cms_sync_target_categories_finish (TAYORI_CMS_SYNC (source), result, &error);
  TayoriAiResult *self = user_data;
  GtkWidget *row;

  /* Unknown (offline, no CMS account): no note rather than a wrong one */
  if (site == NULL)
    return;
  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->categories)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row)
        && !g_strv_contains ((const char * const *) site, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row))))
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Not a category on the CMS site"));
}

void
_tayori_ai_result_note_site_categories (TayoriAiResult *self)
{
  TayoriCmsService *service = tayori_cms_service_get_default ();
  TayoriCmsSync *sync = service != NULL ? tayori_cms_service_get_sync (service) : NULL;
  gint64 id = tayori_article_get_id (self->article);

  if (sync != NULL && id > 0)
    tayori_cms_sync_target_categories_async (sync, id, self->cancellable, site_categories_cb, self);
}
