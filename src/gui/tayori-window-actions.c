/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's article actions: new, duplicate, archive, delete (kept pending while its undo
 * toast is shown), search, the export actions the article page provides, and 「緊急情報」. */
#define G_LOG_DOMAIN "tayori-window"

#include <glib/gi18n.h>

#include "tayori-sns-emergency-dialog.h"
#include "tayori-window-private.h"

typedef struct
{
  TayoriWindow *self;     /* not a reference: the window commits every pending delete on close */
  AdwToast     *toast;
  gint64        id;
  gboolean      undone;
} PendingDelete;

typedef struct
{
  TayoriWindow  *self;
  TayoriArticle *article;
} SaveRequest;

static const char *contact_keys[] = { "section", "phone", "fax", "email", "address" };
static void (*const contact_setters[]) (TayoriArticle *, const char *) = {
  tayori_article_set_contact_section,
  tayori_article_set_contact_phone,
  tayori_article_set_contact_fax,
  tayori_article_set_contact_email,
  tayori_article_set_contact_address,
};

static const char *
display_title (TayoriArticle *article)
{
  const char *title = tayori_article_get_title (article);

  return title != NULL && *title != '\0' ? title : _("Untitled");
}

TayoriArticle *
_tayori_window_get_article (TayoriWindow *self)
{
  TayoriArticle *article;

  if (self->page == NULL || self->page_id == 0)
    return NULL;

  article = tayori_article_page_get_article (self->page);
  if (article == NULL || tayori_article_get_id (article) != self->page_id)
    return NULL;

  return article;
}

void
_tayori_window_actions_update (TayoriWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  TayoriArticle *article = _tayori_window_get_article (self);
  gboolean ready = self->store != NULL && !self->closing;
  gboolean has_article = ready && article != NULL;

  gtk_widget_action_set_enabled (widget, "win.new-article", ready);
  gtk_widget_action_set_enabled (widget, "win.import", ready);
  gtk_widget_action_set_enabled (widget, "win.search", ready);
  gtk_widget_action_set_enabled (widget, "win.duplicate", has_article);
  gtk_widget_action_set_enabled (widget, "win.delete", has_article);
  gtk_widget_action_set_enabled (widget, "win.export-markdown", has_article);
  gtk_widget_action_set_enabled (widget, "win.export-html", has_article);
  gtk_widget_action_set_enabled (widget, "win.archive",
                                 has_article && tayori_article_get_status (article) != TAYORI_ARTICLE_STATUS_ARCHIVED);
}

static void
tayori_window_article_saved_cb (GObject      *source,
                                GAsyncResult *result,
                                gpointer      user_data)
{
  SaveRequest *request = user_data;
  TayoriWindow *self = request->self;
  g_autoptr(GError) error = NULL;

  tayori_store_save_article_finish (TAYORI_STORE (source), result, &error);
  if (error == NULL)
    {
      tayori_sidebar_reload (self->sidebar);
      _tayori_window_open_article (self, tayori_article_get_id (request->article), TRUE);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("The article could not be created: %s"), error->message);

      _tayori_window_toast (self, message);
    }

  g_object_unref (request->article);
  g_free (request);
  _tayori_window_end_work (self);
}

/* Stores a new article, then opens it. */
static void
tayori_window_create_article (TayoriWindow  *self,
                              TayoriArticle *article)
{
  SaveRequest *request = g_new0 (SaveRequest, 1);

  request->self = self;
  request->article = g_object_ref (article);

  _tayori_window_begin_work (self);
  tayori_store_save_article_async (self->store, article, TAYORI_SAVE_MANUAL, NULL,
                                   tayori_window_article_saved_cb, request);
}

static void
tayori_window_new_article (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  TayoriWindow *self = TAYORI_WINDOW (widget);
  g_autoptr(TayoriArticle) article = tayori_article_new ();
  g_autofree char *author = g_settings_get_string (self->settings, "author-name");

  tayori_article_set_author (article, author);
  for (guint i = 0; i < G_N_ELEMENTS (contact_keys); i++)
    contact_setters[i] (article, tayori_preset_get_contact_default (self->preset, contact_keys[i]));

  tayori_window_create_article (self, article);
}

static void
tayori_window_duplicate (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  TayoriWindow *self = TAYORI_WINDOW (widget);
  TayoriArticle *article = _tayori_window_get_article (self);
  g_autoptr(TayoriArticle) copy = NULL;
  g_autofree char *title = NULL;

  if (article == NULL)
    return;

  /* A copy is a new draft of its own, not another language version of the original. */
  copy = tayori_article_copy (article);
  title = g_strdup_printf (_("%s (Copy)"), display_title (article));
  tayori_article_set_id (copy, 0);
  tayori_article_set_title (copy, title);
  tayori_article_set_status (copy, TAYORI_ARTICLE_STATUS_DRAFT);
  tayori_article_set_translation_group (copy, NULL);
  tayori_article_set_created (copy, NULL);
  tayori_article_set_updated (copy, NULL);

  tayori_window_create_article (self, copy);
}

/* Saves pending edits of the page; a failure is told, the edits stay in the page. */
static void
tayori_window_flushed_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  TayoriWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!tayori_article_page_flush_finish (TAYORI_ARTICLE_PAGE (source), result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Your changes could not be saved: %s"), error->message);

      _tayori_window_toast (self, message);
    }

  _tayori_window_end_work (self);
}

static void
tayori_window_archive (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TayoriWindow *self = TAYORI_WINDOW (widget);
  TayoriArticle *article = _tayori_window_get_article (self);
  g_autofree char *message = NULL;

  if (article == NULL)
    return;

  /* The page owns the article: change it there and let the page save it, so its next
   * autosave cannot write the old status back. */
  tayori_article_set_status (article, TAYORI_ARTICLE_STATUS_ARCHIVED);
  _tayori_window_begin_work (self);
  tayori_article_page_flush_async (self->page, NULL, tayori_window_flushed_cb, self);

  message = g_strdup_printf (_("“%s” was archived"), display_title (article));
  _tayori_window_toast (self, message);
  _tayori_window_actions_update (self);
}

void
_tayori_window_pending_delete_free (gpointer data)
{
  PendingDelete *pending = data;

  g_signal_handlers_disconnect_by_data (pending->toast, pending);
  g_clear_object (&pending->toast);
  g_free (pending);
}

typedef struct
{
  TayoriWindow *self;
  gint64        id;
} DeleteRequest;

static void
tayori_window_deleted_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  DeleteRequest *request = user_data;
  TayoriWindow *self = request->self;
  gint64 id = request->id;
  g_autoptr(GError) error = NULL;

  g_free (request);

  if (!tayori_store_delete_article_finish (TAYORI_STORE (source), result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The article could not be deleted: %s"), error->message);

      g_warning ("%s", message);
      if (!self->closing)
        {
          _tayori_window_toast (self, message);
          tayori_sidebar_unhide_article (self->sidebar, id);
        }
    }
  else if (!self->closing)
    {
      tayori_sidebar_article_deleted (self->sidebar, id);
    }

  _tayori_window_end_work (self);
}

static void
tayori_window_commit_delete (TayoriWindow *self,
                             gint64        id)
{
  DeleteRequest *request = g_new0 (DeleteRequest, 1);

  request->self = self;
  request->id = id;

  _tayori_window_begin_work (self);
  tayori_store_delete_article_async (self->store, id, NULL, tayori_window_deleted_cb, request);
}

static void
tayori_window_delete_undone_cb (AdwToast      *toast,
                                PendingDelete *pending)
{
  TayoriWindow *self = pending->self;

  pending->undone = TRUE;
  tayori_sidebar_unhide_article (self->sidebar, pending->id);
  _tayori_window_open_article (self, pending->id, FALSE);
}

static void
tayori_window_delete_dismissed_cb (AdwToast      *toast,
                                   PendingDelete *pending)
{
  TayoriWindow *self = pending->self;

  if (!pending->undone)
    tayori_window_commit_delete (self, pending->id);

  g_ptr_array_remove_fast (self->pending_deletes, pending);
}

/* On close: every delete whose toast is still up happens now. */
void
_tayori_window_commit_deletes (TayoriWindow *self)
{
  g_autoptr(GPtrArray) pending_deletes = g_steal_pointer (&self->pending_deletes);

  self->pending_deletes = g_ptr_array_new_with_free_func (_tayori_window_pending_delete_free);

  for (guint i = 0; i < pending_deletes->len; i++)
    {
      PendingDelete *pending = g_ptr_array_index (pending_deletes, i);

      g_signal_handlers_disconnect_by_data (pending->toast, pending);
      adw_toast_dismiss (pending->toast);
      if (!pending->undone)
        tayori_window_commit_delete (self, pending->id);
    }
}

static void
tayori_window_delete (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TayoriWindow *self = TAYORI_WINDOW (widget);
  TayoriArticle *article = _tayori_window_get_article (self);
  g_autofree char *message = NULL;
  PendingDelete *pending;

  if (article == NULL)
    return;

  message = g_strdup_printf (_("“%s” was deleted"), display_title (article));
  pending = g_new0 (PendingDelete, 1);
  pending->self = self;
  pending->id = tayori_article_get_id (article);
  pending->toast = adw_toast_new (message);
  adw_toast_set_button_label (pending->toast, _("_Undo"));
  adw_toast_set_priority (pending->toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect (pending->toast, "button-clicked", G_CALLBACK (tayori_window_delete_undone_cb), pending);
  g_signal_connect (pending->toast, "dismissed", G_CALLBACK (tayori_window_delete_dismissed_cb), pending);
  g_ptr_array_add (self->pending_deletes, pending);

  /* Keep the latest edits (an undo brings them back), then take the article out of view
   * until the toast goes. */
  _tayori_window_begin_work (self);
  tayori_article_page_flush_async (self->page, NULL, tayori_window_flushed_cb, self);
  tayori_sidebar_hide_article (self->sidebar, pending->id);
  _tayori_window_show_placeholder (self);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (pending->toast));
}

static void
tayori_window_search (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TayoriWindow *self = TAYORI_WINDOW (widget);

  _tayori_window_show_pane (self, "sidebar");
  tayori_sidebar_focus_search (self->sidebar);
}

/* The export actions belong to the page; the menus sit outside it and reach them here. */
static void
tayori_window_export (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TayoriWindow *self = TAYORI_WINDOW (widget);

  if (g_str_equal (action_name, "win.export-markdown"))
    gtk_widget_activate_action (GTK_WIDGET (self->page), "page.export-markdown", NULL);
  else
    gtk_widget_activate_action (GTK_WIDGET (self->page), "page.export-html", NULL);
}

/* 「緊急情報」: the dialog sends through the application's post queue, there once the store is */
static void
tayori_window_emergency (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  TayoriWindow *self = TAYORI_WINDOW (widget);
  TayoriSnsService *sns = tayori_sns_service_get_default ();
  GtkWidget *dialog;

  if (sns == NULL || tayori_sns_service_get_queue (sns) == NULL)
    {
      _tayori_window_toast (self, _("Your articles are still being opened"));
      return;
    }
  dialog = GTK_WIDGET (tayori_sns_emergency_dialog_new (GTK_WINDOW (widget), sns));
  /* the notice's three articles were added to the store: show them in the list */
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (tayori_sidebar_reload), self->sidebar,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_tayori_window_class_actions_init (TayoriWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.new-article", NULL, tayori_window_new_article);
  gtk_widget_class_install_action (widget_class, "win.duplicate", NULL, tayori_window_duplicate);
  gtk_widget_class_install_action (widget_class, "win.archive", NULL, tayori_window_archive);
  gtk_widget_class_install_action (widget_class, "win.delete", NULL, tayori_window_delete);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, tayori_window_search);
  gtk_widget_class_install_action (widget_class, "win.export-markdown", NULL, tayori_window_export);
  gtk_widget_class_install_action (widget_class, "win.export-html", NULL, tayori_window_export);
  gtk_widget_class_install_action (widget_class, "win.emergency", NULL, tayori_window_emergency);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-article", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.emergency", NULL);
}
