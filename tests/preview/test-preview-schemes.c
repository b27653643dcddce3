/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The app's URI schemes through the real WebKit network path: "tayori-resource:" serves only
 * the allow-listed page assets (bundled files elsewhere fail, as do path tricks), and
 * "tayori-media:" only well-formed hashes present in the media folder. */

#include "preview-test-util.h"

#include <glib/gstdio.h>

#include "tayori-media-store.h"
#include "tayori-web-context.h"

#define PAGE_CSS "/io/github/tayori/Tayori/core/page/page.css"

typedef struct {
  GtkWidget     *window;
  WebKitWebView *web_view;
  char          *media_dir;
  char          *hash;
  GBytes        *image;
} SchemeFixture;

typedef struct {
  gboolean  finished;
  gboolean  failed;
  GBytes   *data;
  gboolean  data_done;
} Load;

static void
load_changed_cb (WebKitWebView   *web_view,
                 WebKitLoadEvent  event,
                 Load            *load)
{
  load->finished |= event == WEBKIT_LOAD_FINISHED;
}

static gboolean
load_failed_cb (WebKitWebView   *web_view,
                WebKitLoadEvent  event,
                const char      *uri,
                GError          *error,
                Load            *load)
{
  load->failed = TRUE;
  /* Handled: no error page, whose own load would be mistaken for the next one. */
  return TRUE;
}

static void
data_ready_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Load *load = user_data;
  gsize length = 0;
  guchar *data = webkit_web_resource_get_data_finish (WEBKIT_WEB_RESOURCE (source_object),
                                                      result, &length, NULL);

  load->data = data != NULL ? g_bytes_new_take (data, length) : NULL;
  load->data_done = TRUE;
}

/* Loads @uri as the view's document: its bytes and MIME type, or NULL when the load failed. */
static GBytes *
fetch (SchemeFixture  *fixture,
       const char     *uri,
       char          **mime_type)
{
  Load load = { 0 };
  WebKitWebResource *resource;

  g_signal_connect (fixture->web_view, "load-changed", G_CALLBACK (load_changed_cb), &load);
  g_signal_connect (fixture->web_view, "load-failed", G_CALLBACK (load_failed_cb), &load);
  webkit_web_view_load_uri (fixture->web_view, uri);
  PREVIEW_WAIT_UNTIL (load.finished);
  g_signal_handlers_disconnect_by_data (fixture->web_view, &load);

  if (load.failed)
    return NULL;

  resource = webkit_web_view_get_main_resource (fixture->web_view);
  if (mime_type != NULL)
    *mime_type = g_strdup (webkit_uri_response_get_mime_type (
                             webkit_web_resource_get_response (resource)));
  webkit_web_resource_get_data (resource, NULL, data_ready_cb, &load);
  PREVIEW_WAIT_UNTIL (load.data_done);
  g_assert_nonnull (load.data);
  return load.data;
}

static void
assert_refused (SchemeFixture *fixture,
                const char    *uri)
{
  g_autoptr(GBytes) data = fetch (fixture, uri, NULL);

  if (data != NULL)
    g_error ("%s was served", uri);
}

static GBytes *
png_bytes (void)
{
  static const guchar pixels[] = { 0x00, 0x66, 0xcc, 0xff, 0xff, 0xff, 0xff, 0xff,
                                   0xff, 0xff, 0xff, 0xff, 0x00, 0x66, 0xcc, 0xff };
  g_autoptr(GBytes) memory = g_bytes_new_static (pixels, sizeof pixels);
  g_autoptr(GdkTexture) texture = gdk_memory_texture_new (2, 2, GDK_MEMORY_R8G8B8A8, memory, 8);

  return gdk_texture_save_to_png_bytes (texture);
}

static void
fixture_setup (SchemeFixture *fixture,
               gconstpointer  data)
{
  g_autofree char *png_path = NULL;
  g_autoptr(GFile) png = NULL;
  g_autoptr(GError) error = NULL;

  fixture->media_dir = g_dir_make_tmp ("tayori-media-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->image = png_bytes ();
  png_path = g_build_filename (fixture->media_dir, "source.png", NULL);
  g_file_set_contents (png_path, g_bytes_get_data (fixture->image, NULL),
                       g_bytes_get_size (fixture->image), &error);
  g_assert_no_error (error);
  png = g_file_new_for_path (png_path);
  fixture->hash = tayori_media_store_add_file (fixture->media_dir, png, &error);
  g_assert_no_error (error);
  g_remove (png_path);
  tayori_web_context_set_media_dir (fixture->media_dir);

  fixture->window = gtk_window_new ();
  fixture->web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                                    "web-context", tayori_web_context_get (),
                                    "network-session", tayori_web_context_get_session (),
                                    NULL);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->web_view));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_teardown (SchemeFixture *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->media_dir, 0, NULL);
  const char *name;

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->media_dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (fixture->media_dir);
  g_free (fixture->media_dir);
  g_free (fixture->hash);
  g_bytes_unref (fixture->image);
}

static void
test_resource_allowed (SchemeFixture *fixture,
                       gconstpointer  data)
{
  g_autoptr(GBytes) expected = g_resources_lookup_data (PAGE_CSS, 0, NULL);
  g_autofree char *mime_type = NULL;
  g_autoptr(GBytes) served = fetch (fixture, "tayori-resource://" PAGE_CSS, &mime_type);

  g_assert_nonnull (served);
  g_assert_true (g_bytes_equal (served, expected));
  g_assert_cmpstr (mime_type, ==, "text/css");
}

static void
test_resource_refused (SchemeFixture *fixture,
                       gconstpointer  data)
{
  /* Bundled, but outside the page folder: the preset defaults and the preview's own script
   * (its resource is registered with the view's class). */
  g_autoptr(GTypeClass) view_class = g_type_class_ref (TAYORI_TYPE_PREVIEW_VIEW);

  g_assert_true (g_resources_get_info ("/io/github/tayori/Tayori/core/preset-defaults.conf",
                                       0, NULL, NULL, NULL));
  g_assert_true (g_resources_get_info ("/io/github/tayori/Tayori/preview/js/set-slots.js",
                                       0, NULL, NULL, NULL));

  assert_refused (fixture, "tayori-resource:///io/github/tayori/Tayori/core/preset-defaults.conf");
  assert_refused (fixture, "tayori-resource:///io/github/tayori/Tayori/preview/js/set-slots.js");
  assert_refused (fixture, "tayori-resource:///io/github/tayori/Tayori/core/page/missing.css");
  assert_refused (fixture,
                  "tayori-resource:///io/github/tayori/Tayori/core/page/../preset-defaults.conf");
  assert_refused (fixture, "tayori-resource:///io/github/tayori/Tayori/core/page/"
                           "%2e%2e/preset-defaults.conf");
  assert_refused (fixture,
                  "tayori-resource:///io/github/tayori/Tayori/core/page/..%2fpreset-defaults.conf");
  assert_refused (fixture, "tayori-resource:///io/github/tayori/Tayori/core/page//page.css");
}

static void
test_media (SchemeFixture *fixture,
            gconstpointer  data)
{
  g_autofree char *uri = g_strconcat ("tayori-media:", fixture->hash, NULL);
  g_autofree char *upper = g_ascii_strup (uri + strlen ("tayori-media:"), -1);
  g_autofree char *upper_uri = g_strconcat ("tayori-media:", upper, NULL);
  g_autofree char *slashed = g_strconcat ("tayori-media:/", fixture->hash, NULL);
  g_autofree char *mime_type = NULL;
  g_autoptr(GBytes) served = fetch (fixture, uri, &mime_type);

  g_assert_nonnull (served);
  g_assert_true (g_bytes_equal (served, fixture->image));
  g_assert_cmpstr (mime_type, ==, "image/png");

  assert_refused (fixture, "tayori-media:not-a-hash");
  assert_refused (fixture, "tayori-media:../../../../etc/passwd");
  assert_refused (fixture, upper_uri);
  assert_refused (fixture, slashed);
  assert_refused (fixture,
                  "tayori-media:0000000000000000000000000000000000000000000000000000000000000000");
}

/* The real preview shows a media image and the bundled stylesheet through its CSP. */
static void
test_in_preview (SchemeFixture *fixture,
                 gconstpointer  data)
{
  PreviewFixture preview = { 0 };
  guint start;

  preview_fixture_setup (&preview, NULL);
  g_assert_true (preview_test_js_bool (preview.web_view,
                                       "return [...document.styleSheets].some(sheet =>"
                                       "  sheet.href && sheet.href.endsWith('/core/page/page.css'))"
                                       "  && getComputedStyle(document.body).marginTop === '0px';",
                                       NULL));

  start = preview.updates;
  tayori_article_set_thumbnail (preview.article, fixture->hash);
  tayori_article_set_thumbnail_alt (preview.article, "区役所の外観");
  preview_fixture_wait_updates (&preview, start + 1);
  PREVIEW_WAIT_UNTIL (preview_test_js_bool (preview.web_view,
                                            "const img = document.querySelector("
                                            "  '[data-slot=\"thumbnail\"] img');"
                                            "return img !== null && img.complete"
                                            "       && img.naturalWidth === 2;", NULL));
  preview_fixture_teardown (&preview, NULL);
}

int
main (int   argc,
      char *argv[])
{
  preview_test_init (&argc, &argv, "test-preview-schemes");

  g_test_add ("/tayori/preview/schemes/resource-allowed", SchemeFixture, NULL,
              fixture_setup, test_resource_allowed, fixture_teardown);
  g_test_add ("/tayori/preview/schemes/resource-refused", SchemeFixture, NULL,
              fixture_setup, test_resource_refused, fixture_teardown);
  g_test_add ("/tayori/preview/schemes/media", SchemeFixture, NULL,
              fixture_setup, test_media, fixture_teardown);
  g_test_add ("/tayori/preview/schemes/in-preview", SchemeFixture, NULL,
              fixture_setup, test_in_preview, fixture_teardown);

  return g_test_run ();
}
