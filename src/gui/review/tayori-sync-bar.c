/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriSyncBar: reads the local sync status (no network) of the page's article whenever it
 * changes and shows it in words; an authentication failure offers one 「再接続」. */
#define G_LOG_DOMAIN "tayori-sync-bar"

#include <glib/gi18n.h>

#include "tayori-cms-error.h"
#include "tayori-cms-service.h"
#include "tayori-review-util.h"
#include "tayori-style.h"
#include "tayori-sync-bar.h"

struct _TayoriSyncBar
{
  GtkWidget      parent_instance;

  GtkInfoBar    *return_bar;
  GtkLabel      *return_label;
  GtkWidget     *status_row;
  GtkLabel      *status_label;
  GtkLinkButton *link_button;
  GtkLabel      *outbox_label;
  GtkWidget     *reconnect_button;
  GtkWidget     *retry_button;
  GtkWidget     *conflict_button;
  GtkWidget     *merge_done_button;

  TayoriCmsService *service;
  GCancellable  *cancellable;
  gint64         article_id;
  gint64         failed_item;   /* the outbox item 「再試行」 retries */
  guint          merging : 1;
};

G_DEFINE_FINAL_TYPE (TayoriSyncBar, tayori_sync_bar, GTK_TYPE_WIDGET)

enum {
  RESOLVE_CONFLICT,
  FINISH_MERGE,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static char *
format_sync_time (const char *iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) utc_time = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso == NULL)
    return NULL;
  utc_time = g_date_time_new_from_iso8601 (iso, utc);
  if (utc_time == NULL)
    return g_strdup (iso);
  local = g_date_time_to_local (utc_time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static char *
outbox_text (TayoriSyncBar    *self,
             TayoriOutboxItem *item,
             gboolean         *auth_error)
{
  TayoriCmsError code;

  *auth_error = FALSE;
  switch (item->state)
    {
    case TAYORI_OUTBOX_PENDING:
      return item->attempts > 0 ? g_strdup (_("Not sent yet: will try again"))
                                : g_strdup (_("Waiting to be sent"));
    case TAYORI_OUTBOX_RUNNING:
      return g_strdup (_("Sending…"));
    case TAYORI_OUTBOX_CONFLICT:
      return g_strdup (_("Changed in the CMS since the last sync"));
    case TAYORI_OUTBOX_FAILED:
      self->failed_item = item->id;
      if (item->error_class != NULL && tayori_cms_error_from_key (item->error_class, &code))
        {
          *auth_error = code == TAYORI_CMS_ERROR_AUTH;
          return g_strdup (tayori_cms_error_advice (code));
        }
      return g_strdup (_("Sending failed"));
    case TAYORI_OUTBOX_DONE:
    default:
      return NULL;
    }
}

static void
show_status (TayoriSyncBar       *self,
             TayoriCmsSyncStatus *status)
{
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;
  g_autofree char *outbox = NULL;
  gboolean returned, auth_error = FALSE;

  self->failed_item = 0;
  returned = status != NULL && status->review_note != NULL && g_strcmp0 (status->remote_status, "draft") == 0;
  gtk_label_set_text (self->return_label, returned ? status->review_note : "");
  gtk_info_bar_set_revealed (self->return_bar, returned);
  gtk_widget_set_visible (GTK_WIDGET (self->return_bar), returned);

  if (status == NULL || status->account == NULL)
    text = g_strdup (_("Not sent to the CMS yet"));
  else
    {
      g_autoptr(GString) line = g_string_new (status->account);

      g_string_append_printf (line, " — %s", status->remote_id != 0 ? tayori_review_status_label (status->remote_status)
                                                                    : _("Not created yet"));
      when = format_sync_time (status->synced_modified);
      if (when != NULL)
        {
          g_string_append (line, " · ");
          g_string_append_printf (line, _("last sync %s"), when);
        }
      if (status->local_changed)
        g_string_append_printf (line, " · %s", _("edited since"));
      text = g_string_free (g_steal_pointer (&line), FALSE);
    }
  gtk_label_set_text (self->status_label, text);

  gtk_widget_set_visible (GTK_WIDGET (self->link_button), status != NULL && status->remote_link != NULL);
  if (status != NULL && status->remote_link != NULL)
    gtk_link_button_set_uri (self->link_button, status->remote_link);

  if (status != NULL && status->pending != NULL)
    outbox = outbox_text (self, status->pending, &auth_error);
  gtk_label_set_text (self->outbox_label, outbox != NULL ? outbox : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->outbox_label),
                               status != NULL && status->pending != NULL ? status->pending->error_message : NULL);
  gtk_widget_set_visible (self->reconnect_button, auth_error);
  gtk_widget_set_visible (self->retry_button, self->failed_item != 0);
  gtk_widget_set_visible (self->conflict_button, status != NULL && status->conflict && !self->merging);
  gtk_widget_set_visible (self->merge_done_button, self->merging);
}

static void
status_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TayoriSyncBar) self = user_data;
  g_autoptr(TayoriCmsSyncStatus) status = NULL;
  g_autoptr(GError) error = NULL;

  status = tayori_cms_sync_status_finish (TAYORI_CMS_SYNC (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    g_message ("CMS status of article %" G_GINT64_FORMAT ": %s", self->article_id, error->message);
  show_status (self, status);
}

void
tayori_sync_bar_refresh (TayoriSyncBar *self)
{
  g_autoptr(GPtrArray) accounts = NULL;
  TayoriCmsSync *sync;

  g_return_if_fail (TAYORI_IS_SYNC_BAR (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  sync = self->service != NULL ? tayori_cms_service_get_sync (self->service) : NULL;
  accounts = self->service != NULL ? tayori_cms_service_dup_accounts (self->service) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self), sync != NULL && accounts->len > 0 && self->article_id > 0);
  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    return;

  self->cancellable = g_cancellable_new ();
  tayori_cms_sync_status_async (sync, self->article_id, self->cancellable, status_cb, g_object_ref (self));
}

void
tayori_sync_bar_set_article_id (TayoriSyncBar *self,
                                gint64         article_id)
{
  g_return_if_fail (TAYORI_IS_SYNC_BAR (self));

  if (self->article_id != article_id)
    self->merging = FALSE;
  self->article_id = article_id;
  tayori_sync_bar_refresh (self);
}

void
tayori_sync_bar_set_merging (TayoriSyncBar *self,
                             gboolean       merging)
{
  g_return_if_fail (TAYORI_IS_SYNC_BAR (self));

  self->merging = !!merging;
  tayori_sync_bar_refresh (self);
}

static void
article_changed_cb (TayoriSyncBar *self,
                    gint64         article_id)
{
  if (article_id == self->article_id)
    tayori_sync_bar_refresh (self);
}

static void
retry_clicked_cb (TayoriSyncBar *self)
{
  g_autoptr(GError) error = NULL;
  TayoriCmsSync *sync = tayori_cms_service_get_sync (self->service);

  if (self->failed_item != 0 &&
      !tayori_outbox_retry (tayori_cms_sync_get_outbox (sync), self->failed_item, &error))
    g_warning ("Could not retry: %s", error->message);
  tayori_sync_bar_refresh (self);
}

static void
conflict_clicked_cb (TayoriSyncBar *self)
{
  g_signal_emit (self, signals[RESOLVE_CONFLICT], 0);
}

static void
merge_done_clicked_cb (TayoriSyncBar *self)
{
  g_signal_emit (self, signals[FINISH_MERGE], 0);
}

static void
tayori_sync_bar_dispose (GObject *object)
{
  TayoriSyncBar *self = TAYORI_SYNC_BAR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->service);
  gtk_widget_dispose_template (GTK_WIDGET (self), TAYORI_TYPE_SYNC_BAR);

  G_OBJECT_CLASS (tayori_sync_bar_parent_class)->dispose (object);
}

static void
tayori_sync_bar_class_init (TayoriSyncBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tayori_sync_bar_dispose;

  signals[RESOLVE_CONFLICT] =
    g_signal_new ("resolve-conflict", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FINISH_MERGE] =
    g_signal_new ("finish-merge", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tayori/Tayori/review/tayori-sync-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, TayoriSyncBar, return_bar);
  gtk_widget_class_bind_template_child (widget_class, TayoriSyncBar, return_label);
  gtk_widget_class_bind_template_child (widget_class, TayoriSyncBar, status_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriSyncBar, status_label);
  gtk_widget_class_bind_template_child (widget_class, TayoriSyncBar, link_button);
  gtk_widget_class_bind_template_child (widget_class, TayoriSyncBar, outbox_label);
  gtk_widget_class_bind_template_child (widget_class, TayoriSyncBar, reconnect_button);
  gtk_widget_class_bind_template_child (widget_class, TayoriSyncBar, retry_button);
  gtk_widget_class_bind_template_child (widget_class, TayoriSyncBar, conflict_button);
  gtk_widget_class_bind_template_child (widget_class, TayoriSyncBar, merge_done_button);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, conflict_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, merge_done_clicked_cb);
}

static void
tayori_sync_bar_init (TayoriSyncBar *self)
{
  tayori_style_load_resource (GTK_WIDGET (self), TAYORI_REVIEW_STYLE);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);

  self->service = tayori_cms_service_get_default ();
  if (self->service != NULL)
    {
      g_object_ref (self->service);
      g_signal_connect_object (self->service, "article-changed", G_CALLBACK (article_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->service, "accounts-changed", G_CALLBACK (tayori_sync_bar_refresh), self,
                               G_CONNECT_SWAPPED);
    }
}
