/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "tayori_trigram", the search index's FTS5 tokenizer: SQLite's trigram tokenizer, except that
 * a prefix query of one or two characters ("東京"*) becomes one prefix token, so FTS5 finds
 * every indexed trigram starting with those characters instead of nothing. The indexed text
 * ends in padding (see tayori_store_db_open) so every occurrence has a trigram starting at it.
 * This answers 1–2 character searches from the index instead of scanning all the text. */
#include "tayori-store-private.h"

#define TRIGRAM 3

typedef struct {
  fts5_tokenizer  trigram;
  void           *trigram_data;
} Module;

typedef struct {
  fts5_tokenizer  trigram;
  Fts5Tokenizer  *instance;
} Tokenizer;

static int
tokenizer_create (void           *user_data,
                  const char    **args,
                  int             n_args,
                  Fts5Tokenizer **out)
{
  Module *module = user_data;
  Tokenizer *tokenizer = g_new0 (Tokenizer, 1);
  int rc;

  tokenizer->trigram = module->trigram;
  rc = module->trigram.xCreate (module->trigram_data, args, n_args, &tokenizer->instance);
  if (rc != SQLITE_OK)
    {
      g_free (tokenizer);
      return rc;
    }
  *out = (Fts5Tokenizer *) tokenizer;
  return SQLITE_OK;
}

static void
tokenizer_delete (Fts5Tokenizer *instance)
{
  Tokenizer *tokenizer = (Tokenizer *) instance;

  tokenizer->trigram.xDelete (tokenizer->instance);
  g_free (tokenizer);
}

static int
tokenizer_tokenize (Fts5Tokenizer  *instance,
                    void           *context,
                    int             flags,
                    const char     *text,
                    int             length,
                    int           (*emit) (void       *context,
                                           int         token_flags,
                                           const char *token,
                                           int         token_length,
                                           int         start,
                                           int         end))
{
  Tokenizer *tokenizer = (Tokenizer *) instance;

  if ((flags & FTS5_TOKENIZE_PREFIX) != 0 && length > 0 &&
      g_utf8_strlen (text, length) < TRIGRAM)
    return emit (context, 0, text, length, 0, length);
  return tokenizer->trigram.xTokenize (tokenizer->instance, context, flags, text, length, emit);
}

static fts5_api *
get_fts5_api (sqlite3 *handle)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (handle, "SELECT fts5 (?1)", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
      sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  return api;
}

gboolean
tayori_store_db_register_tokenizer (TayoriStoreDb  *db,
                                    GError        **error)
{
  fts5_tokenizer methods = { tokenizer_create, tokenizer_delete, tokenizer_tokenize };
  fts5_api *api;
  Module *module;
  int rc;

  TAYORI_STORE_DB_ASSERT_WORKER (db);
  api = get_fts5_api (db->handle);
  if (api == NULL)
    return tayori_store_db_fail (db, SQLITE_ERROR, error);

  module = g_new0 (Module, 1);
  rc = api->xFindTokenizer (api, "trigram", &module->trigram_data, &module->trigram);
  if (rc != SQLITE_OK)
    {
      g_free (module);
      return tayori_store_db_fail (db, rc, error);
    }
  rc = api->xCreateTokenizer (api, "tayori_trigram", module, &methods, g_free);
  if (rc != SQLITE_OK)
    return tayori_store_db_fail (db, rc, error);
  return TRUE;
}
