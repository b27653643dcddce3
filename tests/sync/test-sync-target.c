/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The site an article targets: stored before the first push, used by a push that names no
 * account, fixed once the article has a post on a site, and its categories. Two fake sites:
 * "city" (the fixture's) and "city-editor" (a ward site of its own here). */
#include <string.h>
#include "sync-test-util.h"
#include "tayori-cms-error.h"

typedef struct {
  SyncFixture  base;
  FakeSite    *ward_site;
} TargetFixture;

static void
setup (TargetFixture *fixture, gconstpointer data)
{
  g_autoptr(FakeConnector) ward = NULL;

  sync_fixture_set_up (&fixture->base, NULL, 1);
  fixture->ward_site = fake_site_new (1);
  ward = fake_connector_new (fixture->ward_site, "bob");
  tayori_cms_sync_set_connector (fixture->base.sync, "city-editor", TAYORI_CMS_CONNECTOR (ward));
}

static void
teardown (TargetFixture *fixture, gconstpointer data)
{
  sync_fixture_tear_down (&fixture->base);
  fake_site_free (fixture->ward_site);
}

static gboolean
set_target (TayoriCmsSync *sync, gint64 article_id, const char *account, GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tayori_cms_sync_set_target_async (sync, article_id, account, NULL, sync_test_store_result, &result);
  return tayori_cms_sync_set_target_finish (sync, sync_test_wait (&result), error);
}

static char *
get_target (TayoriCmsSync *sync, gint64 article_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *account;

  tayori_cms_sync_get_target_async (sync, article_id, NULL, sync_test_store_result, &result);
  account = tayori_cms_sync_get_target_finish (sync, sync_test_wait (&result), &error);
  g_assert_no_error (error);
  return account;
}

static void
test_push_goes_to_target (TargetFixture *fixture, gconstpointer data)
{
  TayoriCmsSync *sync = fixture->base.sync;
  gint64 id = sync_fixture_add_article (&fixture->base, "区民まつりのお知らせ", "本文");
  g_autoptr(TayoriCmsSyncStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *none = get_target (sync, id);
  g_autofree char *chosen = NULL;

  g_assert_null (none);
  g_assert_true (set_target (sync, id, "city-editor", &error));
  g_assert_no_error (error);
  chosen = get_target (sync, id);
  g_assert_cmpstr (chosen, ==, "city-editor");

  status = sync_test_push (sync, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (status->account, ==, "city-editor");
  g_assert_cmpint (status->remote_id, >, 0);
  g_assert_cmpuint (fake_site_count_posts (fixture->ward_site, status->client_id), ==, 1);
  g_assert_cmpuint (fake_site_count_posts (fixture->base.site, NULL), ==, 0);
}

static void
test_target_fixed_once_pushed (TargetFixture *fixture, gconstpointer data)
{
  TayoriCmsSync *sync = fixture->base.sync;
  gint64 id = sync_fixture_add_article (&fixture->base, "防災訓練", "本文");
  g_autoptr(TayoriCmsSyncStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  status = sync_test_push (sync, id, &error);
  g_assert_no_error (error);
  /* No target chosen: the first account */
  g_assert_cmpstr (status->account, ==, "city");

  g_assert_false (set_target (sync, id, "city-editor", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "city"));
  g_clear_error (&error);
  after = get_target (sync, id);
  g_assert_cmpstr (after, ==, "city");
  /* The same site again is no change, not a refusal */
  g_assert_true (set_target (sync, id, "city", &error));
  g_assert_no_error (error);
}

static void
test_target_changes_before_push (TargetFixture *fixture, gconstpointer data)
{
  TayoriCmsSync *sync = fixture->base.sync;
  gint64 id = sync_fixture_add_article (&fixture->base, "図書館の休館日", "本文");
  g_autoptr(TayoriCmsSyncStatus) first = NULL;
  g_autoptr(TayoriCmsSyncStatus) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;

  g_assert_true (set_target (sync, id, "city", &error));
  first = sync_test_status (sync, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first->client_id);
  g_assert_cmpint (first->remote_id, ==, 0);

  g_assert_true (set_target (sync, id, "city-editor", &error));
  g_assert_no_error (error);
  second = sync_test_status (sync, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second->account, ==, "city-editor");
  g_assert_cmpstr (second->client_id, ==, first->client_id);

  g_assert_false (set_target (sync, id, "nowhere", &error));
  g_assert_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_NOT_FOUND);
  target = get_target (sync, id);
  g_assert_cmpstr (target, ==, "city-editor");
}

static GStrv
target_categories (TayoriCmsSync *sync, gint64 article_id, GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tayori_cms_sync_target_categories_async (sync, article_id, NULL, sync_test_store_result, &result);
  return tayori_cms_sync_target_categories_finish (sync, sync_test_wait (&result), error);
}

static void
test_categories_of_the_target (TargetFixture *fixture, gconstpointer data)
{
  TayoriCmsSync *sync = fixture->base.sync;
  gint64 id = sync_fixture_add_article (&fixture->base, "避難所の開設", "本文");
  const char *ward_paths[] = { "防災", "防災/避難所", "防災/避難所/小学校", NULL };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) city = NULL;
  g_auto(GStrv) ward = NULL;

  fake_site_add_term (fixture->base.site, TAYORI_CMS_TAXONOMY_CATEGORY, 7, "くらし", "kurashi", 0);
  /* Children listed before their parent: the paths still come parent first */
  fake_site_add_term (fixture->ward_site, TAYORI_CMS_TAXONOMY_CATEGORY, 3, "小学校", "shogakko", 2);
  fake_site_add_term (fixture->ward_site, TAYORI_CMS_TAXONOMY_CATEGORY, 2, "避難所", "hinanjo", 1);
  fake_site_add_term (fixture->ward_site, TAYORI_CMS_TAXONOMY_CATEGORY, 1, "防災", "bousai", 0);
  fake_site_add_term (fixture->ward_site, TAYORI_CMS_TAXONOMY_TAG, 9, "子育て世帯", "kosodate", 0);

  /* No target yet: the first site, where a push would go */
  city = target_categories (sync, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (city, ((const char *[]) { "くらし", NULL }));

  g_assert_true (set_target (sync, id, "city-editor", &error));
  ward = target_categories (sync, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (ward, ward_paths);
}

int
main (int argc, char **argv)
{
  sync_test_init (&argc, &argv);
  g_test_add ("/tayori/sync/target/push-goes-to-target", TargetFixture, NULL, setup,
              test_push_goes_to_target, teardown);
  g_test_add ("/tayori/sync/target/fixed-once-pushed", TargetFixture, NULL, setup,
              test_target_fixed_once_pushed, teardown);
  g_test_add ("/tayori/sync/target/changes-before-push", TargetFixture, NULL, setup,
              test_target_changes_before_push, teardown);
  g_test_add ("/tayori/sync/target/categories", TargetFixture, NULL, setup,
              test_categories_of_the_target, teardown);
  return g_test_run ();
}
