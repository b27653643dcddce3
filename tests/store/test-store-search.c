/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Search and filters: trigram MATCH for 3+ characters, the instr() fallback for 1–2, width
 * and kana variants, FTS syntax in user input, several terms, and the list filters. */
#include "store-test-util.h"
#include "tayori-store-private.h"

typedef struct {
  char        *path;
  TayoriStore *store;
  gint64       festival, tokyo, symbols, archived;
} Fixture;

static gint64
add (Fixture             *f,
     const char          *title,
     const char          *body,
     const char          *category,
     const char * const  *categories,
     const char          *ward,
     const char          *author,
     TayoriArticleStatus  status)
{
  g_autoptr(TayoriArticle) article = store_test_article (title, body);
  g_autoptr(GError) error = NULL;

  tayori_article_set_category (article, category);
  tayori_article_set_categories (article, categories);
  tayori_article_set_ward (article, ward);
  tayori_article_set_author (article, author);
  tayori_article_set_status (article, status);
  tayori_article_set_summary (article, "区からのご案内です。");
  tayori_store_save_article (f->store, article, TAYORI_SAVE_MANUAL, &error);
  g_assert_no_error (error);
  return tayori_article_get_id (article);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *secondary[] = { "イベント/まつり", NULL };
  g_autoptr(GError) error = NULL;

  f->path = store_test_db_path ();
  f->store = tayori_store_open (f->path, &error);
  g_assert_no_error (error);
  f->festival = add (f, "区民まつりのお知らせ", "秋の区民まつりを開催します。サービス窓口も出店します。",
                     "イベント/まつり", NULL, "中央区", "山田", TAYORI_ARTICLE_STATUS_PUBLISHED);
  f->tokyo = add (f, "東京都からのお知らせ", "市民の皆さまへ。防災訓練を実施します。",
                  "防災", secondary, "北区", "佐藤", TAYORI_ARTICLE_STATUS_DRAFT);
  f->symbols = add (f, "ＱＺＸテスト", "AND OR NOT - * ( ) \"quoted\" 記号のテスト",
                    "防災/避難所", NULL, "中央区", "山田", TAYORI_ARTICLE_STATUS_DRAFT);
  f->archived = add (f, "過去のお知らせ", "終了した催しです。", "イベント", NULL, "北区", "佐藤",
                     TAYORI_ARTICLE_STATUS_ARCHIVED);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_free (f->path);
}

/* "3,2" from ids */
static char *
ids (gint64 first, ...)
{
  GString *text = g_string_new (NULL);
  va_list args;

  va_start (args, first);
  for (gint64 id = first; id != 0; id = va_arg (args, gint64))
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, text->len > 0 ? "," : "", id);
  va_end (args);
  return g_string_free (text, FALSE);
}

#define assert_search(f, query, ...) G_STMT_START {                         \
    g_autofree char *found = store_test_search_ids ((f)->store, (query));   \
    g_autofree char *expected = ids (__VA_ARGS__, (gint64) 0);              \
    g_assert_cmpstr (found, ==, expected);                                  \
  } G_STMT_END

static void
test_trigram (Fixture *f, gconstpointer data)
{
  assert_search (f, "区民まつり", f->festival);
  assert_search (f, "お知らせ", f->tokyo, f->festival);   /* newest first; archived hidden */
  assert_search (f, "ご案内", f->symbols, f->tokyo, f->festival);   /* summary is searched */
  assert_search (f, "存在しない語", 0);
}

static void
test_short (Fixture *f, gconstpointer data)
{
  assert_search (f, "東京", f->tokyo);
  assert_search (f, "区民", f->festival);
  assert_search (f, "訓練", f->tokyo);
  assert_search (f, "秋", f->festival);
  assert_search (f, "市", f->tokyo);
  assert_search (f, "猫", 0);
  /* at the very end of a column */
  assert_search (f, "らせ", f->tokyo, f->festival);
  assert_search (f, "せ", f->tokyo, f->festival);
  assert_search (f, "ト", f->symbols);
}

static void
test_variants (Fixture *f, gconstpointer data)
{
  assert_search (f, "ｻｰﾋﾞｽ", f->festival);
  assert_search (f, "さーびす", f->festival);
  assert_search (f, "サービス", f->festival);
  assert_search (f, "qzx", f->symbols);
  assert_search (f, "QZX", f->symbols);
  assert_search (f, "ｑｚ", f->symbols);
  assert_search (f, "　東京　", f->tokyo);   /* full-width spaces around */
}

static void
test_syntax (Fixture *f, gconstpointer data)
{
  const char *queries[] = { "\"", "\"\"", "AND", "OR", "NOT 記号", "-", "-記号", "*", "記号*",
                            "(", "(記号", ")", "a:b", "title:区民", "NEAR(区民 まつり)", "^区民",
                            "'", "\\", "%", "_", "{col}", NULL };

  for (guint i = 0; queries[i] != NULL; i++)
    {
      g_autoptr(TayoriArticleFilter) filter = tayori_article_filter_new ();
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GError) error = NULL;

      filter->query = g_strdup (queries[i]);
      rows = tayori_store_list_articles (f->store, filter, 0, 100, &error);
      g_assert_no_error (error);
      g_assert_nonnull (rows);
    }
  /* and the characters are searched for literally */
  assert_search (f, "\"quoted\"", f->symbols);
  assert_search (f, "AND", f->symbols);
  assert_search (f, "*", f->symbols);
  assert_search (f, "(", f->symbols);
  assert_search (f, "title:区民", 0);
}

static void
test_terms (Fixture *f, gconstpointer data)
{
  assert_search (f, "区民 まつり", f->festival);
  assert_search (f, "お知らせ 東京", f->tokyo);
  assert_search (f, "東京 秋", 0);
  assert_search (f, "お知らせ 開催します", f->festival);
  assert_search (f, "", f->symbols, f->tokyo, f->festival);
  assert_search (f, "   ", f->symbols, f->tokyo, f->festival);
}

#define assert_filter(f, filter, ...) G_STMT_START {                        \
    g_autofree char *found = store_test_list_ids ((f)->store, (filter));    \
    g_autofree char *expected = ids (__VA_ARGS__, (gint64) 0);              \
    g_assert_cmpstr (found, ==, expected);                                  \
  } G_STMT_END

static void
test_filters (Fixture *f, gconstpointer data)
{
  g_autoptr(TayoriArticleFilter) filter = tayori_article_filter_new ();

  assert_filter (f, NULL, f->symbols, f->tokyo, f->festival);
  assert_filter (f, filter, f->symbols, f->tokyo, f->festival);

  filter->include_archived = TRUE;
  assert_filter (f, filter, f->archived, f->symbols, f->tokyo, f->festival);
  filter->include_archived = FALSE;

  filter->status = TAYORI_ARTICLE_STATUS_ARCHIVED;
  assert_filter (f, filter, f->archived);
  filter->status = TAYORI_ARTICLE_STATUS_DRAFT;
  assert_filter (f, filter, f->symbols, f->tokyo);
  filter->status = -1;

  filter->author = g_strdup ("山田");
  assert_filter (f, filter, f->symbols, f->festival);
  g_clear_pointer (&filter->author, g_free);

  filter->ward = g_strdup ("北区");
  assert_filter (f, filter, f->tokyo);
  g_clear_pointer (&filter->ward, g_free);

  /* a category matches its sub-categories and secondary categories, not mere prefixes */
  filter->category = g_strdup ("防災");
  assert_filter (f, filter, f->symbols, f->tokyo);
  g_free (filter->category);
  filter->category = g_strdup ("防災/避難所");
  assert_filter (f, filter, f->symbols);
  g_free (filter->category);
  filter->category = g_strdup ("防");
  assert_filter (f, filter, 0);
  g_free (filter->category);
  filter->category = g_strdup ("イベント");
  assert_filter (f, filter, f->tokyo, f->festival);
  filter->include_archived = TRUE;
  assert_filter (f, filter, f->archived, f->tokyo, f->festival);

  /* filters and search together */
  filter->query = g_strdup ("お知らせ");
  filter->ward = g_strdup ("北区");
  assert_filter (f, filter, f->archived, f->tokyo);
}

static void
test_index_follows_edits (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriArticle) article = tayori_store_load_article (f->store, f->festival, &error);

  g_assert_no_error (error);
  tayori_article_set_title (article, "盆踊り大会のご案内");
  tayori_article_set_body (article, "夏の夜に開きます。");
  tayori_store_save_article (f->store, article, TAYORI_SAVE_AUTO, &error);
  g_assert_no_error (error);
  assert_search (f, "区民まつり", 0);
  assert_search (f, "秋", 0);
  assert_search (f, "盆踊り", f->festival);
  assert_search (f, "夏", f->festival);

  tayori_store_delete_article (f->store, f->tokyo, &error);
  g_assert_no_error (error);
  assert_search (f, "東京", 0);
  assert_search (f, "防災訓練", 0);

  /* the external-content FTS index agrees with its table */
  g_assert_true (tayori_store_check_search_index (f->store, &error));
  g_assert_no_error (error);
}

/* Beyond a couple of thousand matches the store counts from id bitmaps and walks the list
 * in order; those must agree with the plain answer and follow every write. */
static void
test_many_hits (void)
{
  g_autofree char *path = store_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriStore) store = tayori_store_open (path, &error);
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(TayoriArticleFilter) filter = tayori_article_filter_new ();
  g_autoptr(GPtrArray) page = NULL;
  g_autofree char *archived = NULL;
  gint64 extra;

  g_assert_no_error (error);
  for (guint i = 0; i < 2500; i++)
    {
      g_autofree char *title = g_strdup_printf ("共通の語を含む記事 %u", i);
      TayoriArticle *article = store_test_article (title, i % 2 == 0 ? "区民の皆さまへ" : "市民の皆さまへ");

      tayori_article_set_status (article, i % 5 == 0 ? TAYORI_ARTICLE_STATUS_ARCHIVED
                                                     : TAYORI_ARTICLE_STATUS_DRAFT);
      tayori_article_set_ward (article, i % 3 == 0 ? "北区" : "南区");
      g_ptr_array_add (articles, article);
    }
  g_assert_true (tayori_store_import_articles (store, articles, &error));

  for (guint round = 0; round < 2; round++)
    {
      g_free (filter->query);
      filter->query = g_strdup (round == 0 ? "共通の語" : "皆さま");
      g_assert_cmpuint (tayori_store_count_articles (store, filter, &error), ==, 2000);
      filter->include_archived = TRUE;
      g_assert_cmpuint (tayori_store_count_articles (store, filter, &error), ==, 2500);
      filter->include_archived = FALSE;
      filter->ward = g_strdup ("北区");
      g_assert_cmpuint (tayori_store_count_articles (store, filter, &error), ==, 667);
      g_clear_pointer (&filter->ward, g_free);
      g_clear_pointer (&page, g_ptr_array_unref);
      page = tayori_store_list_articles (store, filter, 1950, 100, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (page->len, ==, 50);
    }

  /* "区民" matches half of them: 1,000 (not archived) of 1,250 */
  g_free (filter->query);
  filter->query = g_strdup ("区民");
  g_assert_cmpuint (tayori_store_count_articles (store, filter, &error), ==, 1000);

  /* the cached matches follow saves, deletes and writes by other connections */
  g_free (filter->query);
  filter->query = g_strdup ("皆さま");
  extra = store_test_add (store, "新着", "皆さまへのお知らせ");
  g_assert_cmpuint (tayori_store_count_articles (store, filter, &error), ==, 2001);
  g_assert_true (tayori_store_delete_article (store, extra, &error));
  g_assert_cmpuint (tayori_store_count_articles (store, filter, &error), ==, 2000);
  archived = store_test_query (path, "UPDATE articles SET status = 'archived' WHERE id = 2");
  g_assert_cmpuint (tayori_store_count_articles (store, filter, &error), ==, 1999);
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/tayori/store/search/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("trigram", test_trigram);
  ADD ("short-terms", test_short);
  ADD ("width-kana-variants", test_variants);
  ADD ("fts-syntax-is-quoted", test_syntax);
  ADD ("several-terms", test_terms);
  ADD ("filters", test_filters);
  ADD ("index-follows-edits", test_index_follows_edits);
#undef ADD
  g_test_add_func ("/tayori/store/search/many-hits", test_many_hits);

  return g_test_run ();
}
