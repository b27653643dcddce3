/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriMaintenancePage: a post not yet linked to a local article is opened locally first,
 * since unpublishing goes through the local article's link and outbox. */
#define G_LOG_DOMAIN "tayori-maintenance"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tayori-cms-error.h"
#include "tayori-cms-service.h"
#include "tayori-maintenance-page.h"
#include "tayori-publish-time.h"

struct _TayoriMaintenancePage
{
  GtkWidget         parent_instance;

  GtkStack         *stack;
  GtkListBox       *list;

  TayoriCmsService *service;
  GCancellable     *cancellable;
  guint             running;
  guint             failed;
};

G_DEFINE_FINAL_TYPE (TayoriMaintenancePage, tayori_maintenance_page, GTK_TYPE_WIDGET)

enum {
  MESSAGE,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

typedef struct {
  TayoriMaintenancePage *self;
  gboolean archive;
} Job;

static void
job_free (Job *job)
{
  g_object_unref (job->self);
  g_free (job);
}

static void
job_done (TayoriMaintenancePage *self)
{
  g_autofree char *message = NULL;

  if (--self->running > 0)
    return;
  message = self->failed > 0
    ? g_strdup_printf (ngettext ("%u article could not be taken down", "%u articles could not be taken down",
                                 self->failed), self->failed)
    : g_strdup (_("Taken down"));
  self->failed = 0;
  tayori_cms_service_refresh (self->service);
  g_signal_emit (self, signals[MESSAGE], 0, message);
}

static void
unpublished_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Job *job = user_data;
  TayoriMaintenancePage *self = g_object_ref (job->self);
  g_autoptr(TayoriCmsSyncStatus) status = NULL;
  g_autoptr(GError) error = NULL;

  job_free (job);
  status = tayori_cms_sync_unpublish_finish (TAYORI_CMS_SYNC (source), result, &error);
  if (status == NULL)
    {
      g_message ("Unpublishing failed: %s", error->message);
      self->failed++;
    }
  job_done (self);
  g_object_unref (self);
}

static void
unpublish (Job    *job,
           gint64  article_id)
{
  tayori_cms_sync_unpublish_async (tayori_cms_service_get_sync (job->self->service), article_id, job->archive,
                                   job->self->cancellable, unpublished_cb, job);
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = tayori_cms_sync_open_remote_finish (TAYORI_CMS_SYNC (source), result, &error);
  if (id > 0)
    {
      unpublish (job, id);
      return;
    }
  g_message ("Could not open the expired post: %s", error->message);
  job->self->failed++;
  job_done (job->self);
  job_free (job);
}

static void
take_down_selected (TayoriMaintenancePage *self,
                    gboolean               archive)
{
  GPtrArray *items = tayori_cms_service_get_expired (self->service);
  guint i = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row), i++)
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");
      TayoriCmsRemoteItem *item;
      Job *job;

      if (i >= items->len || !gtk_check_button_get_active (check))
        continue;
      item = g_ptr_array_index (items, i);
      job = g_new0 (Job, 1);
      job->self = g_object_ref (self);
      job->archive = archive;
      self->running++;
      if (item->article_id > 0)
        unpublish (job, item->article_id);
      else
        tayori_cms_sync_open_remote_async (tayori_cms_service_get_sync (self->service), item->account,
                                           item->remote_id, self->cancellable, opened_cb, job);
    }
}

static void
unpublish_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  take_down_selected (TAYORI_MAINTENANCE_PAGE (widget), FALSE);
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  take_down_selected (TAYORI_MAINTENANCE_PAGE (widget), TRUE);
}

static void
rebuild (TayoriMaintenancePage *self)
{
  GPtrArray *items = tayori_cms_service_get_expired (self->service);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < items->len; i++)
    {
      TayoriCmsRemoteItem *item = g_ptr_array_index (items, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *end = tayori_publish_time_format (item->publish_end);
      g_autofree char *subtitle = g_strdup_printf (_("Publish period ended %s · %s"), end,
                                                   item->author != NULL ? item->author : "");

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, item->title, -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (row), "check", check);
      gtk_list_box_append (self->list, row);
    }
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "maintenance.unpublish", items->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "maintenance.archive", items->len > 0);
}

static void
tayori_maintenance_page_dispose (GObject *object)
{
  TayoriMaintenancePage *self = TAYORI_MAINTENANCE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->service);
  gtk_widget_dispose_template (GTK_WIDGET (self), TAYORI_TYPE_MAINTENANCE_PAGE);

  G_OBJECT_CLASS (tayori_maintenance_page_parent_class)->dispose (object);
}

static void
tayori_maintenance_page_class_init (TayoriMaintenancePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tayori_maintenance_page_dispose;

  signals[MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tayori/Tayori/review/tayori-maintenance-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TayoriMaintenancePage, stack);
  gtk_widget_class_bind_template_child (widget_class, TayoriMaintenancePage, list);
  gtk_widget_class_install_action (widget_class, "maintenance.unpublish", NULL, unpublish_action);
  gtk_widget_class_install_action (widget_class, "maintenance.archive", NULL, archive_action);
}

static void
tayori_maintenance_page_init (TayoriMaintenancePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  self->service = tayori_cms_service_get_default ();
  g_return_if_fail (self->service != NULL);
  g_object_ref (self->service);
  g_signal_connect_object (self->service, "lists-changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);
}
