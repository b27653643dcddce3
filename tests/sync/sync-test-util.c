/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sync tests' fixture (see sync-test-util.h). */
#include <stdlib.h>
#include <glib/gstdio.h>
#include "sync-test-util.h"
#include "tayori-media-store.h"

static const char accounts[] =
  "[cms:city]\ntype=wordpress\nurl=https://fake.invalid/\nuser=alice\n"
  "term:子育て世帯=kosodate\nterm:中央区=chuo\n\n"
  "[cms:city-editor]\ntype=wordpress\nurl=https://fake.invalid/\nuser=bob\n\n"
  "[cms:city-chief]\ntype=wordpress\nurl=https://fake.invalid/\nuser=carol\n";

static void
install_connectors_on (SyncFixture *fixture, TayoriCmsSync *sync)
{
  g_autoptr(FakeConnector) alice = fake_connector_new (fixture->site, "alice");
  g_autoptr(FakeConnector) bob = fake_connector_new (fixture->site, "bob");
  g_autoptr(FakeConnector) carol = fake_connector_new (fixture->site, "carol");

  tayori_cms_sync_set_connector (sync, "city", TAYORI_CMS_CONNECTOR (alice));
  tayori_cms_sync_set_connector (sync, "city-editor", TAYORI_CMS_CONNECTOR (bob));
  tayori_cms_sync_set_connector (sync, "city-chief", TAYORI_CMS_CONNECTOR (carol));
  tayori_cms_sync_set_media_dir (sync, fixture->media_dir);
  tayori_outbox_set_backoff (tayori_cms_sync_get_outbox (sync), 5);
}

static void
install_connectors (SyncFixture *fixture)
{
  install_connectors_on (fixture, fixture->sync);
}

TayoriCmsSync *
sync_fixture_machine (SyncFixture *fixture, const char *name, TayoriStore **out_store)
{
  g_autofree char *file = g_strconcat (name, ".db", NULL);
  g_autofree char *path = g_build_filename (fixture->dir, file, NULL);
  g_autoptr(GError) error = NULL;
  TayoriStore *store = tayori_store_open (path, &error);
  TayoriCmsSync *sync;

  g_assert_no_error (error);
  sync = tayori_cms_sync_new (store, fixture->preset);
  install_connectors_on (fixture, sync);
  g_ptr_array_add (fixture->machines, sync);
  g_ptr_array_add (fixture->stores, store);
  if (out_store != NULL)
    *out_store = store;
  return sync;
}

TayoriCmsSync *
sync_fixture_editor (SyncFixture *fixture)
{
  if (fixture->editor_sync == NULL)
    fixture->editor_sync = sync_fixture_machine (fixture, "editor", &fixture->editor_store);
  return fixture->editor_sync;
}

static char *accounts_dir;

static void
remove_accounts_dir (void)
{
  sync_test_remove_tree (accounts_dir);
}

void
sync_test_init (int *argc, char ***argv)
{
  g_autofree char *accounts_path = NULL;

  g_test_init (argc, argv, NULL);
  accounts_dir = g_dir_make_tmp ("tayori-sync-accounts-XXXXXX", NULL);
  g_assert_nonnull (accounts_dir);
  atexit (remove_accounts_dir);
  accounts_path = g_build_filename (accounts_dir, "accounts.conf", NULL);
  g_setenv ("TAYORI_ACCOUNTS", accounts_path, TRUE);
}

void
sync_fixture_set_up (SyncFixture *fixture, const char *preset_text, guint levels)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *accounts_path = NULL;
  g_autofree char *db_path = NULL;

  fixture->dir = g_dir_make_tmp ("tayori-sync-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->media_dir = g_build_filename (fixture->dir, "media", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->media_dir, 0700), ==, 0);
  accounts_path = g_strdup (g_getenv ("TAYORI_ACCOUNTS"));
  g_assert_nonnull (accounts_path);
  g_assert_true (g_file_set_contents (accounts_path, accounts, -1, NULL));
  if (preset_text != NULL)
    {
      g_autofree char *preset_path = g_build_filename (fixture->dir, "preset.conf", NULL);

      g_assert_true (g_file_set_contents (preset_path, preset_text, -1, NULL));
      fixture->preset = tayori_preset_new_from_file (preset_path, &error);
      g_assert_no_error (error);
    }
  else
    fixture->preset = tayori_preset_new_defaults ();
  db_path = g_build_filename (fixture->dir, "tayori.db", NULL);
  fixture->store = tayori_store_open (db_path, &error);
  g_assert_no_error (error);
  fixture->site = fake_site_new (levels);
  fixture->machines = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->stores = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->sync = tayori_cms_sync_new (fixture->store, fixture->preset);
  install_connectors (fixture);
}

void
sync_fixture_restart (SyncFixture *fixture)
{
  tayori_outbox_stop (tayori_cms_sync_get_outbox (fixture->sync));
  g_clear_object (&fixture->sync);
  fixture->sync = tayori_cms_sync_new (fixture->store, fixture->preset);
  install_connectors (fixture);
}

void
sync_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        sync_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
sync_fixture_tear_down (SyncFixture *fixture)
{
  tayori_outbox_stop (tayori_cms_sync_get_outbox (fixture->sync));
  g_clear_object (&fixture->sync);
  g_clear_pointer (&fixture->machines, g_ptr_array_unref);
  /* Let finished workers drop their references before the store closes. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  tayori_store_close (fixture->store);
  g_clear_object (&fixture->store);
  for (guint i = 0; i < fixture->stores->len; i++)
    tayori_store_close (g_ptr_array_index (fixture->stores, i));
  g_clear_pointer (&fixture->stores, g_ptr_array_unref);
  g_clear_object (&fixture->preset);
  g_clear_pointer (&fixture->site, fake_site_free);
  sync_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->media_dir, g_free);
}

gint64
sync_fixture_add_article (SyncFixture *fixture, const char *title, const char *body)
{
  g_autoptr(TayoriArticle) article = tayori_article_new ();
  g_autoptr(GError) error = NULL;

  tayori_article_set_title (article, title);
  tayori_article_set_body (article, body);
  tayori_article_set_author (article, "alice");
  tayori_store_save_article (fixture->store, article, TAYORI_SAVE_MANUAL, &error);
  g_assert_no_error (error);
  return tayori_article_get_id (article);
}

char *
sync_fixture_add_media (SyncFixture *fixture, const char *name, const char *bytes)
{
  g_autofree char *source = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (source);
  g_autoptr(GError) error = NULL;
  char *hash;

  g_assert_true (g_file_set_contents (source, bytes, -1, NULL));
  hash = tayori_media_store_add_file (fixture->media_dir, file, &error);
  g_assert_no_error (error);
  return hash;
}

void
sync_test_store_result (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

GAsyncResult *
sync_test_wait (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

GError *
sync_test_wait_item (TayoriOutbox *outbox, gint64 id)
{
  g_autoptr(GAsyncResult) result = NULL;
  GError *error = NULL;

  tayori_outbox_wait_async (outbox, id, NULL, sync_test_store_result, &result);
  tayori_outbox_wait_finish (outbox, sync_test_wait (&result), &error);
  return error;
}

TayoriCmsSyncStatus *
sync_test_push (TayoriCmsSync *sync, gint64 article_id, GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tayori_cms_sync_push_async (sync, article_id, NULL, NULL, sync_test_store_result, &result);
  return tayori_cms_sync_push_finish (sync, sync_test_wait (&result), error);
}

TayoriCmsSyncStatus *
sync_test_submit (TayoriCmsSync *sync, gint64 article_id, const char *note, const char *reason, GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tayori_cms_sync_submit_async (sync, article_id, NULL, note, reason, NULL, sync_test_store_result, &result);
  return tayori_cms_sync_submit_finish (sync, sync_test_wait (&result), error);
}

TayoriCmsSyncStatus *
sync_test_review (TayoriCmsSync *sync, gint64 article_id, TayoriCmsReviewAction action, const char *note,
                  GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tayori_cms_sync_review_async (sync, article_id, action, note, NULL, NULL, sync_test_store_result, &result);
  return tayori_cms_sync_review_finish (sync, sync_test_wait (&result), error);
}

gint64
sync_test_open_remote (TayoriCmsSync *sync, const char *account, gint64 remote_id, GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tayori_cms_sync_open_remote_async (sync, account, remote_id, NULL, sync_test_store_result, &result);
  return tayori_cms_sync_open_remote_finish (sync, sync_test_wait (&result), error);
}

TayoriCmsSyncStatus *
sync_test_status (TayoriCmsSync *sync, gint64 article_id, GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tayori_cms_sync_status_async (sync, article_id, NULL, sync_test_store_result, &result);
  return tayori_cms_sync_status_finish (sync, sync_test_wait (&result), error);
}

TayoriCmsSyncStatus *
sync_test_resolve (TayoriCmsSync *sync, gint64 article_id, TayoriConflictChoice choice, GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tayori_cms_sync_resolve_conflict_async (sync, article_id, choice, NULL, sync_test_store_result, &result);
  return tayori_cms_sync_resolve_conflict_finish (sync, sync_test_wait (&result), error);
}

TayoriArticle *
sync_test_load (TayoriStore *store, gint64 id)
{
  g_autoptr(GError) error = NULL;
  TayoriArticle *article = tayori_store_load_article (store, id, &error);

  g_assert_no_error (error);
  return article;
}

void
sync_test_save (TayoriStore *store, TayoriArticle *article)
{
  g_autoptr(GError) error = NULL;

  tayori_store_save_article (store, article, TAYORI_SAVE_MANUAL, &error);
  g_assert_no_error (error);
}
