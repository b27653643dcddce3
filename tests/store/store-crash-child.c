/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helper of test-store-crash: saves one article in a loop, as autosaves with a manual save
 * now and then, and prints each counter on stdout once its save has returned. The test
 * kills it with SIGKILL at random moments. Usage: store-crash-child DB */
#include <stdio.h>
#include <stdlib.h>
#include "tayori-store.h"

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(TayoriArticle) article = NULL;
  g_autoptr(GString) filler = g_string_new (NULL);
  guint64 counter = 0;

  if (argc != 2)
    return 2;
  store = tayori_store_open (argv[1], &error);
  if (store == NULL)
    g_error ("%s", error->message);

  rows = tayori_store_list_articles (store, NULL, 0, 1, &error);
  if (rows != NULL && rows->len > 0)
    {
      article = tayori_store_load_article (store, tayori_article_summary_get_id (g_ptr_array_index (rows, 0)), &error);
      if (article == NULL)
        g_error ("%s", error->message);
      counter = g_ascii_strtoull (tayori_article_get_title (article), NULL, 10);
    }
  else
    article = tayori_article_new ();

  for (guint i = 0; i < 40; i++)
    g_string_append (filler, "区民の皆さまへ、台風に備えて避難所の場所を確認しましょう。");

  for (;;)
    {
      g_autofree char *title = g_strdup_printf ("%" G_GUINT64_FORMAT, ++counter);
      g_autofree char *body = g_strdup_printf ("%s\n%s", title, filler->str);

      tayori_article_set_title (article, title);
      tayori_article_set_body (article, body);
      if (tayori_store_save_article (store, article, counter % 7 == 0 ? TAYORI_SAVE_MANUAL : TAYORI_SAVE_AUTO,
                                     &error) == 0)
        g_error ("%s", error->message);
      printf ("%" G_GUINT64_FORMAT "\n", counter);
      fflush (stdout);
    }
}
