/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriSnsService: the application's one post queue (made once the window's store is open,
 * started at once), who the person is (name and roles) for the posting gate, and the
 * Background portal request that keeps scheduled posts going after the window closes. */
#pragma once

#include <gio/gio.h>

#include "tayori-article.h"
#include "tayori-cms-sync.h"
#include "tayori-post-queue.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_SNS_SERVICE (tayori_sns_service_get_type ())
G_DECLARE_FINAL_TYPE (TayoriSnsService, tayori_sns_service, TAYORI, SNS_SERVICE, GObject)

TayoriSnsService   *tayori_sns_service_new            (TayoriPreset     *preset,
                                                       GSettings        *settings);
/* The application's service, or NULL (tests of single widgets). */
TayoriSnsService   *tayori_sns_service_get_default    (void);
void                tayori_sns_service_set_default    (TayoriSnsService *service);
/* Makes and starts the queue on @store the first time; later stores are ignored. */
void                tayori_sns_service_set_store      (TayoriSnsService *self,
                                                       TayoriStore      *store);
TayoriStore        *tayori_sns_service_get_store      (TayoriSnsService *self);
TayoriPostQueue    *tayori_sns_service_get_queue      (TayoriSnsService *self);
TayoriPreset       *tayori_sns_service_get_preset     (TayoriSnsService *self);
/* The name recorded as the actor: the author name setting, else the login. */
/* The application's CMS sync engine (the article's URL, emergency approval); NULL before the
 * store is open or when no CMS account is configured. */
TayoriCmsSync      *tayori_sns_service_get_cms_sync   (TayoriSnsService *self);
const char         *tayori_sns_service_get_actor      (TayoriSnsService *self);
/* "role:editor" etc., from the preset's [posting] roles= (";"-separated role names). */
const char * const *tayori_sns_service_get_roles      (TayoriSnsService *self);
gboolean            tayori_sns_service_is_editor      (TayoriSnsService *self);
/* NULL while scheduled posts can run in the background, else why not (translated); the
 * "background-problem" property notifies changes. */
const char         *tayori_sns_service_get_background_problem (TayoriSnsService *self);

/* An emergency notice kept for approval was approved: tells the person (a desktop
 * notification) that its posts can go out with 「まとめて投稿」 in its SNS tab. */
void                tayori_sns_service_offer_posts    (TayoriSnsService *self,
                                                       TayoriArticle    *article);

G_END_DECLS
