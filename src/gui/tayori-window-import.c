/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Getting Markdown articles into the window: the import file chooser, files dropped on the
 * window, files the application was asked to open, and the sample article of the first run. */
#define G_LOG_DOMAIN "tayori-window"

#include <glib/gi18n.h>

#include "tayori-import.h"
#include "tayori-window-private.h"

#define SAMPLE_ARTICLE_URI "resource:///io/github/tayori/Tayori/core/sample-article.md"

typedef struct
{
  TayoriWindow *self;
  gboolean      announce;   /* the user asked: a toast says how many came in, the first opens */
} ImportRequest;

static void
tayori_window_show_import_error (TayoriWindow *self,
                                 const GError *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Nothing Was Imported"), NULL));
  adw_message_dialog_format_body (dialog, _("%s\n\nNo article was added. Correct the file and import it again."),
                                  error->message);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
tayori_window_imported_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  ImportRequest *request = user_data;
  TayoriWindow *self = request->self;
  gboolean announce = request->announce;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  g_free (request);
  ids = tayori_import_files_finish (result, &error);
  _tayori_window_end_work (self);

  if (self->closing)
    return;

  if (ids == NULL)
    {
      g_warning ("Import failed: %s", error->message);
      tayori_window_show_import_error (self, error);
      return;
    }

  tayori_sidebar_reload (self->sidebar);

  /* The sample article opens only when nothing else is open by then. */
  if (ids->len > 0 && (announce || self->page_id == 0))
    _tayori_window_open_article (self, g_array_index (ids, gint64, 0), FALSE);

  if (announce)
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article was imported",
                                                               "%u articles were imported", ids->len),
                                                  ids->len);

      _tayori_window_toast (self, message);
    }
}

static void
tayori_window_start_import (TayoriWindow *self,
                            GPtrArray    *files,
                            gboolean      announce)
{
  ImportRequest *request = g_new0 (ImportRequest, 1);

  request->self = self;
  request->announce = announce;

  _tayori_window_begin_work (self);
  tayori_import_files_async (self->store, files, NULL, tayori_window_imported_cb, request);
}

void
_tayori_window_run_queued_imports (TayoriWindow *self)
{
  g_autoptr(GPtrArray) files = NULL;

  if (self->store == NULL || self->queued_imports->len == 0)
    return;

  files = g_steal_pointer (&self->queued_imports);
  self->queued_imports = g_ptr_array_new_with_free_func (g_object_unref);
  tayori_window_start_import (self, files, TRUE);
}

void
_tayori_window_import_sample (TayoriWindow *self)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (files, g_file_new_for_uri (SAMPLE_ARTICLE_URI));
  tayori_window_start_import (self, files, FALSE);
}

void
tayori_window_import_files (TayoriWindow  *self,
                            GFile        **files,
                            guint          n_files)
{
  g_return_if_fail (TAYORI_IS_WINDOW (self));

  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (self->queued_imports, g_object_ref (files[i]));

  _tayori_window_run_queued_imports (self);
}

static void
tayori_window_import_response_cb (GtkNativeDialog *chooser,
                                  int              response,
                                  TayoriWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      guint n_files = g_list_model_get_n_items (files);

      for (guint i = 0; i < n_files; i++)
        g_ptr_array_add (self->queued_imports, g_list_model_get_item (files, i));

      _tayori_window_run_queued_imports (self);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
tayori_window_import (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TayoriWindow *self = TAYORI_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Markdown Files"));
  gtk_file_filter_add_suffix (filter, "md");
  gtk_file_filter_add_suffix (filter, "markdown");
  gtk_file_filter_add_mime_type (filter, "text/markdown");

  chooser = gtk_file_chooser_native_new (_("Import Articles"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  /* The chooser keeps its own reference until the response. */
  g_signal_connect_object (chooser, "response", G_CALLBACK (tayori_window_import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
is_markdown_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folded = name != NULL ? g_utf8_strdown (name, -1) : NULL;

  return folded != NULL &&
         (g_str_has_suffix (folded, ".md") || g_str_has_suffix (folded, ".markdown") ||
          g_str_has_suffix (folded, ".txt"));
}

static gboolean
tayori_window_drop_cb (TayoriWindow  *self,
                       const GValue  *value,
                       double         x,
                       double         y,
                       GtkDropTarget *target)
{
  GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));
  gboolean accepted = files != NULL;

  for (GSList *l = files; l != NULL; l = l->next)
    accepted = accepted && is_markdown_file (l->data);

  if (accepted)
    {
      for (GSList *l = files; l != NULL; l = l->next)
        g_ptr_array_add (self->queued_imports, g_object_ref (l->data));
      _tayori_window_run_queued_imports (self);
    }

  g_slist_free (files);
  return accepted;
}

void
_tayori_window_import_init (TayoriWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (tayori_window_drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

void
_tayori_window_class_import_init (TayoriWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.import", NULL, tayori_window_import);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
}
