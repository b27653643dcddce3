/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriArticleSaver: keeps the store in step with the article being edited. A change starts
 * a short throttle (not restarted by later keystrokes), so typing is saved within a second;
 * saves run one at a time and a failed save keeps the edits dirty and retries. */
#pragma once

#include <gio/gio.h>
#include "tayori-article.h"
#include "tayori-store.h"

G_BEGIN_DECLS

typedef enum {
  TAYORI_SAVE_STATE_IDLE,    /* nothing saved since the article was set */
  TAYORI_SAVE_STATE_SAVING,
  TAYORI_SAVE_STATE_SAVED,
  TAYORI_SAVE_STATE_FAILED,  /* edits are kept and a retry is scheduled */
} TayoriSaveState;

#define TAYORI_TYPE_SAVE_STATE (tayori_save_state_get_type ())
GType tayori_save_state_get_type (void);

/* Delay between the first unsaved change and the save it triggers. */
#define TAYORI_ARTICLE_SAVER_THROTTLE_MS 500
/* Delay before retrying after a failed save. */
#define TAYORI_ARTICLE_SAVER_RETRY_MS    5000

#define TAYORI_TYPE_ARTICLE_SAVER (tayori_article_saver_get_type ())
G_DECLARE_FINAL_TYPE (TayoriArticleSaver, tayori_article_saver, TAYORI, ARTICLE_SAVER, GObject)

TayoriArticleSaver *tayori_article_saver_new               (TayoriStore          *store);
/* Follows @article from now on; does not save the previous one (flush it first). */
void                tayori_article_saver_set_article       (TayoriArticleSaver   *self,
                                                            TayoriArticle        *article);
TayoriArticle      *tayori_article_saver_get_article       (TayoriArticleSaver   *self);
/* For edits not yet pushed into the article (the body editor): starts the throttle. */
void                tayori_article_saver_mark_dirty        (TayoriArticleSaver   *self);
gboolean            tayori_article_saver_get_dirty         (TayoriArticleSaver   *self);
TayoriSaveState     tayori_article_saver_get_state         (TayoriArticleSaver   *self);
GDateTime          *tayori_article_saver_get_saved_time    (TayoriArticleSaver   *self);
const char         *tayori_article_saver_get_error_message (TayoriArticleSaver   *self);
/* Saves now (after a save in flight). An AUTO save with nothing dirty completes at once. */
void                tayori_article_saver_save_async        (TayoriArticleSaver   *self,
                                                            TayoriSaveKind        kind,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean            tayori_article_saver_save_finish       (TayoriArticleSaver   *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

G_END_DECLS
