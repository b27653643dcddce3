/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sign-off record: the hash, approvers and their times in Japan time, the check summary,
 * the approved body, and no way for article text to become markup or script. */
#include <string.h>
#include "tayori-cms-sync.h"
#include "tayori-signoff.h"

static TayoriCmsReviewEntry *
entry_new (const char *action, const char *actor, guint level, const char *note, const char *at)
{
  TayoriCmsReviewEntry *entry = g_new0 (TayoriCmsReviewEntry, 1);

  entry->action = g_strdup (action);
  entry->actor = g_strdup (actor);
  entry->level = level;
  entry->note = g_strdup (note);
  entry->at = g_strdup (at);
  return entry;
}

static void
test_record (void)
{
  g_autoptr(TayoriArticle) article = tayori_article_new ();
  g_autoptr(TayoriPreset) preset = tayori_preset_new_defaults ();
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_cms_review_entry_free);
  g_autoptr(GPtrArray) findings = g_ptr_array_new ();
  g_autoptr(TayoriCheckReport) report = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *html = NULL;
  g_autofree char *lower = NULL;

  tayori_article_set_title (article, "<script>alert('x')</script>休館のお知らせ");
  tayori_article_set_body (article, "本文です。<script>alert(1)</script>\n\n| 日 | 内容 |\n| - | - |\n| 1 | 休館 |\n");
  tayori_article_set_author (article, "alice");
  g_ptr_array_add (log, entry_new ("submit", "alice", 0, NULL, "2026-03-31T23:30:00Z"));
  g_ptr_array_add (log, entry_new ("approve", "editor1", 1, "<b>確認済み</b>", "2026-04-01T01:05:00Z"));
  g_ptr_array_add (log, entry_new ("approve", "editor2", 2, NULL, "2026-04-01T15:00:00Z"));
  report = tayori_check_report_new (findings, article);
  hash = tayori_cms_content_hash (article);
  html = tayori_signoff_render_html (article, preset, hash, log, report);
  lower = g_ascii_strdown (html, -1);

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (html, hash));
  g_assert_cmpuint (strlen (hash), ==, 64);
  g_assert_nonnull (strstr (html, "editor1"));
  g_assert_nonnull (strstr (html, "editor2"));
  /* UTC 23:30 on 31 March is 08:30 on 1 April in Japan; 15:00 UTC is midnight the next day. */
  g_assert_nonnull (strstr (html, "2026-04-01 08:30"));
  g_assert_nonnull (strstr (html, "2026-04-01 10:05"));
  g_assert_nonnull (strstr (html, "2026-04-02 00:00"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert("));
  g_assert_nonnull (strstr (html, "&lt;b&gt;確認済み&lt;/b&gt;"));
  g_assert_null (strstr (lower, "<script"));
  g_assert_null (strstr (lower, "<b>確認済み"));
  g_assert_nonnull (strstr (html, "<table"));
  g_assert_nonnull (strstr (html, "size: A4"));
  g_assert_nonnull (strstr (html, tayori_preset_get_city_name (preset)));
}

static void
test_hash_ignores_status (void)
{
  g_autoptr(TayoriArticle) article = tayori_article_new ();
  g_autofree char *before = NULL;
  g_autofree char *after_status = NULL;
  g_autofree char *after_edit = NULL;

  tayori_article_set_title (article, "題名");
  before = tayori_cms_content_hash (article);
  tayori_article_set_status (article, TAYORI_ARTICLE_STATUS_PUBLISHED);
  tayori_article_set_id (article, 42);
  after_status = tayori_cms_content_hash (article);
  tayori_article_set_body (article, "本文");
  after_edit = tayori_cms_content_hash (article);
  g_assert_cmpstr (before, ==, after_status);
  g_assert_cmpstr (before, !=, after_edit);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tayori/sync/signoff/record", test_record);
  g_test_add_func ("/tayori/sync/signoff/hash-ignores-status", test_hash_ignores_status);
  return g_test_run ();
}
