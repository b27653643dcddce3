/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriCmsSync against the fake site: what a push sends, retries and reconciling without
 * duplicates, conflicts kept in the history and resolved each way. */
#include <string.h>
#include "sync-test-util.h"
#include "tayori-cms-error.h"
#include "tayori-markdown.h"
#include "tayori-outbox-private.h"

#define IMAGE_BYTES      "\x89PNG\r\n\x1a\n fake image"
#define THUMBNAIL_BYTES  "\x89PNG\r\n\x1a\n fake thumbnail"

static void
setup (SyncFixture *fixture, gconstpointer data)
{
  sync_fixture_set_up (fixture, NULL, GPOINTER_TO_UINT (data) != 0 ? GPOINTER_TO_UINT (data) : 1);
  fake_site_add_term (fixture->site, TAYORI_CMS_TAXONOMY_CATEGORY, 1, "防災", "bousai", 0);
  fake_site_add_term (fixture->site, TAYORI_CMS_TAXONOMY_CATEGORY, 2, "避難所", "hinanjo", 1);
  fake_site_add_term (fixture->site, TAYORI_CMS_TAXONOMY_CATEGORY, 20, "中央区", "chuo", 0);
  fake_site_add_term (fixture->site, TAYORI_CMS_TAXONOMY_TAG, 10, "子育て世帯", "kosodate", 0);
}

static void
teardown (SyncFixture *fixture, gconstpointer data)
{
  sync_fixture_tear_down (fixture);
}

static const FakeMedia *
find_media (FakeSite *site, const char *alt, const char *name)
{
  GPtrArray *media = fake_site_get_media (site);

  for (guint i = 0; i < media->len; i++)
    {
      const FakeMedia *item = g_ptr_array_index (media, i);

      if ((alt != NULL && g_strcmp0 (item->alt, alt) == 0) || (name != NULL && g_strcmp0 (item->file_name, name) == 0))
        return item;
    }
  return NULL;
}

static gboolean
has_id (GArray *ids, gint64 id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
test_push_builds_post (SyncFixture *fixture, gconstpointer data)
{
  g_autofree char *image = sync_fixture_add_media (fixture, "figure.png", IMAGE_BYTES);
  g_autofree char *thumbnail = sync_fixture_add_media (fixture, "thumb.png", THUMBNAIL_BYTES);
  g_autofree char *pdf = sync_fixture_add_media (fixture, "form.pdf", "%PDF-1.4 fake");
  g_autofree char *body = g_strdup_printf ("## 開設場所\n\n| 施設 | 住所 |\n| --- | --- |\n| 中央小 | 1-1 |\n\n"
                                           "![避難所の地図](tayori-media:%s)\n", image);
  gint64 id = sync_fixture_add_article (fixture, "避難所を開設しました", body);
  g_autoptr(TayoriArticle) article = sync_test_load (fixture->store, id);
  g_autoptr(GPtrArray) attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_attachment_free);
  const char *audiences[] = { "子育て世帯", NULL };
  g_autoptr(TayoriCmsSyncStatus) status = NULL;
  g_autoptr(TayoriCmsPost) post = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rendered = NULL;
  g_autofree char *image_url = NULL;
  g_autofree char *expected_body = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *pdf_url = NULL;
  g_autofree char *image_name = g_strconcat (image, ".png", NULL);
  g_autofree char *image_ref = g_strconcat ("tayori-media:", image, NULL);
  const FakeMedia *featured, *inline_image, *form;

  tayori_article_set_summary (article, "中央小学校に避難所を開設しました。");
  tayori_article_set_category (article, "防災/避難所");
  tayori_article_set_audiences (article, audiences);
  tayori_article_set_ward (article, "中央区");
  tayori_article_set_thumbnail (article, thumbnail);
  tayori_article_set_thumbnail_alt (article, "避難所の入口");
  g_ptr_array_add (attachments, tayori_attachment_new ("申請書.pdf", pdf, "application/pdf", 13));
  tayori_article_set_attachments (article, attachments);
  sync_test_save (fixture->store, article);

  status = sync_test_push (fixture->sync, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status->remote_id, >, 0);
  g_assert_cmpstr (status->account, ==, "city");
  g_assert_false (status->local_changed);
  post = fake_site_get (fixture->site, status->remote_id);

  g_assert_cmpstr (post->title, ==, "避難所を開設しました");
  g_assert_cmpstr (post->excerpt, ==, "中央小学校に避難所を開設しました。");
  g_assert_cmpstr (post->markdown, ==, body);
  g_assert_cmpstr (post->client_id, ==, status->client_id);
  hash = tayori_cms_content_hash (article);
  g_assert_cmpstr (post->revision_hash, ==, hash);
  g_assert_cmpstr (status->synced_hash, ==, hash);
  g_assert_nonnull (strstr (post->meta_json, "\"ward\":\"中央区\""));
  g_assert_true (has_id (post->category_ids, 2));
  g_assert_true (has_id (post->category_ids, 20));
  g_assert_true (has_id (post->tag_ids, 10));
  g_assert_false (has_id (post->category_ids, 1));

  featured = find_media (fixture->site, "避難所の入口", NULL);
  g_assert_nonnull (featured);
  g_assert_cmpint (post->featured_media, ==, featured->id);
  g_assert_cmpint (featured->post_id, ==, status->remote_id);
  g_assert_cmpstr (featured->mime_type, ==, "image/png");
  inline_image = find_media (fixture->site, NULL, image_name);
  g_assert_nonnull (inline_image);
  form = find_media (fixture->site, NULL, "申請書.pdf");
  g_assert_nonnull (form);
  g_assert_cmpstr (form->mime_type, ==, "application/pdf");
  g_assert_cmpuint (fake_site_get_media (fixture->site)->len, ==, 3);

  /* The content is the preview's body rendering with the media URLs rewritten, without the
   * data-sourcepos attributes the preview keeps to follow the editor. */
  rendered = tayori_markdown_render_body (body, -1);
  g_assert_nonnull (strstr (rendered, " data-sourcepos=\""));
  {
    g_autoptr(GRegex) sourcepos = g_regex_new (" data-sourcepos=\"[^\"]*\"", 0, 0, NULL);
    char *stripped = g_regex_replace_literal (sourcepos, rendered, -1, 0, "", 0, NULL);

    g_free (rendered);
    rendered = stripped;
  }
  image_url = g_strdup_printf ("https://fake.invalid/uploads/%" G_GINT64_FORMAT "-%s.png", inline_image->id, image);
  {
    g_auto(GStrv) parts = g_strsplit (rendered, image_ref, -1);

    expected_body = g_strjoinv (image_url, parts);
  }
  g_assert_true (g_str_has_prefix (post->content_html, expected_body));
  g_assert_nonnull (strstr (post->content_html, "<table"));
  g_assert_null (strstr (post->content_html, "tayori-media:"));
  g_assert_null (strstr (post->content_html, "data-sourcepos"));
  pdf_url = g_strdup_printf ("https://fake.invalid/uploads/%" G_GINT64_FORMAT "-申請書.pdf", form->id);
  g_assert_nonnull (strstr (post->content_html, pdf_url));

  /* Pushing again uploads nothing twice. */
  g_clear_pointer (&status, tayori_cms_sync_status_free);
  status = sync_test_push (fixture->sync, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fake_site_get_media (fixture->site)->len, ==, 3);
  g_assert_cmpuint (fake_site_count_calls (fixture->site, "create_post"), ==, 1);
  g_assert_cmpuint (fake_site_count_calls (fixture->site, "update_post"), ==, 2);
}

static void
test_push_without_uploads (SyncFixture *fixture, gconstpointer data)
{
  g_autofree char *thumbnail = sync_fixture_add_media (fixture, "thumb.png", THUMBNAIL_BYTES);
  gint64 id = sync_fixture_add_article (fixture, "写真つきのお知らせ", "本文です。");
  g_autoptr(TayoriArticle) article = sync_test_load (fixture->store, id);
  g_autoptr(TayoriCmsSyncStatus) status = NULL;
  g_autoptr(TayoriCmsPost) post = NULL;
  g_autoptr(GError) error = NULL;

  tayori_article_set_thumbnail (article, thumbnail);
  tayori_article_set_thumbnail_alt (article, "写真");
  sync_test_save (fixture->store, article);
  fake_site_refuse_uploads (fixture->site);
  status = sync_test_push (fixture->sync, id, &error);
  g_assert_no_error (error);
  post = fake_site_get (fixture->site, status->remote_id);
  g_assert_cmpstr (post->title, ==, "写真つきのお知らせ");
  g_assert_cmpint (post->featured_media, ==, 0);
  g_assert_cmpuint (fake_site_get_media (fixture->site)->len, ==, 0);
}

static void
test_transient_retry (SyncFixture *fixture, gconstpointer data)
{
  gint64 id = sync_fixture_add_article (fixture, "お知らせ", "本文です。");
  g_autoptr(TayoriCmsSyncStatus) status = NULL;
  g_autoptr(GError) error = NULL;

  fake_site_fail_transiently (fixture->site, 2);
  status = sync_test_push (fixture->sync, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status->remote_id, >, 0);
  g_assert_null (status->pending);
  g_assert_cmpuint (fake_site_count_posts (fixture->site, status->client_id), ==, 1);
  g_assert_cmpuint (fake_site_count_calls (fixture->site, "create_post"), ==, 3);
}

static void
test_permanent_failure (SyncFixture *fixture, gconstpointer data)
{
  gint64 id = sync_fixture_add_article (fixture, "お知らせ", "本文です。");
  g_autoptr(TayoriCmsSyncStatus) status = NULL;
  g_autoptr(GError) error = NULL;

  fake_site_fail_once (fixture->site, TAYORI_CMS_ERROR_FORBIDDEN);
  g_assert_null (sync_test_push (fixture->sync, id, &error));
  g_assert_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_FORBIDDEN);
  status = sync_test_status (fixture->sync, id, NULL);
  g_assert_nonnull (status->pending);
  g_assert_cmpint (status->pending->state, ==, TAYORI_OUTBOX_FAILED);
  g_assert_cmpstr (status->pending->error_class, ==, "forbidden");
  g_assert_cmpint (status->remote_id, ==, 0);
}

static void
test_lost_create (SyncFixture *fixture, gconstpointer data)
{
  gint64 id = sync_fixture_add_article (fixture, "お知らせ", "本文です。");
  g_autoptr(TayoriCmsSyncStatus) status = NULL;
  g_autoptr(GError) error = NULL;

  fake_site_lose_next_create (fixture->site);
  status = sync_test_push (fixture->sync, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fake_site_count_posts (fixture->site, NULL), ==, 1);
  g_assert_cmpuint (fake_site_count_posts (fixture->site, status->client_id), ==, 1);
  g_assert_cmpuint (fake_site_count_calls (fixture->site, "create_post"), ==, 1);
  g_assert_cmpuint (fake_site_count_calls (fixture->site, "find_by_client_id"), >=, 1);
}

static TayoriOutboxItem *
first_unfinished (TayoriStore *store)
{
  g_autoptr(GPtrArray) items = tayori_outbox_db_list_unfinished (store, 0, NULL);

  return items != NULL && items->len > 0 ? tayori_outbox_item_copy (g_ptr_array_index (items, 0)) : NULL;
}

static void
test_restart_no_duplicate (SyncFixture *fixture, gconstpointer data)
{
  gint64 id = sync_fixture_add_article (fixture, "お知らせ", "本文です。");
  g_autoptr(TayoriOutboxItem) item = NULL;
  g_autoptr(TayoriOutboxItem) running = NULL;
  g_autoptr(TayoriCmsSyncStatus) status = NULL;

  /* The create reaches the site, its answer is lost, and the app dies mid-item. */
  tayori_outbox_set_backoff (tayori_cms_sync_get_outbox (fixture->sync), 10 * 60 * 1000);
  fake_site_lose_next_create (fixture->site);
  tayori_cms_sync_push_async (fixture->sync, id, NULL, NULL, NULL, NULL);
  for (;;)
    {
      g_clear_pointer (&item, tayori_outbox_item_free);
      item = first_unfinished (fixture->store);
      if (item != NULL && item->state == TAYORI_OUTBOX_PENDING && item->attempts == 1)
        break;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_cmpuint (fake_site_count_posts (fixture->site, NULL), ==, 1);
  tayori_outbox_stop (tayori_cms_sync_get_outbox (fixture->sync));
  running = tayori_outbox_db_start (fixture->store, item->id, NULL);
  g_assert_cmpint (running->state, ==, TAYORI_OUTBOX_RUNNING);

  sync_fixture_restart (fixture);
  g_assert_null (sync_test_wait_item (tayori_cms_sync_get_outbox (fixture->sync), item->id));
  status = sync_test_status (fixture->sync, id, NULL);
  g_assert_cmpint (status->remote_id, >, 0);
  g_assert_cmpuint (fake_site_count_posts (fixture->site, status->client_id), ==, 1);
  g_assert_cmpuint (fake_site_count_posts (fixture->site, NULL), ==, 1);
  g_assert_cmpuint (fake_site_count_calls (fixture->site, "create_post"), ==, 1);
}

/* Pushes, edits the post on the CMS and the article locally, and pushes again. */
static gint64
make_conflict (SyncFixture *fixture, gint64 *out_remote_id)
{
  gint64 id = sync_fixture_add_article (fixture, "元の題名", "元の本文");
  g_autoptr(TayoriCmsSyncStatus) status = sync_test_push (fixture->sync, id, NULL);
  g_autoptr(TayoriArticle) article = sync_test_load (fixture->store, id);
  g_autoptr(TayoriArticle) mine = NULL;
  g_autoptr(TayoriArticle) theirs = NULL;
  g_autoptr(TayoriCmsPost) remote = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriCmsSyncStatus) conflicted = NULL;
  guint theirs_revisions = 0;

  g_assert_nonnull (status);
  *out_remote_id = status->remote_id;
  fake_site_edit_remotely (fixture->site, status->remote_id, "広報課が直した題名", "広報課が直した本文");
  tayori_article_set_title (article, "私の題名");
  sync_test_save (fixture->store, article);

  g_assert_null (sync_test_push (fixture->sync, id, &error));
  g_assert_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_CONFLICT);
  /* Nothing overwritten: the CMS keeps theirs, the article stays mine, both are in the history. */
  remote = fake_site_get (fixture->site, status->remote_id);
  g_assert_cmpstr (remote->title, ==, "広報課が直した題名");
  g_clear_object (&article);
  article = sync_test_load (fixture->store, id);
  g_assert_cmpstr (tayori_article_get_title (article), ==, "私の題名");
  revisions = tayori_store_list_revisions (fixture->store, id, NULL);
  for (guint i = 0; i < revisions->len; i++)
    if (g_strcmp0 (((TayoriRevision *) g_ptr_array_index (revisions, i))->title, "広報課が直した題名") == 0)
      theirs_revisions++;
  g_assert_cmpuint (theirs_revisions, ==, 1);

  conflicted = sync_test_status (fixture->sync, id, NULL);
  g_assert_true (conflicted->conflict);
  g_assert_cmpint (conflicted->pending->state, ==, TAYORI_OUTBOX_CONFLICT);
  g_clear_object (&result);
  tayori_cms_sync_get_conflict_async (fixture->sync, id, NULL, sync_test_store_result, &result);
  theirs = tayori_cms_sync_get_conflict_finish (fixture->sync, sync_test_wait (&result), &mine, NULL);
  g_assert_cmpstr (tayori_article_get_title (theirs), ==, "広報課が直した題名");
  g_assert_cmpstr (tayori_article_get_body (theirs), ==, "広報課が直した本文");
  g_assert_cmpstr (tayori_article_get_title (mine), ==, "私の題名");
  return id;
}

static void
test_conflict_keep_mine (SyncFixture *fixture, gconstpointer data)
{
  gint64 remote_id;
  gint64 id = make_conflict (fixture, &remote_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriCmsSyncStatus) status = sync_test_resolve (fixture->sync, id, TAYORI_CONFLICT_KEEP_MINE, &error);
  g_autoptr(TayoriCmsPost) remote = fake_site_get (fixture->site, remote_id);

  g_assert_no_error (error);
  g_assert_false (status->conflict);
  g_assert_null (status->pending);
  g_assert_cmpstr (remote->title, ==, "私の題名");
}

static void
test_conflict_take_theirs (SyncFixture *fixture, gconstpointer data)
{
  gint64 remote_id;
  gint64 id = make_conflict (fixture, &remote_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriCmsSyncStatus) status = sync_test_resolve (fixture->sync, id, TAYORI_CONFLICT_TAKE_THEIRS, &error);
  g_autoptr(TayoriArticle) article = sync_test_load (fixture->store, id);
  g_autoptr(GPtrArray) revisions = tayori_store_list_revisions (fixture->store, id, NULL);
  g_autoptr(TayoriCmsPost) remote = fake_site_get (fixture->site, remote_id);
  gboolean mine_kept = FALSE;

  g_assert_no_error (error);
  g_assert_false (status->conflict);
  g_assert_false (status->local_changed);
  g_assert_cmpstr (tayori_article_get_title (article), ==, "広報課が直した題名");
  g_assert_cmpstr (remote->title, ==, "広報課が直した題名");
  for (guint i = 0; i < revisions->len; i++)
    mine_kept |= g_strcmp0 (((TayoriRevision *) g_ptr_array_index (revisions, i))->title, "私の題名") == 0;
  g_assert_true (mine_kept);
}

static void
test_conflict_merged (SyncFixture *fixture, gconstpointer data)
{
  gint64 remote_id;
  gint64 id = make_conflict (fixture, &remote_id);
  g_autoptr(TayoriArticle) article = sync_test_load (fixture->store, id);
  g_autoptr(TayoriCmsSyncStatus) status = NULL;
  g_autoptr(TayoriCmsPost) remote = NULL;
  g_autoptr(GError) error = NULL;

  tayori_article_set_title (article, "私の題名（広報課の修正を反映）");
  tayori_article_set_body (article, "広報課が直した本文");
  sync_test_save (fixture->store, article);
  status = sync_test_resolve (fixture->sync, id, TAYORI_CONFLICT_MERGED, &error);
  g_assert_no_error (error);
  g_assert_false (status->conflict);
  remote = fake_site_get (fixture->site, remote_id);
  g_assert_cmpstr (remote->title, ==, "私の題名（広報課の修正を反映）");
  g_assert_cmpstr (remote->markdown, ==, "広報課が直した本文");
}

int
main (int argc, char **argv)
{
  sync_test_init (&argc, &argv);
#define ADD(path, func) g_test_add ("/tayori/sync/engine/" path, SyncFixture, NULL, setup, func, teardown)
  ADD ("push-builds-post", test_push_builds_post);
  ADD ("push-without-uploads", test_push_without_uploads);
  ADD ("transient-retry", test_transient_retry);
  ADD ("permanent-failure", test_permanent_failure);
  ADD ("lost-create", test_lost_create);
  ADD ("restart-no-duplicate", test_restart_no_duplicate);
  ADD ("conflict-keep-mine", test_conflict_keep_mine);
  ADD ("conflict-take-theirs", test_conflict_take_theirs);
  ADD ("conflict-merged", test_conflict_merged);
#undef ADD
  return g_test_run ();
}
