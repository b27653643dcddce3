/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The axe-core check without the app (tayori-cli): the article's standalone page, or HTML
 * input as given, in a presented window of its own, with no page script and nothing loaded
 * from the network; waits on its own main loop, with a time limit. */

#include "tayori-axe-private.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <string.h>

#include "tayori-page.h"
#include "tayori-web-context.h"

#define CHECK_WIDTH           1280
#define CHECK_HEIGHT          1024
#define CHECK_TIMEOUT_SECONDS 30
/* No script, no network: styles inline, images and fonts only from data: and our schemes. */
#define CHECK_CSP \
  "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; " \
  "img-src data: tayori-resource: tayori-media:; font-src data:; object-src 'none'; " \
  "frame-src 'none'; base-uri 'none'; form-action 'none'"

typedef struct {
  TayoriCheckDocument *document;
  GCancellable        *cancellable;
  GMainLoop           *loop;
  GPtrArray           *findings;
  GError              *error;
  gboolean             navigated;  /* the one load we start has been let through */
  gboolean             loaded;
  gboolean             started;
  gboolean             running;    /* axe_done_cb has yet to come */
} Check;

static void
finish (Check  *check,
        GError *error)
{
  if (check->error == NULL && check->findings == NULL)
    check->error = error;
  else if (error != NULL)
    g_error_free (error);
  g_main_loop_quit (check->loop);
}

static void
axe_done_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Check *check = user_data;
  GError *error = NULL;
  GPtrArray *findings = tayori_axe_run_finish (WEBKIT_WEB_VIEW (source_object), result, &error);

  check->running = FALSE;
  if (findings != NULL && check->error == NULL)
    check->findings = findings;
  else if (findings != NULL)
    g_ptr_array_unref (findings);
  finish (check, error);
}

/* Colour contrast is only measured on a page that is on screen: run once both are true. */
static void
maybe_start (Check         *check,
             WebKitWebView *web_view)
{
  if (check->started || !check->loaded || !gtk_widget_get_mapped (GTK_WIDGET (web_view)))
    return;

  check->started = TRUE;
  check->running = TRUE;
  tayori_axe_run_async (web_view, check->document, check->cancellable, axe_done_cb, check);
}

static void
load_changed_cb (WebKitWebView   *web_view,
                 WebKitLoadEvent  event,
                 Check           *check)
{
  if (event != WEBKIT_LOAD_FINISHED)
    return;
  check->loaded = TRUE;
  maybe_start (check, web_view);
}

static void
map_cb (GtkWidget *widget,
        Check     *check)
{
  maybe_start (check, WEBKIT_WEB_VIEW (widget));
}

static gboolean
load_failed_cb (WebKitWebView   *web_view,
                WebKitLoadEvent  event,
                const char      *uri,
                GError          *error,
                Check           *check)
{
  finish (check, g_error_new (TAYORI_AXE_ERROR, TAYORI_AXE_ERROR_FAILED,
                              _("The page could not be shown for the accessibility check: %s"),
                              error->message));
  return TRUE;
}

static void
web_process_terminated_cb (WebKitWebView                     *web_view,
                           WebKitWebProcessTerminationReason  reason,
                           Check                             *check)
{
  finish (check, g_error_new_literal (TAYORI_AXE_ERROR, TAYORI_AXE_ERROR_FAILED,
                                      _("The web page process ended during the accessibility check")));
}

/* The page never goes anywhere else: only the load we start is let through. */
static gboolean
decide_policy_cb (WebKitWebView            *web_view,
                  WebKitPolicyDecision     *decision,
                  WebKitPolicyDecisionType  type,
                  Check                    *check)
{
  if (type == WEBKIT_POLICY_DECISION_TYPE_RESPONSE)
    return FALSE;

  if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION && !check->navigated)
    {
      check->navigated = TRUE;
      webkit_policy_decision_use (decision);
    }
  else
    webkit_policy_decision_ignore (decision);
  return TRUE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  Check *check = user_data;

  g_cancellable_cancel (check->cancellable);
  finish (check, g_error_new (TAYORI_AXE_ERROR, TAYORI_AXE_ERROR_FAILED,
                              _("The accessibility check did not finish within %u seconds"),
                              CHECK_TIMEOUT_SECONDS));
  return G_SOURCE_REMOVE;
}

static WebKitWebView *
create_web_view (Check *check)
{
  g_autoptr(WebKitSettings) settings = NULL;
  WebKitWebView *web_view;

  /* Scripts in the page never run (no script markup, and a policy without script sources);
   * axe runs through the API in its own world, which neither blocks. */
  settings = webkit_settings_new_with_settings ("enable-javascript-markup", FALSE,
                                                "javascript-can-open-windows-automatically", FALSE,
                                                "enable-html5-local-storage", FALSE,
                                                "enable-html5-database", FALSE,
                                                "enable-page-cache", FALSE,
                                                "enable-media", FALSE,
                                                "enable-webaudio", FALSE,
                                                "enable-webgl", FALSE,
                                                "hardware-acceleration-policy",
                                                WEBKIT_HARDWARE_ACCELERATION_POLICY_NEVER,
                                                "default-charset", "utf-8",
                                                NULL);
  web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                           "web-context", tayori_web_context_get (),
                           "network-session", tayori_web_context_get_session (),
                           "settings", settings,
                           "default-content-security-policy", CHECK_CSP,
                           NULL);
  g_signal_connect (web_view, "decide-policy", G_CALLBACK (decide_policy_cb), check);
  g_signal_connect (web_view, "load-changed", G_CALLBACK (load_changed_cb), check);
  g_signal_connect (web_view, "load-failed", G_CALLBACK (load_failed_cb), check);
  g_signal_connect (web_view, "web-process-terminated",
                    G_CALLBACK (web_process_terminated_cb), check);
  g_signal_connect (web_view, "map", G_CALLBACK (map_cb), check);
  return web_view;
}

/* HTML input as given, each element of the check document marked with its index right
 * after its tag name, so results map back to the element's source range. */
static char *
mark_html (TayoriCheckDocument *document)
{
  const char *html = tayori_check_document_get_body_html (document);
  gsize html_length = strlen (html);
  guint n = tayori_check_document_get_n_elements (document);
  GString *marked = g_string_sized_new (html_length + n * 24);
  gsize copied = 0;

  for (guint i = 0; i < n; i++)
    {
      const TayoriCheckElement *element = tayori_check_document_get_element (document, i);
      gsize tag_length = strlen (element->tag);
      gsize at = element->source_start + 1 + tag_length;

      /* Only where the source really has "<tag" followed by the end of the name. */
      if (element->source_start < copied || at >= html_length ||
          html[element->source_start] != '<' ||
          g_ascii_strncasecmp (html + element->source_start + 1, element->tag, tag_length) != 0 ||
          !(g_ascii_isspace (html[at]) || html[at] == '>' || html[at] == '/'))
        continue;

      g_string_append_len (marked, html + copied, at - copied);
      g_string_append_printf (marked, " " TAYORI_AXE_MARK_ATTRIBUTE "=\"%u\"", i);
      copied = at;
    }
  g_string_append (marked, html + copied);
  return g_string_free (marked, FALSE);
}

static char *
page_html (TayoriCheckDocument  *document,
           GError              **error)
{
  g_autoptr(TayoriPreset) preset = NULL;

  if (tayori_check_document_get_kind (document) == TAYORI_CHECK_SOURCE_HTML)
    return mark_html (document);

  /* A broken organisation preset still gives a usable one; the CLI reports the file. */
  preset = tayori_preset_load (NULL);
  return tayori_page_render_standalone (tayori_check_document_get_article (document), preset,
                                        error);
}

/**
 * tayori_axe_check_document:
 *
 * Returns: (transfer container): the findings, or %NULL with @error
 *   (%TAYORI_AXE_ERROR_NO_DISPLAY, %TAYORI_AXE_ERROR_FAILED).
 */
GPtrArray *
tayori_axe_check_document (TayoriCheckDocument  *document,
                           GError              **error)
{
  g_autofree char *html = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GCancellable) cancellable = NULL;
  GtkWidget *window;
  WebKitWebView *web_view;
  Check check = { 0 };
  guint timeout;

  g_return_val_if_fail (TAYORI_IS_CHECK_DOCUMENT (document), NULL);

  if (!gtk_init_check ())
    {
      g_set_error_literal (error, TAYORI_AXE_ERROR, TAYORI_AXE_ERROR_NO_DISPLAY,
                           _("No display: the axe-core accessibility check needs one "
                             "(run under Xvfb, e.g. xvfb-run)"));
      return NULL;
    }

  if ((html = page_html (document, error)) == NULL)
    return NULL;

  loop = g_main_loop_new (NULL, FALSE);
  cancellable = g_cancellable_new ();
  check.document = document;
  check.cancellable = cancellable;
  check.loop = loop;

  web_view = create_web_view (&check);
  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Accessibility check"));
  gtk_window_set_default_size (GTK_WINDOW (window), CHECK_WIDTH, CHECK_HEIGHT);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (web_view));
  webkit_web_view_load_html (web_view, html, "about:blank");
  gtk_window_present (GTK_WINDOW (window));

  timeout = g_timeout_add_seconds (CHECK_TIMEOUT_SECONDS, timeout_cb, &check);
  g_main_loop_run (loop);
  g_clear_handle_id (&timeout, g_source_remove);

  /* Nothing may call back into @check, which lives on this stack, after we return. */
  g_signal_handlers_disconnect_by_data (web_view, &check);
  g_cancellable_cancel (cancellable);
  while (check.running)
    g_main_context_iteration (NULL, TRUE);
  gtk_window_destroy (GTK_WINDOW (window));

  if (check.error != NULL)
    {
      g_clear_pointer (&check.findings, g_ptr_array_unref);
      g_propagate_error (error, check.error);
      return NULL;
    }
  return check.findings;
}
