/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriReviewArea: opening a queue item brings the remote post into the store first
 * (open_remote), so the review view always shows a local article. */
#define G_LOG_DOMAIN "tayori-review-area"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tayori-cms-error.h"
#include "tayori-cms-service.h"
#include "tayori-conflict-dialog.h"
#include "tayori-maintenance-page.h"
#include "tayori-review-area.h"
#include "tayori-review-queue.h"
#include "tayori-review-view.h"

struct _TayoriReviewArea
{
  GtkWidget          parent_instance;

  AdwToastOverlay   *overlay;
  GtkStack          *stack;
  TayoriReviewView  *view;

  TayoriCmsService  *service;
  GCancellable      *cancellable;
  char              *account;     /* the queue item being opened */
  gint64             remote_id;
};

G_DEFINE_FINAL_TYPE (TayoriReviewArea, tayori_review_area, GTK_TYPE_WIDGET)

static void
toast (TayoriReviewArea *self,
       const char       *message)
{
  adw_toast_overlay_add_toast (self->overlay, adw_toast_new (message));
}

static void ensure_children (TayoriReviewArea *self);

void
tayori_review_area_show_queue (TayoriReviewArea *self)
{
  g_return_if_fail (TAYORI_IS_REVIEW_AREA (self));

  ensure_children (self);
  gtk_stack_set_visible_child_name (self->stack, "queue");
  tayori_cms_service_refresh (self->service);
}

void
tayori_review_area_show_expired (TayoriReviewArea *self)
{
  g_return_if_fail (TAYORI_IS_REVIEW_AREA (self));

  ensure_children (self);
  gtk_stack_set_visible_child_name (self->stack, "expired");
  tayori_cms_service_refresh (self->service);
}

static void
show_review (TayoriReviewArea *self,
             gint64            article_id)
{
  tayori_review_view_set_article_id (self->view, article_id);
  gtk_stack_set_visible_child_name (self->stack, "review");
}

static void
show_error (TayoriReviewArea *self,
            const GError     *error)
{
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast (self, error->domain == TAYORI_CMS_ERROR ? tayori_cms_error_advice (error->code) : error->message);
}

static void
resolved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TayoriReviewArea) self = user_data;
  g_autoptr(TayoriCmsSyncStatus) status = NULL;
  g_autoptr(GError) error = NULL;

  status = tayori_cms_sync_resolve_conflict_finish (TAYORI_CMS_SYNC (source), result, &error);
  if (status == NULL)
    show_error (self, error);
  else
    show_review (self, status->article_id);
}

static void
conflict_response_cb (TayoriConflictDialog *dialog,
                      const char           *response,
                      TayoriReviewArea     *self)
{
  gint64 article_id = tayori_conflict_dialog_get_article_id (dialog);
  TayoriConflictChoice choice;

  if (g_strcmp0 (response, "theirs") == 0)
    choice = TAYORI_CONFLICT_TAKE_THEIRS;
  else if (g_strcmp0 (response, "mine") == 0)
    choice = TAYORI_CONFLICT_KEEP_MINE;
  else
    return;
  tayori_cms_sync_resolve_conflict_async (tayori_cms_service_get_sync (self->service), article_id, choice,
                                          self->cancellable, resolved_cb, g_object_ref (self));
}

static void
conflict_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(TayoriReviewArea) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  dialog = tayori_conflict_dialog_new_from_result (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                   TAYORI_CMS_SYNC (source), result, &error);
  if (dialog == NULL)
    {
      show_error (self, error);
      return;
    }
  /* Merging is the writer's work, in the article page */
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "merge", FALSE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (conflict_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The local copy of a queue item, 0 when it was never opened here. */
static gint64
linked_article (TayoriReviewArea *self)
{
  GPtrArray *queue = tayori_cms_service_get_queue (self->service);

  for (guint i = 0; i < queue->len; i++)
    {
      TayoriCmsRemoteItem *item = g_ptr_array_index (queue, i);

      if (item->remote_id == self->remote_id && g_strcmp0 (item->account, self->account) == 0)
        return item->article_id;
    }
  return 0;
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TayoriReviewArea) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = tayori_cms_sync_open_remote_finish (TAYORI_CMS_SYNC (source), result, &error);
  if (id > 0)
    show_review (self, id);
  /* The local copy changed since it was last synced: both versions are shown before the
   * review goes on */
  else if (g_error_matches (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_CONFLICT) && linked_article (self) > 0)
    tayori_cms_sync_get_conflict_async (TAYORI_CMS_SYNC (source), linked_article (self), self->cancellable,
                                        conflict_loaded_cb, g_object_ref (self));
  else
    show_error (self, error);
}

static void
open_item_cb (TayoriReviewArea *self,
              const char       *account,
              gint64            remote_id)
{
  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());
  g_free (self->account);
  self->account = g_strdup (account);
  self->remote_id = remote_id;
  tayori_cms_sync_open_remote_async (tayori_cms_service_get_sync (self->service), account, remote_id,
                                     self->cancellable, opened_cb, g_object_ref (self));
}

static void
review_back_cb (TayoriReviewArea *self)
{
  gtk_stack_set_visible_child_name (self->stack, "queue");
}

static void
tayori_review_area_dispose (GObject *object)
{
  TayoriReviewArea *self = TAYORI_REVIEW_AREA (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->service);
  g_clear_pointer (&self->account, g_free);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tayori_review_area_parent_class)->dispose (object);
}

static void
tayori_review_area_class_init (TayoriReviewAreaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tayori_review_area_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

/* Made on first use: the review view carries a web view, which staff without CMS accounts
 * never need. */
static void
ensure_children (TayoriReviewArea *self)
{
  GtkWidget *queue, *expired;

  if (self->view != NULL)
    return;

  queue = g_object_new (TAYORI_TYPE_REVIEW_QUEUE, NULL);
  g_signal_connect_swapped (queue, "open-item", G_CALLBACK (open_item_cb), self);
  gtk_stack_add_named (self->stack, queue, "queue");

  self->view = g_object_new (TAYORI_TYPE_REVIEW_VIEW, NULL);
  /* After an action the view stays, for the sign-off record of the approval */
  g_signal_connect_swapped (self->view, "done", G_CALLBACK (toast), self);
  g_signal_connect_swapped (self->view, "failed", G_CALLBACK (toast), self);
  g_signal_connect_swapped (self->view, "message", G_CALLBACK (toast), self);
  g_signal_connect_swapped (self->view, "back", G_CALLBACK (review_back_cb), self);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->view), "review");

  expired = g_object_new (TAYORI_TYPE_MAINTENANCE_PAGE, NULL);
  g_signal_connect_swapped (expired, "message", G_CALLBACK (toast), self);
  gtk_stack_add_named (self->stack, expired, "expired");
}

static void
tayori_review_area_init (TayoriReviewArea *self)
{
  self->service = tayori_cms_service_get_default ();
  g_return_if_fail (self->service != NULL);
  g_object_ref (self->service);
  self->cancellable = g_cancellable_new ();

  self->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  adw_toast_overlay_set_child (self->overlay, GTK_WIDGET (self->stack));
  gtk_widget_set_parent (GTK_WIDGET (self->overlay), GTK_WIDGET (self));
}
