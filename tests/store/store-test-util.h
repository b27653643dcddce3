/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the store tests: a scratch folder, quick articles, raw SQL access. */
#pragma once

#include <sqlite3.h>
#include "tayori-store.h"

G_BEGIN_DECLS

/* A new empty folder under $TMPDIR, removed at exit. */
char          *store_test_make_dir     (void);
/* "<new scratch folder>/tayori.db" */
char          *store_test_db_path      (void);
TayoriArticle *store_test_article      (const char *title,
                                        const char *body);
/* Saves @title/@body as a new article (manual save) and returns its id. */
gint64         store_test_add          (TayoriStore *store,
                                        const char  *title,
                                        const char  *body);
/* Runs one SQL statement on a second connection and returns the first column of the first
 * row as text (NULL when there is none). Any SQL error aborts the test. */
char          *store_test_query        (const char *db_path,
                                        const char *sql);
/* The ids a filter lists, in order, as "3,2,1". */
char          *store_test_list_ids     (TayoriStore               *store,
                                        const TayoriArticleFilter *filter);
char          *store_test_search_ids   (TayoriStore *store,
                                        const char  *query);

G_END_DECLS
