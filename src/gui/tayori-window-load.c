/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening an article in the window's page: what the page holds is saved first, and a newer
 * request supersedes an older one still loading. */
#define G_LOG_DOMAIN "tayori-window"

#include <glib/gi18n.h>

#include "tayori-window-private.h"

typedef struct
{
  TayoriWindow *self;
  GCancellable *cancellable;
  gint64        id;
  gint64        previous_id;
  gboolean      focus;
} LoadRequest;

static void
load_request_free (LoadRequest *request)
{
  g_clear_object (&request->self);
  g_clear_object (&request->cancellable);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadRequest, load_request_free)

static void
tayori_window_page_loaded_cb (GObject      *source,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  g_autoptr(LoadRequest) request = user_data;
  TayoriWindow *self = request->self;
  g_autoptr(GError) error = NULL;

  if (!tayori_article_page_load_finish (TAYORI_ARTICLE_PAGE (source), result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_cancellable_is_cancelled (request->cancellable))
        return;

      message = g_strdup_printf (_("The article could not be opened: %s"), error->message);
      _tayori_window_toast (self, message);
      _tayori_window_show_placeholder (self);
      return;
    }

  if (g_cancellable_is_cancelled (request->cancellable))
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->article_title), TRUE);
  gtk_stack_set_visible_child_name (self->content_stack, "page");
  _tayori_window_actions_update (self);

  if (request->focus)
    {
      _tayori_window_show_pane (self, "content");
      gtk_widget_child_focus (GTK_WIDGET (self->page), GTK_DIR_TAB_FORWARD);
    }
}

static void
tayori_window_flushed_for_load_cb (GObject      *source,
                                   GAsyncResult *result,
                                   gpointer      user_data)
{
  g_autoptr(LoadRequest) request = user_data;
  TayoriWindow *self = request->self;
  g_autoptr(GError) error = NULL;
  LoadRequest *owned;
  gboolean flushed;

  flushed = tayori_article_page_flush_finish (TAYORI_ARTICLE_PAGE (source), result, &error);
  _tayori_window_end_work (self);

  if (g_cancellable_is_cancelled (request->cancellable) || self->closing)
    return;

  /* Never replace unsaved edits: stay on the article that could not be saved. */
  if (!flushed)
    {
      g_autofree char *message = g_strdup_printf (_("Your changes could not be saved: %s"), error->message);

      _tayori_window_toast (self, message);
      self->page_id = request->previous_id;
      tayori_sidebar_select_article (self->sidebar, request->previous_id);
      return;
    }

  owned = g_steal_pointer (&request);
  tayori_article_page_load_async (self->page, owned->id, owned->cancellable,
                                  tayori_window_page_loaded_cb, owned);
}

/* Saves what the page holds, then shows article @id in it. */
void
_tayori_window_open_article (TayoriWindow *self,
                             gint64        id,
                             gboolean      focus)
{
  LoadRequest *request;

  if (self->page == NULL || self->closing || id == self->page_id)
    return;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  request = g_new0 (LoadRequest, 1);
  request->self = g_object_ref (self);
  request->cancellable = g_object_ref (self->load_cancellable);
  request->id = id;
  request->previous_id = self->page_id;
  request->focus = focus;

  self->page_id = id;
  tayori_sidebar_select_article (self->sidebar, id);
  _tayori_window_actions_update (self);

  /* The flush is a save: it is never cancelled, and a close waits for it. */
  _tayori_window_begin_work (self);
  tayori_article_page_flush_async (self->page, NULL, tayori_window_flushed_for_load_cb, request);
}
