/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared between tayori-sns-composer.c (the texts, drafts, loading), -store.c (versions and
 * their saving), -attach.c (hashtags, image, URL, accounts, previews), -accounts.c (per account
 * 「予約投稿」 and Mastodon's limit) and -send.c (the gate,
 * 「まとめて投稿」, progress, history, the audit log export). */
#pragma once

#include <adwaita.h>

#include "tayori-post-queue.h"
#include "tayori-sns-versions.h"
#include "tayori-sns-composer.h"
#include "tayori-sns-preview.h"
#include "tayori-sns-text-editor.h"

G_BEGIN_DECLS

#define N_NETWORKS 4

struct _TayoriSnsComposer
{
  GtkWidget             parent_instance;

  GtkPaned             *paned;
  GtkBox               *editors_box;
  GtkWidget            *hashtag_box;
  GtkFlowBox           *hashtags;
  AdwActionRow         *image_row;
  GtkPicture           *image_picture;
  AdwEntryRow          *alt_row;
  AdwEntryRow          *url_row;
  AdwPreferencesGroup  *accounts_group;
  GtkLabel             *background_label;
  GtkLabel             *gate_label;
  GtkWidget            *progress_group;
  GtkListBox           *progress_list;
  GtkListBox           *history_list;
  TayoriSnsPreview     *preview;

  TayoriSnsService     *service;
  TayoriArticle        *article;
  GSignalGroup         *article_signals; /* its status and thumbnail change what may be sent */
  GCancellable         *cancellable;     /* the open article's loads; cancelled on switching */
  GPtrArray            *versions;        /* TayoriSnsVersion as stored: "base" and edited ones */
  GHashTable           *dirty;           /* targets waiting to be saved */
  guint                 save_id;
  guint                 preview_id;
  guint                 history_id;      /* one history reload for a burst of job changes */
  TayoriSnsTextEditor  *base_editor;
  TayoriSnsTextEditor  *editors[N_NETWORKS];   /* by TayoriPostNetwork */
  GPtrArray            *accounts;        /* TayoriAccount the person may use */
  GPtrArray            *account_rows;    /* AdwActionRow, same order */
  GHashTable           *unchecked;       /* names of accounts left out of this send */
  char                 *image_hash;
  char                 *image_uri;       /* data: URI for the previews */
  char                 *preview_network;
  GHashTable           *progress_rows;   /* job id (gint64*) → TayoriSnsJobRow */
  GHashTable           *posted;          /* "account\ntext" of the article's live or sent jobs */
  GHashTable           *schedules;       /* account name → GDateTime (Asia/Tokyo): 「予約投稿」 */
  GHashTable           *limits_asked;    /* Mastodon accounts whose instance limit was asked */
  GtkFileChooserNative *chooser;
  gboolean              filling;         /* the composer itself is setting entries */
};

/* tayori-sns-composer-store.c: the versions in memory and their saving */
TayoriSnsVersion *_tayori_sns_composer_version_copy   (const TayoriSnsVersion *version);
TayoriSnsVersion *_tayori_sns_composer_find_version   (TayoriSnsComposer *self,
                                                       const char        *target);
TayoriSnsVersion *_tayori_sns_composer_ensure_version (TayoriSnsComposer *self,
                                                       const char        *target);
/* @target's version changed in memory: store it soon, update the previews and the gate. */
void              _tayori_sns_composer_changed        (TayoriSnsComposer *self,
                                                       const char        *target);
/* Stores the changed versions now (before switching articles, on dispose). */
void              _tayori_sns_composer_save_now       (TayoriSnsComposer *self);

/* tayori-sns-composer.c: the texts */
char             *_tayori_sns_composer_resolved_text  (TayoriSnsComposer *self,
                                                       const char        *account,
                                                       TayoriPostNetwork  network);
void              _tayori_sns_composer_toast          (TayoriSnsComposer *self,
                                                       const char        *message);

/* tayori-sns-composer-attach.c: hashtags, image, URL, accounts, previews */
void              _tayori_sns_composer_fill_hashtags   (TayoriSnsComposer *self);
void              _tayori_sns_composer_fill_image      (TayoriSnsComposer *self);
void              _tayori_sns_composer_alt_changed_cb  (TayoriSnsComposer *self);
void              _tayori_sns_composer_fill_url        (TayoriSnsComposer *self);
void              _tayori_sns_composer_fill_accounts   (TayoriSnsComposer *self);
void              _tayori_sns_composer_schedule_preview (TayoriSnsComposer *self);
/* One request per checked account, with its resolved text and the image. */
GPtrArray        *_tayori_sns_composer_build_requests  (TayoriSnsComposer *self);
const char       *_tayori_sns_composer_account_label   (TayoriSnsComposer *self,
                                                        const char        *name);

/* tayori-sns-composer-accounts.c: per account 「予約投稿」 and Mastodon's instance limit */
void              _tayori_sns_composer_class_add_account_actions (GtkWidgetClass    *widget_class);
/* Adds the row's 「予約投稿…」 button (labelled by _update_account_rows). */
void              _tayori_sns_composer_add_schedule_button (TayoriSnsComposer *self,
                                                            AdwActionRow      *row,
                                                            const char        *account);
void              _tayori_sns_composer_update_account_rows (TayoriSnsComposer *self);
/* Sets @request's scheduled_at from its account's 「予約投稿」 time, if any. */
void              _tayori_sns_composer_apply_schedule    (TayoriSnsComposer *self,
                                                          TayoriPostRequest *request);
/* The Mastodon counter's limit from the checked accounts; _fetch_ also asks each Mastodon
 * instance once (on a worker thread) and updates it when the answer comes. */
void              _tayori_sns_composer_update_limits     (TayoriSnsComposer *self);
void              _tayori_sns_composer_fetch_limits      (TayoriSnsComposer *self);

/* tayori-sns-composer-send.c */
void           _tayori_sns_composer_class_add_send_actions (GtkWidgetClass    *widget_class);
void           _tayori_sns_composer_setup_send             (TayoriSnsComposer *self);
/* The gate's refusals under the button, and whether it is enabled: the one place. */
void           _tayori_sns_composer_update_send            (TayoriSnsComposer *self);
/* The article's status changed: the gate again, and an approved emergency notice's offer. */
void           _tayori_sns_composer_status_changed         (TayoriSnsComposer *self);
void           _tayori_sns_composer_reload_history         (TayoriSnsComposer *self);
void           _tayori_sns_composer_clear_progress         (TayoriSnsComposer *self);

G_END_DECLS
