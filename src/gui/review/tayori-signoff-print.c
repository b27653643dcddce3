/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sign-off record is a self-contained page without script: it is loaded into a web view
 * of Tayori's context with JavaScript off, and the view lives until the print ends. */
#include <glib/gi18n.h>
#include <webkit/webkit.h>

#include "tayori-signoff-print.h"
#include "tayori-web-context.h"

typedef void (*LoadedFunc) (WebKitWebView *view, gpointer data);

typedef struct {
  LoadedFunc loaded;
  gpointer   data;
} Load;

static void
load_changed_cb (WebKitWebView   *view,
                 WebKitLoadEvent  event,
                 Load            *load)
{
  if (event != WEBKIT_LOAD_FINISHED)
    return;
  g_signal_handlers_disconnect_by_func (view, load_changed_cb, load);
  load->loaded (view, load->data);
  g_free (load);
}

/* Calls @loaded with an off-screen view of @html once it is laid out; the view holds a
 * reference the print operation's end drops. */
static void
load_offscreen (const char *html,
                LoadedFunc  loaded,
                gpointer    data)
{
  g_autoptr(WebKitSettings) settings = webkit_settings_new ();
  WebKitWebView *view;
  Load *load = g_new0 (Load, 1);

  load->loaded = loaded;
  load->data = data;
  webkit_settings_set_enable_javascript (settings, FALSE);
  view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                       "web-context", tayori_web_context_get (),
                       "network-session", tayori_web_context_get_session (),
                       "settings", settings,
                       NULL);
  g_object_ref_sink (view);
  g_signal_connect (view, "load-changed", G_CALLBACK (load_changed_cb), load);
  webkit_web_view_load_html (view, html, "about:blank");
}

/* The print dialog */

static void
print_finished_cb (WebKitPrintOperation *operation,
                   WebKitWebView        *view)
{
  g_object_unref (operation);
  g_object_unref (view);
}

static void
run_dialog (WebKitWebView *view,
            gpointer       data)
{
  g_autoptr(GtkWindow) parent = data;
  WebKitPrintOperation *operation = webkit_print_operation_new (view);

  g_signal_connect (operation, "finished", G_CALLBACK (print_finished_cb), view);
  webkit_print_operation_run_dialog (operation, parent);
}

void
tayori_signoff_print (GtkWindow  *parent,
                      const char *html)
{
  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (html != NULL);

  load_offscreen (html, run_dialog, g_object_ref (parent));
}

/* A PDF file without a dialog: GTK's "Print to File" printer */

typedef struct {
  WebKitWebView *view;
  GError        *error;
} PdfJob;

static void
pdf_job_free (PdfJob *job)
{
  g_clear_object (&job->view);
  g_clear_error (&job->error);
  g_free (job);
}

static void
pdf_failed_cb (WebKitPrintOperation *operation,
               GError               *error,
               GTask                *task)
{
  PdfJob *job = g_task_get_task_data (task);

  if (job->error == NULL)
    job->error = g_error_copy (error);
}

static void
pdf_finished_cb (WebKitPrintOperation *operation,
                 GTask                *task)
{
  PdfJob *job = g_task_get_task_data (task);

  if (job->error != NULL)
    g_task_return_error (task, g_steal_pointer (&job->error));
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (operation);
  g_object_unref (task);
}

static void
print_to_file (WebKitWebView *view,
               gpointer       data)
{
  GTask *task = data;
  PdfJob *job = g_task_get_task_data (task);
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autoptr(GtkPageSetup) page = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  WebKitPrintOperation *operation;

  job->view = view;
  gtk_print_settings_set_printer (settings, "Print to File");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_page_setup_set_paper_size (page, a4);
  operation = webkit_print_operation_new (view);
  webkit_print_operation_set_print_settings (operation, settings);
  webkit_print_operation_set_page_setup (operation, page);
  g_signal_connect (operation, "failed", G_CALLBACK (pdf_failed_cb), task);
  g_signal_connect (operation, "finished", G_CALLBACK (pdf_finished_cb), task);
  webkit_print_operation_print (operation);
}

void
tayori_signoff_save_pdf_async (const char          *html,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (html != NULL);
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tayori_signoff_save_pdf_async);
  g_task_set_task_data (task, g_new0 (PdfJob, 1), (GDestroyNotify) pdf_job_free);
  g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
  load_offscreen (html, print_to_file, task);
}

gboolean
tayori_signoff_save_pdf_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The same after asking where */

static void
saved_as_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (tayori_signoff_save_pdf_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
chosen_cb (GtkNativeDialog *chooser,
           int              response,
           GTask           *task)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    tayori_signoff_save_pdf_async (g_task_get_task_data (task), file, g_task_get_cancellable (task),
                                   saved_as_cb, task);
  else
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Not saved");
      g_object_unref (task);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
tayori_signoff_save_pdf_as_async (GtkWindow           *parent,
                                  const char          *html,
                                  const char          *title,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  /* Test hook: the GUI tests set TAYORI_SIGNOFF_PDF to a path to skip the file chooser,
   * which AT-SPI cannot drive when a portal shows it. */
  const char *test_path = g_getenv ("TAYORI_SIGNOFF_PDF");
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  GTask *task;

  g_return_if_fail (html != NULL);

  if (test_path != NULL && *test_path != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_path (test_path);

      tayori_signoff_save_pdf_async (html, file, cancellable, callback, user_data);
      return;
    }
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tayori_signoff_save_pdf_as_async);
  g_task_set_task_data (task, g_strdup (html), g_free);
  chooser = gtk_file_chooser_native_new (_("Save the Sign-off Record"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: file name of the sign-off record; %s is the article's title */
  name = g_strdup_printf (_("Sign-off record - %s.pdf"), title != NULL ? title : "");
  g_strdelimit (name, "/\\", '_');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (chosen_cb), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
