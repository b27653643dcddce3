/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every payload of tests/render/xss-payloads.txt goes through the whole path (article fields,
 * renderer, sanitiser, page fragments, push into the live preview) and must not execute. The
 * canary is checked from an isolated script world; the page's CSP is proven to be active. */

#include "preview-test-util.h"

#include <string.h>

#include "tayori-preview-shell.h"
#include "tayori-web-context.h"

/* A well-formed media hash: attachments come from the media store, names and types do not. */
#define ATTACHMENT_HASH "4f2d7a0c9b1e3d5f6a8c0e2b4d6f8a1c3e5b7d9f0a2c4e6b8d0f1a3c5e7b9d2f"

/* What an armed payload runs instead of alert(…): a mark the test world can see. */
#define CANARY "document.documentElement.dataset.pwned=1"

typedef struct {
  guint dialogs;      /* alert/confirm/prompt that ran anyway (encoded payloads) */
  guint prints;
  guint windows;
  guint navigations;  /* navigation or new-window requests after the shell load */
} Alarms;

static Alarms alarms;

static gboolean
script_dialog_cb (WebKitWebView    *web_view,
                  WebKitScriptDialog *dialog,
                  gpointer          user_data)
{
  alarms.dialogs++;
  return TRUE;
}

static gboolean
print_cb (WebKitWebView        *web_view,
          WebKitPrintOperation *operation,
          gpointer              user_data)
{
  alarms.prints++;
  return TRUE;
}

static WebKitWebView *
create_cb (WebKitWebView          *web_view,
           WebKitNavigationAction *action,
           gpointer                user_data)
{
  alarms.windows++;
  return NULL;
}

static gboolean
activate_link_cb (TayoriPreviewView *view,
                  const char        *uri,
                  gpointer           user_data)
{
  return TRUE;
}

/* An emission hook sees every decision, before the view's own handler decides it. */
static gboolean
decide_policy_hook (GSignalInvocationHint *hint,
                    guint                  n_values,
                    const GValue          *values,
                    gpointer               user_data)
{
  if (g_value_get_enum (&values[2]) != WEBKIT_POLICY_DECISION_TYPE_RESPONSE)
    alarms.navigations++;
  return TRUE;
}

static GPtrArray *
load_payloads (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "render", "xss-payloads.txt",
                                                 NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *payloads = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) record = g_string_new (NULL);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  /* Records are separated by a line "%%". */
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gboolean separator = g_str_equal (lines[i], "%%");

      if (!separator)
        g_string_append_printf (record, "%s%s", record->len > 0 ? "\n" : "", lines[i]);
      if ((separator || lines[i + 1] == NULL) && record->len > 0)
        {
          g_ptr_array_add (payloads, g_strdup (record->str));
          g_string_truncate (record, 0);
        }
    }
  return payloads;
}

/* alert(…), confirm(…), prompt(…) and their tagged-template forms become the canary, so any
 * execution leaves a visible mark. Encoded calls stay as they are: they would open a script
 * dialog, which the test counts too. */
static char *
arm (const char *payload)
{
  g_autoptr(GRegex) calls = g_regex_new ("\\b(?:alert|confirm|prompt)\\s*"
                                         "(?:\\((?:[^()]|\\([^()]*\\))*\\)|`[^`]*`)",
                                         0, 0, NULL);

  return g_regex_replace_literal (calls, payload, -1, 0, CANARY, 0, NULL);
}

static void
feed (TayoriArticle *article,
      const char    *payload,
      const char    *token)
{
  const char * const list[] = { payload, NULL };
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_link_free);
  g_autoptr(GPtrArray) files =
    g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_attachment_free);
  g_autofree char *title = g_strconcat (token, " ", payload, NULL);

  g_ptr_array_add (links, tayori_link_new (payload, payload));
  g_ptr_array_add (files, tayori_attachment_new (payload, ATTACHMENT_HASH, payload, 2048));

  tayori_article_set_body (article, payload);
  tayori_article_set_summary (article, payload);
  tayori_article_set_category (article, payload);
  tayori_article_set_categories (article, list);
  tayori_article_set_audiences (article, list);
  tayori_article_set_ward (article, payload);
  tayori_article_set_department (article, payload);
  tayori_article_set_contact_section (article, payload);
  tayori_article_set_contact_phone (article, payload);
  tayori_article_set_contact_fax (article, payload);
  tayori_article_set_contact_email (article, payload);
  tayori_article_set_contact_address (article, payload);
  tayori_article_set_thumbnail (article, payload);
  tayori_article_set_thumbnail_alt (article, payload);
  tayori_article_set_links (article, links);
  tayori_article_set_attachments (article, files);
  /* Last, so the page showing @token shows every other field of this payload too. */
  tayori_article_set_title (article, title);
}

static gboolean
title_shows (WebKitWebView *web_view,
             const char    *token)
{
  g_autofree char *title = preview_test_slot_text (web_view, "title");
  g_autofree char *prefix = g_strconcat (token, " ", NULL);

  return g_str_has_prefix (title, prefix);
}

/* Lets whatever the payload could trigger by itself happen (image errors, focus, toggles,
 * hovering: synthetic events reach inline handlers too), then reports every trace of
 * execution or of active content in the slots. "" means clean. */
static const char canary_check[] =
  "const slots = [...document.querySelectorAll('[data-slot]')];"
  "const all = slots.flatMap(s => [...s.querySelectorAll('*')]);"
  "for (const el of all)"
  "  for (const type of ['mouseover', 'mouseenter', 'mousemove', 'mousedown', 'mouseup',"
  "                      'focus', 'focusin', 'blur', 'input', 'change', 'toggle', 'load',"
  "                      'error', 'animationstart', 'transitionend', 'pointerover'])"
  "    el.dispatchEvent(new Event(type));"
  "await Promise.all([...document.images].map(img => img.complete ? null : new Promise(done => {"
  "  img.addEventListener('load', done, { once: true });"
  "  img.addEventListener('error', done, { once: true });"
  "})));"
  "await new Promise(done => setTimeout(done, 30));"
  "const found = [];"
  "if (document.documentElement.hasAttribute('data-pwned')) found.push('canary ran');"
  "if (window.name !== '') found.push('window.name changed');"
  "for (const el of all) {"
  "  if (/^(script|iframe|frame|object|embed|form|base|meta|link|style)$/i.test(el.localName))"
  "    found.push('<' + el.localName + '> in a slot');"
  "  for (const attr of el.attributes) {"
  "    if (attr.name.startsWith('on')) found.push(attr.name + ' attribute in a slot');"
  "    if (/^\\s*(javascript|vbscript|data):/i.test(attr.value.replace(/[\\u0000-\\u0020]/g, ''))"
  "        && /^(href|src|action|formaction|xlink:href)$/i.test(attr.name))"
  "      found.push(attr.name + '=' + attr.value);"
  "  }"
  "}"
  "return found.join('; ');";

static void
test_payloads (PreviewFixture *fixture,
               gconstpointer   data)
{
  g_autoptr(GPtrArray) payloads = load_payloads ();
  guint hook = g_signal_add_emission_hook (g_signal_lookup ("decide-policy", WEBKIT_TYPE_WEB_VIEW),
                                           0, decide_policy_hook, NULL, NULL);
  guint processed = 0;

  g_assert_cmpuint (payloads->len, >=, 50);
  preview_test_js (fixture->web_view, "window.tayoriTestMarker = 'kept'; return true;", NULL);

  for (guint i = 0; i < payloads->len; i++)
    {
      g_autofree char *armed = arm (payloads->pdata[i]);
      g_autofree char *token = g_strdup_printf ("‹%u›", i);
      g_autofree char *found = NULL;

      g_test_message ("payload %u: %s", i, armed);
      feed (fixture->article, armed, token);
      PREVIEW_WAIT_UNTIL (title_shows (fixture->web_view, token));

      found = preview_test_js_string (fixture->web_view, canary_check, NULL);
      g_assert_cmpstr (found, ==, "");
      g_assert_cmpuint (alarms.dialogs + alarms.prints + alarms.windows + alarms.navigations,
                        ==, 0);
      g_assert_cmpuint (fixture->loads, ==, 1);
      processed++;
    }

  g_signal_remove_emission_hook (g_signal_lookup ("decide-policy", WEBKIT_TYPE_WEB_VIEW), hook);
  g_assert_cmpuint (processed, ==, payloads->len);
  g_assert_cmpstr (webkit_web_view_get_uri (fixture->web_view), ==,
                   TAYORI_WEB_CONTEXT_PAGE_BASE_URI);
  g_assert_true (preview_test_js_bool (fixture->web_view,
                                       "return window.tayoriTestMarker === 'kept';", NULL));
  g_test_message ("%u payloads through the preview, none executed", processed);
}

/* The check above must be able to see an execution: a mark set on purpose is reported. */
static void
test_canary_fires (PreviewFixture *fixture,
                   gconstpointer   data)
{
  g_autofree char *found = NULL;

  preview_test_js (fixture->web_view, CANARY "; return true;", NULL);
  found = preview_test_js_string (fixture->web_view, canary_check, NULL);
  g_assert_cmpstr (found, ==, "canary ran");
}

static const char inject_script[] =
  "const violations = [];"
  "document.addEventListener('securitypolicyviolation', e => violations.push(e.violatedDirective));"
  "const script = document.createElement('script');"
  "script.textContent = \"" CANARY "\";"
  "document.body.append(script);"
  "await new Promise(done => setTimeout(done, 100));"
  "return (document.documentElement.hasAttribute('data-pwned') ? 'ran' : 'blocked')"
  "       + (violations.length > 0 ? ' by ' + violations[0] : '');";

static void
test_csp_active (PreviewFixture *fixture,
                 gconstpointer   data)
{
  g_autofree char *csp = NULL;
  g_autofree char *verdict = NULL;

  csp = preview_test_js_string (fixture->web_view,
                                "const meta = document.head.firstElementChild;"
                                "return meta.getAttribute('http-equiv') + ': ' + meta.content;",
                                NULL);
  g_assert_cmpstr (csp, ==, "Content-Security-Policy: " TAYORI_PREVIEW_SHELL_CSP);

  /* A <script> put into the page's DOM from outside does not run, and the CSP is why. */
  verdict = preview_test_js_string (fixture->web_view, inject_script, NULL);
  g_assert_cmpstr (verdict, ==, "blocked by script-src-elem");
}

static void
control_load_changed_cb (WebKitWebView   *web_view,
                         WebKitLoadEvent  event,
                         gboolean        *loaded)
{
  *loaded |= event == WEBKIT_LOAD_FINISHED;
}

/* Control for the test above: the same injection does run in a page without our policy. */
static void
test_csp_control (void)
{
  GtkWidget *window = gtk_window_new ();
  WebKitWebView *web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                                          "web-context", tayori_web_context_get (),
                                          "network-session", tayori_web_context_get_session (),
                                          NULL);
  g_autofree char *verdict = NULL;
  gboolean loaded = FALSE;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (web_view));
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (web_view, "load-changed", G_CALLBACK (control_load_changed_cb), &loaded);
  webkit_web_view_load_html (web_view, "<!DOCTYPE html><p>統制用のページ</p>",
                             TAYORI_WEB_CONTEXT_PAGE_BASE_URI);
  PREVIEW_WAIT_UNTIL (loaded);

  verdict = preview_test_js_string (web_view, inject_script, NULL);
  g_assert_cmpstr (verdict, ==, "ran");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
alarms_setup (PreviewFixture *fixture,
              gconstpointer   data)
{
  preview_fixture_setup (fixture, data);
  memset (&alarms, 0, sizeof alarms);
  g_signal_connect (fixture->web_view, "script-dialog", G_CALLBACK (script_dialog_cb), NULL);
  g_signal_connect (fixture->web_view, "print", G_CALLBACK (print_cb), NULL);
  g_signal_connect (fixture->web_view, "create", G_CALLBACK (create_cb), NULL);
  g_signal_connect (fixture->view, "activate-link", G_CALLBACK (activate_link_cb), NULL);
}

int
main (int   argc,
      char *argv[])
{
  preview_test_init (&argc, &argv, "test-preview-xss");

  g_test_add ("/tayori/preview/xss/payloads", PreviewFixture, NULL,
              alarms_setup, test_payloads, preview_fixture_teardown);
  g_test_add ("/tayori/preview/xss/canary-fires", PreviewFixture, NULL,
              alarms_setup, test_canary_fires, preview_fixture_teardown);
  g_test_add ("/tayori/preview/xss/csp-active", PreviewFixture, NULL,
              alarms_setup, test_csp_active, preview_fixture_teardown);
  g_test_add_func ("/tayori/preview/xss/csp-control", test_csp_control);

  return g_test_run ();
}
