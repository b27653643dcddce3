/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriCmsSync against the real WordPress of tests/cms/wordpress-wrapper.sh (with the plugin),
 * secrets in the test keyring (tests/ai/keyring-wrapper.sh): a push with a thumbnail and a
 * table, a concurrent edit by an editor that ends in a conflict and loses nothing, and the
 * web server killed in the middle of a push giving exactly one post after a restart. */
#include <string.h>
#include <glib/gstdio.h>
#include "sync-test-util.h"
#include "tayori-cms-error.h"
#include "tayori-cms-wordpress.h"
#include "tayori-media-store.h"
#include "tayori-outbox-private.h"
#include "tayori-secret.h"
#include "wordpress-test-util.h"

/* A 2×2 PNG: WordPress checks that an uploaded image really is one. */
static const guint8 png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0xfd, 0xd4, 0x9a,
  0x73, 0x00, 0x00, 0x00, 0x11, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
  0x44, 0x0c, 0x60, 0xf2, 0x3f, 0x00, 0x1b, 0xf2, 0x03, 0xfd, 0xf3, 0xe7, 0x4b, 0xb1, 0x00, 0x00,
  0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

typedef struct {
  char          *dir;
  char          *media_dir;
  TayoriStore   *store;
  TayoriPreset  *preset;
  TayoriCmsSync *sync;
} WpFixture;

static void
store_secret (const char *account, const char *variable)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  tayori_secret_store_async ("cms", account, account, g_getenv (variable), NULL, sync_test_store_result, &result);
  g_assert_true (tayori_secret_store_finish (sync_test_wait (&result), &error));
  g_assert_no_error (error);
}

static void
setup (WpFixture *fixture, gconstpointer data)
{
  g_autofree char *accounts = g_strdup_printf ("[cms:wp]\ntype=wordpress\nurl=%s\nuser=contrib\n",
                                               g_getenv ("TAYORI_WP_URL"));
  g_autofree char *db = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (g_getenv ("TAYORI_ACCOUNTS"), accounts, -1, NULL));
  store_secret ("wp", "TAYORI_WP_CONTRIB_PW");
  fixture->dir = g_dir_make_tmp ("tayori-sync-wp-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->media_dir = g_build_filename (fixture->dir, "media", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->media_dir, 0700), ==, 0);
  db = g_build_filename (fixture->dir, "tayori.db", NULL);
  fixture->store = tayori_store_open (db, &error);
  g_assert_no_error (error);
  fixture->preset = tayori_preset_new_defaults ();
  fixture->sync = tayori_cms_sync_new (fixture->store, fixture->preset);
  tayori_cms_sync_set_media_dir (fixture->sync, fixture->media_dir);
  tayori_outbox_set_backoff (tayori_cms_sync_get_outbox (fixture->sync), 50);
}

static void
teardown (WpFixture *fixture, gconstpointer data)
{
  g_clear_object (&fixture->sync);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  tayori_store_close (fixture->store);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->preset);
  sync_test_remove_tree (fixture->dir);
  g_free (fixture->media_dir);
  g_free (fixture->dir);
}

static gint64
add_article (WpFixture *fixture, const char *title, gboolean with_thumbnail)
{
  g_autoptr(TayoriArticle) article = tayori_article_new ();
  g_autoptr(GError) error = NULL;

  tayori_article_set_title (article, title);
  tayori_article_set_body (article, "断水のお知らせです。\n\n| 地区 | 時間 |\n| --- | --- |\n| 中央 | 9時から12時 |\n");
  tayori_article_set_summary (article, "中央地区で断水します。");
  tayori_article_set_author (article, "contrib");
  if (with_thumbnail)
    {
      g_autofree char *path = g_build_filename (fixture->dir, "photo.png", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *hash = NULL;

      g_assert_true (g_file_set_contents (path, (const char *) png, sizeof png, NULL));
      hash = tayori_media_store_add_file (fixture->media_dir, file, &error);
      g_assert_no_error (error);
      tayori_article_set_thumbnail (article, hash);
      tayori_article_set_thumbnail_alt (article, "給水車の写真");
    }
  tayori_store_save_article (fixture->store, article, TAYORI_SAVE_MANUAL, &error);
  g_assert_no_error (error);
  return tayori_article_get_id (article);
}

static TayoriCmsSyncStatus *
push (TayoriCmsSync *sync, gint64 id, GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tayori_cms_sync_push_async (sync, id, NULL, NULL, sync_test_store_result, &result);
  return tayori_cms_sync_push_finish (sync, sync_test_wait (&result), error);
}

static void
test_account (WpFixture *fixture, gconstpointer data)
{
  g_autoptr(TayoriAccount) account = tayori_account_new (TAYORI_ACCOUNT_CMS, "wp", "wordpress",
                                                         g_getenv ("TAYORI_WP_URL"), "contrib");
  g_autoptr(TayoriCmsSiteInfo) info = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  tayori_cms_sync_test_account_async (fixture->sync, account, g_getenv ("TAYORI_WP_CONTRIB_PW"), NULL,
                                      sync_test_store_result, &result);
  info = tayori_cms_sync_test_account_finish (fixture->sync, sync_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->user_login, ==, "contrib");
  g_assert_true (wp_test_has (info->roles, "contributor"));
  g_assert_true (info->has_plugin);
  g_clear_object (&result);
  g_clear_pointer (&info, tayori_cms_site_info_free);

  tayori_cms_sync_test_account_async (fixture->sync, account, "wrong password", NULL,
                                      sync_test_store_result, &result);
  info = tayori_cms_sync_test_account_finish (fixture->sync, sync_test_wait (&result), &error);
  g_assert_null (info);
  g_assert_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_AUTH);
}

static void
test_push_thumbnail_table (WpFixture *fixture, gconstpointer data)
{
  gint64 id = add_article (fixture, "断水のお知らせ（写真あり）", TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriCmsSyncStatus) status = push (fixture->sync, id, &error);
  g_autoptr(TayoriCmsConnector) contrib = wp_test_connector ("contrib");
  g_autoptr(TayoriCmsPost) post = NULL;
  g_autoptr(JsonNode) media = NULL;
  g_autofree char *route = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (status->remote_id, >, 0);
  g_assert_cmpstr (status->remote_status, ==, "draft");
  post = tayori_cms_connector_get_post (contrib, status->remote_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (post->title, ==, "断水のお知らせ（写真あり）");
  g_assert_nonnull (strstr (post->content_html, "<table"));
  g_assert_nonnull (strstr (post->content_html, "9時から12時"));
  g_assert_cmpstr (post->client_id, ==, status->client_id);
  g_assert_cmpstr (post->revision_hash, ==, status->synced_hash);
  g_assert_cmpint (post->featured_media, >, 0);
  route = g_strdup_printf ("/wp/v2/media/%" G_GINT64_FORMAT, post->featured_media);
  media = wp_test_admin_call ("GET", route, NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (media), "alt_text"), ==, "給水車の写真");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (media), "post"), ==, status->remote_id);
}

static void
test_concurrent_edit (WpFixture *fixture, gconstpointer data)
{
  gint64 id = add_article (fixture, "断水のお知らせ（編集競合）", FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriCmsSyncStatus) status = push (fixture->sync, id, &error);
  g_autoptr(TayoriCmsConnector) editor = wp_test_connector ("editor1");
  g_autoptr(TayoriCmsPost) remote = NULL;
  g_autoptr(TayoriCmsPost) edited = NULL;
  g_autoptr(TayoriArticle) article = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(TayoriCmsSyncStatus) resolved = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  gboolean theirs_kept = FALSE;

  g_assert_no_error (error);
  /* Another user edits the post through the REST API. */
  remote = tayori_cms_connector_get_post (editor, status->remote_id, NULL, &error);
  g_assert_no_error (error);
  g_free (remote->title);
  remote->title = g_strdup ("広報課が直した題名");
  g_clear_pointer (&remote->status, g_free);
  g_usleep (G_USEC_PER_SEC); /* modified_gmt has one-second steps */
  edited = tayori_cms_connector_update_post (editor, remote, NULL, &error);
  g_assert_no_error (error);

  article = tayori_store_load_article (fixture->store, id, &error);
  tayori_article_set_body (article, "断水の時間が変わりました。");
  tayori_store_save_article (fixture->store, article, TAYORI_SAVE_MANUAL, &error);
  g_assert_no_error (error);
  g_assert_null (push (fixture->sync, id, &error));
  g_assert_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Nothing lost: theirs is on the CMS and in the local history, mine is current. */
  g_clear_pointer (&remote, tayori_cms_post_free);
  remote = tayori_cms_connector_get_post (editor, status->remote_id, NULL, &error);
  g_assert_cmpstr (remote->title, ==, "広報課が直した題名");
  revisions = tayori_store_list_revisions (fixture->store, id, NULL);
  for (guint i = 0; i < revisions->len; i++)
    theirs_kept |= g_strcmp0 (((TayoriRevision *) g_ptr_array_index (revisions, i))->title, "広報課が直した題名") == 0;
  g_assert_true (theirs_kept);
  g_clear_object (&article);
  article = tayori_store_load_article (fixture->store, id, NULL);
  g_assert_cmpstr (tayori_article_get_body (article), ==, "断水の時間が変わりました。");

  tayori_cms_sync_resolve_conflict_async (fixture->sync, id, TAYORI_CONFLICT_KEEP_MINE, NULL,
                                          sync_test_store_result, &result);
  resolved = tayori_cms_sync_resolve_conflict_finish (fixture->sync, sync_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_false (resolved->conflict);
  g_clear_pointer (&remote, tayori_cms_post_free);
  remote = tayori_cms_connector_get_post (editor, status->remote_id, NULL, &error);
  g_assert_cmpstr (remote->markdown, ==, "断水の時間が変わりました。");
}

static void
wp_ctl (const char *command)
{
  const char *argv[] = { g_getenv ("TAYORI_WP_CTL"), command, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static guint
count_posts_titled (const char *title)
{
  g_autofree char *escaped = g_uri_escape_string (title, NULL, FALSE);
  g_autofree char *route = g_strdup_printf ("/wp/v2/posts&status=any&per_page=100&search=%s", escaped);
  g_autoptr(JsonNode) posts = wp_test_admin_call ("GET", route, NULL);

  return json_array_get_length (json_node_get_array (posts));
}

static void
test_server_killed (WpFixture *fixture, gconstpointer data)
{
  const char *title = "断水のお知らせ（通信断）";
  gint64 id = add_article (fixture, title, TRUE);
  g_autoptr(TayoriOutboxItem) item = NULL;
  g_autoptr(TayoriCmsSyncStatus) status = NULL;
  g_autoptr(TayoriCmsConnector) contrib = wp_test_connector ("contrib");
  g_autoptr(TayoriCmsPost) found = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id_of_item;

  tayori_cms_sync_push_async (fixture->sync, id, NULL, NULL, NULL, NULL);
  /* Kill the web server as soon as the item runs: the create is on its way or answered. */
  for (;;)
    {
      g_autoptr(GPtrArray) items = tayori_outbox_db_list_unfinished (fixture->store, id, NULL);

      if (items->len > 0 && ((TayoriOutboxItem *) g_ptr_array_index (items, 0))->state == TAYORI_OUTBOX_RUNNING)
        {
          item = tayori_outbox_item_copy (g_ptr_array_index (items, 0));
          break;
        }
      g_main_context_iteration (NULL, FALSE);
    }
  id_of_item = item->id;
  wp_ctl ("stop-http");
  /* The app dies with the item unfinished: once its worker has given up on the dead server,
   * the row is put back as a crash leaves it, "running". */
  tayori_outbox_stop (tayori_cms_sync_get_outbox (fixture->sync));
  g_clear_object (&fixture->sync);
  for (;;)
    {
      g_clear_pointer (&item, tayori_outbox_item_free);
      item = tayori_outbox_db_get (fixture->store, id_of_item, NULL);
      if (item->state != TAYORI_OUTBOX_RUNNING)
        break;
      g_usleep (10000);
    }
  g_clear_pointer (&item, tayori_outbox_item_free);
  item = tayori_outbox_db_start (fixture->store, id_of_item, NULL);
  wp_ctl ("start-http");
  fixture->sync = tayori_cms_sync_new (fixture->store, fixture->preset);
  tayori_cms_sync_set_media_dir (fixture->sync, fixture->media_dir);
  error = sync_test_wait_item (tayori_cms_sync_get_outbox (fixture->sync), id_of_item);
  g_assert_no_error (error);
  g_clear_pointer (&item, tayori_outbox_item_free);
  item = tayori_outbox_db_get (fixture->store, id_of_item, NULL);
  g_test_message ("the push took %u attempts", item->attempts);

  status = sync_test_status (fixture->sync, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status->remote_id, >, 0);
  found = tayori_cms_connector_find_by_client_id (contrib, status->client_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->remote_id, ==, status->remote_id);
  g_assert_cmpuint (count_posts_titled (title), ==, 1);
}

int
main (int argc, char **argv)
{
  sync_test_init (&argc, &argv);
  if (g_getenv ("TAYORI_WP_URL") == NULL)
    {
      g_printerr ("Run this test through tests/cms/wordpress-wrapper.sh and tests/ai/keyring-wrapper.sh\n");
      return 77;
    }
#define ADD(path, func) g_test_add ("/tayori/sync/wordpress/" path, WpFixture, NULL, setup, func, teardown)
  ADD ("test-account", test_account);
  ADD ("push-thumbnail-table", test_push_thumbnail_table);
  ADD ("concurrent-edit", test_concurrent_edit);
  ADD ("server-killed", test_server_killed);
#undef ADD
  return g_test_run ();
}
