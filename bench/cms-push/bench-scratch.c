/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The scratch store and account of the CMS benchmarks (see bench-scratch.h). */

#include "bench-scratch.h"
#include "bench-util.h"

#define IMPORT_BATCH 1000

static void
remove_tree (GFile *dir)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                  G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                                                  NULL, NULL);
  GFileInfo *info;
  GFile *child;

  while (children != NULL && g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
    {
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child);
      else
        g_file_delete (child, NULL, NULL);
    }
  g_file_delete (dir, NULL, NULL);
}

static void
add_articles (BenchScratch *scratch, guint n, const char *title)
{
  g_autoptr(GString) body = NULL;
  g_autoptr(TayoriArticle) sample = bench_sample_article (1, "##", "", &body);

  for (guint done = 0; done < n; done += IMPORT_BATCH)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new ();
      g_autoptr(GError) error = NULL;

      for (guint i = done; i < MIN (n, done + IMPORT_BATCH); i++)
        {
          TayoriArticle *article = tayori_article_copy (sample);
          g_autofree char *numbered = g_strdup_printf ("%s %u", title, i + 1);

          tayori_article_set_title (article, numbered);
          g_ptr_array_add (batch, article);
          g_ptr_array_add (scratch->articles, article);
        }
      if (!tayori_store_import_articles (scratch->store, batch, &error))
        g_error ("import: %s", error->message);
    }
}

BenchScratch *
bench_scratch_new (guint       n,
                   const char *title,
                   const char *name,
                   const char *url,
                   const char *user)
{
  BenchScratch *scratch = g_new0 (BenchScratch, 1);
  g_autofree char *db = NULL;
  g_autofree char *accounts = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;

  scratch->dir = g_dir_make_tmp ("tayori-bench-cms-XXXXXX", &error);
  if (scratch->dir == NULL)
    g_error ("%s", error->message);
  db = g_build_filename (scratch->dir, "bench.db", NULL);
  accounts = g_build_filename (scratch->dir, "accounts.conf", NULL);
  data = g_build_filename (scratch->dir, "data", NULL);
  g_setenv ("TAYORI_ACCOUNTS", accounts, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);

  scratch->account = tayori_account_new (TAYORI_ACCOUNT_CMS, name, "wordpress", url, user);
  scratch->store = tayori_store_open (db, &error);
  if (scratch->store == NULL || !tayori_accounts_save (scratch->account, &error))
    g_error ("%s", error->message);
  scratch->articles = g_ptr_array_new_with_free_func (g_object_unref);
  add_articles (scratch, n, title);
  return scratch;
}

void
bench_scratch_free (BenchScratch *scratch)
{
  g_autoptr(GFile) dir = g_file_new_for_path (scratch->dir);

  tayori_store_close (scratch->store);
  g_object_unref (scratch->store);
  g_ptr_array_unref (scratch->articles);
  tayori_account_free (scratch->account);
  remove_tree (dir);
  g_free (scratch->dir);
  g_free (scratch);
}
