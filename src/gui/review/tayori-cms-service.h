/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriCmsService: the application's one link to the CMS sites: the sync engine over the
 * window's store, the accounts, and the lists the window shows (review queue, my returned
 * articles, expired published ones), pulled at start and every five minutes. */
#pragma once

#include <gio/gio.h>
#include "tayori-cms-sync.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_CMS_SERVICE (tayori_cms_service_get_type ())
G_DECLARE_FINAL_TYPE (TayoriCmsService, tayori_cms_service, TAYORI, CMS_SERVICE, GObject)

TayoriCmsService *tayori_cms_service_new           (TayoriPreset     *preset);
/* The registered service, or NULL (a page made without the application). */
TayoriCmsService *tayori_cms_service_get_default   (void);
void              tayori_cms_service_set_default   (TayoriCmsService *service);

/* Makes the sync engine over @store (once) and pulls the lists. */
void              tayori_cms_service_set_store     (TayoriCmsService *self,
                                                    TayoriStore      *store);
TayoriStore      *tayori_cms_service_get_store     (TayoriCmsService *self);
TayoriPreset     *tayori_cms_service_get_preset    (TayoriCmsService *self);
/* NULL until a store was set. */
TayoriCmsSync    *tayori_cms_service_get_sync      (TayoriCmsService *self);
/* Element type TayoriAccount: the CMS accounts of the preset and of the user. */
GPtrArray        *tayori_cms_service_dup_accounts  (TayoriCmsService *self);
/* The user added or removed an account: "accounts-changed", then a pull. */
void              tayori_cms_service_accounts_changed (TayoriCmsService *self);
/* Pulls the lists now; "lists-changed" when they are in. */
void              tayori_cms_service_refresh       (TayoriCmsService *self);
/* The lists as last pulled, element type TayoriCmsRemoteItem. */
GPtrArray        *tayori_cms_service_get_queue     (TayoriCmsService *self);
GPtrArray        *tayori_cms_service_get_returned  (TayoriCmsService *self);
GPtrArray        *tayori_cms_service_get_expired   (TayoriCmsService *self);
/* Whether one of the accounts' users can review (edit others' posts or approve), as the
 * sites said; FALSE until they answer. */
gboolean          tayori_cms_service_get_can_review (TayoriCmsService *self);
/* Properties "queue-count", "returned-count", "expired-count" (uint) follow the lists;
 * "can-review" (boolean) follows tayori_cms_service_get_can_review().
 * Signals: "lists-changed"; "accounts-changed"; "article-changed" (gint64 article id) when
 * an outbox item or a pull changed what is known of an article's remote side. */

G_END_DECLS
