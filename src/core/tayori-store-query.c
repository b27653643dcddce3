/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Filtered listing and search on the worker thread. The filter becomes one WHERE clause with
 * bound parameters; the search terms become one FTS5 query on the trigram index, each term
 * quoted as an FTS5 string (1–2 character ones as prefix queries, see the tokenizer), whose
 * matches are kept as an id set (tayori-store-idset.c) for counting and paging. */
#include "tayori-store-private.h"
#include "tayori-article-summary.h"
#include "tayori-text-normalize.h"

#define MIN_TRIGRAM_TERM 3
/* Up to this many matches, a search is answered from the matches rather than the list order. */
#define FEW_HITS 2000

typedef struct {
  GString   *where;
  GPtrArray *params;   /* char *, bound in order as ?1, ?2, … */
} Conditions;

static void
conditions_clear (Conditions *c)
{
  if (c->where != NULL)
    g_string_free (c->where, TRUE);
  g_clear_pointer (&c->params, g_ptr_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Conditions, conditions_clear)

/* Adds @value as a parameter and returns its number. */
static guint
add_param (Conditions *c,
           const char *value)
{
  g_ptr_array_add (c->params, g_strdup (value));
  return c->params->len;
}

static void
add_condition (Conditions *c,
               const char *format,
               ...) G_GNUC_PRINTF (2, 3);

static void
add_condition (Conditions *c,
               const char *format,
               ...)
{
  va_list args;

  g_string_append (c->where, c->where->len == 0 ? " WHERE " : " AND ");
  va_start (args, format);
  g_string_append_vprintf (c->where, format, args);
  va_end (args);
}

/* A term as an FTS5 string, so the user's text can never become query syntax. Terms
 * shorter than a trigram become prefix queries, which the tayori_trigram tokenizer answers
 * with every trigram starting with them. */
static void
append_fts_term (GString    *match,
                 const char *term)
{
  if (match->len > 0)
    g_string_append_c (match, ' ');   /* juxtaposed phrases are ANDed */
  g_string_append_c (match, '"');
  for (const char *p = term; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (match, '"');
      g_string_append_c (match, *p);
    }
  g_string_append_c (match, '"');
  if (g_utf8_strlen (term, -1) < MIN_TRIGRAM_TERM)
    g_string_append_c (match, '*');
}

static gboolean
is_separator (gunichar c)
{
  return g_unichar_isspace (c) || g_unichar_iscntrl (c);
}

/* The FTS5 query for the search text, or NULL when it holds no term. */
static char *
build_match (const char *query)
{
  g_autofree char *normalized = tayori_text_normalize_for_search (query);
  g_autoptr(GString) match = g_string_new (NULL);
  const char *start = NULL;

  for (const char *p = normalized;; p = g_utf8_next_char (p))
    {
      gboolean end = *p == '\0' || is_separator (g_utf8_get_char (p));

      if (end && start != NULL)
        {
          g_autofree char *term = g_strndup (start, p - start);

          append_fts_term (match, term);
          start = NULL;
        }
      else if (!end && start == NULL)
        start = p;
      if (*p == '\0')
        break;
    }
  return match->len > 0 ? g_string_free (g_steal_pointer (&match), FALSE) : NULL;
}

static const TayoriStoreIdSet *
search_hits (TayoriStoreDb  *db,
             const char     *match,
             GError        **error)
{
  return tayori_store_db_id_set (db, &db->search_hits,
                                 "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1",
                                 match, error);
}

static gboolean
add_search (TayoriStoreDb  *db,
            Conditions     *c,
            const char     *match,
            GError        **error)
{
  const TayoriStoreIdSet *hits = search_hits (db, match, error);

  if (hits == NULL)
    return FALSE;
  /* Few matches are looked up and sorted; many are found by walking the list index in
   * order and testing each row, which stops as soon as the page is full. */
  if (tayori_store_id_set_count (hits) <= FEW_HITS)
    add_condition (c, "a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?%u)",
                   add_param (c, match));
  else
    add_condition (c, "tayori_search_hit (a.id)");
  return TRUE;
}

static gboolean
build_conditions (TayoriStoreDb              *db,
                  Conditions                 *c,
                  const TayoriArticleFilter  *filter,
                  const char                 *match,
                  GError                    **error)
{
  c->where = g_string_new (NULL);
  c->params = g_ptr_array_new_with_free_func (g_free);

  if (filter == NULL)
    {
      add_condition (c, "a.status <> 'archived'");
      return TRUE;
    }
  if (filter->status >= 0)
    add_condition (c, "a.status = ?%u",
                   add_param (c, tayori_article_status_to_key (filter->status)));
  if (!filter->include_archived && filter->status != TAYORI_ARTICLE_STATUS_ARCHIVED)
    add_condition (c, "a.status <> 'archived'");
  if (filter->author != NULL)
    add_condition (c, "a.author = ?%u", add_param (c, filter->author));
  if (filter->ward != NULL)
    add_condition (c, "a.ward = ?%u", add_param (c, filter->ward));
  if (filter->category != NULL)
    {
      /* "X" also matches "X/…": everything between "X/" and "X0" ('0' follows '/'). */
      guint n = add_param (c, filter->category);

      add_condition (c, "(a.category = ?%u OR (a.category >= ?%u || '/' AND a.category < ?%u || '0')"
                        " OR (instr (a.categories, ?%u) AND EXISTS (SELECT 1 FROM json_each (a.categories) j"
                        " WHERE j.value = ?%u OR (j.value >= ?%u || '/' AND j.value < ?%u || '0'))))",
                     n, n, n, n, n, n, n);
    }
  return match == NULL || add_search (db, c, match, error);
}

/* A search with no other filter, the common case, is counted from the id sets alone. */
static gboolean
count_search (TayoriStoreDb              *db,
              const TayoriArticleFilter  *filter,
              const char                 *match,
              guint                      *out_count,
              GError                    **error)
{
  const TayoriStoreIdSet *hits = search_hits (db, match, error);
  const TayoriStoreIdSet *archived;

  if (hits == NULL)
    return FALSE;
  *out_count = tayori_store_id_set_count (hits);
  if (filter->include_archived)
    return TRUE;
  archived = tayori_store_db_id_set (db, &db->archived, "SELECT id FROM articles WHERE status = ?1",
                                     tayori_article_status_to_key (TAYORI_ARTICLE_STATUS_ARCHIVED),
                                     error);
  if (archived == NULL)
    return FALSE;
  *out_count -= tayori_store_id_set_overlap (hits, archived);
  return TRUE;
}

static char *
filter_match (const TayoriArticleFilter *filter)
{
  return filter != NULL && filter->query != NULL ? build_match (filter->query) : NULL;
}

static sqlite3_stmt *
prepare (TayoriStoreDb  *db,
         Conditions     *c,
         const char     *sql,
         GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  TAYORI_STORE_DB_ASSERT_WORKER (db);
  rc = sqlite3_prepare_v2 (db->handle, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      tayori_store_db_fail (db, rc, error);
      return NULL;
    }
  for (guint i = 0; i < c->params->len; i++)
    sqlite3_bind_text (stmt, i + 1, g_ptr_array_index (c->params, i), -1, SQLITE_STATIC);
  return stmt;
}

gboolean
tayori_store_db_count (TayoriStoreDb              *db,
                       const TayoriArticleFilter  *filter,
                       guint                      *out_count,
                       GError                    **error)
{
  g_auto(Conditions) c = { NULL, NULL };
  g_autofree char *match = filter_match (filter);
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (match != NULL && filter->status < 0 && filter->author == NULL && filter->ward == NULL &&
      filter->category == NULL)
    return count_search (db, filter, match, out_count, error);

  if (!build_conditions (db, &c, filter, match, error))
    return FALSE;
  sql = g_strdup_printf ("SELECT count(*) FROM articles a%s", c.where->str);
  stmt = prepare (db, &c, sql, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return tayori_store_db_fail (db, rc, error);
  *out_count = (guint) sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static TayoriArticleSummary *
summary_from_row (sqlite3_stmt *stmt)
{
  TayoriArticleSummary *summary = tayori_article_summary_new ();
  g_autoptr(GDateTime) updated = tayori_store_parse_time ((const char *) sqlite3_column_text (stmt, 6));
  TayoriArticleStatus status = TAYORI_ARTICLE_STATUS_DRAFT;

  tayori_article_status_from_key ((const char *) sqlite3_column_text (stmt, 2), &status);
  tayori_article_summary_fill (summary,
                               sqlite3_column_int64 (stmt, 0),
                               (const char *) sqlite3_column_text (stmt, 1),
                               status,
                               (const char *) sqlite3_column_text (stmt, 3),
                               (const char *) sqlite3_column_text (stmt, 4),
                               (const char *) sqlite3_column_text (stmt, 5),
                               updated);
  return summary;
}

GPtrArray *
tayori_store_db_list (TayoriStoreDb              *db,
                      const TayoriArticleFilter  *filter,
                      guint                       offset,
                      guint                       limit,
                      GError                    **error)
{
  g_auto(Conditions) c = { NULL, NULL };
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) summaries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *match = filter_match (filter);
  int rc;

  if (!build_conditions (db, &c, filter, match, error))
    return NULL;
  sql = g_strdup_printf ("SELECT a.id, a.title, a.status, a.category, a.ward, a.author, a.updated"
                         " FROM articles a%s ORDER BY a.updated DESC, a.id DESC LIMIT %u OFFSET %u",
                         c.where->str, limit, offset);
  stmt = prepare (db, &c, sql, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (summaries, summary_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      tayori_store_db_fail (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&summaries);
}

gboolean
tayori_store_db_check_search_index (TayoriStoreDb  *db,
                                    GError        **error)
{
  return tayori_store_db_exec (db, "INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')",
                               error);
}
