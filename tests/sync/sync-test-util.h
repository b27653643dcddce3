/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the sync tests share: a temporary store, media dir and accounts file, a fake site,
 * and a way to wait on the main loop for an async result. */
#pragma once

#include "fake-connector.h"
#include "tayori-cms-sync.h"

G_BEGIN_DECLS

typedef struct {
  char          *dir;
  char          *media_dir;
  TayoriStore   *store;
  TayoriPreset  *preset;
  FakeSite      *site;
  TayoriCmsSync *sync;
  TayoriStore   *editor_store;   /* the editor's own machine, made by sync_fixture_editor */
  TayoriCmsSync *editor_sync;
  GPtrArray     *machines;       /* TayoriCmsSync of other people's machines */
  GPtrArray     *stores;
} SyncFixture;

/* g_test_init, and $TAYORI_ACCOUNTS set before any thread starts. */
void           sync_test_init           (int *argc, char ***argv);
/* Accounts "city" (user alice), "city-editor" (bob) and "city-chief" (carol) on one fake site; @preset_text
 * (may be NULL) is written as the organisation preset. */
void           sync_fixture_set_up      (SyncFixture *fixture, const char *preset_text, guint levels);
void           sync_fixture_tear_down   (SyncFixture *fixture);
/* A new TayoriCmsSync on the same store (the app restarted), with the fake connectors. */
void           sync_fixture_restart     (SyncFixture *fixture);
/* Another person's machine: its own store @name.db, the same fake site. */
TayoriCmsSync *sync_fixture_machine     (SyncFixture *fixture, const char *name, TayoriStore **out_store);
/* The editor's machine (made once). */
TayoriCmsSync *sync_fixture_editor      (SyncFixture *fixture);
gint64         sync_fixture_add_article (SyncFixture *fixture, const char *title, const char *body);
/* Stores @bytes in the media dir; returns the hash. */
char          *sync_fixture_add_media   (SyncFixture *fixture, const char *name, const char *bytes);

/* Removes a temporary directory and everything in it. */
void           sync_test_remove_tree    (const char *path);
/* Runs the default main context until *@result is set by the callback (sync_test_store_result). */
GAsyncResult  *sync_test_wait           (GAsyncResult **result);
void           sync_test_store_result   (GObject *source, GAsyncResult *result, gpointer user_data);
/* Waits for the outbox to finish item @id; returns the wait's error (NULL: done). */
GError        *sync_test_wait_item      (TayoriOutbox *outbox, gint64 id);

/* The sync calls, waited for on the main loop. */
TayoriCmsSyncStatus *sync_test_push        (TayoriCmsSync *sync, gint64 article_id, GError **error);
TayoriCmsSyncStatus *sync_test_submit      (TayoriCmsSync *sync, gint64 article_id, const char *note,
                                            const char *reason, GError **error);
TayoriCmsSyncStatus *sync_test_review      (TayoriCmsSync *sync, gint64 article_id,
                                            TayoriCmsReviewAction action, const char *note,
                                            GError **error);
gint64               sync_test_open_remote (TayoriCmsSync *sync, const char *account, gint64 remote_id,
                                            GError **error);
TayoriCmsSyncStatus *sync_test_status      (TayoriCmsSync *sync, gint64 article_id, GError **error);
TayoriCmsSyncStatus *sync_test_resolve     (TayoriCmsSync *sync, gint64 article_id,
                                            TayoriConflictChoice choice, GError **error);
/* Loads or saves (manual) an article, asserting success. */
TayoriArticle       *sync_test_load        (TayoriStore *store, gint64 id);
void                 sync_test_save        (TayoriStore *store, TayoriArticle *article);

G_END_DECLS
