/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The preview probe the dogtail tests rely on: without its variable it writes nothing; with
 * it, every update leaves the page's title, text, images and slots as JSON in the file. */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "preview-test-util.h"
#include "tayori-preview-probe.h"

/* Parses the probe file once it mentions @needle; NULL while it does not (yet). */
static JsonObject *
read_probe (const char *path,
            const char *needle)
{
  g_autofree char *contents = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!g_file_get_contents (path, &contents, NULL, NULL) || strstr (contents, needle) == NULL)
    return NULL;
  g_assert_true (json_parser_load_from_data (parser, contents, -1, NULL));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_probe_off (PreviewFixture *fixture,
                gconstpointer   data)
{
  g_autofree char *dir = g_dir_make_tmp ("probe-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "probe.json", NULL);
  guint updates = fixture->updates;

  g_unsetenv ("TAYORI_PREVIEW_PROBE");
  tayori_preview_probe_attach (fixture->view);
  tayori_article_set_title (fixture->article, "プローブなし");
  preview_fixture_wait_updates (fixture, updates + 1);
  preview_test_spin (200);

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_null (g_object_get_data (G_OBJECT (fixture->view), "tayori-preview-probe"));
  g_rmdir (dir);
}

static void
test_probe_writes_page (PreviewFixture *fixture,
                        gconstpointer   data)
{
  g_autofree char *dir = g_dir_make_tmp ("probe-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "probe.json", NULL);
  g_autoptr(JsonObject) probe = NULL;
  JsonObject *slots;
  JsonArray *alts;

  g_setenv ("TAYORI_PREVIEW_PROBE", path, TRUE);
  tayori_preview_probe_attach (fixture->view);
  g_unsetenv ("TAYORI_PREVIEW_PROBE");

  tayori_article_set_title (fixture->article, "区民まつりのお知らせ");
  tayori_article_set_body (fixture->article,
                           "会場は**中央公園**です。\n\n![盆踊りの様子](https://example.org/a.png)\n");
  PREVIEW_WAIT_UNTIL ((probe = read_probe (path, "盆踊りの様子")) != NULL);

  g_assert_cmpstr (json_object_get_string_member (probe, "title"), ==, "区民まつりのお知らせ");
  g_assert_nonnull (strstr (json_object_get_string_member (probe, "body_text"), "会場は中央公園です。"));
  slots = json_object_get_object_member (probe, "slots");
  g_assert_cmpstr (json_object_get_string_member (slots, "title"), ==, "区民まつりのお知らせ");
  g_assert_nonnull (strstr (json_object_get_string_member (slots, "body"), "会場は中央公園です。"));
  alts = json_object_get_array_member (probe, "image_alts");
  g_assert_cmpuint (json_array_get_length (alts), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (alts, 0), ==, "盆踊りの様子");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (probe, "image_srcs")), ==, 1);

  /* Later edits replace the file. */
  g_clear_pointer (&probe, json_object_unref);
  tayori_article_set_title (fixture->article, "区民まつりは中止します");
  PREVIEW_WAIT_UNTIL ((probe = read_probe (path, "中止します")) != NULL);
  g_assert_cmpstr (json_object_get_string_member (probe, "title"), ==, "区民まつりは中止します");

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  preview_test_init (&argc, &argv, "test-preview-probe");

  g_test_add ("/tayori/gui-tests/preview-probe/off", PreviewFixture, NULL,
              preview_fixture_setup, test_probe_off, preview_fixture_teardown);
  g_test_add ("/tayori/gui-tests/preview-probe/writes-page", PreviewFixture, NULL,
              preview_fixture_setup, test_probe_writes_page, preview_fixture_teardown);
  return g_test_run ();
}
