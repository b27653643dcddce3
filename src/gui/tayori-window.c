/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriWindow: layout, store opening, and a close that waits for the open article and the
 * pending deletes to be saved. Loading articles into the page lives in tayori-window-load.c,
 * actions in tayori-window-actions.c, import and drag and drop in tayori-window-import.c. */
#define G_LOG_DOMAIN "tayori-window"

#include <glib/gi18n.h>

#include "tayori-cms-service.h"
#include "tayori-paths.h"
#include "tayori-review-nav.h"
#include "tayori-store-loader.h"
#include "tayori-startup-probe.h"
#include "tayori-window-private.h"

G_DEFINE_FINAL_TYPE (TayoriWindow, tayori_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_PRESET,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
tayori_window_maybe_finish_close (TayoriWindow *self)
{
  if (!self->closing || self->busy > 0)
    return;

  gtk_window_destroy (GTK_WINDOW (self));
}

/* Work a close must wait for; the application stays alive meanwhile. */
void
_tayori_window_begin_work (TayoriWindow *self)
{
  self->busy++;
  g_application_hold (g_application_get_default ());
}

void
_tayori_window_end_work (TayoriWindow *self)
{
  g_assert (self->busy > 0);

  self->busy--;
  g_application_release (g_application_get_default ());
  tayori_window_maybe_finish_close (self);
}

/* Changing the leaflet's visible child moves the keyboard focus into it, so this only
 * happens when the window is folded and the pane is really off screen. */
void
_tayori_window_show_pane (TayoriWindow *self,
                          const char   *name)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, name);
}

void
_tayori_window_toast (TayoriWindow *self,
                      const char   *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_tayori_window_show_placeholder (TayoriWindow *self)
{
  g_cancellable_cancel (self->load_cancellable);
  self->page_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->article_title), FALSE);
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
  _tayori_window_actions_update (self);
}

static void
tayori_window_page_saved_cb (TayoriWindow      *self,
                             gint64             article_id,
                             TayoriArticlePage *page)
{
  tayori_sidebar_reload (self->sidebar);
  _tayori_window_actions_update (self);
}

static gboolean
title_or_untitled (GBinding     *binding,
                   const GValue *from_value,
                   GValue       *to_value,
                   gpointer      user_data)
{
  const char *title = g_value_get_string (from_value);

  g_value_set_string (to_value, title != NULL && *title != '\0' ? title : _("Untitled"));
  return TRUE;
}

/* A language version the page just made (AI panel): show it. */
static void
tayori_window_page_open_article_cb (TayoriWindow *self,
                                    gint64        id)
{
  _tayori_window_open_article (self, id, TRUE);
}

static void
tayori_window_set_store (TayoriWindow *self,
                         TayoriStore  *store)
{
  GtkWidget *page;

  self->store = g_object_ref (store);
  /* Before the page, whose sync bar finds the sync engine there; a pull may change the
   * status of listed articles (a return) */
  tayori_cms_service_set_store (tayori_cms_service_get_default (), store);
  g_signal_connect_object (tayori_cms_service_get_default (), "article-changed",
                           G_CALLBACK (tayori_sidebar_reload), self->sidebar, G_CONNECT_SWAPPED);

  page = tayori_article_page_new (store, self->preset, self->settings);
  self->page = TAYORI_ARTICLE_PAGE (page);
  adw_bin_set_child (self->page_bin, page);
  g_signal_connect_object (page, "saved", G_CALLBACK (tayori_window_page_saved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "open-article", G_CALLBACK (tayori_window_page_open_article_cb), self,
                           G_CONNECT_SWAPPED);
  g_object_bind_property_full (page, "title", self->article_title, "title", G_BINDING_SYNC_CREATE,
                               title_or_untitled, NULL, NULL, NULL);

  tayori_sidebar_set_store (self->sidebar, store);
  _tayori_window_show_placeholder (self);
}

static void
tayori_window_backup_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!tayori_store_backup_if_due_finish (TAYORI_STORE (source), result, &error) && error != NULL &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Daily backup failed: %s", error->message);
}

static void
tayori_window_store_opened_cb (GObject      *source,
                               GAsyncResult *result,
                               gpointer      user_data)
{
  g_autoptr(TayoriWindow) self = user_data;
  g_autoptr(TayoriStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean created = FALSE;

  store = tayori_store_loader_open_finish (result, &created, &error);
  if (store == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_warning ("Could not open the store: %s", error->message);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      return;
    }

  tayori_window_set_store (self, store);
  _tayori_window_run_queued_imports (self);

  /* A store made just now holds nothing worth a backup yet: the next start makes the first. */
  if (created)
    _tayori_window_import_sample (self);
  else
    tayori_store_backup_if_due_async (self->store, self->cancellable, tayori_window_backup_cb, NULL);
}

static char *
tayori_window_get_configured_store_path (TayoriWindow *self)
{
  const char *from_env = g_getenv ("TAYORI_DB");
  g_autofree char *from_settings = NULL;

  if (from_env != NULL && *from_env != '\0')
    return g_strdup (from_env);

  from_settings = g_settings_get_string (self->settings, "db-path");
  if (*from_settings != '\0')
    return g_steal_pointer (&from_settings);

  return tayori_paths_default_db ();
}

static void
tayori_window_article_selected_cb (TayoriWindow  *self,
                                   gint64         id,
                                   TayoriSidebar *sidebar)
{
  _tayori_window_open_article (self, id, FALSE);
  _tayori_window_show_pane (self, "content");
}

/* The sidebar's CMS entries show the review area instead of the article page */
static void
tayori_window_show_review_area (TayoriWindow *self)
{
  _tayori_window_show_placeholder (self);
  gtk_stack_set_visible_child_name (self->content_stack, "review");
  _tayori_window_show_pane (self, "content");
}

static void
tayori_window_show_queue_cb (TayoriWindow *self)
{
  tayori_window_show_review_area (self);
  tayori_review_area_show_queue (self->review_area);
}

static void
tayori_window_show_expired_cb (TayoriWindow *self)
{
  tayori_window_show_review_area (self);
  tayori_review_area_show_expired (self->review_area);
}

static void
tayori_window_back_clicked_cb (TayoriWindow *self)
{
  _tayori_window_show_pane (self, "sidebar");
}

static void
tayori_window_flushed_for_close_cb (GObject      *source,
                                    GAsyncResult *result,
                                    gpointer      user_data)
{
  TayoriWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!tayori_article_page_flush_finish (TAYORI_ARTICLE_PAGE (source), result, &error))
    g_warning ("The open article could not be saved on close: %s", error->message);

  _tayori_window_end_work (self);
}

static void
tayori_window_save_size (TayoriWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
tayori_window_close_request (GtkWindow *window)
{
  TayoriWindow *self = TAYORI_WINDOW (window);

  if (!self->closing)
    {
      self->closing = TRUE;
      tayori_window_save_size (self);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      _tayori_window_actions_update (self);
      _tayori_window_commit_deletes (self);

      if (self->page != NULL)
        {
          _tayori_window_begin_work (self);
          tayori_article_page_flush_async (self->page, NULL, tayori_window_flushed_for_close_cb, self);
        }

      tayori_window_maybe_finish_close (self);
    }

  return TRUE;
}

static void
tayori_window_constructed (GObject *object)
{
  TayoriWindow *self = TAYORI_WINDOW (object);
  g_autofree char *path = NULL;

  G_OBJECT_CLASS (tayori_window_parent_class)->constructed (object);
  tayori_startup_probe_attach (GTK_WINDOW (self));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  tayori_sidebar_setup (self->sidebar, self->preset, self->settings);

  path = tayori_window_get_configured_store_path (self);
  tayori_store_loader_open_async (GTK_WINDOW (self), path, self->cancellable,
                                  tayori_window_store_opened_cb, g_object_ref (self));
}

static void
tayori_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TayoriWindow *self = TAYORI_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_PRESET:
      self->preset = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tayori_window_dispose (GObject *object)
{
  TayoriWindow *self = TAYORI_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_pointer (&self->pending_deletes, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), TAYORI_TYPE_WINDOW);

  self->page = NULL;
  g_clear_object (&self->cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->preset);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->queued_imports, g_ptr_array_unref);

  G_OBJECT_CLASS (tayori_window_parent_class)->dispose (object);
}

static void
tayori_window_class_init (TayoriWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = tayori_window_constructed;
  object_class->set_property = tayori_window_set_property;
  object_class->dispose = tayori_window_dispose;
  window_class->close_request = tayori_window_close_request;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRESET] =
    g_param_spec_object ("preset", NULL, NULL, TAYORI_TYPE_PRESET,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TAYORI_TYPE_SIDEBAR);
  g_type_ensure (TAYORI_TYPE_REVIEW_NAV);
  g_type_ensure (TAYORI_TYPE_REVIEW_AREA);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tayori/Tayori/ui/tayori-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TayoriWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TayoriWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TayoriWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, TayoriWindow, article_title);
  gtk_widget_class_bind_template_child (widget_class, TayoriWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, TayoriWindow, page_bin);
  gtk_widget_class_bind_template_child (widget_class, TayoriWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, TayoriWindow, review_area);
  gtk_widget_class_bind_template_callback (widget_class, tayori_window_article_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, tayori_window_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, tayori_window_show_queue_cb);
  gtk_widget_class_bind_template_callback (widget_class, tayori_window_show_expired_cb);
  gtk_widget_class_bind_template_callback (widget_class, tayori_window_page_open_article_cb);

  _tayori_window_class_actions_init (klass);
  _tayori_window_class_import_init (klass);
}

static void
tayori_window_init (TayoriWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->queued_imports = g_ptr_array_new_with_free_func (g_object_unref);
  self->pending_deletes = g_ptr_array_new_with_free_func (_tayori_window_pending_delete_free);

  _tayori_window_import_init (self);
  _tayori_window_actions_update (self);
}

TayoriWindow *
tayori_window_new (TayoriApplication *application)
{
  g_return_val_if_fail (TAYORI_IS_APPLICATION (application), NULL);

  return g_object_new (TAYORI_TYPE_WINDOW,
                       "application", application,
                       "settings", tayori_application_get_settings (application),
                       "preset", tayori_application_get_preset (application),
                       NULL);
}

const char *
tayori_window_get_store_path (TayoriWindow *self)
{
  g_return_val_if_fail (TAYORI_IS_WINDOW (self), NULL);

  return self->store != NULL ? tayori_store_get_path (self->store) : NULL;
}
