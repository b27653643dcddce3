/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the preview tests: a presented window with a TayoriPreviewView, waiting on the
 * main loop, and reading the page through JavaScript in a test-only isolated world. */
#pragma once

#include <gtk/gtk.h>
#include <webkit/webkit.h>

#include "tayori-preview-view.h"

G_BEGIN_DECLS

/* The world our test scripts run in: like the view's own, invisible to page content. */
#define PREVIEW_TEST_WORLD "tayori-test"

typedef struct {
  GtkWidget         *window;
  TayoriPreviewView *view;
  WebKitWebView     *web_view;
  TayoriArticle     *article;
  guint              updates;      /* "updated" emissions so far */
  guint              loads;        /* finished page loads so far */
} PreviewFixture;

/* Iterates the main loop until @cond holds; aborts the test after 30 s (a hang guard). */
#define PREVIEW_WAIT_UNTIL(cond)                                                    \
  G_STMT_START {                                                                    \
    gint64 wait_deadline_ = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;          \
    guint wait_tick_ = g_timeout_add (20, preview_test_tick, NULL);                 \
    while (!(cond))                                                                 \
      {                                                                             \
        if (g_get_monotonic_time () > wait_deadline_)                               \
          g_error ("%s:%d: timed out waiting for %s", __FILE__, __LINE__, #cond);  \
        g_main_context_iteration (NULL, TRUE);                                      \
      }                                                                             \
    g_source_remove (wait_tick_);                                                   \
  } G_STMT_END

gboolean  preview_test_tick            (gpointer        user_data);
/* g_set_prgname (WebKit's data dirs must not be an absolute argv[0]) and gtk_test_init. */
void      preview_test_init            (int            *argc,
                                        char         ***argv,
                                        const char      *prgname);
/* Spins the main loop for @ms milliseconds (lets late events arrive). */
void      preview_test_spin            (guint           ms);

/* A 1000×800 window with the preview presented, an article set and its first push done.
 * @data: the TayoriPreset to use, or NULL for the defaults. */
void      preview_fixture_setup        (PreviewFixture *fixture,
                                        gconstpointer   data);
void      preview_fixture_teardown     (PreviewFixture *fixture,
                                        gconstpointer   data);
/* Waits until the view has emitted "updated" @count times in total. */
void      preview_fixture_wait_updates (PreviewFixture *fixture,
                                        guint           count);

/* Runs @body as an async JS function in PREVIEW_TEST_WORLD with @arguments (a{sv}, may be NULL,
 * floating is consumed) and returns its result; a JS exception fails the test. */
JSCValue *preview_test_js              (WebKitWebView  *web_view,
                                        const char     *body,
                                        GVariant       *arguments);
char     *preview_test_js_string       (WebKitWebView  *web_view,
                                        const char     *body,
                                        GVariant       *arguments);
double    preview_test_js_number       (WebKitWebView  *web_view,
                                        const char     *body,
                                        GVariant       *arguments);
gboolean  preview_test_js_bool         (WebKitWebView  *web_view,
                                        const char     *body,
                                        GVariant       *arguments);
/* The text content of the page's [data-slot=@slot] element, "" when there is none. */
char     *preview_test_slot_text       (WebKitWebView  *web_view,
                                        const char     *slot);

G_END_DECLS
