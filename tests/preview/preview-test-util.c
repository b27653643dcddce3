/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the preview tests (see preview-test-util.h). */

#include "preview-test-util.h"

typedef struct {
  gboolean  done;
  JSCValue *value;
  GError   *error;
} JsResult;

gboolean
preview_test_tick (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

void
preview_test_init (int    *argc,
                   char ***argv,
                   const char *prgname)
{
  g_set_prgname (prgname);
  gtk_test_init (argc, argv, NULL);
}

static gboolean
spin_done_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
preview_test_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, spin_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
updated_cb (TayoriPreviewView *view,
            PreviewFixture    *fixture)
{
  fixture->updates++;
}

static void
load_changed_cb (WebKitWebView   *web_view,
                 WebKitLoadEvent  event,
                 PreviewFixture  *fixture)
{
  if (event == WEBKIT_LOAD_FINISHED)
    fixture->loads++;
}

void
preview_fixture_setup (PreviewFixture *fixture,
                       gconstpointer   data)
{
  g_autoptr(TayoriPreset) preset =
    data != NULL ? g_object_ref (TAYORI_PRESET ((gpointer) data)) : tayori_preset_new_defaults ();

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 800);
  fixture->view = TAYORI_PREVIEW_VIEW (tayori_preview_view_new (preset));
  fixture->web_view = tayori_preview_view_get_web_view (fixture->view);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  g_signal_connect (fixture->view, "updated", G_CALLBACK (updated_cb), fixture);
  g_signal_connect (fixture->web_view, "load-changed", G_CALLBACK (load_changed_cb), fixture);

  fixture->article = tayori_article_new ();
  tayori_article_set_title (fixture->article, "はじめのタイトル");
  tayori_article_set_body (fixture->article, "はじめの本文です。");
  tayori_preview_view_set_article (fixture->view, fixture->article);

  gtk_window_present (GTK_WINDOW (fixture->window));
  PREVIEW_WAIT_UNTIL (fixture->loads == 1 && fixture->updates >= 1);
  /* The first push may have found the article already changed; let the view settle. */
  preview_fixture_wait_updates (fixture, fixture->updates);
}

void
preview_fixture_teardown (PreviewFixture *fixture,
                          gconstpointer   data)
{
  g_signal_handlers_disconnect_by_data (fixture->view, fixture);
  g_signal_handlers_disconnect_by_data (fixture->web_view, fixture);
  g_object_add_weak_pointer (G_OBJECT (fixture->view), (gpointer *) &fixture->view);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  /* Work still in flight holds the view until it is cancelled: then it must go. */
  PREVIEW_WAIT_UNTIL (fixture->view == NULL);
  g_assert_finalize_object (fixture->article);
  fixture->article = NULL;
}

void
preview_fixture_wait_updates (PreviewFixture *fixture,
                              guint           count)
{
  PREVIEW_WAIT_UNTIL (fixture->updates >= count);
}

static void
js_done_cb (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  JsResult *js = user_data;

  js->value = webkit_web_view_call_async_javascript_function_finish (
                WEBKIT_WEB_VIEW (source_object), result, &js->error);
  js->done = TRUE;
}

JSCValue *
preview_test_js (WebKitWebView *web_view,
                 const char    *body,
                 GVariant      *arguments)
{
  g_autoptr(GVariant) owned = arguments ? g_variant_ref_sink (arguments) : NULL;
  JsResult js = { 0 };

  webkit_web_view_call_async_javascript_function (web_view, body, -1, owned,
                                                  PREVIEW_TEST_WORLD, NULL, NULL,
                                                  js_done_cb, &js);
  PREVIEW_WAIT_UNTIL (js.done);
  g_assert_no_error (js.error);
  return js.value;
}

char *
preview_test_js_string (WebKitWebView *web_view,
                        const char    *body,
                        GVariant      *arguments)
{
  g_autoptr(JSCValue) value = preview_test_js (web_view, body, arguments);

  return jsc_value_to_string (value);
}

double
preview_test_js_number (WebKitWebView *web_view,
                        const char    *body,
                        GVariant      *arguments)
{
  g_autoptr(JSCValue) value = preview_test_js (web_view, body, arguments);

  return jsc_value_to_double (value);
}

gboolean
preview_test_js_bool (WebKitWebView *web_view,
                      const char    *body,
                      GVariant      *arguments)
{
  g_autoptr(JSCValue) value = preview_test_js (web_view, body, arguments);

  g_assert_true (jsc_value_is_boolean (value));
  return jsc_value_to_boolean (value);
}

char *
preview_test_slot_text (WebKitWebView *web_view,
                        const char    *slot)
{
  GVariantDict arguments;

  g_variant_dict_init (&arguments, NULL);
  g_variant_dict_insert (&arguments, "slot", "s", slot);
  return preview_test_js_string (web_view,
                                 "const el = document.querySelector(`[data-slot=\"${slot}\"]`);"
                                 "return el ? el.textContent : '';",
                                 g_variant_dict_end (&arguments));
}
