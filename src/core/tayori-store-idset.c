/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sets of article ids as bitmaps, built from one query and kept until the data changes: the
 * articles a search matches, and the archived ones. With them a search over 100,000 articles
 * is counted by popcount and listed by a cheap membership test (tayori_search_hit (id)),
 * instead of the join SQLite would build and walk twice (count, then page). */
#include <string.h>
#include "tayori-store-private.h"

#define WORD_BITS 64

struct _TayoriStoreIdSet {
  char    *sql;
  char    *param;
  gint64   version;
  guint64 *words;
  gsize    n_words;
  guint    count;
};

void
tayori_store_id_set_free (TayoriStoreIdSet *set)
{
  if (set == NULL)
    return;
  g_free (set->sql);
  g_free (set->param);
  g_free (set->words);
  g_free (set);
}

guint
tayori_store_id_set_count (const TayoriStoreIdSet *set)
{
  return set->count;
}

gboolean
tayori_store_id_set_contains (const TayoriStoreIdSet *set,
                              gint64                  id)
{
  guint64 word = (guint64) id / WORD_BITS;

  return id >= 0 && word < set->n_words && (set->words[word] >> (id % WORD_BITS)) & 1;
}

guint
tayori_store_id_set_overlap (const TayoriStoreIdSet *a,
                             const TayoriStoreIdSet *b)
{
  guint count = 0;

  for (gsize i = 0; i < MIN (a->n_words, b->n_words); i++)
    count += __builtin_popcountll (a->words[i] & b->words[i]);
  return count;
}

/* Changes whenever this connection or another one writes. */
static gboolean
data_version (TayoriStoreDb  *db,
              gint64         *out_version,
              GError        **error)
{
  sqlite3_stmt *stmt = tayori_store_db_query_row (db, "PRAGMA data_version", error);

  if (stmt == NULL)
    return FALSE;
  *out_version = sqlite3_column_int64 (stmt, 0) + sqlite3_total_changes (db->handle);
  sqlite3_reset (stmt);
  return TRUE;
}

static void
add_id (TayoriStoreIdSet *set,
        gint64            id)
{
  gsize word = (guint64) id / WORD_BITS;

  if (word >= set->n_words)
    {
      gsize n_words = MAX (word + 1, set->n_words * 2);

      set->words = g_renew (guint64, set->words, n_words);
      memset (set->words + set->n_words, 0, (n_words - set->n_words) * sizeof (guint64));
      set->n_words = n_words;
    }
  if (!((set->words[word] >> (id % WORD_BITS)) & 1))
    {
      set->words[word] |= G_GUINT64_CONSTANT (1) << (id % WORD_BITS);
      set->count++;
    }
}

const TayoriStoreIdSet *
tayori_store_db_id_set (TayoriStoreDb     *db,
                        TayoriStoreIdSet **slot,
                        const char        *sql,
                        const char        *param,
                        GError           **error)
{
  g_autoptr(TayoriStoreIdSet) set = NULL;
  sqlite3_stmt *stmt;
  gint64 version = 0;
  int rc;

  if (!data_version (db, &version, error))
    return NULL;
  if (*slot != NULL && (*slot)->version == version &&
      g_str_equal ((*slot)->sql, sql) && g_str_equal ((*slot)->param, param))
    return *slot;

  stmt = tayori_store_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  set = g_new0 (TayoriStoreIdSet, 1);
  set->sql = g_strdup (sql);
  set->param = g_strdup (param);
  set->version = version;
  sqlite3_bind_text (stmt, 1, param, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id >= 0)
        add_id (set, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tayori_store_db_fail (db, rc, error);
      return NULL;
    }

  tayori_store_id_set_free (*slot);
  *slot = g_steal_pointer (&set);
  return *slot;
}

/* tayori_search_hit (id): whether the current search matched the article. */
static void
search_hit_function (sqlite3_context  *context,
                     int               argc,
                     sqlite3_value   **argv)
{
  TayoriStoreDb *db = sqlite3_user_data (context);

  sqlite3_result_int (context, db->search_hits != NULL &&
                      tayori_store_id_set_contains (db->search_hits, sqlite3_value_int64 (argv[0])));
}

void
tayori_store_db_register_id_sets (TayoriStoreDb *db)
{
  TAYORI_STORE_DB_ASSERT_WORKER (db);
  sqlite3_create_function_v2 (db->handle, "tayori_search_hit", 1, SQLITE_UTF8 | SQLITE_DIRECTONLY,
                              db, search_hit_function, NULL, NULL, NULL);
}

void
tayori_store_db_clear_id_sets (TayoriStoreDb *db)
{
  g_clear_pointer (&db->search_hits, tayori_store_id_set_free);
  g_clear_pointer (&db->archived, tayori_store_id_set_free);
}
